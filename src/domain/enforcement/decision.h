// The decision that ends an enforcement case (处理决定), its kinds and
// penalty types (《行政处罚法》第九条), and the limits of the summary
// (on-the-spot) procedure (简易程序, 《行政处罚法》第五十一条) as data
// (data/summary-procedure.csv).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/civil_date.h"
#include "domain/enforcement/lenient_rules.h"
#include "domain/status.h"

namespace jg::enforcement {

// 当事人: a citizen (公民) or a legal person / other organisation.
enum class PartyKind { kCitizen, kOrganisation };
std::string_view PartyKindName(PartyKind k);   // "citizen", "organisation"
std::string_view PartyKindLabel(PartyKind k);  // "公民", "法人或者其他组织"
std::optional<PartyKind> ParsePartyKind(std::string_view s);

enum class DecisionKind {
  kPenalty,           // 给予行政处罚
  kNoPenalty,         // 不予行政处罚 (cites a lenient rule)
  kReducedPenalty,    // 减轻行政处罚 (cites a ground)
  kTransferToPolice,  // 移送公安机关 (涉嫌犯罪)
  kWithdrawal,        // 撤销立案
};
std::string_view DecisionKindName(DecisionKind k);   // "penalty", …
std::string_view DecisionKindLabel(DecisionKind k);  // "给予行政处罚", …
std::optional<DecisionKind> ParseDecisionKind(std::string_view s);

// 《行政处罚法》第九条 (行政拘留 is not for a market supervision bureau).
enum class PenaltyType {
  kWarning,                 // 警告
  kCirculatedCriticism,     // 通报批评
  kFine,                    // 罚款
  kConfiscateIllegalGains,  // 没收违法所得
  kConfiscateIllegalGoods,  // 没收非法财物
  kSuspendLicence,          // 暂扣许可证件
  kLowerQualification,      // 降低资质等级
  kRevokeLicence,           // 吊销许可证件
  kRestrictActivities,      // 限制开展生产经营活动
  kOrderSuspension,         // 责令停产停业
  kOrderClosure,            // 责令关闭
  kRestrictEmployment,      // 限制从业
};
std::string_view PenaltyTypeName(PenaltyType t);                  // "warning", "fine", …
std::string_view PenaltyTypeLabel(PenaltyType t);                 // "警告", "罚款", …
std::optional<PenaltyType> ParsePenaltyType(std::string_view s);  // code only

// Money is counted in fen (分), never in floating point.
using Fen = std::int64_t;

struct Decision {
  DecisionKind kind = DecisionKind::kPenalty;
  Date decided_on;
  std::vector<PenaltyType> penalties;  // penalty and reduced penalty only
  Fen fine = 0;                        // > 0 iff penalties has kFine
  Fen confiscated_gains = 0;           // > 0 iff penalties has kConfiscateIllegalGains
  std::string lenient_rule_id;         // no penalty: the rule applied (data/lenient-rules.csv)
  std::string reduction_ground;        // reduced penalty: a lenient rule id or the provision
  std::string receiving_unit;          // transfer: the receiving public security organ
  std::optional<Date> transferred_on;  // transfer: the day the case was handed over
  std::string reason;                  // withdrawal: why the filing is withdrawn
};

// Checks that the decision carries what its kind needs, with Chinese
// messages naming the field: penalties only on penalty kinds, distinct; fine
// and confiscated amounts present exactly when those types are; a no-penalty
// decision cites a rule of `lenient` whose outcome is 不予处罚; a reduced
// penalty cites a ground (if it is a rule id, that rule's outcome must be
// 减轻处罚); a transfer names the receiving unit and a date not before the
// decision; a withdrawal gives a reason.
Status ValidateDecision(const Decision& d, const LenientRules& lenient);

// ---- 简易程序 -----------------------------------------------------------------

struct SummaryLimit {
  PartyKind party = PartyKind::kCitizen;
  Fen max_fine = 0;                  // inclusive
  std::vector<PenaltyType> allowed;  // e.g. warning, fine
  std::string basis;
};

struct SummaryLimits {
  std::vector<SummaryLimit> limits;  // one per party kind
  const SummaryLimit* For(PartyKind party) const;
};

// Parses data/summary-procedure.csv (columns party_kind, max_fine_yuan,
// allowed_penalties, basis). All or nothing; InvalidArgument
// "summary_limits_syntax", field "summary_limits", naming line and column;
// every party kind must have exactly one row.
Result<SummaryLimits> ParseSummaryLimits(std::string_view text);

// May `d` be made on the spot for a party of kind `party`? Only a penalty
// whose types are all allowed and whose fine does not exceed the limit.
// Error: FailedPrecondition "summary_procedure_not_allowed", field
// "penalties" or "fine", citing the basis and telling to use the ordinary
// procedure.
Status CheckSummaryProcedure(const SummaryLimits& limits, PartyKind party, const Decision& d);

// "3000 元", "200.50 元".
std::string FormatYuan(Fen amount);

}  // namespace jg::enforcement
