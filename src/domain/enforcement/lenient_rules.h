// Lenient-treatment rules (免罚清单 / 不予处罚 / 减轻处罚) as data
// (data/lenient-rules.csv; format: docs/enforcement.md). A rule names the
// provision violated, the conduct, the conditions as a set of named facts, and
// the outcome. The matcher tells, for a case's violated provision and the facts
// recorded so far, which rules could apply and which conditions are met,
// unmet or not yet known. It never decides: the case officer and the legal
// review do (《行政处罚法》第三十二条、第三十三条).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/status.h"

namespace jg::enforcement {

// The named facts a condition can require; a fixed vocabulary so a typo in
// the file or in a case record is refused rather than silently unmatched.
std::vector<std::string_view> LenientFactNames();
// "初次违法" …; empty for an unknown name.
std::string_view LenientFactLabel(std::string_view fact);

enum class LenientOutcome { kNoPenalty, kReducedPenalty };
std::string_view LenientOutcomeName(LenientOutcome o);   // "no_penalty", "reduced_penalty"
std::string_view LenientOutcomeLabel(LenientOutcome o);  // "不予处罚", "减轻处罚"

// A provision: the law (《中华人民共和国广告法》) and the article
// (第九条第（三）项). In a rule, "*" for both means any provision (the
// general rules of 《行政处罚法》第三十二条、第三十三条).
struct Provision {
  std::string law;
  std::string article;
};

struct LenientRule {
  std::string id;    // e.g. "SH-01"
  std::string list;  // the document: 沪市监规范〔2023〕14号 …
  Provision provision;
  std::string conduct;                  // the conduct described
  std::vector<std::string> conditions;  // fact names, all required
  LenientOutcome outcome = LenientOutcome::kNoPenalty;
  std::string basis;  // the legal basis of the outcome
  int line = 0;       // where the file defines it
  // Retired by the legal department: no longer suggested or citable in a new
  // decision, still known so that past decisions keep their rule.
  bool retired = false;
};

struct LenientRules {
  std::vector<LenientRule> rules;
  const LenientRule* Find(std::string_view id) const;  // nullptr if none
};

// Parses data/lenient-rules.csv. All or nothing; errors are InvalidArgument
// "lenient_rules_syntax", field "lenient_rules", naming the line and column:
// a malformed or duplicate id, an empty cell, an unknown fact or outcome, a
// rule with no condition, "*" in only one of law/article.
Result<LenientRules> ParseLenientRules(std::string_view text);

// One rule as edited by hand (the legal department's rule list page): the
// same checks as a row of the file, naming the field. InvalidArgument with
// field "id", "list", "provision.law", "provision.article", "conduct",
// "conditions" or "basis".
Status ValidateLenientRule(const LenientRule& rule);

enum class ConditionState { kMet, kUnmet, kUnknown };
std::string_view ConditionStateName(ConditionState s);  // "met", "unmet", "unknown"

enum class MatchVerdict {
  kAllMet,        // every condition is met: the rule applies, subject to review
  kUndetermined,  // none unmet, some not yet known
  kNotMet,        // some condition is not met
};
std::string_view MatchVerdictName(MatchVerdict v);  // "all_met", "undetermined", "not_met"

struct ConditionCheck {
  std::string fact;
  ConditionState state = ConditionState::kUnknown;
};

struct LenientMatch {
  LenientRule rule;                        // a copy: the list may change after matching
  std::vector<ConditionCheck> conditions;  // in the rule's order
  MatchVerdict verdict = MatchVerdict::kUndetermined;
};

// The rules whose provision matches `violated` (same law, ignoring 《》, the
// prefix 中华人民共和国 and spaces; one article a prefix of the other, so a
// rule on 第九条 matches 第九条第（三）项 and the reverse; "*" rules match every
// provision), each with its conditions checked against `facts` (absent =
// unknown). Retired rules are left out. Ordered all_met, undetermined,
// not_met, then list order.
// Errors: InvalidArgument "unknown_fact" (field "facts.<name>"),
// "required" (field "provision.law" / "provision.article").
Result<std::vector<LenientMatch>> MatchLenientRules(const LenientRules& rules,
                                                    const Provision& violated,
                                                    const std::map<std::string, bool>& facts);

}  // namespace jg::enforcement
