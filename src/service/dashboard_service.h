// The bureau dashboard (工作看板): the year's random inspections by month,
// department and street with the discovery rate, ordinary-procedure cases
// filed and closed with year-on-year change, case deadlines approaching and
// overdue, credit repairs and holdings expiring — in one call, every figure
// carrying the list and filter that open exactly the records behind it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "service/case_service.h"
#include "service/case_stats_service.h"
#include "service/service_env.h"

namespace jg {

// One row of an inspection series (a month, a department, a street, or the
// total): each count opens GET /inspection-tasks with its filter.
struct InspectionFigures {
  std::string key;    // "YYYY-MM", a department id, a street, or "" (total)
  std::string label;  // its Chinese name
  StatCell drawn;
  StatCell inspected;
  StatCell problems;
  StatCell cases;
  std::optional<double> discovery_rate;  // problems / inspected, 4 decimals
};

struct CaseMonthFigures {
  std::string month;  // "YYYY-MM"
  StatCell filed;
  StatCell closed;
};

struct Dashboard {
  int year = 0;
  std::optional<Id> department_id;  // the scope; none = the whole bureau
  std::string today;                // China time
  InspectionFigures inspections;
  std::vector<InspectionFigures> inspections_by_month;       // twelve, by the result's month
  std::vector<InspectionFigures> inspections_by_department;  // by the plan's lead department
  std::vector<InspectionFigures> inspections_by_street;      // by the entity's street
  YearOnYear cases_filed;
  YearOnYear cases_closed;
  std::vector<CaseMonthFigures> cases_by_month;  // twelve
  StatCell cases_overdue;      // decision period run out (now, not by year)
  StatCell cases_approaching;  // due today or within the warning window
  StatCell repairs_approved;   // decided in the year
  StatCell repairs_pending;    // waiting for a decision now
  int expiring_days = 30;
  StatCell holdings_expired;   // valid, validity ended on or before today
  StatCell holdings_expiring;  // valid, ending within expiring_days (expired included)
};

class DashboardService {
 public:
  DashboardService(ServiceEnv env, CaseStatsService& case_stats, CaseService& cases)
      : env_(env), case_stats_(case_stats), cases_(cases) {}

  // cases.read. Own-scope roles (a station's staff) get their department's
  // figures and may name only it; bureau-wide roles get the bureau's, or one
  // department's when `department_id` is given.
  Result<Dashboard> Get(const Actor& actor, int year, std::optional<Id> department_id);
  std::string Today() const;

 private:
  ServiceEnv env_;
  CaseStatsService& case_stats_;
  CaseService& cases_;
};

}  // namespace jg
