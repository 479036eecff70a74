// /api/v1/audit: the log, newest first, and a re-check of its chain.
#include <nlohmann/json.hpp>

#include "http/api.h"
#include "http/api_json.h"

namespace jg::http {
namespace {
std::int64_t QueryInt(const Request& req, const char* name, std::int64_t fallback) {
  auto it = req.query.find(name);
  if (it == req.query.end()) return fallback;
  try {
    return std::stoll(it->second);
  } catch (...) {
    return fallback;
  }
}
}  // namespace

void RegisterAuditRoutes(Router& r, Services& s) {
  r.Add("GET", "/api/v1/audit", Access::kSession, [&s](Request& req) {
    auto events = s.audit.List(req.actor(), QueryInt(req, "before", 0),
                               static_cast<int>(QueryInt(req, "limit", 100)));
    if (!events.ok()) return Error(events.status());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& e : *events) items.push_back(ToJson(e));
    return Json(200, {{"items", items}});
  });

  r.Add("GET", "/api/v1/audit/verify", Access::kSession, [&s](Request& req) {
    auto rep = s.audit.Verify(req.actor());
    if (!rep.ok()) return Error(rep.status());
    return Json(200, {{"ok", rep->ok},
                      {"checked", rep->checked},
                      {"head_seq", rep->head_seq},
                      {"first_bad_seq", rep->first_bad_seq},
                      {"reason", rep->reason}});
  });
}

}  // namespace jg::http
