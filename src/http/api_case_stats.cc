// /api/v1/case-stats (案件统计) and /api/v1/summary-cases (简易程序当场处罚).
// Routes: docs/api.md.
#include <nlohmann/json.hpp>

#include "http/api.h"
#include "http/api_case_json.h"
#include "http/query_params.h"
#include "service/summary_case_service.h"

namespace jg::http {
namespace {
using namespace jg::enforcement;

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

nlohmann::json RowsJson(const std::vector<StatRow>& rows) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& r : rows) {
    nlohmann::json j = {{"key", r.key}, {"label", r.label}, {"count", CellJson(r.count)}};
    if (r.closed) j["closed"] = CellJson(*r.closed);
    out.push_back(std::move(j));
  }
  return out;
}

nlohmann::json StatsJson(const CaseStats& s) {
  nlohmann::json months = nlohmann::json::array();
  for (const auto& m : s.by_month)
    months.push_back({{"month", m.month}, {"filed", m.filed}, {"closed", m.closed}});
  return {{"year", s.year},
          {"department_id", s.department_id ? nlohmann::json(*s.department_id) : nlohmann::json()},
          {"filed", YoyJson(s.filed)},
          {"closed", YoyJson(s.closed)},
          {"transfers_to_police", CellJson(s.transfers)},
          {"no_penalty", CellJson(s.no_penalty)},
          {"reduced_penalty", CellJson(s.reduced)},
          {"summary_procedure", YoyJson(s.summary)},
          {"by_department", RowsJson(s.by_department)},
          {"by_law", RowsJson(s.by_law)},
          {"by_decision_kind", RowsJson(s.by_decision_kind)},
          {"no_penalty_by_rule", RowsJson(s.no_penalty_by_rule)},
          {"reduced_by_ground", RowsJson(s.reduced_by_ground)},
          {"summary_by_party_kind", RowsJson(s.summary_by_party_kind)},
          {"by_month", months}};
}

nlohmann::json ToJson(const SummaryCaseView& v) {
  nlohmann::json j = SummaryCaseJson(v.record);
  j["filing_deadline"] = PeriodJson(v.filing);
  return j;
}

Result<SummaryCaseInput> SummaryFrom(const std::string& body) {
  JG_ASSIGN_OR_RETURN(auto j, ParseJsonObject(body));
  JsonFields f(j);
  SummaryCaseInput in;
  std::string kind = f.String("party_kind");
  in.party_name = f.OptString("party_name").value_or("");
  in.entity_id = f.OptInt("entity_id");
  in.credit_code = f.OptString("credit_code").value_or("");
  in.department_id = f.Int("department_id");
  in.place = f.OptString("place").value_or("");
  in.facts = f.OptString("facts").value_or("");
  in.violated.law = f.OptString("violated_law").value_or("");
  in.violated.article = f.OptString("violated_article").value_or("");
  auto penalties = f.OptStringArray("penalties").value_or(std::vector<std::string>{});
  in.fine = f.OptInt("fine_fen").value_or(0);
  in.officer_ids = f.OptIntArray("officer_ids").value_or(std::vector<std::int64_t>{});
  Status dates = Status::Ok();
  for (auto [name, out] : {std::pair{"decided_on", &in.decided_on}, std::pair{"paid_on", &in.paid_on},
                           std::pair{"filed_with_department_on", &in.filed_with_department_on}}) {
    Status st = OptDateField(f, name, out);
    if (dates.ok()) dates = st;
  }
  JG_RETURN_IF_ERROR(f.Finish());
  JG_RETURN_IF_ERROR(dates);
  auto k = ParsePartyKind(kind);
  if (!k) return InvalidArgument("invalid_value", "当事人类别须为 citizen 或 organisation", "party_kind");
  in.party_kind = *k;
  for (size_t i = 0; i < penalties.size(); ++i) {
    auto t = ParsePenaltyType(penalties[i]);
    if (!t)
      return InvalidArgument("invalid_value", "处罚种类不正确", "penalties[" + std::to_string(i) + "]");
    in.penalties.push_back(*t);
  }
  if (in.fine < 0) return InvalidArgument("invalid_value", "罚款金额不能为负数", "fine_fen");
  return in;
}

}  // namespace

void RegisterCaseStatsRoutes(Router& r, Services& s) {
  r.Add("GET", "/api/v1/case-stats", Access::kSession, [&s](Request& req) {
    std::optional<int> year;
    if (Status st = YearQuery(req, "year", &year); !st.ok()) return Error(st);
    std::optional<Id> dept;
    if (Status st = IdQuery(req, "department_id", &dept); !st.ok()) return Error(st);
    auto res = s.case_stats.Stats(req.actor(), year.value_or(s.cases.Today().year()), dept);
    if (!res.ok()) return Error(res.status());
    return Json(200, StatsJson(*res));
  });

  r.Add("GET", "/api/v1/summary-cases", Access::kSession, [&s](Request& req) {
    SummaryCaseQuery q;
    if (Status st = IdQuery(req, "department_id", &q.department_id); !st.ok()) return Error(st);
    if (Status st = YearQuery(req, "year", &q.year); !st.ok()) return Error(st);
    if (auto v = Param(req, "party_kind"); !v.empty()) {
      q.party_kind = ParsePartyKind(v);
      if (!q.party_kind) return Error(400, "invalid_value", "party_kind 不正确", "party_kind");
    }
    q.party = Param(req, "q");
    std::optional<int> page, size;
    if (Status st = PageQuery(req, "page", 1, 1000000, &page); !st.ok()) return Error(st);
    if (Status st = PageQuery(req, "page_size", 1, 200, &size); !st.ok()) return Error(st);
    auto res = s.summary_cases.List(req.actor(), q, page.value_or(1), size.value_or(50));
    if (!res.ok()) return Error(res.status());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& v : res->items) items.push_back(ToJson(v));
    return Json(200, {{"items", items},
                      {"total", res->total},
                      {"page", res->page},
                      {"page_size", res->page_size}});
  });

  r.Add("POST", "/api/v1/summary-cases", Access::kSession, [&s](Request& req) {
    auto in = SummaryFrom(req.body);
    if (!in.ok()) return Error(in.status());
    auto res = s.summary_cases.Create(req.actor(), *in);
    if (!res.ok()) return Error(res.status());
    return Json(201, ToJson(*res));
  });

  r.Add("GET", "/api/v1/summary-cases/{id}", Access::kSession, [&s](Request& req) {
    auto id = req.IdParam("id");
    if (!id) return Error(404, "summary_case_not_found", "当场处罚决定不存在");
    auto res = s.summary_cases.Get(req.actor(), *id);
    if (!res.ok()) return Error(res.status());
    return Json(200, ToJson(*res));
  });
}

}  // namespace jg::http
