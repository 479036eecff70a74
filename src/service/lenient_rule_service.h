// The lenient-treatment rules (免罚清单) as the legal department keeps them:
// stored and versioned, seeded from the built-in list (data/lenient-rules.csv)
// the first time they are read, edited by hand with a reason, every version
// kept. The case services read the rules in force through Current().
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "service/enforcement_rules.h"
#include "service/service_env.h"

namespace jg {

class LenientRuleService {
 public:
  LenientRuleService(ServiceEnv env, const EnforcementRules& builtin)
      : env_(env), builtin_(builtin) {}

  // The rules as stored now (retired ones flagged), parsed once per change of
  // the list: a cheap revision query tells whether the copy is still current,
  // so several servers on one PostgreSQL see each other's edits.
  Result<std::shared_ptr<const enforcement::LenientRules>> Current();

  // Current version of every rule (cases.read).
  Result<std::vector<LenientRuleVersion>> List(const Actor& actor);
  // Every version of one rule, newest first (cases.read).
  Result<std::vector<LenientRuleVersion>> History(const Actor& actor, const std::string& id);
  // A new rule (lenient_rules.manage); v.version is ignored. The reason is required.
  Result<LenientRuleVersion> Create(const Actor& actor, LenientRuleVersion v);
  // A new version of rule `id` (lenient_rules.manage); v.version is the one read.
  // Retiring is an edit with rule.retired set.
  Result<LenientRuleVersion> Update(const Actor& actor, const std::string& id,
                                    LenientRuleVersion v);

 private:
  Status SeedIfEmpty();
  Result<LenientRuleVersion> Save(const Actor& actor, LenientRuleVersion v, bool create);

  ServiceEnv env_;
  const EnforcementRules& builtin_;
  std::mutex mu_;
  std::int64_t revision_ = -1;
  std::shared_ptr<const enforcement::LenientRules> current_;
};

}  // namespace jg
