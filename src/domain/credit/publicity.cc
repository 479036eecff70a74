#include "domain/credit/publicity.h"

#include <algorithm>
#include <charconv>
#include <map>

#include "domain/credit/records.h"
#include "domain/enforcement/rule_table.h"

namespace jg::credit {
using namespace jg::enforcement;

namespace {

const TableSpec kSpec{"信用公示规则", "credit_rules_syntax", "credit_rules",
                      {"id", "value", "meaning", "basis", "to_confirm"}};

struct ConditionInfo {
  RepairCondition c;
  std::string_view name;
  std::string_view label;
};
constexpr ConditionInfo kConditions[] = {
    {RepairCondition::kMinimumPeriod, "minimum_period", "公示满最短期限"},
    {RepairCondition::kPenaltyEligible, "penalty_eligible", "不属于不予修复的处罚种类"},
    {RepairCondition::kObligationsPerformed, "obligations_performed", "已履行行政处罚决定规定的义务"},
    {RepairCondition::kViolationCorrected, "violation_corrected", "已纠正违法行为、消除不良影响"},
    {RepairCondition::kNoNewPenalty, "no_new_penalty", "公示期内未再受到同类行政处罚"},
    {RepairCondition::kCommitmentSubmitted, "commitment_submitted", "已提交信用修复承诺书"},
    {RepairCondition::kNotOnAbnormalList, "not_on_abnormal_list", "未被列入经营异常名录"},
    {RepairCondition::kNotOnSeriousList, "not_on_serious_list", "未被列入严重违法失信名单"},
};

bool Has(const std::vector<PenaltyType>& v, PenaltyType t) {
  return std::find(v.begin(), v.end(), t) != v.end();
}

std::string Labels(const std::vector<PenaltyType>& v) {
  std::string out;
  for (auto t : v) out += (out.empty() ? "" : "、") + std::string(PenaltyTypeLabel(t));
  return out;
}

Result<std::vector<PenaltyType>> Penalties(const TableRow& row) {
  JG_ASSIGN_OR_RETURN(auto items, ListCell(kSpec, row, 1));
  std::vector<PenaltyType> out;
  for (const auto& s : items) {
    auto t = ParsePenaltyType(s);
    if (!t) return CellError(kSpec, row, 1, "未知的处罚种类「" + s + "」");
    out.push_back(*t);
  }
  return out;
}

}  // namespace

std::string_view RepairConditionName(RepairCondition c) {
  for (const auto& i : kConditions)
    if (i.c == c) return i.name;
  return "";
}
std::string_view RepairConditionLabel(RepairCondition c) {
  for (const auto& i : kConditions)
    if (i.c == c) return i.label;
  return "";
}

const RuleRow* CreditRules::Find(std::string_view id) const {
  for (const auto& r : rows)
    if (r.id == id) return &r;
  return nullptr;
}

Result<CreditRules> ParseCreditRules(std::string_view text) {
  JG_ASSIGN_OR_RETURN(auto table, ParseRuleTable(text, kSpec));
  CreditRules r;
  std::map<std::string, int> seen;
  for (const auto& row : table) {
    RuleRow rr;
    JG_ASSIGN_OR_RETURN(rr.id, TextCell(kSpec, row, 0));
    rr.value = row.cells[1];
    JG_ASSIGN_OR_RETURN(rr.meaning, TextCell(kSpec, row, 2));
    JG_ASSIGN_OR_RETURN(rr.basis, TextCell(kSpec, row, 3));
    JG_ASSIGN_OR_RETURN(rr.to_confirm, BoolCell(kSpec, row, 4));
    if (!seen.emplace(rr.id, row.line).second)
      return CellError(kSpec, row, 0, "规则「" + rr.id + "」重复");
    const std::string& id = rr.id;
    if (id == "published_decisions") {
      JG_ASSIGN_OR_RETURN(auto items, ListCell(kSpec, row, 1));
      for (const auto& s : items) {
        auto k = ParseDecisionKind(s);
        if (!k) return CellError(kSpec, row, 1, "未知的处理决定种类「" + s + "」");
        r.published_decisions.push_back(*k);
      }
    } else if (id == "not_published_alone") {
      JG_ASSIGN_OR_RETURN(r.not_published_alone, Penalties(row));
    } else if (id == "short_period_penalties") {
      JG_ASSIGN_OR_RETURN(r.short_period_penalties, Penalties(row));
    } else if (id == "repair_ineligible_penalties") {
      JG_ASSIGN_OR_RETURN(r.repair_ineligible, Penalties(row));
    } else if (id == "low_fine_max_yuan") {
      JG_ASSIGN_OR_RETURN(int yuan, IntCell(kSpec, row, 1, 0, 100000000));
      r.low_fine_max = Fen{yuan} * 100;
    } else if (id == "short_period_months") {
      JG_ASSIGN_OR_RETURN(r.short_period_months, IntCell(kSpec, row, 1, 1, 120));
    } else if (id == "long_period_months") {
      JG_ASSIGN_OR_RETURN(r.long_period_months, IntCell(kSpec, row, 1, 1, 120));
    } else if (id == "repair_min_months") {
      JG_ASSIGN_OR_RETURN(r.repair_min_months, IntCell(kSpec, row, 1, 1, 120));
    } else if (id == "repair_min_months_special") {
      JG_ASSIGN_OR_RETURN(r.repair_min_months_special, IntCell(kSpec, row, 1, 1, 120));
    } else if (id == "special_sector_laws") {
      JG_ASSIGN_OR_RETURN(r.special_sector_laws, ListCell(kSpec, row, 1));
    } else if (id == "repair_conditions") {
      JG_ASSIGN_OR_RETURN(auto items, ListCell(kSpec, row, 1));
      for (const auto& s : items) {
        auto it = std::find_if(std::begin(kConditions), std::end(kConditions),
                               [&](const ConditionInfo& i) { return i.name == s; });
        if (it == std::end(kConditions) || it->c == RepairCondition::kMinimumPeriod ||
            it->c == RepairCondition::kPenaltyEligible)
          return CellError(kSpec, row, 1, "未知的信用修复条件「" + s + "」");
        r.conditions.push_back(it->c);
      }
    } else {
      return CellError(kSpec, row, 0, "未知的规则「" + id + "」");
    }
    r.rows.push_back(std::move(rr));
  }
  for (const char* id : {"published_decisions", "not_published_alone", "short_period_penalties",
                         "low_fine_max_yuan", "short_period_months", "long_period_months",
                         "repair_min_months", "repair_min_months_special", "special_sector_laws",
                         "repair_ineligible_penalties", "repair_conditions"}) {
    if (!seen.count(id))
      return InvalidArgument(std::string(kSpec.reason),
                             "信用公示规则文件缺少规则「" + std::string(id) + "」",
                             std::string(kSpec.field));
  }
  return r;
}

PublicityNeed NeedsPublicity(const CreditRules& rules, const Decision& d) {
  const RuleRow* kinds = rules.Find("published_decisions");
  if (std::find(rules.published_decisions.begin(), rules.published_decisions.end(), d.kind) ==
      rules.published_decisions.end())
    return {false, std::string(DecisionKindLabel(d.kind)) + "的决定不公示（" +
                       (kinds ? kinds->basis : "") + "）"};
  bool only_unpublished = !d.penalties.empty();
  for (auto t : d.penalties) only_unpublished = only_unpublished && Has(rules.not_published_alone, t);
  if (only_unpublished) {
    const RuleRow* row = rules.Find("not_published_alone");
    return {false, "仅给予" + Labels(d.penalties) + "的不公示（" + (row ? row->basis : "") + "）"};
  }
  return {true, ""};
}

PublicityPeriod PeriodOf(const CreditRules& rules, const Decision& d) {
  const RuleRow* row = rules.Find("short_period_months");
  bool any_short = false;
  bool all_short = true;
  for (auto t : d.penalties) {
    if (Has(rules.short_period_penalties, t)) {
      any_short = true;
    } else if (!Has(rules.not_published_alone, t)) {
      all_short = false;
    }
  }
  std::string basis = row ? row->basis : "";
  if (any_short && all_short && Has(d.penalties, PenaltyType::kFine) && d.fine > rules.low_fine_max)
    return {rules.long_period_months, false,
            "罚款 " + FormatYuan(d.fine) + " 超过较低数额（" + FormatYuan(rules.low_fine_max) +
                "），公示三年（" + basis + "）"};
  if (any_short && all_short)
    return {rules.short_period_months, true,
            "仅受到" + Labels(d.penalties) + "，公示" + std::to_string(rules.short_period_months) +
                "个月（" + basis + "）"};
  return {rules.long_period_months, false, "公示" + std::to_string(rules.long_period_months / 12) +
                                               "年（" + basis + "）"};
}

Date AddMonths(Date from, int months) {
  int total = from.year() * 12 + (from.month() - 1) + months;
  int y = total / 12, m = total % 12 + 1;
  int day = std::min(from.day(), DaysInMonth(y, m));
  return Date::FromYmd(y, m, day).value_or(from);
}

Date PublicityLastDay(const CreditRules& rules, const Decision& d, Date published_on) {
  return AddMonths(published_on, PeriodOf(rules, d).months);
}

bool IsSpecialSector(const CreditRules& rules, std::string_view violated_law) {
  for (const auto& k : rules.special_sector_laws)
    if (!k.empty() && violated_law.find(k) != std::string_view::npos) return true;
  return false;
}

Date RepairEligibleFrom(const CreditRules& rules, std::string_view violated_law, Date published_on) {
  int months = IsSpecialSector(rules, violated_law) ? rules.repair_min_months_special
                                                    : rules.repair_min_months;
  Date last = AddMonths(published_on, months);
  return last.AddDays(1).value_or(last);
}

RepairAssessment AssessRepair(const CreditRules& rules, const RepairFacts& f) {
  RepairAssessment a;
  auto basis = [&](const char* id) {
    const RuleRow* r = rules.Find(id);
    return r ? r->basis : std::string();
  };
  auto add = [&](RepairCondition c, bool met, std::string detail, std::string b) {
    a.conditions.push_back({c, met, std::move(detail), std::move(b)});
  };
  {
    bool special = IsSpecialSector(rules, f.violated_law);
    int months = special ? rules.repair_min_months_special : rules.repair_min_months;
    Date from = RepairEligibleFrom(rules, f.violated_law, f.published_on);
    bool met = f.applied_on >= from;
    std::string what = std::string(special ? "食品、药品、特种设备领域" : "") + "公示满" +
                       std::to_string(months) + "个月后方可申请：自 " + f.published_on.ToString() +
                       " 公示，" + from.ToString() + " 起可申请";
    if (!met) what += "，申请日 " + f.applied_on.ToString() + " 未满";
    add(RepairCondition::kMinimumPeriod, met, what,
        basis(special ? "repair_min_months_special" : "repair_min_months"));
  }
  {
    std::vector<PenaltyType> bad;
    for (auto t : f.decision.penalties)
      if (Has(rules.repair_ineligible, t)) bad.push_back(t);
    add(RepairCondition::kPenaltyEligible, bad.empty(),
        bad.empty() ? "处罚种类：" + Labels(f.decision.penalties)
                    : "受到" + Labels(bad) + "处罚的，不予信用修复",
        basis("repair_ineligible_penalties"));
  }
  const std::string b = basis("repair_conditions");
  for (auto c : rules.conditions) {
    switch (c) {
      case RepairCondition::kObligationsPerformed:
        add(c, f.obligations_performed,
            f.obligations_performed ? "已履行" : "未履行行政处罚决定规定的义务", b);
        break;
      case RepairCondition::kViolationCorrected:
        add(c, f.violation_corrected,
            f.violation_corrected ? "已纠正" : "未纠正违法行为、消除不良影响", b);
        break;
      case RepairCondition::kNoNewPenalty:
        add(c, !f.new_penalty_in_window,
            f.new_penalty_in_window ? "公示期内再次受到同类行政处罚：" + f.new_penalty_detail
                                    : "公示期内未再受到同类行政处罚",
            b);
        break;
      case RepairCondition::kCommitmentSubmitted:
        add(c, !f.commitment_ref.empty(),
            f.commitment_ref.empty() ? "未提交信用修复承诺书" : "承诺书：" + f.commitment_ref, b);
        break;
      case RepairCondition::kNotOnAbnormalList:
        add(c, f.abnormal_list_reason.empty(),
            f.abnormal_list_reason.empty() ? "未列入"
                                           : "已被列入经营异常名录（" + f.abnormal_list_reason +
                                                 "），不予信用修复",
            b);
        break;
      case RepairCondition::kNotOnSeriousList:
        add(c, f.serious_list_reason.empty(),
            f.serious_list_reason.empty() ? "未列入"
                                          : "已被列入严重违法失信名单（" + f.serious_list_reason +
                                                "），不予信用修复",
            b);
        break;
      case RepairCondition::kMinimumPeriod:
      case RepairCondition::kPenaltyEligible:
        break;
    }
  }
  a.eligible = true;
  for (const auto& c : a.conditions) {
    if (!c.met && a.eligible) {
      a.eligible = false;
      a.refusal = c.detail;
    }
  }
  return a;
}

}  // namespace jg::credit

// ---- records.h names ----

namespace jg::credit {
namespace {
template <typename E, size_t N>
std::optional<E> ParseName(const std::pair<E, std::string_view> (&table)[N], std::string_view s) {
  for (const auto& [e, n] : table)
    if (n == s) return e;
  return std::nullopt;
}
template <typename E, size_t N>
std::string_view NameOf(const std::pair<E, std::string_view> (&table)[N], E e) {
  for (const auto& [x, n] : table)
    if (x == e) return n;
  return "";
}
constexpr std::pair<PublicityStatus, std::string_view> kPublicityStatus[] = {
    {PublicityStatus::kDue, "due"},
    {PublicityStatus::kPublished, "published"},
    {PublicityStatus::kWithdrawn, "withdrawn"},
    {PublicityStatus::kRepaired, "repaired"}};
constexpr std::pair<CreditList, std::string_view> kLists[] = {
    {CreditList::kAbnormalOperation, "abnormal_operation"},
    {CreditList::kSeriousViolation, "serious_violation"}};
constexpr std::pair<CreditList, std::string_view> kListLabels[] = {
    {CreditList::kAbnormalOperation, "经营异常名录"},
    {CreditList::kSeriousViolation, "严重违法失信名单"}};
constexpr std::pair<RepairStatus, std::string_view> kRepairStatus[] = {
    {RepairStatus::kPending, "pending"},
    {RepairStatus::kApproved, "approved"},
    {RepairStatus::kRefused, "refused"}};
}  // namespace

std::string_view PublicityStatusName(PublicityStatus s) { return NameOf(kPublicityStatus, s); }
std::optional<PublicityStatus> ParsePublicityStatus(std::string_view s) {
  return ParseName(kPublicityStatus, s);
}
std::string_view CreditListName(CreditList l) { return NameOf(kLists, l); }
std::string_view CreditListLabel(CreditList l) { return NameOf(kListLabels, l); }
std::optional<CreditList> ParseCreditList(std::string_view s) { return ParseName(kLists, s); }
std::string_view RepairStatusName(RepairStatus s) { return NameOf(kRepairStatus, s); }
std::optional<RepairStatus> ParseRepairStatus(std::string_view s) {
  return ParseName(kRepairStatus, s);
}

}  // namespace jg::credit
