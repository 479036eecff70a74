// /api/v1/leads (案件线索), /api/v1/cases (行政处罚案件) and
// the lenient-rule matches of a case. Routes: docs/api.md.
#include <charconv>

#include <nlohmann/json.hpp>

#include "http/api.h"
#include "http/api_case_json.h"
#include "http/query_params.h"
#include "service/case_json.h"

namespace jg::http {
namespace {

template <typename T>
Response View(const Result<T>& r, int status = 200) {
  if (!r.ok()) return Error(r.status());
  return Json(status, ToJson(*r));
}

template <typename T>
Response Items(const Result<std::vector<T>>& r) {
  if (!r.ok()) return Error(r.status());
  nlohmann::json out = nlohmann::json::array();
  for (const auto& v : *r) out.push_back(ToJson(v));
  return Json(200, {{"items", out}});
}

// The case list's query: stage, department_id, due, the statistics'
// drill-down (filed_year, closed_year, filed_month, closed_month, decided_year, decision_kind,
// lenient_rule_id, reduction_ground, violated_law; "_none" = not recorded;
// review_kind, review_year, review_outcome from the annual report)
// and paging (page, page_size ≤ 200).
Result<CaseFilter> CaseFilterFrom(const Request& req) {
  CaseFilter f;
  JG_RETURN_IF_ERROR(IdQuery(req, "department_id", &f.department_id));
  if (auto v = Param(req, "stage"); !v.empty()) {
    f.stage = enforcement::ParseCaseStage(v);
    if (!f.stage) return InvalidArgument("invalid_value", "stage 不正确", "stage");
  }
  f.due = Param(req, "due");
  if (!f.due.empty() && f.due != "overdue" && f.due != "approaching")
    return InvalidArgument("invalid_value", "due 须为 overdue 或 approaching", "due");
  JG_RETURN_IF_ERROR(YearQuery(req, "filed_year", &f.filed_year));
  JG_RETURN_IF_ERROR(YearQuery(req, "closed_year", &f.closed_year));
  JG_RETURN_IF_ERROR(MonthQuery(req, "filed_month", &f.filed_month));
  JG_RETURN_IF_ERROR(MonthQuery(req, "closed_month", &f.closed_month));
  JG_RETURN_IF_ERROR(YearQuery(req, "decided_year", &f.decided_year));
  if (auto v = Param(req, "decision_kind"); !v.empty()) {
    f.decision_kind = enforcement::ParseDecisionKind(v);
    if (!f.decision_kind) return InvalidArgument("invalid_value", "decision_kind 不正确", "decision_kind");
  }
  if (auto v = Param(req, "lenient_rule_id"); !v.empty()) f.lenient_rule_id = v;
  if (auto v = Param(req, "reduction_ground"); !v.empty()) f.reduction_ground = v;
  if (auto v = Param(req, "violated_law"); !v.empty()) f.violated_law = v == "_none" ? "" : v;
  if (auto v = Param(req, "review_kind"); !v.empty()) {
    f.review_kind = enforcement::ParseReviewKind(v);
    if (!f.review_kind)
      return InvalidArgument("invalid_value", "review_kind 须为 reconsideration 或 litigation", "review_kind");
  }
  JG_RETURN_IF_ERROR(YearQuery(req, "review_year", &f.review_year));
  // review_outcome=corrected,revoked: any of them (复议纠错 is three outcomes).
  if (auto v = Param(req, "review_outcome"); !v.empty()) {
    for (size_t start = 0; start <= v.size();) {
      size_t end = v.find(',', start);
      if (end == std::string::npos) end = v.size();
      std::string o = v.substr(start, end - start);
      bool known = false;
      for (auto k : {enforcement::ReviewKind::kReconsideration, enforcement::ReviewKind::kLitigation}) {
        if (f.review_kind && *f.review_kind != k) continue;
        for (auto known_outcome : enforcement::ReviewOutcomes(k)) known = known || known_outcome == o;
      }
      if (!known) return InvalidArgument("invalid_value", "review_outcome 中的「" + o + "」不是复议或诉讼结果", "review_outcome");
      f.review_outcomes.push_back(o);
      start = end + 1;
    }
  }
  std::optional<int> page, size;
  JG_RETURN_IF_ERROR(PageQuery(req, "page", 1, 1000000, &page));
  JG_RETURN_IF_ERROR(PageQuery(req, "page_size", 1, 200, &size));
  f.page = page.value_or(1);
  f.page_size = size.value_or(50);
  return f;
}

}  // namespace

void RegisterCaseRoutes(Router& r, Services& s) {
  r.Add("GET", "/api/v1/leads", Access::kSession, [&s](Request& req) {
    LeadQuery q;
    if (Status st = IdQuery(req, "department_id", &q.department_id); !st.ok()) return Error(st);
    if (auto v = Param(req, "status"); !v.empty()) {
      q.status = enforcement::ParseLeadStatus(v);
      if (!q.status) return Error(400, "invalid_value", "status 不正确", "status");
    }
    return Items(s.cases.Leads(req.actor(), q));
  });

  r.Add("POST", "/api/v1/leads", Access::kSession, [&s](Request& req) {
    auto in = LeadFrom(req.body);
    if (!in.ok()) return Error(in.status());
    return View(s.cases.CreateLead(req.actor(), std::move(in).value()), 201);
  });

  r.Add("GET", "/api/v1/leads/{id}", Access::kSession, [&s](Request& req) {
    auto id = req.IdParam("id");
    if (!id) return Error(404, "lead_not_found", "案件线索不存在");
    return View(s.cases.Lead(req.actor(), *id));
  });

  // 立案: {"version", "on", "officer_ids", "violated_law", "violated_article", "note"}.
  r.Add("POST", "/api/v1/leads/{id}/file", Access::kSession, [&s](Request& req) {
    auto id = req.IdParam("id");
    if (!id) return Error(404, "lead_not_found", "案件线索不存在");
    auto in = FilingFrom(req.body);
    if (!in.ok()) return Error(in.status());
    return View(s.cases.FileLead(req.actor(), *id, *in), 201);
  });

  // 不予立案: {"version", "on", "ground", "explanation"}.
  r.Add("POST", "/api/v1/leads/{id}/decline", Access::kSession, [&s](Request& req) {
    auto id = req.IdParam("id");
    if (!id) return Error(404, "lead_not_found", "案件线索不存在");
    auto in = DeclineFrom(req.body);
    if (!in.ok()) return Error(in.status());
    return View(s.cases.DeclineLead(req.actor(), *id, *in));
  });

  r.Add("GET", "/api/v1/cases", Access::kSession, [&s](Request& req) {
    auto f = CaseFilterFrom(req);
    if (!f.ok()) return Error(f.status());
    auto res = s.cases.CaseList(req.actor(), *f);
    if (!res.ok()) return Error(res.status());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& v : res->items) items.push_back(ToJson(v));
    return Json(200, {{"items", items},
                      {"total", res->total},
                      {"page", res->page},
                      {"page_size", res->page_size}});
  });

  r.Add("GET", "/api/v1/cases/{id}", Access::kSession, [&s](Request& req) {
    auto id = req.IdParam("id");
    if (!id) return Error(404, "case_not_found", "案件不存在");
    return View(s.cases.Case(req.actor(), *id));
  });

  // The particulars: extension, excluded periods, violated provision, facts.
  r.Add("PUT", "/api/v1/cases/{id}", Access::kSession, [&s](Request& req) {
    auto id = req.IdParam("id");
    if (!id) return Error(404, "case_not_found", "案件不存在");
    auto in = ParticularsFrom(req.body);
    if (!in.ok()) return Error(in.status());
    return View(s.cases.UpdateParticulars(req.actor(), *id, *in));
  });

  // A step of the procedure: {"version", "action", "on", …what the step needs}.
  r.Add("POST", "/api/v1/cases/{id}/transitions", Access::kSession, [&s](Request& req) {
    auto id = req.IdParam("id");
    if (!id) return Error(404, "case_not_found", "案件不存在");
    auto in = TransitionFrom(req.body);
    if (!in.ok()) return Error(in.status());
    return View(s.cases.Transition(req.actor(), *id, *in));
  });

  r.Add("GET", "/api/v1/cases/{id}/events", Access::kSession, [&s](Request& req) {
    auto id = req.IdParam("id");
    if (!id) return Error(404, "case_not_found", "案件不存在");
    auto res = s.cases.Events(req.actor(), *id);
    if (!res.ok()) return Error(res.status());
    nlohmann::json out = nlohmann::json::array();
    for (const auto& e : *res) out.push_back(CaseEventJson(e));
    return Json(200, {{"items", out}});
  });

  r.Add("GET", "/api/v1/cases/{id}/lenient-matches", Access::kSession, [&s](Request& req) {
    auto id = req.IdParam("id");
    if (!id) return Error(404, "case_not_found", "案件不存在");
    return Items(s.cases.LenientMatches(req.actor(), *id));
  });
}

}  // namespace jg::http
