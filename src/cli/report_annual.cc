// `jianguan report annual --year 2023`: the annual report's figures from the
// records, as JSON (default), the print-ready HTML page or an .xlsx workbook,
// to stdout or --out FILE. The command line reads the database directly (as
// backup does), so it produces the bureau-wide report.
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "service/annual_report_json.h"
#include "service/enforcement_rules.h"
#include "service/report_service.h"
#include "service/system_clock.h"
#include "service/work_calendar.h"

namespace jg::cli {

int ReportAnnual(const ReportOptions& o) {
  if (o.format != "json" && o.format != "html" && o.format != "xlsx") {
    std::cerr << "jianguan: --format must be json, html or xlsx\n";
    return kExitUsage;
  }
  if (o.format == "xlsx" && o.out.empty()) {
    std::cerr << "jianguan: --format xlsx needs --out FILE (a workbook is not for a terminal)\n";
    return kExitUsage;
  }
  auto store = OpenStore(o.db);
  if (!store.ok()) {
    std::cerr << "jianguan: " << store.status().ToString() << "\n";
    return ExitCodeOf(store.status());
  }
  SystemClock clock;
  ServiceEnv env{**store, clock};
  const WorkCalendar& calendar = BuiltInWorkCalendar();
  const EnforcementRules& rules = BuiltInEnforcementRules();
  PlanService plans(env, calendar);
  LenientRuleService lenient_rules(env, rules);
  CaseStatsService case_stats(env, lenient_rules);
  CreditService credit(env, calendar, rules, BuiltInCreditRules());
  CaseRecordsService case_records(env, calendar, rules, BuiltInDocumentRules(), lenient_rules);
  HoldingService holdings(env);
  ReportService reports(env, BuiltInReportFigures(),
                        {plans, case_stats, credit, case_records, holdings});
  // The operator of the command line: a reader of every department.
  Actor op{0, "cli", Role::kAdmin, 0};
  auto rep = reports.Annual(op, o.year ? o.year : reports.ThisYear());
  if (!rep.ok()) {
    std::cerr << "jianguan: " << rep.status().ToString() << "\n";
    return ExitCodeOf(rep.status());
  }
  std::string body;
  if (o.format == "json") {
    body = AnnualReportJson(*rep).dump(2) + "\n";
  } else if (o.format == "html") {
    body = report::RenderAnnualReportHtml(*rep);
  } else {
    auto x = reports.Xlsx(*rep);
    if (!x.ok()) {
      std::cerr << "jianguan: " << x.status().ToString() << "\n";
      return ExitCodeOf(x.status());
    }
    body = std::move(x).value();
  }
  if (o.out.empty()) {
    std::cout << body;
    return kExitOk;
  }
  std::ofstream out(o.out, std::ios::binary | std::ios::trunc);
  out << body;
  out.close();
  if (!out) {
    std::cerr << "jianguan: cannot write " << o.out << "\n";
    return kExitFailure;
  }
  std::cerr << "written: " << o.out << " (" << body.size() << " bytes)\n";
  return kExitOk;
}

}  // namespace jg::cli
