// /api/v1/public: the disclosure portal, no sign-in. Every field published
// is on an allow-list here; tests/api/portal_api_test.cc walks every public
// endpoint and fails on any field not on it.
#include <charconv>
#include <memory>
#include <set>

#include <nlohmann/json.hpp>

#include "http/api.h"
#include "http/public_cache.h"
#include "http/api_json.h"
#include "http/rate_limiter.h"

namespace jg {
std::string_view EmbeddedPublicOpenApi();  // docs/openapi-public.yaml, by cmake/EmbedText.cmake
}

namespace jg::http {
namespace {

// Licence attributes the law publishes; personal data (e.g. the pharmacist's
// name) stays internal.
const std::set<std::string>& PublicAttributes() {
  static const std::set<std::string> k = {"business_form", "business_items", "business_scope",
                                          "product_category", "product_unit"};
  return k;
}

nlohmann::json PublicEntity(const Entity& e) {
  return {{"credit_code", e.credit_code},
          {"name", e.name},
          {"kind", EntityKindLabel(e.kind)},
          {"legal_representative", e.legal_representative},
          {"address", e.address},
          {"registered_on", e.registered_on},
          {"status", EntityStatusLabel(e.status)}};
}

nlohmann::json PublicLicence(const Holding& h, const std::vector<HoldingKind>& kinds) {
  std::string kind_name = h.kind;
  for (const auto& k : kinds) {
    if (k.code == h.kind) kind_name = k.name;
  }
  nlohmann::json attrs = nlohmann::json::object();
  for (const auto& [k, v] : h.attributes) {
    if (!PublicAttributes().count(k)) continue;
    if (!attrs.contains(k)) attrs[k] = nlohmann::json::array();
    attrs[k].push_back(v);
  }
  return {{"kind", kind_name},
          {"identifier", h.identifier},
          {"valid_from", h.valid_from},
          {"valid_until", h.valid_until},
          {"attributes", attrs}};
}

int IntOr(const Request& req, const char* k, int fallback, bool* bad) {
  auto it = req.query.find(k);
  if (it == req.query.end() || it->second.empty()) return fallback;
  int v = 0;
  auto [p, ec] = std::from_chars(it->second.data(), it->second.data() + it->second.size(), v);
  if (ec != std::errc() || p != it->second.data() + it->second.size()) *bad = true;
  return v;
}

}  // namespace

void RegisterPortalRoutes(Router& r, Services& s) {
  auto limiter = std::make_shared<RateLimiter>(s.portal_limits.per_second, s.portal_limits.burst);
  const bool limited = s.portal_limits.per_second > 0;
  // Wraps a handler with the per-client limit and public caching headers.
  auto cache = std::make_shared<PublicCache>(std::chrono::milliseconds(s.portal_limits.cache_ms),
                                             s.portal_limits.cache_entries);
  // Wraps a handler with the per-client limit, the public answers' cache and
  // the open API's CORS header. The limit counts cached answers too.
  auto publicly = [limiter, limited, cache](Handler h) -> Handler {
    return [limiter, limited, cache, h = std::move(h)](Request& req) {
      int retry = 1;
      if (limited && !limiter->Allow(req.client, &retry)) {
        Response out = Error(429, "rate_limited", "请求过于频繁，请 " + std::to_string(retry) + " 秒后再试");
        out.headers.emplace_back("Retry-After", std::to_string(retry));
        return out;
      }
      const bool cacheable = cache->enabled() && (req.method == "GET" || req.method == "HEAD");
      std::string key;
      std::uint64_t generation = 0;
      const auto now = PublicCache::Clock::now();
      if (cacheable) {
        key = PublicCacheKey(req.path, req.query);
        generation = WriteGeneration::Current();  // before reading: see public_cache.h
        if (auto hit = cache->Find(key, generation, now)) {
          hit->headers.emplace_back("X-Cache", "hit");
          return *std::move(hit);
        }
      }
      Response out = h(req);
      out.headers.emplace_back("Access-Control-Allow-Origin", "*");
      if (cacheable) cache->Keep(key, generation, now, out);
      return out;
    };
  };

  // The open API's own description, so a client can find every public route.
  r.Add("GET", "/api/v1/public/openapi.yaml", Access::kPublic, publicly([](Request&) {
          Response out;
          out.content_type = "application/yaml; charset=utf-8";
          out.body = std::string(EmbeddedPublicOpenApi());
          return out;
        }));

  r.Add("GET", "/api/v1/public/entities", Access::kPublic, publicly([&s](Request& req) {
          bool bad = false;
          int page = IntOr(req, "page", 1, &bad), size = IntOr(req, "page_size", 20, &bad);
          if (bad) return Error(400, "invalid_type", "page 和 page_size 须为整数", "page");
          auto q = req.query.count("q") ? req.query["q"] : "";
          auto code = req.query.count("credit_code") ? req.query["credit_code"] : "";
          auto res = s.portal.Search(q, code, page, size);
          if (!res.ok()) return Error(res.status());
          nlohmann::json items = nlohmann::json::array();
          for (const auto& e : res->items) items.push_back(PublicEntity(e));
          return Json(200, {{"items", items}, {"total", res->total}, {"page", page}, {"page_size", size}});
        }));

  r.Add("GET", "/api/v1/public/entities/{code}", Access::kPublic, publicly([&s](Request& req) {
          auto rec = s.portal.Record(req.params["code"]);
          if (!rec.ok()) return Error(rec.status());
          nlohmann::json j = PublicEntity(rec->entity);
          nlohmann::json licences = nlohmann::json::array();
          for (const auto& h : rec->licences_in_force) licences.push_back(PublicLicence(h, rec->kinds));
          j["licences"] = licences;
          auto inspections = s.plans.PublicResultsOfEntity(rec->entity.id);
          if (!inspections.ok()) return Error(inspections.status());
          nlohmann::json results = nlohmann::json::array();
          for (const auto& t : *inspections) results.push_back(PublicInspectionResult(t));
          j["inspections"] = results;
          // Penalties under publicity (nothing once ended, withdrawn or repaired).
          auto penalties = s.credit.PublicPenalties(rec->entity.credit_code, 1, 50);
          if (!penalties.ok()) return Error(penalties.status());
          nlohmann::json pen = nlohmann::json::array();
          for (const auto& v : penalties->items) {
            if (v.record.credit_code == rec->entity.credit_code) pen.push_back(PublicPenaltyJson(v));
          }
          j["penalties"] = pen;
          return Json(200, j);
        }));

  RegisterPublicPlanRoutes(r, s, publicly);
  RegisterPublicCreditRoutes(r, s, publicly);
}

}  // namespace jg::http
