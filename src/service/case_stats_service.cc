#include "service/case_stats_service.h"

#include "domain/dashboard.h"
#include "service/access.h"

namespace jg {
using namespace jg::enforcement;

namespace {
// The value of the violated-law filter for cases without one recorded.
constexpr char kNoLaw[] = "_none";

// Year on year: the dashboard's arithmetic (domain/dashboard.h).
std::optional<double> Change(std::int64_t current, std::int64_t previous) {
  return dashboard::YearOnYear(current, previous);
}
}  // namespace

Result<CaseStats> CaseStatsService::Stats(const Actor& actor, int year,
                                          std::optional<Id> department_id) {
  JG_RETURN_IF_ERROR(RequireRole(actor, Permission::kReadCases));
  if (department_id) {
    JG_RETURN_IF_ERROR(RequirePermission(env_.store, actor, Permission::kReadCases, department_id));
  } else if (ScopeOf(actor.role, Permission::kReadCases) != Scope::kAll) {
    department_id = actor.department_id;
  }
  if (year < 2000 || year > 9998) return InvalidArgument("invalid_value", "年份不正确", "year");
  JG_ASSIGN_OR_RETURN(CaseStatsCounts counts, env_.store.CountCaseStatistics(year, department_id));

  CaseStats out;
  out.year = year;
  out.department_id = department_id;
  const std::string y = std::to_string(year);
  const std::string prev = std::to_string(year - 1);
  // A cell of the case list with the department scope and `extra` filters.
  auto cell = [&](std::int64_t n, std::map<std::string, std::string> filter,
                  const char* list = "cases") {
    if (department_id && !filter.count("department_id"))
      filter["department_id"] = std::to_string(*department_id);
    return StatCell{n, list, std::move(filter)};
  };

  std::map<std::string, std::int64_t> filed_year, closed_year;
  std::map<std::string, std::int64_t> filed_dept, closed_dept;
  std::map<std::string, MonthRow> months;
  for (int m = 1; m <= 12; ++m) {
    std::string key = y + (m < 10 ? "-0" : "-") + std::to_string(m);
    months[key].month = key;
  }
  for (const auto& c : counts.filed) {
    filed_year[c.key.substr(0, 4)] += c.count;
    if (c.key.rfind(y, 0) == 0) {
      filed_dept[c.key2] += c.count;
      months[c.key].filed += c.count;
    }
  }
  for (const auto& c : counts.closed) {
    closed_year[c.key.substr(0, 4)] += c.count;
    if (c.key.rfind(y, 0) == 0) {
      closed_dept[c.key2] += c.count;
      months[c.key].closed += c.count;
    }
  }
  out.filed = {cell(filed_year[y], {{"filed_year", y}}), cell(filed_year[prev], {{"filed_year", prev}}),
               Change(filed_year[y], filed_year[prev])};
  out.closed = {cell(closed_year[y], {{"closed_year", y}}),
                cell(closed_year[prev], {{"closed_year", prev}}),
                Change(closed_year[y], closed_year[prev])};
  for (const auto& month : months) out.by_month.push_back(month.second);

  std::map<std::string, std::string> dept_names;
  if (auto depts = env_.store.ListDepartments(); depts.ok()) {
    for (const auto& d : *depts) dept_names[std::to_string(d.id)] = d.name;
  }
  std::map<std::string, bool> dept_keys;
  for (const auto& d : filed_dept) dept_keys[d.first] = true;
  for (const auto& d : closed_dept) dept_keys[d.first] = true;
  for (const auto& entry : dept_keys) {
    const std::string& k = entry.first;
    StatRow r;
    r.key = k;
    r.label = dept_names.count(k) ? dept_names[k] : k;
    r.count = cell(filed_dept[k], {{"filed_year", y}, {"department_id", k}});
    r.closed = cell(closed_dept[k], {{"closed_year", y}, {"department_id", k}});
    out.by_department.push_back(std::move(r));
  }

  for (const auto& c : counts.filed_by_law) {
    const std::string law = c.key.empty() ? kNoLaw : c.key;
    out.by_law.push_back({law, c.key.empty() ? "（未填写）" : c.key,
                          cell(c.count, {{"filed_year", y}, {"violated_law", law}}), std::nullopt});
  }
  for (const auto& c : counts.decided_by_kind) {
    auto kind = ParseDecisionKind(c.key);
    out.by_decision_kind.push_back(
        {c.key, kind ? std::string(DecisionKindLabel(*kind)) : c.key,
         cell(c.count, {{"decided_year", y}, {"decision_kind", c.key}}), std::nullopt});
  }
  auto kind_count = [&](const char* kind) -> std::int64_t {
    for (const auto& c : counts.decided_by_kind)
      if (c.key == kind) return c.count;
    return 0;
  };
  out.transfers = cell(kind_count("transfer_to_police"),
                       {{"decided_year", y}, {"decision_kind", "transfer_to_police"}});
  out.no_penalty =
      cell(kind_count("no_penalty"), {{"decided_year", y}, {"decision_kind", "no_penalty"}});
  out.reduced = cell(kind_count("reduced_penalty"),
                     {{"decided_year", y}, {"decision_kind", "reduced_penalty"}});
  JG_ASSIGN_OR_RETURN(auto lenient, lenient_.Current());
  for (const auto& c : counts.no_penalty_by_rule) {
    const LenientRule* rule = lenient->Find(c.key);
    out.no_penalty_by_rule.push_back(
        {c.key, rule ? rule->conduct : c.key,
         cell(c.count, {{"decided_year", y}, {"decision_kind", "no_penalty"}, {"lenient_rule_id", c.key}}),
         std::nullopt});
  }
  for (const auto& c : counts.reduced_by_ground) {
    const LenientRule* rule = lenient->Find(c.key);
    out.reduced_by_ground.push_back(
        {c.key, rule ? rule->id + " " + rule->conduct : c.key,
         cell(c.count,
              {{"decided_year", y}, {"decision_kind", "reduced_penalty"}, {"reduction_ground", c.key}}),
         std::nullopt});
  }

  std::map<std::string, std::int64_t> summary_year;
  std::map<std::string, std::int64_t> summary_party;
  for (const auto& c : counts.summary) {
    summary_year[c.key] += c.count;
    if (c.key == y) summary_party[c.key2] += c.count;
  }
  out.summary = {cell(summary_year[y], {{"year", y}}, "summary-cases"),
                 cell(summary_year[prev], {{"year", prev}}, "summary-cases"),
                 Change(summary_year[y], summary_year[prev])};
  for (const auto& [k, n] : summary_party) {
    auto kind = ParsePartyKind(k);
    out.summary_by_party_kind.push_back(
        {k, kind ? std::string(PartyKindLabel(*kind)) : k,
         cell(n, {{"year", y}, {"party_kind", k}}, "summary-cases"), std::nullopt});
  }
  return out;
}

}  // namespace jg
