// /api/v1/credit/… (行政处罚信息公示, 信用修复), /api/v1/entities/{id}/credit-lists
// and /api/v1/credit-list-entries (经营异常名录、严重违法失信名单), and the public
// /api/v1/public/penalty-publicity. Routes: docs/api.md; rules: docs/credit.md.
#include <charconv>
#include <set>

#include <nlohmann/json.hpp>

#include "http/api.h"
#include "http/api_case_json.h"
#include "http/api_json.h"
#include "http/json_body.h"
#include "http/query_params.h"
#include "service/credit_json.h"

namespace jg::http {
namespace {
using namespace jg::credit;
using namespace jg::enforcement;

nlohmann::json OptDateJson(const std::optional<Date>& d) {
  return d ? nlohmann::json(d->ToString()) : nlohmann::json();
}

nlohmann::json ToJson(const PublicityView& v) {
  nlohmann::json j = PublicityJson(v.record);
  j["state"] = v.state;
  j["publish_due"] = OptDateJson(v.publish_due);
  j["countdown"] = v.countdown ? nlohmann::json{{"due", v.countdown->due.ToString()},
                                                {"remaining", v.countdown->remaining},
                                                {"state", CountdownStateName(v.countdown->state)},
                                                {"state_label", CountdownStateLabel(v.countdown->state)}}
                               : nlohmann::json();
  j["published_late"] = v.published_late;
  j["period_months"] = v.period.months;
  j["period_reason"] = v.period.reason;
  j["last_day"] = OptDateJson(v.last_day);
  j["repair_from"] = OptDateJson(v.repair_from);
  j["withdrawal_due"] = OptDateJson(v.withdrawal_due);
  j["withdrawn_late"] = v.withdrawn_late;
  j["date_error"] = v.error;
  return j;
}

nlohmann::json ToJson(const RepairView& v) {
  nlohmann::json j = CreditRepairJson(v.repair);
  j["publicity"] = ToJson(v.publicity);
  return j;
}

template <typename T>
Response View(const Result<T>& r, int status = 200) {
  if (!r.ok()) return Error(r.status());
  return Json(status, ToJson(*r));
}

Response Entry(const Result<CreditListEntry>& r, int status = 200) {
  if (!r.ok()) return Error(r.status());
  return Json(status, CreditListEntryJson(*r));
}

template <typename T>
Response Items(const Result<std::vector<T>>& r) {
  if (!r.ok()) return Error(r.status());
  nlohmann::json out = nlohmann::json::array();
  for (const auto& v : *r) out.push_back(ToJson(v));
  return Json(200, {{"items", out}});
}

Result<PublishRequest> PublishFrom(const std::string& body) {
  JG_ASSIGN_OR_RETURN(auto j, ParseJsonObject(body));
  JsonFields f(j);
  PublishRequest r;
  r.version = f.Int("version");
  Status on = OptDateField(f, "on", &r.on);
  r.document_number = f.OptString("document_number").value_or("");
  JG_RETURN_IF_ERROR(f.Finish());
  JG_RETURN_IF_ERROR(on);
  return r;
}

Result<WithdrawRequest> WithdrawFrom(const std::string& body) {
  JG_ASSIGN_OR_RETURN(auto j, ParseJsonObject(body));
  JsonFields f(j);
  WithdrawRequest r;
  r.version = f.Int("version");
  Status changed = OptDateField(f, "changed_on", &r.changed_on);
  Status on = OptDateField(f, "on", &r.on);
  r.reason = f.OptString("reason").value_or("");
  JG_RETURN_IF_ERROR(f.Finish());
  JG_RETURN_IF_ERROR(changed);
  JG_RETURN_IF_ERROR(on);
  return r;
}

Result<ListEntryRequest> ListEntryFrom(const std::string& body) {
  JG_ASSIGN_OR_RETURN(auto j, ParseJsonObject(body));
  JsonFields f(j);
  ListEntryRequest r;
  r.list = f.String("list");
  Status on = OptDateField(f, "listed_on", &r.listed_on);
  r.reason = f.OptString("reason").value_or("");
  r.basis = f.OptString("basis").value_or("");
  JG_RETURN_IF_ERROR(f.Finish());
  JG_RETURN_IF_ERROR(on);
  return r;
}

Result<RemovalRequest> RemovalFrom(const std::string& body) {
  JG_ASSIGN_OR_RETURN(auto j, ParseJsonObject(body));
  JsonFields f(j);
  RemovalRequest r;
  r.version = f.Int("version");
  Status on = OptDateField(f, "removed_on", &r.removed_on);
  r.reason = f.OptString("reason").value_or("");
  JG_RETURN_IF_ERROR(f.Finish());
  JG_RETURN_IF_ERROR(on);
  return r;
}

Result<RepairApplication> ApplicationFrom(const std::string& body) {
  JG_ASSIGN_OR_RETURN(auto j, ParseJsonObject(body));
  JsonFields f(j);
  RepairApplication a;
  a.publicity_id = f.Int("publicity_id");
  a.applicant = f.OptString("applicant").value_or("");
  a.commitment_ref = f.OptString("commitment_ref").value_or("");
  Status on = OptDateField(f, "applied_on", &a.applied_on);
  a.obligations_performed = f.OptBool("obligations_performed").value_or(false);
  a.violation_corrected = f.OptBool("violation_corrected").value_or(false);
  JG_RETURN_IF_ERROR(f.Finish());
  JG_RETURN_IF_ERROR(on);
  return a;
}

Result<RepairDecision> DecisionFrom(const std::string& body) {
  JG_ASSIGN_OR_RETURN(auto j, ParseJsonObject(body));
  JsonFields f(j);
  RepairDecision d;
  d.version = f.Int("version");
  std::string outcome = f.String("outcome");
  Status on = OptDateField(f, "on", &d.on);
  d.reason = f.OptString("reason").value_or("");
  JG_RETURN_IF_ERROR(f.Finish());
  JG_RETURN_IF_ERROR(on);
  if (outcome != "approve" && outcome != "refuse")
    return InvalidArgument("invalid_value", "outcome 须为 approve 或 refuse", "outcome");
  d.approve = outcome == "approve";
  return d;
}

int IntParam(const Request& req, const char* k, int fallback, bool* bad) {
  std::string v = Param(req, k);
  if (v.empty()) return fallback;
  int n = 0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || p != v.data() + v.size()) *bad = true;
  return n;
}

}  // namespace

// What the rules let the portal publish (SAMR Order 45 第七条): never the
// officers, the facts or anything internal. tests/api/portal_api_test.cc
// holds the same allow-list.
nlohmann::json PublicPenaltyJson(const PublicityView& v) {
  const auto& p = v.record;
  nlohmann::json labels = nlohmann::json::array();
  for (auto t : p.decision.penalties) labels.push_back(PenaltyTypeLabel(t));
  return {{"party_name", p.party_name},
          {"credit_code", p.credit_code},
          {"case_number", p.case_number},
          {"document_number", p.document_number},
          {"violated_provision", p.violated_law + p.violated_article},
          {"penalty_types", labels},
          {"fine_fen", p.decision.fine},
          {"confiscated_gains_fen", p.decision.confiscated_gains},
          {"decided_on", p.decision.decided_on.ToString()},
          {"authority", p.authority},
          {"published_on", OptDateJson(p.published_on)},
          {"publicity_until", OptDateJson(v.last_day)}};
}


void RegisterCreditRoutes(Router& r, Services& s) {
  r.Add("GET", "/api/v1/credit/publicity", Access::kSession, [&s](Request& req) {
    PublicityFilter f;
    if (Status st = IdQuery(req, "department_id", &f.department_id); !st.ok()) return Error(st);
    f.status = Param(req, "status");
    static const std::set<std::string> kStates = {"",      "due",       "overdue",  "published",
                                                  "ended", "ending_soon", "withdrawn", "repaired"};
    if (!kStates.count(f.status))
      return Error(400, "invalid_value", "status 不正确", "status");
    bool bad = false;
    f.ending_within_days = IntParam(req, "within_days", 30, &bad);
    if (bad || f.ending_within_days < 0 || f.ending_within_days > 3660)
      return Error(400, "invalid_value", "within_days 须为 0–3660 的整数", "within_days");
    return Items(s.credit.Publicity(req.actor(), f));
  });

  r.Add("GET", "/api/v1/credit/publicity/{id}", Access::kSession, [&s](Request& req) {
    auto id = req.IdParam("id");
    if (!id) return Error(404, "publicity_not_found", "公示记录不存在");
    return View(s.credit.GetPublicity(req.actor(), *id));
  });

  r.Add("POST", "/api/v1/credit/publicity/{id}/publish", Access::kSession, [&s](Request& req) {
    auto id = req.IdParam("id");
    if (!id) return Error(404, "publicity_not_found", "公示记录不存在");
    auto in = PublishFrom(req.body);
    if (!in.ok()) return Error(in.status());
    return View(s.credit.Publish(req.actor(), *id, *in));
  });

  r.Add("POST", "/api/v1/credit/publicity/{id}/withdraw", Access::kSession, [&s](Request& req) {
    auto id = req.IdParam("id");
    if (!id) return Error(404, "publicity_not_found", "公示记录不存在");
    auto in = WithdrawFrom(req.body);
    if (!in.ok()) return Error(in.status());
    return View(s.credit.Withdraw(req.actor(), *id, *in));
  });

  r.Add("GET", "/api/v1/entities/{id}/credit-lists", Access::kSession, [&s](Request& req) {
    auto id = req.IdParam("id");
    if (!id) return Error(404, "entity_not_found", "市场主体不存在");
    auto res = s.credit.CreditLists(req.actor(), *id);
    if (!res.ok()) return Error(res.status());
    nlohmann::json out = nlohmann::json::array();
    for (const auto& e : *res) out.push_back(CreditListEntryJson(e));
    return Json(200, {{"items", out}});
  });

  r.Add("POST", "/api/v1/entities/{id}/credit-lists", Access::kSession, [&s](Request& req) {
    auto id = req.IdParam("id");
    if (!id) return Error(404, "entity_not_found", "市场主体不存在");
    auto in = ListEntryFrom(req.body);
    if (!in.ok()) return Error(in.status());
    return Entry(s.credit.AddListEntry(req.actor(), *id, *in), 201);
  });

  r.Add("POST", "/api/v1/credit-list-entries/{id}/removal", Access::kSession, [&s](Request& req) {
    auto id = req.IdParam("id");
    if (!id) return Error(404, "credit_list_entry_not_found", "名录记录不存在");
    auto in = RemovalFrom(req.body);
    if (!in.ok()) return Error(in.status());
    return Entry(s.credit.RemoveListEntry(req.actor(), *id, *in));
  });

  r.Add("GET", "/api/v1/credit/repairs", Access::kSession, [&s](Request& req) {
    std::optional<RepairStatus> status;
    if (auto v = Param(req, "status"); !v.empty()) {
      status = ParseRepairStatus(v);
      if (!status) return Error(400, "invalid_value", "status 不正确", "status");
    }
    // ?decided_year=&department_id= : the dashboard's credit-repair figure.
    std::optional<int> decided_year;
    if (Status st = YearQuery(req, "decided_year", &decided_year); !st.ok()) return Error(st);
    std::optional<Id> dept;
    if (Status st = IdQuery(req, "department_id", &dept); !st.ok()) return Error(st);
    return Items(s.credit.Repairs(req.actor(), status, decided_year, dept));
  });

  r.Add("POST", "/api/v1/credit/repairs", Access::kSession, [&s](Request& req) {
    auto in = ApplicationFrom(req.body);
    if (!in.ok()) return Error(in.status());
    return View(s.credit.Apply(req.actor(), *in), 201);
  });

  r.Add("GET", "/api/v1/credit/repairs/{id}", Access::kSession, [&s](Request& req) {
    auto id = req.IdParam("id");
    if (!id) return Error(404, "credit_repair_not_found", "信用修复申请不存在");
    return View(s.credit.Repair(req.actor(), *id));
  });

  r.Add("POST", "/api/v1/credit/repairs/{id}/decision", Access::kSession, [&s](Request& req) {
    auto id = req.IdParam("id");
    if (!id) return Error(404, "credit_repair_not_found", "信用修复申请不存在");
    auto in = DecisionFrom(req.body);
    if (!in.ok()) return Error(in.status());
    return View(s.credit.Decide(req.actor(), *id, *in));
  });

  r.Add("GET", "/api/v1/credit/stats", Access::kSession, [&s](Request& req) {
    bool bad = false;
    int year = IntParam(req, "year", s.credit.Today().year(), &bad);
    if (bad) return Error(400, "invalid_value", "year 须为整数", "year");
    auto st = s.credit.Stats(req.actor(), year);
    if (!st.ok()) return Error(st.status());
    return Json(200, {{"year", st->year},
                      {"applied", st->applied},
                      {"approved", st->approved},
                      {"refused", st->refused},
                      {"pending", st->pending},
                      {"entities_repaired", st->entities}});
  });

  // The rules are law, readable by any signed-in user.
  r.Add("GET", "/api/v1/credit/rules", Access::kSession, [&s](Request&) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& row : s.credit.rules().rows)
      out.push_back({{"id", row.id}, {"value", row.value}, {"meaning", row.meaning},
                     {"basis", row.basis}, {"to_confirm", row.to_confirm}});
    return Json(200, {{"items", out}});
  });
}

void RegisterPublicCreditRoutes(Router& r, Services& s,
                                const std::function<Handler(Handler)>& publicly) {
  r.Add("GET", "/api/v1/public/penalty-publicity", Access::kPublic, publicly([&s](Request& req) {
          bool bad = false;
          int page = IntParam(req, "page", 1, &bad), size = IntParam(req, "page_size", 20, &bad);
          if (bad) return Error(400, "invalid_type", "page 和 page_size 须为整数", "page");
          auto res = s.credit.PublicPenalties(Param(req, "q"), page, size);
          if (!res.ok()) return Error(res.status());
          nlohmann::json items = nlohmann::json::array();
          for (const auto& v : res->items) items.push_back(PublicPenaltyJson(v));
          return Json(200, {{"items", items}, {"total", res->total}, {"page", page},
                            {"page_size", size}});
        }));
}

}  // namespace jg::http
