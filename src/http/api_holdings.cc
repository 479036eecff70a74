// /api/v1/holding-kinds, /api/v1/holdings, /api/v1/registrations.
#include <charconv>

#include <nlohmann/json.hpp>

#include "http/api.h"
#include "http/api_json.h"
#include "http/json_body.h"
#include "http/query_params.h"

namespace jg::http {
namespace {

Status IntParam(const Request& req, const char* k, int fallback, int lo, int hi, int* out) {
  std::string v = Param(req, k);
  *out = fallback;
  if (v.empty()) return Status::Ok();
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), *out);
  if (ec != std::errc() || p != v.data() + v.size() || *out < lo || *out > hi)
    return InvalidArgument("invalid_value",
                           std::string(k) + " 须为 " + std::to_string(lo) + "–" + std::to_string(hi) + " 的整数", k);
  return Status::Ok();
}

Result<Holding> HoldingFrom(const std::string& body, bool update) {
  auto j = ParseJsonObject(body);
  if (!j.ok()) return j.status();
  JsonFields f(*j);
  Holding h;
  if (update) {
    h.version = f.Int("version");
  } else {
    h.kind = f.String("kind");
  }
  h.identifier = f.String("identifier");
  h.entity_id = f.Int("entity_id");
  h.valid_from = f.String("valid_from");
  h.valid_until = f.OptString("valid_until").value_or("");
  std::string status = f.OptString("status").value_or("valid");
  h.attributes = f.OptStringMultimap("attributes").value_or(std::multimap<std::string, std::string>{});
  JG_RETURN_IF_ERROR(f.Finish());
  auto st = ParseHoldingStatus(status);
  if (!st) return InvalidArgument("invalid_status", "状态须为 valid、suspended、revoked 或 cancelled", "status");
  h.status = *st;
  return h;
}

Response PageJson(const HoldingPage& page, const std::string& today, int window) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& h : page.items) {
    auto j = ToJson(h);
    j["expiry_state"] = ExpiryState(h, today, window);
    items.push_back(j);
  }
  return Json(200, {{"items", items}, {"total", page.total}});
}

}  // namespace

void RegisterHoldingRoutes(Router& r, Services& s) {
  r.Add("GET", "/api/v1/holding-kinds", Access::kSession, [&s](Request& req) {
    auto kinds = s.holdings.Kinds(req.actor());
    if (!kinds.ok()) return Error(kinds.status());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& k : *kinds) {
      items.push_back({{"code", k.code},
                       {"name", k.name},
                       {"category", k.category},
                       {"identifier_rule", k.identifier_rule},
                       {"legal_basis", k.legal_basis},
                       {"attribute_keys", k.attribute_keys}});
    }
    return Json(200, {{"items", items}});
  });

  r.Add("GET", "/api/v1/holdings", Access::kSession, [&s](Request& req) {
    HoldingQuery q;
    int entity = 0, page = 1, size = 20;
    for (Status st : {IntParam(req, "entity_id", 0, 0, INT32_MAX, &entity),
                      IntParam(req, "page", 1, 1, 1000000, &page),
                      IntParam(req, "page_size", 20, 1, 200, &size)}) {
      if (!st.ok()) return Error(st);
    }
    if (entity > 0) q.entity_id = entity;
    q.kind = Param(req, "kind");
    if (auto v = Param(req, "status"); !v.empty()) {
      if (!(q.status = ParseHoldingStatus(v))) return Error(400, "invalid_status", "状态无效", "status");
    }
    // ?item=含酒类 is the food licence's business item filter.
    if (auto item = Param(req, "item"); !item.empty()) {
      q.attribute_key = "business_items";
      q.attribute_value = item;
    }
    q.valid_from_from = Param(req, "issued_from");
    q.valid_from_to = Param(req, "issued_to");
    q.limit = size;
    q.offset = (page - 1) * size;
    auto res = s.holdings.Search(req.actor(), q);
    if (!res.ok()) return Error(res.status());
    return PageJson(*res, s.holdings.Today(), 30);
  });

  r.Add("GET", "/api/v1/holdings/expiring", Access::kSession, [&s](Request& req) {
    int days = 30, page = 1, size = 50;
    for (Status st : {IntParam(req, "days", 30, 0, 3650, &days),
                      IntParam(req, "page", 1, 1, 1000000, &page),
                      IntParam(req, "page_size", 50, 1, 200, &size)}) {
      if (!st.ok()) return Error(st);
    }
    auto res = s.holdings.Expiring(req.actor(), days, (page - 1) * size, size);
    if (!res.ok()) return Error(res.status());
    return PageJson(*res, s.holdings.Today(), days);
  });

  r.Add("GET", "/api/v1/holdings/{id}", Access::kSession, [&s](Request& req) {
    auto id = req.IdParam("id");
    if (!id) return Error(404, "holding_not_found", "证照（持有物）不存在");
    auto h = s.holdings.Get(req.actor(), *id);
    if (!h.ok()) return Error(h.status());
    return Json(200, ToJson(*h));
  });

  r.Add("POST", "/api/v1/holdings", Access::kSession, [&s](Request& req) {
    auto h = HoldingFrom(req.body, false);
    if (!h.ok()) return Error(h.status());
    auto created = s.holdings.Create(req.actor(), std::move(h).value());
    if (!created.ok()) return Error(created.status());
    return Json(201, ToJson(*created));
  });

  r.Add("PUT", "/api/v1/holdings/{id}", Access::kSession, [&s](Request& req) {
    auto id = req.IdParam("id");
    if (!id) return Error(404, "holding_not_found", "证照（持有物）不存在");
    auto h = HoldingFrom(req.body, true);
    if (!h.ok()) return Error(h.status());
    auto updated = s.holdings.Update(req.actor(), *id, std::move(h).value());
    if (!updated.ok()) return Error(updated.status());
    return Json(200, ToJson(*updated));
  });

  r.Add("GET", "/api/v1/registrations", Access::kSession, [&s](Request& req) {
    RegistrationQuery q;
    int entity = 0, page = 1, size = 50;
    for (Status st : {IntParam(req, "entity_id", 0, 0, INT32_MAX, &entity),
                      IntParam(req, "page", 1, 1, 1000000, &page),
                      IntParam(req, "page_size", 50, 1, 200, &size)}) {
      if (!st.ok()) return Error(st);
    }
    if (entity > 0) q.entity_id = entity;
    q.service_point = Param(req, "service_point");
    if (auto v = Param(req, "kind"); !v.empty()) {
      if (!(q.kind = ParseRegistrationKind(v)))
        return Error(400, "invalid_value", "登记类型须为 establishment、change 或 deregistration", "kind");
    }
    q.from = Param(req, "from");
    q.to = Param(req, "to");
    q.limit = size;
    q.offset = (page - 1) * size;
    auto res = s.holdings.Registrations(req.actor(), q);
    if (!res.ok()) return Error(res.status());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& g : *res) items.push_back(ToJson(g));
    return Json(200, {{"items", items}});
  });

  r.Add("GET", "/api/v1/registrations/counts", Access::kSession, [&s](Request& req) {
    auto res = s.holdings.RegistrationCounts(req.actor(), Param(req, "from"), Param(req, "to"));
    if (!res.ok()) return Error(res.status());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& c : *res) {
      items.push_back({{"service_point", c.service_point},
                       {"month", c.month},
                       {"kind", RegistrationKindName(c.kind)},
                       {"count", c.count},
                       {"fully_electronic", c.fully_electronic}});
    }
    return Json(200, {{"items", items}});
  });

  r.Add("POST", "/api/v1/registrations", Access::kSession, [&s](Request& req) {
    auto j = ParseJsonObject(req.body);
    if (!j.ok()) return Error(j.status());
    JsonFields f(*j);
    Registration g;
    g.entity_id = f.Int("entity_id");
    std::string kind = f.String("kind");
    g.service_point = f.String("service_point");
    g.handled_on = f.String("handled_on");
    g.fully_electronic = f.OptBool("fully_electronic").value_or(false);
    if (Status st = f.Finish(); !st.ok()) return Error(st);
    auto k = ParseRegistrationKind(kind);
    if (!k) return Error(400, "invalid_kind", "登记类型须为 establishment、change 或 deregistration", "kind");
    g.kind = *k;
    auto res = s.holdings.Record(req.actor(), g);
    if (!res.ok()) return Error(res.status());
    return Json(201, ToJson(*res));
  });
}

}  // namespace jg::http
