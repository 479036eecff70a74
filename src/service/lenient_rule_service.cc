#include "service/lenient_rule_service.h"

#include <nlohmann/json.hpp>

#include "domain/text_fields.h"
#include "service/access.h"
#include "service/audit_trail.h"

namespace jg {
namespace {

std::string CanonicalJson(const LenientRuleVersion& v) {
  const enforcement::LenientRule& r = v.rule;
  return nlohmann::json{{"id", r.id},
                        {"version", v.version},
                        {"list", r.list},
                        {"law", r.provision.law},
                        {"article", r.provision.article},
                        {"conduct", r.conduct},
                        {"conditions", r.conditions},
                        {"outcome", enforcement::LenientOutcomeName(r.outcome)},
                        {"basis", r.basis},
                        {"retired", r.retired}}
      .dump();
}

}  // namespace

Status LenientRuleService::SeedIfEmpty() {
  Status st = env_.store.Transaction([&](Store& tx) -> Status {
    JG_ASSIGN_OR_RETURN(std::int64_t revision, tx.LenientRulesRevision());
    if (revision != 0) return Status::Ok();
    for (const enforcement::LenientRule& rule : builtin_.lenient.rules) {
      LenientRuleVersion v;
      v.rule = rule;
      v.edited_at = env_.clock.Now();
      v.reason = "内置清单（data/lenient-rules.csv）";
      JG_RETURN_IF_ERROR(tx.SaveLenientRule(v).status());
    }
    return Status::Ok();
  });
  // Another server seeded at the same moment: its list stands.
  if (st.code() == ErrorCode::kAlreadyExists) return Status::Ok();
  return st;
}

Result<std::shared_ptr<const enforcement::LenientRules>> LenientRuleService::Current() {
  JG_ASSIGN_OR_RETURN(std::int64_t revision, env_.store.LenientRulesRevision());
  if (revision == 0) {
    JG_RETURN_IF_ERROR(SeedIfEmpty());
    JG_ASSIGN_OR_RETURN(revision, env_.store.LenientRulesRevision());
  }
  {
    std::lock_guard lock(mu_);
    if (current_ && revision_ == revision) return current_;
  }
  JG_ASSIGN_OR_RETURN(std::vector<LenientRuleVersion> stored, env_.store.ListLenientRules());
  auto rules = std::make_shared<enforcement::LenientRules>();
  rules->rules.reserve(stored.size());
  for (LenientRuleVersion& v : stored) rules->rules.push_back(std::move(v.rule));
  std::lock_guard lock(mu_);
  // A concurrent reader may have loaded a newer list meanwhile; keep the newest.
  if (!current_ || revision >= revision_) {
    current_ = std::move(rules);
    revision_ = revision;
  }
  return current_;
}

Result<std::vector<LenientRuleVersion>> LenientRuleService::List(const Actor& actor) {
  JG_RETURN_IF_ERROR(RequireRole(actor, Permission::kReadCases));
  JG_RETURN_IF_ERROR(Current().status());  // seeds on first use
  return env_.store.ListLenientRules();
}

Result<std::vector<LenientRuleVersion>> LenientRuleService::History(const Actor& actor,
                                                                    const std::string& id) {
  JG_RETURN_IF_ERROR(RequireRole(actor, Permission::kReadCases));
  JG_RETURN_IF_ERROR(Current().status());
  JG_ASSIGN_OR_RETURN(auto versions, env_.store.ListLenientRuleVersions(id));
  if (versions.empty()) return NotFound("lenient_rule_not_found", "没有编号为 " + id + " 的规则");
  return versions;
}

Result<LenientRuleVersion> LenientRuleService::Create(const Actor& actor, LenientRuleVersion v) {
  return Save(actor, std::move(v), true);
}

Result<LenientRuleVersion> LenientRuleService::Update(const Actor& actor, const std::string& id,
                                                      LenientRuleVersion v) {
  v.rule.id = id;
  return Save(actor, std::move(v), false);
}

Result<LenientRuleVersion> LenientRuleService::Save(const Actor& actor, LenientRuleVersion v,
                                                    bool create) {
  JG_RETURN_IF_ERROR(RequireRole(actor, Permission::kManageLenientRules));
  JG_RETURN_IF_ERROR(RequirePermission(env_.store, actor, Permission::kManageLenientRules, {}));
  enforcement::LenientRule& r = v.rule;
  for (std::string* s : {&r.id, &r.list, &r.provision.law, &r.provision.article, &r.conduct,
                         &r.basis, &v.reason}) {
    *s = Trim(*s);
  }
  for (std::string& c : r.conditions) c = Trim(c);
  JG_RETURN_IF_ERROR(enforcement::ValidateLenientRule(r));
  if (v.reason.empty()) {
    return InvalidArgument("required", "请写明修改理由（如依据的文件或会议纪要）", "reason");
  }
  if (create) {
    v.version = 0;
  } else if (v.version <= 0) {
    return InvalidArgument("required", "缺少版本号", "version");
  }
  JG_RETURN_IF_ERROR(Current().status());  // the built-in list first, so ids clash as they should
  v.edited_at = env_.clock.Now();
  v.edited_by = actor.username;
  LenientRuleVersion saved = v;
  JG_RETURN_IF_ERROR(env_.store.Transaction([&](Store& tx) -> Status {
    std::string before;
    if (!create) {
      JG_ASSIGN_OR_RETURN(auto history, tx.ListLenientRuleVersions(r.id));
      if (!history.empty()) before = CanonicalJson(history.front());
    }
    JG_ASSIGN_OR_RETURN(saved.version, tx.SaveLenientRule(v));
    nlohmann::json detail = {{"id", r.id}, {"retired", r.retired}, {"reason", v.reason}};
    return AppendAudit(tx, env_.clock, &actor,
                       {create ? "lenient_rule.create" : "lenient_rule.update", "lenient_rule",
                        r.id, before, CanonicalJson(saved), detail.dump()});
  }));
  return saved;
}

}  // namespace jg
