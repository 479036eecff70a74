// The yearly statistics of enforcement cases (the report's 立案, 办结, 移送公安,
// 不予处罚, 减轻处罚 and 简易程序 figures), each figure a GROUP BY in SQL
// (Store::CountCaseStatistics) and each carrying the list filter that opens
// exactly the records behind it (GET /cases or /summary-cases with `filter`).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "service/lenient_rule_service.h"
#include "service/service_env.h"

namespace jg {

// One figure and the query parameters of the list behind it.
struct StatCell {
  std::int64_t count = 0;
  std::string list;                           // "cases" or "summary-cases"
  std::map<std::string, std::string> filter;  // e.g. filed_year=2023, department_id=3
};

struct StatRow {
  std::string key;    // department id, law, decision kind, rule id, ground, party kind
  std::string label;  // its Chinese name
  StatCell count;     // or, by department, the cases filed
  std::optional<StatCell> closed;  // by department: the cases closed
};

struct YearOnYear {
  StatCell current;
  StatCell previous;
  std::optional<double> change;  // (current − previous) / previous; none when previous is 0
};

struct MonthRow {
  std::string month;  // "YYYY-MM"
  std::int64_t filed = 0;
  std::int64_t closed = 0;
};

struct CaseStats {
  int year = 0;
  std::optional<Id> department_id;
  YearOnYear filed;   // filed_on in the year
  YearOnYear closed;  // the close step (结案) in the year
  StatCell transfers;    // decided in the year: transfer to police
  StatCell no_penalty;   // decided in the year: no penalty (by rule below)
  StatCell reduced;      // decided in the year: reduced penalty (by ground below)
  YearOnYear summary;    // summary-procedure decisions in the year
  std::vector<StatRow> by_department;  // filed and closed
  std::vector<StatRow> by_law;         // filed, by the violated law
  std::vector<StatRow> by_decision_kind;
  std::vector<StatRow> no_penalty_by_rule;
  std::vector<StatRow> reduced_by_ground;
  std::vector<StatRow> summary_by_party_kind;
  std::vector<MonthRow> by_month;  // the twelve months of the year
};

class CaseStatsService {
 public:
  CaseStatsService(ServiceEnv env, LenientRuleService& lenient) : env_(env), lenient_(lenient) {}
  // cases.read; staff (own-department scope) get their department's figures.
  Result<CaseStats> Stats(const Actor& actor, int year, std::optional<Id> department_id);

 private:
  ServiceEnv env_;
  LenientRuleService& lenient_;
};

}  // namespace jg
