// The annual rule-of-law report (年度法治政府建设情况报告) computed from the
// records: it composes the statistics the modules already keep (双随机,
// case statistics, credit repair, reconsideration and litigation,
// registrations) with the licences issued, each figure as defined in
// data/report-figures.csv and docs/report-definitions.md, with the previous
// year and a link to the records behind it.
//
// Who may read it: the report is bureau-wide, so it needs cases.read over
// every department (admin, leader, legal). Staff see their own department's
// figures on the statistics pages instead; inspectors hold no cases.read.
#pragma once

#include <string>

#include "domain/report/annual_report.h"
#include "service/case_records_service.h"
#include "service/case_stats_service.h"
#include "service/credit_service.h"
#include "service/holding_service.h"
#include "service/plan_service.h"
#include "service/service_env.h"

namespace jg {

// The figure table shipped in data/report-figures.csv (embedded at build time).
const report::FigureTable& BuiltInReportFigures();

// The business item that marks a food operation licence as covering alcohol
// (上海 “二证合一”).
inline constexpr char kAlcoholBusinessItem[] = "含酒类";

struct ReportSources {
  PlanService& plans;
  CaseStatsService& case_stats;
  CreditService& credit;
  CaseRecordsService& case_records;
  HoldingService& holdings;
};

class ReportService {
 public:
  ReportService(ServiceEnv env, const report::FigureTable& figures, ReportSources sources)
      : env_(env), figures_(figures), src_(sources) {}

  // The figures of `year` (2001–9998) and, where that year has records of
  // the figure's kind, of the year before. 403 for roles without cases.read
  // over all departments; 400 invalid_year.
  Result<report::AnnualReport> Annual(const Actor& actor, int year);

  // The same as a workbook: one sheet per section (service/annual_report_xlsx.cc).
  Result<std::string> Xlsx(const report::AnnualReport& r) const;

  int ThisYear() const;

 private:
  ServiceEnv env_;
  const report::FigureTable& figures_;
  ReportSources src_;
};

}  // namespace jg
