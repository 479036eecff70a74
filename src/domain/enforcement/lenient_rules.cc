#include "domain/enforcement/lenient_rules.h"

#include <algorithm>

#include "domain/enforcement/rule_table.h"

namespace jg::enforcement {
namespace {

struct Named {
  std::string_view code, label;
};
constexpr Named kFacts[] = {
    {"first_violation", "初次违法"},
    {"minor_violation", "违法行为轻微"},
    {"corrected_in_time", "及时改正（在责令改正期限内改正）"},
    {"no_harm", "没有造成危害后果"},
    {"minor_harm", "危害后果轻微"},
    {"no_fault", "有证据足以证明没有主观过错"},
    {"eliminated_harm", "主动消除或者减轻违法行为危害后果"},
    {"coerced", "受他人胁迫或者诱骗实施违法行为"},
    {"confessed", "主动供述行政机关尚未掌握的违法行为"},
    {"meritorious_cooperation", "配合行政机关查处违法行为有立功表现"},
    {"lawful_source", "履行了进货查验义务，能如实说明进货来源"},
    {"small_value", "涉案货值金额或者违法所得在清单所列数额以下"},
    {"own_media_only", "仅在自有经营场所或者自设网站等自有媒介发布"},
};
constexpr Named kOutcomes[] = {{"no_penalty", "不予处罚"}, {"reduced_penalty", "减轻处罚"}};
constexpr std::string_view kStates[] = {"met", "unmet", "unknown"};
constexpr std::string_view kVerdicts[] = {"all_met", "undetermined", "not_met"};

enum Column { kId, kList, kLaw, kArticle, kConduct, kConditions, kOutcome, kBasis };

const TableSpec& Spec() {
  static const TableSpec spec{
      "免罚与减轻处罚规则",
      "lenient_rules_syntax",
      "lenient_rules",
      {"id", "list", "law", "article", "conduct", "conditions", "outcome", "basis"}};
  return spec;
}

// "SH-01", "GEN-07": 2–4 capital letters, a hyphen, 2–3 digits.
bool IsRuleId(std::string_view s) {
  const std::size_t dash = s.find('-');
  if (dash < 2 || dash > 4 || dash == std::string_view::npos) return false;
  const std::string_view digits = s.substr(dash + 1);
  return std::all_of(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(dash),
                     [](char c) { return c >= 'A' && c <= 'Z'; }) &&
         digits.size() >= 2 && digits.size() <= 3 &&
         std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string FactCodes() {
  std::string out;
  for (const Named& f : kFacts) out += (out.empty() ? "" : "、") + std::string(f.code);
  return out;
}

Result<LenientRule> ParseRow(const TableRow& row) {
  const TableSpec& spec = Spec();
  LenientRule r;
  r.line = row.line;
  r.id = row.cells[kId];
  if (!IsRuleId(r.id)) return CellError(spec, row, kId, "「" + r.id + "」应形如 SH-01、GEN-07");
  JG_ASSIGN_OR_RETURN(r.list, TextCell(spec, row, kList));
  JG_ASSIGN_OR_RETURN(r.provision.law, TextCell(spec, row, kLaw));
  JG_ASSIGN_OR_RETURN(r.provision.article, TextCell(spec, row, kArticle));
  if ((r.provision.law == "*") != (r.provision.article == "*")) {
    return CellError(spec, row, r.provision.law == "*" ? kArticle : kLaw,
                     "通用规则的 law 和 article 须同为 *");
  }
  JG_ASSIGN_OR_RETURN(r.conduct, TextCell(spec, row, kConduct));
  JG_ASSIGN_OR_RETURN(r.conditions, ListCell(spec, row, kConditions));
  if (r.conditions.empty()) return CellError(spec, row, kConditions, "至少须有一个适用条件");
  for (const std::string& c : r.conditions) {
    if (LenientFactLabel(c).empty()) {
      return CellError(spec, row, kConditions,
                       "未知的条件「" + c + "」，应为 " + FactCodes() + " 之一");
    }
  }
  const std::string& outcome = row.cells[kOutcome];
  bool found = false;
  for (std::size_t i = 0; i < std::size(kOutcomes); ++i) {
    if (kOutcomes[i].code == outcome || kOutcomes[i].label == outcome) {
      r.outcome = static_cast<LenientOutcome>(i);
      found = true;
    }
  }
  if (!found) {
    return CellError(
        spec, row, kOutcome,
        "「" + outcome + "」应为 no_penalty（不予处罚）或 reduced_penalty（减轻处罚）");
  }
  JG_ASSIGN_OR_RETURN(r.basis, TextCell(spec, row, kBasis));
  return r;
}

// The law's name for comparison: no 《》, no spaces, no 中华人民共和国 prefix.
std::string NormalizeLaw(std::string_view law) {
  std::string out;
  for (std::size_t i = 0; i < law.size();) {
    if (law.substr(i).starts_with("《") || law.substr(i).starts_with("》")) {
      i += 3;
    } else if (law[i] == ' ' || law[i] == '\t') {
      ++i;
    } else {
      out.push_back(law[i++]);
    }
  }
  constexpr std::string_view kPrc = "中华人民共和国";
  if (std::string_view(out).starts_with(kPrc)) out.erase(0, kPrc.size());
  return out;
}

std::string StripSpaces(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c != ' ' && c != '\t') out.push_back(c);
  }
  return out;
}

bool ProvisionMatches(const Provision& rule, const Provision& violated) {
  if (rule.law == "*") return true;
  if (NormalizeLaw(rule.law) != NormalizeLaw(violated.law)) return false;
  const std::string a = StripSpaces(rule.article), b = StripSpaces(violated.article);
  return a.starts_with(b) || b.starts_with(a);
}

}  // namespace

std::vector<std::string_view> LenientFactNames() {
  std::vector<std::string_view> out;
  for (const Named& f : kFacts) out.push_back(f.code);
  return out;
}

std::string_view LenientFactLabel(std::string_view fact) {
  for (const Named& f : kFacts) {
    if (f.code == fact) return f.label;
  }
  return {};
}

std::string_view LenientOutcomeName(LenientOutcome o) {
  return kOutcomes[static_cast<int>(o)].code;
}
std::string_view LenientOutcomeLabel(LenientOutcome o) {
  return kOutcomes[static_cast<int>(o)].label;
}
std::string_view ConditionStateName(ConditionState s) {
  return kStates[static_cast<int>(s)];
}
std::string_view MatchVerdictName(MatchVerdict v) {
  return kVerdicts[static_cast<int>(v)];
}

const LenientRule* LenientRules::Find(std::string_view id) const {
  for (const LenientRule& r : rules) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

Status ValidateLenientRule(const LenientRule& r) {
  const auto blank = [](const std::string& s) { return StripSpaces(s).empty(); };
  if (!IsRuleId(r.id)) {
    return InvalidArgument("invalid_rule_id", "规则编号「" + r.id + "」应形如 SH-01、GEN-07", "id");
  }
  if (blank(r.list)) return InvalidArgument("required", "请填写所属清单（文件）", "list");
  if (blank(r.provision.law)) return InvalidArgument("required", "请填写违反的法律法规", "provision.law");
  if (blank(r.provision.article)) {
    return InvalidArgument("required", "请填写违反的条款", "provision.article");
  }
  if ((r.provision.law == "*") != (r.provision.article == "*")) {
    return InvalidArgument("invalid_provision", "通用规则的法律法规和条款须同为 *",
                           r.provision.law == "*" ? "provision.article" : "provision.law");
  }
  if (blank(r.conduct)) return InvalidArgument("required", "请填写违法行为及情形", "conduct");
  if (r.conditions.empty()) {
    return InvalidArgument("required", "至少须有一个适用条件", "conditions");
  }
  for (std::size_t i = 0; i < r.conditions.size(); ++i) {
    if (LenientFactLabel(r.conditions[i]).empty()) {
      return InvalidArgument("unknown_fact", "未知的条件「" + r.conditions[i] + "」", "conditions");
    }
    if (std::find(r.conditions.begin(), r.conditions.begin() + static_cast<std::ptrdiff_t>(i),
                  r.conditions[i]) != r.conditions.begin() + static_cast<std::ptrdiff_t>(i)) {
      return InvalidArgument("duplicate_fact", "条件「" + r.conditions[i] + "」重复", "conditions");
    }
  }
  if (blank(r.basis)) return InvalidArgument("required", "请填写处理结果的法律依据", "basis");
  return Status::Ok();
}

Result<LenientRules> ParseLenientRules(std::string_view text) {
  JG_ASSIGN_OR_RETURN(std::vector<TableRow> rows, ParseRuleTable(text, Spec()));
  LenientRules out;
  for (const TableRow& row : rows) {
    JG_ASSIGN_OR_RETURN(LenientRule rule, ParseRow(row));
    if (const LenientRule* before = out.Find(rule.id)) {
      return CellError(Spec(), row, kId,
                       "「" + rule.id + "」已在第 " + std::to_string(before->line) + " 行定义");
    }
    out.rules.push_back(std::move(rule));
  }
  return out;
}

Result<std::vector<LenientMatch>> MatchLenientRules(const LenientRules& rules,
                                                    const Provision& violated,
                                                    const std::map<std::string, bool>& facts) {
  if (StripSpaces(violated.law).empty()) {
    return InvalidArgument("required", "请填写违反的法律法规名称", "provision.law");
  }
  if (StripSpaces(violated.article).empty()) {
    return InvalidArgument("required", "请填写违反的条款", "provision.article");
  }
  for (const auto& [fact, value] : facts) {
    if (LenientFactLabel(fact).empty()) {
      return InvalidArgument("unknown_fact", "未知的情节「" + fact + "」", "facts." + fact);
    }
  }
  std::vector<LenientMatch> out;
  for (const LenientRule& rule : rules.rules) {
    if (rule.retired) continue;
    if (!ProvisionMatches(rule.provision, violated)) continue;
    LenientMatch m;
    m.rule = rule;
    bool unmet = false, unknown = false;
    for (const std::string& c : rule.conditions) {
      auto it = facts.find(c);
      const ConditionState s = it == facts.end() ? ConditionState::kUnknown
                               : it->second      ? ConditionState::kMet
                                                 : ConditionState::kUnmet;
      unmet |= s == ConditionState::kUnmet;
      unknown |= s == ConditionState::kUnknown;
      m.conditions.push_back({c, s});
    }
    m.verdict = unmet     ? MatchVerdict::kNotMet
                : unknown ? MatchVerdict::kUndetermined
                          : MatchVerdict::kAllMet;
    out.push_back(std::move(m));
  }
  std::stable_sort(out.begin(), out.end(), [](const LenientMatch& a, const LenientMatch& b) {
    return static_cast<int>(a.verdict) < static_cast<int>(b.verdict);
  });
  return out;
}

}  // namespace jg::enforcement
