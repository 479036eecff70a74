// GET /api/v1/dashboard (工作看板): every figure of the year in one answer,
// each as {count, list, filter} so the page can open the records behind it.
// Route: docs/api.md.
#include <nlohmann/json.hpp>

#include "http/api.h"
#include "http/query_params.h"

namespace jg::http {
namespace {

nlohmann::json CellJson(const StatCell& c) {
  nlohmann::json filter = nlohmann::json::object();
  for (const auto& [k, v] : c.filter) filter[k] = v;
  return {{"count", c.count}, {"list", c.list}, {"filter", filter}};
}

nlohmann::json YoyJson(const YearOnYear& y) {
  return {{"current", CellJson(y.current)},
          {"previous", CellJson(y.previous)},
          {"change", y.change ? nlohmann::json(*y.change) : nlohmann::json()}};
}

nlohmann::json FiguresJson(const InspectionFigures& f) {
  return {{"key", f.key},
          {"label", f.label},
          {"drawn", CellJson(f.drawn)},
          {"inspected", CellJson(f.inspected)},
          {"problems", CellJson(f.problems)},
          {"cases", CellJson(f.cases)},
          {"discovery_rate", f.discovery_rate ? nlohmann::json(*f.discovery_rate) : nlohmann::json()}};
}

nlohmann::json SeriesJson(const std::vector<InspectionFigures>& rows) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& r : rows) out.push_back(FiguresJson(r));
  return out;
}

nlohmann::json DashboardJson(const Dashboard& d) {
  nlohmann::json months = nlohmann::json::array();
  for (const auto& m : d.cases_by_month)
    months.push_back({{"month", m.month}, {"filed", CellJson(m.filed)}, {"closed", CellJson(m.closed)}});
  return {{"year", d.year},
          {"department_id", d.department_id ? nlohmann::json(*d.department_id) : nlohmann::json()},
          {"today", d.today},
          {"inspections",
           {{"total", FiguresJson(d.inspections)},
            {"by_month", SeriesJson(d.inspections_by_month)},
            {"by_department", SeriesJson(d.inspections_by_department)},
            {"by_street", SeriesJson(d.inspections_by_street)}}},
          {"cases",
           {{"filed", YoyJson(d.cases_filed)},
            {"closed", YoyJson(d.cases_closed)},
            {"by_month", months},
            {"overdue", CellJson(d.cases_overdue)},
            {"approaching", CellJson(d.cases_approaching)}}},
          {"credit_repairs", {{"approved", CellJson(d.repairs_approved)}, {"pending", CellJson(d.repairs_pending)}}},
          {"holdings",
           {{"expiring_days", d.expiring_days},
            {"expired", CellJson(d.holdings_expired)},
            {"expiring", CellJson(d.holdings_expiring)}}}};
}

}  // namespace

void RegisterDashboardRoutes(Router& r, Services& s) {
  r.Add("GET", "/api/v1/dashboard", Access::kSession, [&s](Request& req) {
    std::optional<int> year;
    if (Status st = YearQuery(req, "year", &year); !st.ok()) return Error(st);
    std::optional<Id> dept;
    if (Status st = IdQuery(req, "department_id", &dept); !st.ok()) return Error(st);
    // The default year is the current one in China time.
    auto res = s.dashboard.Get(req.actor(), year.value_or(std::stoi(s.dashboard.Today().substr(0, 4))), dept);
    if (!res.ok()) return Error(res.status());
    return Json(200, DashboardJson(*res));
  });
}

}  // namespace jg::http
