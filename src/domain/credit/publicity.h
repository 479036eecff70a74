// Publicity of administrative penalty information (行政处罚信息公示) and
// credit repair (信用修复), as rules with their legal basis
// (data/credit-publicity-rules.csv; docs/credit.md). Pure: dates, the
// calendar and the facts are passed in.
//
// - Which decisions are published: penalty and reduced-penalty decisions,
//   unless their penalties are only those "not published alone" (a warning)
//   (SAMR Order 45 第六条).
// - When: within the `publicity` deadline rule (20 working days from the
//   decision, 第九条); withdrawn within `publicity_withdrawal` (3 working days
//   from the change or revocation, 第十一条).
// - For how long: 3 months for 通报批评 or a fine up to the province's
//   threshold (with or without a warning), else 3 years, from the day of
//   publication (第十三条). Months end on the corresponding day, or the last
//   day of a month that has none (《民法典》第二百零二条).
// - Credit repair (《市场监督管理信用修复管理办法》第六条): once the publicity
//   has run the minimum period (6 months; 12 for food, drugs and special
//   equipment, classed by the violated law), never for the listed penalties,
//   and only with every condition met.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/calendar.h"
#include "domain/civil_date.h"
#include "domain/enforcement/deadline_rules.h"
#include "domain/enforcement/decision.h"
#include "domain/status.h"

namespace jg::credit {

using enforcement::Fen;
using enforcement::PenaltyType;

// One row of the rules file, kept for display (id, value, meaning, basis).
struct RuleRow {
  std::string id;
  std::string value;
  std::string meaning;
  std::string basis;
  bool to_confirm = false;
};

// The conditions of credit repair, in the order they are shown.
enum class RepairCondition {
  kMinimumPeriod,         // 公示满最短期限
  kPenaltyEligible,       // 不属于不予修复的处罚种类
  kObligationsPerformed,  // 已履行行政处罚决定规定的义务
  kViolationCorrected,    // 已纠正违法行为、消除不良影响
  kNoNewPenalty,          // 公示期内未再受到同类行政处罚
  kCommitmentSubmitted,   // 提交信用修复承诺书
  kNotOnAbnormalList,     // 未被列入经营异常名录
  kNotOnSeriousList,      // 未被列入严重违法失信名单
};
std::string_view RepairConditionName(RepairCondition c);   // "minimum_period", …
std::string_view RepairConditionLabel(RepairCondition c);  // "公示满最短期限", …

struct CreditRules {
  std::vector<RuleRow> rows;
  std::vector<enforcement::DecisionKind> published_decisions;
  std::vector<PenaltyType> not_published_alone;
  std::vector<PenaltyType> short_period_penalties;
  Fen low_fine_max = 0;  // inclusive, in fen
  int short_period_months = 0;
  int long_period_months = 0;
  int repair_min_months = 0;
  int repair_min_months_special = 0;
  std::vector<std::string> special_sector_laws;
  std::vector<PenaltyType> repair_ineligible;
  // The conditions the file asks for (minimum period and penalty are always checked).
  std::vector<RepairCondition> conditions;
  const RuleRow* Find(std::string_view id) const;
};

// Parses data/credit-publicity-rules.csv (columns id, value, meaning, basis,
// to_confirm). All or nothing; InvalidArgument "credit_rules_syntax", field
// "credit_rules", naming the line and column: an unknown id or a missing one,
// an unknown penalty type, decision kind or condition, a number out of range.
Result<CreditRules> ParseCreditRules(std::string_view text);

// Whether a decision is published, and if not, why (a Chinese sentence
// citing the basis).
struct PublicityNeed {
  bool required = false;
  std::string reason;  // when not required
};
PublicityNeed NeedsPublicity(const CreditRules& rules, const enforcement::Decision& d);

// 3 months (short) or 3 years (long), and why.
struct PublicityPeriod {
  int months = 0;
  bool short_period = false;
  std::string reason;
};
PublicityPeriod PeriodOf(const CreditRules& rules, const enforcement::Decision& d);

// `months` after `from`: the corresponding day, or the last day of the month
// when it has none (2023-08-31 + 6 months = 2024-02-29).
Date AddMonths(Date from, int months);

// The last day of publication (公示期届满之日): published_on + the period.
Date PublicityLastDay(const CreditRules& rules, const enforcement::Decision& d, Date published_on);

// Does the violated law put the case in food, drugs or special equipment?
bool IsSpecialSector(const CreditRules& rules, std::string_view violated_law);

// The first day credit repair may be applied for: the day after the minimum
// period (counted from publication) has run.
Date RepairEligibleFrom(const CreditRules& rules, std::string_view violated_law, Date published_on);

// What the bureau knows when assessing an application.
struct RepairFacts {
  enforcement::Decision decision;
  std::string violated_law;
  Date published_on;
  Date applied_on;
  bool obligations_performed = false;
  bool violation_corrected = false;
  bool new_penalty_in_window = false;  // another penalty of the same kind since publication
  std::string new_penalty_detail;      // e.g. its case number
  std::string commitment_ref;          // 信用修复承诺书 reference; empty = not submitted
  std::string abnormal_list_reason;    // non-empty while on 经营异常名录
  std::string serious_list_reason;     // non-empty while on 严重违法失信名单
};

struct RepairConditionState {
  RepairCondition condition = RepairCondition::kMinimumPeriod;
  bool met = false;
  std::string detail;  // Chinese: what was found
  std::string basis;
};

struct RepairAssessment {
  bool eligible = false;
  std::vector<RepairConditionState> conditions;
  std::string refusal;  // the first unmet condition's detail, "" when eligible
};

RepairAssessment AssessRepair(const CreditRules& rules, const RepairFacts& f);

}  // namespace jg::credit
