#include "service/dashboard_service.h"

#include <map>

#include "domain/dashboard.h"
#include "service/access.h"

namespace jg {

std::string DashboardService::Today() const { return DateInChina(env_.clock.Now()).ToString(); }

namespace {

struct Sums {
  std::int64_t drawn = 0, inspected = 0, problems = 0, cases = 0;
  void Add(const InspectionGroup& g) {
    drawn += g.drawn;
    inspected += g.inspected;
    problems += g.problems;
    cases += g.cases;
  }
};

// The four counts of a series row, each opening the task list with `filter`
// and which count it is (counted=).
InspectionFigures Figures(std::string key, std::string label, const Sums& s,
                          const std::map<std::string, std::string>& filter) {
  auto cell = [&](std::int64_t n, const char* counted) {
    auto f = filter;
    f["counted"] = counted;
    return StatCell{n, "inspection-tasks", std::move(f)};
  };
  InspectionFigures out{std::move(key), std::move(label), cell(s.drawn, "drawn"),
                        cell(s.inspected, "inspected"), cell(s.problems, "problem"),
                        cell(s.cases, "case_filed"), std::nullopt};
  if (auto r = dashboard::Rate(s.problems, s.inspected)) out.discovery_rate = dashboard::RoundRate(*r);
  return out;
}

}  // namespace

Result<Dashboard> DashboardService::Get(const Actor& actor, int year,
                                        std::optional<Id> department_id) {
  JG_RETURN_IF_ERROR(RequireRole(actor, Permission::kReadCases));
  if (department_id) {
    JG_RETURN_IF_ERROR(RequirePermission(env_.store, actor, Permission::kReadCases, department_id));
  } else if (ScopeOf(actor.role, Permission::kReadCases) != Scope::kAll) {
    department_id = actor.department_id;
  }
  if (year < 2000 || year > 9998) return InvalidArgument("invalid_value", "年份须为 2000–9998", "year");

  Dashboard out;
  out.year = year;
  out.department_id = department_id;
  const Date today = DateInChina(env_.clock.Now());
  out.today = today.ToString();
  const std::string y = std::to_string(year);
  const std::string dept = department_id ? std::to_string(*department_id) : "";
  // The department scope, added to every drill-down filter that honours it.
  auto scoped = [&](std::map<std::string, std::string> f) {
    if (department_id && !f.count("department_id")) f["department_id"] = dept;
    return f;
  };

  DashboardQuery q;
  q.year = year;
  q.department_id = department_id;
  q.today = out.today;
  auto until = today.AddDays(out.expiring_days);
  q.expiring_until = until ? until->ToString() : "9999-12-31";
  JG_ASSIGN_OR_RETURN(DashboardCounts counts, env_.store.CountDashboard(q));

  // ---- 双随机: one pass over the (month, department, street) groups ----
  Sums total;
  std::array<Sums, 12> months;
  std::map<Id, Sums> by_dept;
  std::map<std::string, Sums> by_street;
  for (const auto& g : counts.inspections) {
    total.Add(g);
    by_dept[g.department_id].Add(g);
    by_street[g.street].Add(g);
    if (auto m = dashboard::MonthIndex(g.month, year)) months[*m].Add(g);
  }
  out.inspections = Figures("", "全部", total, scoped({{"year", y}}));
  const auto month_keys = dashboard::MonthsOf(year);
  for (int m = 0; m < 12; ++m) {
    out.inspections_by_month.push_back(Figures(month_keys[m], std::to_string(m + 1) + "月", months[m],
                                               scoped({{"year", y}, {"month", month_keys[m]}})));
  }
  std::map<Id, std::string> names;
  if (auto depts = env_.store.ListDepartments(); depts.ok()) {
    for (const auto& d : *depts) names[d.id] = d.name;
  }
  for (const auto& [id, s] : by_dept) {
    out.inspections_by_department.push_back(
        Figures(std::to_string(id), names.count(id) ? names[id] : "#" + std::to_string(id), s,
                {{"year", y}, {"department_id", std::to_string(id)}}));
  }
  for (const auto& [street, s] : by_street) {
    out.inspections_by_street.push_back(Figures(street, street.empty() ? "（未登记街镇）" : street, s,
                                                scoped({{"year", y}, {"street", street}})));
  }

  // ---- 案件: the case statistics' own figures, and the deadline lists ----
  JG_ASSIGN_OR_RETURN(CaseStats cs, case_stats_.Stats(actor, year, department_id));
  out.cases_filed = cs.filed;
  out.cases_closed = cs.closed;
  for (const auto& m : cs.by_month) {
    out.cases_by_month.push_back({m.month,
                                  StatCell{m.filed, "cases", scoped({{"filed_month", m.month}})},
                                  StatCell{m.closed, "cases", scoped({{"closed_month", m.month}})}});
  }
  for (auto [due, into] : {std::pair{"overdue", &out.cases_overdue},
                           std::pair{"approaching", &out.cases_approaching}}) {
    CaseFilter f;
    f.department_id = department_id;
    f.due = due;
    f.page_size = 1;  // only the total is wanted
    JG_ASSIGN_OR_RETURN(CaseListView page, cases_.CaseList(actor, f));
    *into = StatCell{page.total, "cases", scoped({{"due", due}})};
  }

  // ---- 信用修复 and 证照到期 ----
  out.repairs_approved = StatCell{counts.repairs_approved, "credit-repairs",
                                  scoped({{"status", "approved"}, {"decided_year", y}})};
  out.repairs_pending = StatCell{counts.repairs_pending, "credit-repairs", scoped({{"status", "pending"}})};
  // The holdings' expiring list is the directory's, not a department's.
  out.holdings_expired = StatCell{counts.holdings_expired, "holdings", {{"tab", "expiring"}, {"days", "0"}}};
  out.holdings_expiring =
      StatCell{counts.holdings_expiring, "holdings",
               {{"tab", "expiring"}, {"days", std::to_string(out.expiring_days)}}};
  return out;
}

}  // namespace jg
