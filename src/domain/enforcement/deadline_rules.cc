#include "domain/enforcement/deadline_rules.h"

#include <algorithm>

#include "domain/enforcement/rule_table.h"

namespace jg::enforcement {
namespace {

struct Named {
  std::string_view code, label;
};
constexpr Named kUnits[] = {{"working_days", "个工作日"}, {"calendar_days", "日"}, {"years", "年"}};
constexpr Named kEffects[] = {{"deadline", "期限"}, {"waiting_period", "等待期"}};
constexpr Named kExcluded[] = {
    {"testing", "检测、检验、检疫、鉴定"},
    {"right_holder_identification", "权利人辨认或者鉴别"},
    {"suspension", "案件中止"},
    {"hearing", "听证"},
    {"public_notice", "公告"},
    {"ordered_refund", "责令退还多收价款"},
};

template <typename E, std::size_t N>
std::optional<E> Lookup(const Named (&table)[N], std::string_view s) {
  for (std::size_t i = 0; i < N; ++i) {
    if (table[i].code == s) return static_cast<E>(i);
  }
  return std::nullopt;
}

template <std::size_t N>
std::string Codes(const Named (&table)[N]) {
  std::string out;
  for (std::size_t i = 0; i < N; ++i) out += (i ? "、" : "") + std::string(table[i].code);
  return out;
}

enum Column {
  kId,
  kName,
  kStart,
  kEffect,
  kLength,
  kUnit,
  kExtension,
  kApprover,
  kExcludedCol,
  kWarn,
  kBasis,
  kToConfirm
};

const TableSpec& Spec() {
  static const TableSpec spec{
      "执法期限规则",
      "deadline_rules_syntax",
      "deadline_rules",
      {"id", "name", "start_event", "effect", "length", "unit", "extension", "extension_approver",
       "excluded_kinds", "warn_before", "basis", "to_confirm"}};
  return spec;
}

bool IsIdentifier(std::string_view s) {
  return !s.empty() && s.size() <= 64 && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

Result<DeadlineRule> ParseRow(const TableRow& row) {
  const TableSpec& spec = Spec();
  DeadlineRule r;
  r.id = row.cells[kId];
  if (!IsIdentifier(r.id)) {
    return CellError(spec, row, kId, "「" + r.id + "」应由小写字母、数字和下划线组成");
  }
  JG_ASSIGN_OR_RETURN(r.name, TextCell(spec, row, kName));
  JG_ASSIGN_OR_RETURN(r.start_event, TextCell(spec, row, kStart));
  const auto effect = Lookup<PeriodEffect>(kEffects, row.cells[kEffect]);
  if (!effect) {
    return CellError(spec, row, kEffect,
                     "「" + row.cells[kEffect] + "」应为 " + Codes(kEffects) + " 之一");
  }
  r.effect = *effect;
  JG_ASSIGN_OR_RETURN(r.length, IntCell(spec, row, kLength, 1, 1000));
  const auto unit = Lookup<PeriodUnit>(kUnits, row.cells[kUnit]);
  if (!unit) {
    return CellError(spec, row, kUnit,
                     "「" + row.cells[kUnit] + "」应为 " + Codes(kUnits) + " 之一");
  }
  r.unit = *unit;
  JG_ASSIGN_OR_RETURN(r.extension, IntCell(spec, row, kExtension, 0, 1000));
  r.extension_approver = row.cells[kApprover];
  if (r.extension > 0 && r.extension_approver.empty()) {
    return CellError(spec, row, kApprover, "可以延长的期限须写明由谁批准延长");
  }
  if (r.extension == 0 && !r.extension_approver.empty()) {
    return CellError(spec, row, kApprover, "延长天数为 0，不应填写批准人");
  }
  JG_ASSIGN_OR_RETURN(std::vector<std::string> kinds, ListCell(spec, row, kExcludedCol));
  for (const std::string& k : kinds) {
    const auto kind = Lookup<ExcludedKind>(kExcluded, k);
    if (!kind) {
      return CellError(spec, row, kExcludedCol,
                       "未知的不计入期间种类「" + k + "」，应为 " + Codes(kExcluded) + " 之一");
    }
    r.excluded_kinds.push_back(*kind);
  }
  if (r.unit == PeriodUnit::kYears && (!r.excluded_kinds.empty() || r.extension > 0)) {
    return CellError(spec, row, kUnit, "以年计的期限（追责时效）不能延长，也不扣除期间");
  }
  JG_ASSIGN_OR_RETURN(r.warn_before, IntCell(spec, row, kWarn, 0, 1000));
  JG_ASSIGN_OR_RETURN(r.basis, TextCell(spec, row, kBasis));
  JG_ASSIGN_OR_RETURN(r.to_confirm, BoolCell(spec, row, kToConfirm));
  return r;
}

}  // namespace

std::string_view PeriodUnitName(PeriodUnit u) {
  return kUnits[static_cast<int>(u)].code;
}
std::string_view PeriodUnitLabel(PeriodUnit u) {
  return kUnits[static_cast<int>(u)].label;
}
std::optional<PeriodUnit> ParsePeriodUnit(std::string_view s) {
  return Lookup<PeriodUnit>(kUnits, s);
}
std::string_view PeriodEffectName(PeriodEffect e) {
  return kEffects[static_cast<int>(e)].code;
}
std::optional<PeriodEffect> ParsePeriodEffect(std::string_view s) {
  return Lookup<PeriodEffect>(kEffects, s);
}
std::string_view ExcludedKindName(ExcludedKind k) {
  return kExcluded[static_cast<int>(k)].code;
}
std::string_view ExcludedKindLabel(ExcludedKind k) {
  return kExcluded[static_cast<int>(k)].label;
}
std::optional<ExcludedKind> ParseExcludedKind(std::string_view s) {
  return Lookup<ExcludedKind>(kExcluded, s);
}

const DeadlineRule* DeadlineRules::Find(std::string_view id) const {
  for (const DeadlineRule& r : rules) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

Result<DeadlineRules> ParseDeadlineRules(std::string_view text) {
  JG_ASSIGN_OR_RETURN(std::vector<TableRow> rows, ParseRuleTable(text, Spec()));
  DeadlineRules out;
  std::vector<int> lines;
  for (const TableRow& row : rows) {
    JG_ASSIGN_OR_RETURN(DeadlineRule rule, ParseRow(row));
    for (std::size_t i = 0; i < out.rules.size(); ++i) {
      if (out.rules[i].id == rule.id) {
        return CellError(Spec(), row, kId,
                         "「" + rule.id + "」已在第 " + std::to_string(lines[i]) + " 行定义");
      }
    }
    out.rules.push_back(std::move(rule));
    lines.push_back(row.line);
  }
  return out;
}

}  // namespace jg::enforcement
