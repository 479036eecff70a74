// /api/v1/lenient-rules: the lenient-treatment rules (免罚清单: 不予处罚、减轻
// 处罚规则) as the legal department keeps them, with every version. Routes:
// docs/api.md.
#include <nlohmann/json.hpp>

#include "http/api.h"
#include "http/api_case_json.h"
#include "http/json_body.h"

namespace jg::http {
namespace {

using enforcement::LenientFactLabel;
using enforcement::LenientFactNames;

nlohmann::json VersionJson(const LenientRuleVersion& v) {
  nlohmann::json j = ToJson(v.rule);
  j["version"] = v.version;
  j["edited_at"] = v.edited_at;
  j["edited_by"] = v.edited_by;
  j["reason"] = v.reason;
  return j;
}

nlohmann::json FactsJson() {
  nlohmann::json out = nlohmann::json::array();
  for (std::string_view f : LenientFactNames()) out.push_back({{"fact", f}, {"label", LenientFactLabel(f)}});
  return out;
}

// {id (create only), version (update only), list, law, article, conduct,
//  conditions: [fact…], outcome, basis, retired, reason}
Result<LenientRuleVersion> RuleFrom(const std::string& body, bool update) {
  auto j = ParseJsonObject(body);
  if (!j.ok()) return j.status();
  JsonFields f(*j);
  LenientRuleVersion v;
  if (update) {
    v.version = f.Int("version");
  } else {
    v.rule.id = f.String("id");
  }
  v.rule.list = f.String("list");
  v.rule.provision.law = f.String("law");
  v.rule.provision.article = f.String("article");
  v.rule.conduct = f.String("conduct");
  v.rule.conditions = f.OptStringArray("conditions").value_or(std::vector<std::string>{});
  const std::string outcome = f.String("outcome");
  v.rule.basis = f.String("basis");
  v.rule.retired = f.OptBool("retired").value_or(false);
  v.reason = f.OptString("reason").value_or("");
  JG_RETURN_IF_ERROR(f.Finish());
  if (outcome == "no_penalty") {
    v.rule.outcome = enforcement::LenientOutcome::kNoPenalty;
  } else if (outcome == "reduced_penalty") {
    v.rule.outcome = enforcement::LenientOutcome::kReducedPenalty;
  } else {
    return InvalidArgument("invalid_outcome", "处理结果须为 no_penalty（不予处罚）或 reduced_penalty（减轻处罚）",
                           "outcome");
  }
  return v;
}

}  // namespace

void RegisterLenientRuleRoutes(Router& r, Services& s) {
  r.Add("GET", "/api/v1/lenient-rules", Access::kSession, [&s](Request& req) {
    auto res = s.lenient_rules.List(req.actor());
    if (!res.ok()) return Error(res.status());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& v : *res) items.push_back(VersionJson(v));
    return Json(200, {{"items", items}, {"facts", FactsJson()}});
  });

  r.Add("GET", "/api/v1/lenient-rules/{rule}/history", Access::kSession, [&s](Request& req) {
    auto res = s.lenient_rules.History(req.actor(), req.params["rule"]);
    if (!res.ok()) return Error(res.status());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& v : *res) items.push_back(VersionJson(v));
    return Json(200, {{"items", items}});
  });

  r.Add("POST", "/api/v1/lenient-rules", Access::kSession, [&s](Request& req) {
    auto v = RuleFrom(req.body, false);
    if (!v.ok()) return Error(v.status());
    auto res = s.lenient_rules.Create(req.actor(), std::move(v).value());
    if (!res.ok()) return Error(res.status());
    return Json(201, VersionJson(*res));
  });

  r.Add("PUT", "/api/v1/lenient-rules/{rule}", Access::kSession, [&s](Request& req) {
    auto v = RuleFrom(req.body, true);
    if (!v.ok()) return Error(v.status());
    auto res = s.lenient_rules.Update(req.actor(), req.params["rule"], std::move(v).value());
    if (!res.ok()) return Error(res.status());
    return Json(200, VersionJson(*res));
  });
}

}  // namespace jg::http
