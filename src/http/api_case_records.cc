// The records kept with a case: /api/v1/cases/{id}/documents and
// /api/v1/case-documents/{id}/print (文书), /api/v1/cases/{id}/seized-items and
// /api/v1/seized-items/{id}… (涉案物资), /api/v1/cases/{id}/reviews,
// /api/v1/case-reviews/{id} and /api/v1/review-stats (行政复议、行政诉讼).
// Routes: docs/api.md.
#include <nlohmann/json.hpp>

#include "http/api.h"
#include "http/api_case_json.h"
#include "http/query_params.h"
#include "service/case_records_json.h"

namespace jg::http {
using namespace jg::enforcement;

namespace {

nlohmann::json ItemView(const SeizedItemView& v) {
  nlohmann::json j = SeizedItemJson(v.item);
  nlohmann::json testing = nlohmann::json::array();
  for (const auto& t : v.testing) testing.push_back({{"from", t.from.ToString()}, {"to", t.to.ToString()}});
  nlohmann::json period = {{"rule", "seizure"},
                           {"due", v.due ? nlohmann::json(v.due->ToString()) : nlohmann::json()},
                           {"excluded", testing}};
  if (v.countdown) {
    period["state"] = CountdownStateName(v.countdown->state);
    period["state_label"] = CountdownStateLabel(v.countdown->state);
    period["remaining"] = v.countdown->remaining;
  } else {
    period["state"] = nullptr;
  }
  if (!v.error.empty()) period["error"] = v.error;
  j["seizure_deadline"] = period;
  return j;
}

Response ItemResult(const Result<SeizedItemView>& r, int status = 200) {
  if (!r.ok()) return Error(r.status());
  return Json(status, ItemView(*r));
}

Response ReviewResult(const Result<CaseReview>& r, int status = 200) {
  if (!r.ok()) return Error(r.status());
  return Json(status, ReviewJson(*r));
}

void Text(JsonFields& f, const char* name, std::string* out, bool required) {
  if (required) *out = f.String(name);
  else *out = f.OptString(name).value_or("");
}

Result<Date> RequiredDate(const std::optional<Date>& d, const char* field, const char* what) {
  if (!d) return InvalidArgument("required", std::string("请填写") + what, field);
  return *d;
}

Result<SeizedItem> ItemFrom(const std::string& body) {
  JG_ASSIGN_OR_RETURN(auto j, ParseJsonObject(body));
  JsonFields f(j);
  SeizedItem i;
  Text(f, "name", &i.name, true);
  Text(f, "quantity", &i.quantity, true);
  Text(f, "unit", &i.unit, true);
  Text(f, "location", &i.location, true);
  Text(f, "custodian", &i.custodian, true);
  std::optional<Date> seized;
  Status date = OptDateField(f, "seized_on", &seized);
  i.extension_approved = f.OptBool("extension_approved").value_or(false);
  JG_RETURN_IF_ERROR(f.Finish());
  JG_RETURN_IF_ERROR(date);
  JG_ASSIGN_OR_RETURN(i.seized_on, RequiredDate(seized, "seized_on", "扣押日期"));
  return i;
}

Result<SeizedItemEdit> EditFrom(const std::string& body) {
  JG_ASSIGN_OR_RETURN(auto j, ParseJsonObject(body));
  JsonFields f(j);
  SeizedItemEdit e;
  e.version = f.Int("version");
  Text(f, "name", &e.name, true);
  Text(f, "quantity", &e.quantity, true);
  Text(f, "unit", &e.unit, true);
  std::optional<Date> seized;
  Status date = OptDateField(f, "seized_on", &seized);
  e.extension_approved = f.OptBool("extension_approved").value_or(false);
  JG_RETURN_IF_ERROR(f.Finish());
  JG_RETURN_IF_ERROR(date);
  JG_ASSIGN_OR_RETURN(e.seized_on, RequiredDate(seized, "seized_on", "扣押日期"));
  return e;
}

Result<MovementRequest> MovementFrom(const std::string& body) {
  JG_ASSIGN_OR_RETURN(auto j, ParseJsonObject(body));
  JsonFields f(j);
  MovementRequest r;
  r.version = f.Int("version");
  std::string kind = f.String("kind");
  std::optional<Date> on;
  Status date = OptDateField(f, "on", &on);
  Text(f, "location", &r.movement.location, false);
  Text(f, "custodian", &r.movement.custodian, false);
  Text(f, "note", &r.movement.note, false);
  JG_RETURN_IF_ERROR(f.Finish());
  JG_RETURN_IF_ERROR(date);
  auto k = ParseMovementKind(kind);
  if (!k) return InvalidArgument("invalid_movement", "流转种类不正确", "kind");
  r.movement.kind = *k;
  JG_ASSIGN_OR_RETURN(r.movement.on, RequiredDate(on, "on", "流转日期"));
  return r;
}

Result<DisposalRequest> DisposalFrom(const std::string& body) {
  JG_ASSIGN_OR_RETURN(auto j, ParseJsonObject(body));
  JsonFields f(j);
  DisposalRequest r;
  r.version = f.Int("version");
  r.kind = f.String("kind");
  Status date = OptDateField(f, "on", &r.on);
  Text(f, "approved_by", &r.approved_by, false);
  Text(f, "note", &r.note, false);
  JG_RETURN_IF_ERROR(f.Finish());
  JG_RETURN_IF_ERROR(date);
  return r;
}

// A review body; `with_version` for updates (kind then stays as stored unless given).
Result<CaseReview> ReviewFrom(const std::string& body, bool with_version) {
  JG_ASSIGN_OR_RETURN(auto j, ParseJsonObject(body));
  JsonFields f(j);
  CaseReview r;
  if (with_version) r.version = f.Int("version");
  std::string kind = f.String("kind");
  std::optional<Date> filed;
  Status d1 = OptDateField(f, "filed_on", &filed);
  Text(f, "body", &r.body, false);
  Text(f, "outcome", &r.outcome, false);
  Status d2 = OptDateField(f, "decided_on", &r.decided_on);
  Text(f, "note", &r.note, false);
  JG_RETURN_IF_ERROR(f.Finish());
  JG_RETURN_IF_ERROR(d1);
  JG_RETURN_IF_ERROR(d2);
  auto k = ParseReviewKind(kind);
  if (!k) return InvalidArgument("invalid_review_kind", "种类须为行政复议或行政诉讼", "kind");
  r.kind = *k;
  JG_ASSIGN_OR_RETURN(r.filed_on, RequiredDate(filed, "filed_on", "申请（起诉）日期"));
  return r;
}

}  // namespace

void RegisterCaseRecordRoutes(Router& r, Services& s) {
  // ---- 文书 ----
  r.Add("POST", "/api/v1/cases/{id}/documents", Access::kSession, [&s](Request& req) {
    auto id = req.IdParam("id");
    if (!id) return Error(404, "case_not_found", "案件不存在");
    auto j = ParseJsonObject(req.body);
    if (!j.ok()) return Error(j.status());
    JsonFields f(*j);
    DocumentRequest in;
    in.kind = f.String("kind");
    in.reissue = f.OptBool("reissue").value_or(false);
    Text(f, "facts", &in.facts, false);
    Text(f, "legal_basis", &in.legal_basis, false);
    Text(f, "intended_penalty", &in.intended_penalty, false);
    if (Status st = f.Finish(); !st.ok()) return Error(st);
    auto res = s.case_records.GenerateDocument(req.actor(), *id, in);
    if (!res.ok()) return Error(res.status());
    return Json(201, DocumentJson(*res, DocumentTitle(BuiltInDocumentRules(), res->kind)));
  });

  r.Add("GET", "/api/v1/cases/{id}/documents", Access::kSession, [&s](Request& req) {
    auto id = req.IdParam("id");
    if (!id) return Error(404, "case_not_found", "案件不存在");
    auto res = s.case_records.Documents(req.actor(), *id);
    if (!res.ok()) return Error(res.status());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& d : *res) items.push_back(DocumentJson(d, DocumentTitle(BuiltInDocumentRules(), d.kind)));
    return Json(200, {{"items", items}});
  });

  // The document exactly as issued, for the browser to print (Ctrl+P → PDF).
  r.Add("GET", "/api/v1/case-documents/{id}/print", Access::kSession, [&s](Request& req) {
    auto id = req.IdParam("id");
    if (!id) return Error(404, "document_not_found", "文书不存在");
    auto res = s.case_records.Document(req.actor(), *id);
    if (!res.ok()) return Error(res.status());
    Response out;
    out.status = 200;
    out.content_type = "text/html; charset=utf-8";
    out.body = res->html;
    out.headers.emplace_back("Cache-Control", "no-store");
    return out;
  });

  // ---- 涉案物资 ----
  r.Add("GET", "/api/v1/cases/{id}/seized-items", Access::kSession, [&s](Request& req) {
    auto id = req.IdParam("id");
    if (!id) return Error(404, "case_not_found", "案件不存在");
    auto res = s.case_records.SeizedItems(req.actor(), *id);
    if (!res.ok()) return Error(res.status());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& v : *res) items.push_back(ItemView(v));
    return Json(200, {{"items", items}});
  });

  r.Add("POST", "/api/v1/cases/{id}/seized-items", Access::kSession, [&s](Request& req) {
    auto id = req.IdParam("id");
    if (!id) return Error(404, "case_not_found", "案件不存在");
    auto in = ItemFrom(req.body);
    if (!in.ok()) return Error(in.status());
    return ItemResult(s.case_records.CreateSeizedItem(req.actor(), *id, std::move(in).value()), 201);
  });

  r.Add("GET", "/api/v1/seized-items/{id}", Access::kSession, [&s](Request& req) {
    auto id = req.IdParam("id");
    if (!id) return Error(404, "seized_item_not_found", "涉案物品不存在");
    return ItemResult(s.case_records.SeizedItem(req.actor(), *id));
  });

  r.Add("PUT", "/api/v1/seized-items/{id}", Access::kSession, [&s](Request& req) {
    auto id = req.IdParam("id");
    if (!id) return Error(404, "seized_item_not_found", "涉案物品不存在");
    auto in = EditFrom(req.body);
    if (!in.ok()) return Error(in.status());
    return ItemResult(s.case_records.UpdateSeizedItem(req.actor(), *id, *in));
  });

  r.Add("POST", "/api/v1/seized-items/{id}/movements", Access::kSession, [&s](Request& req) {
    auto id = req.IdParam("id");
    if (!id) return Error(404, "seized_item_not_found", "涉案物品不存在");
    auto in = MovementFrom(req.body);
    if (!in.ok()) return Error(in.status());
    return ItemResult(s.case_records.AddMovement(req.actor(), *id, std::move(in).value()), 201);
  });

  r.Add("POST", "/api/v1/seized-items/{id}/disposal", Access::kSession, [&s](Request& req) {
    auto id = req.IdParam("id");
    if (!id) return Error(404, "seized_item_not_found", "涉案物品不存在");
    auto in = DisposalFrom(req.body);
    if (!in.ok()) return Error(in.status());
    return ItemResult(s.case_records.Dispose(req.actor(), *id, *in));
  });

  // ---- 行政复议、行政诉讼 ----
  r.Add("GET", "/api/v1/cases/{id}/reviews", Access::kSession, [&s](Request& req) {
    auto id = req.IdParam("id");
    if (!id) return Error(404, "case_not_found", "案件不存在");
    auto res = s.case_records.Reviews(req.actor(), *id);
    if (!res.ok()) return Error(res.status());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& v : *res) items.push_back(ReviewJson(v));
    return Json(200, {{"items", items}});
  });

  r.Add("POST", "/api/v1/cases/{id}/reviews", Access::kSession, [&s](Request& req) {
    auto id = req.IdParam("id");
    if (!id) return Error(404, "case_not_found", "案件不存在");
    auto in = ReviewFrom(req.body, false);
    if (!in.ok()) return Error(in.status());
    return ReviewResult(s.case_records.CreateReview(req.actor(), *id, std::move(in).value()), 201);
  });

  r.Add("PUT", "/api/v1/case-reviews/{id}", Access::kSession, [&s](Request& req) {
    auto id = req.IdParam("id");
    if (!id) return Error(404, "review_not_found", "复议、诉讼记录不存在");
    auto in = ReviewFrom(req.body, true);
    if (!in.ok()) return Error(in.status());
    return ReviewResult(s.case_records.UpdateReview(req.actor(), *id, std::move(in).value()));
  });

  r.Add("GET", "/api/v1/review-stats", Access::kSession, [&s](Request& req) {
    int year = s.case_records.Today().year();
    if (auto v = Param(req, "year"); !v.empty()) {
      if (v.size() != 4 || v.find_first_not_of("0123456789") != std::string::npos)
        return Error(400, "invalid_value", "year 须为四位年份", "year");
      year = std::stoi(v);
    }
    auto res = s.case_records.Stats(req.actor(), year);
    if (!res.ok()) return Error(res.status());
    auto kind = [](const ReviewStats::Kind& k) {
      nlohmann::json by = nlohmann::json::object();
      for (const auto& [o, n] : k.by_outcome) by[o] = n;
      return nlohmann::json{{"total", k.total}, {"by_outcome", by}};
    };
    return Json(200, {{"year", res->year},
                      {"reconsideration", kind(res->reconsideration)},
                      {"litigation", kind(res->litigation)}});
  });
}

}  // namespace jg::http
