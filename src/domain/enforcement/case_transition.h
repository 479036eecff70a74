// Whether a case may take a step now: the move must be in the table
// (case_stage.h) and the record must hold what the procedure requires for it.
// Refusals say in Chinese what is missing and cite the provision.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/calendar.h"
#include "domain/civil_date.h"
#include "domain/enforcement/case_stage.h"
#include "domain/enforcement/deadline_rules.h"
#include "domain/enforcement/decision.h"
#include "domain/enforcement/lenient_rules.h"
#include "domain/status.h"

namespace jg::enforcement {

// 办案人员 with their enforcement certificate (执法证).
struct CaseOfficer {
  std::string name;
  std::string certificate_no;
  std::optional<Date> certificate_expires;  // valid through this day
};

// Grounds not to file a case (《市场监督管理行政处罚程序规定》第二十条).
enum class NotFilingGround {
  kMinorCorrectedNoHarm,     // 违法行为轻微并及时改正，没有造成危害后果
  kFirstViolationMinorHarm,  // 初次违法且危害后果轻微并及时改正
  kNoFault,                  // 当事人有证据足以证明没有主观过错
  kOther,                    // 依法可以不予立案的其他情形 (explanation required)
};
std::string_view NotFilingGroundName(NotFilingGround g);  // "minor_corrected_no_harm", …
std::string_view NotFilingGroundLabel(NotFilingGround g);
std::optional<NotFilingGround> ParseNotFilingGround(std::string_view s);

// What the checks look at; the service fills it from the stored case.
struct CaseRecord {
  CaseStage stage = CaseStage::kClue;
  std::vector<CaseOfficer> officers;
  std::optional<NotFilingGround> not_filing_ground;
  std::string not_filing_explanation;
  std::optional<Date> notice_served_on;          // 行政处罚告知书送达之日
  bool statements_waived = false;                // 当事人书面放弃陈述、申辩和听证
  std::optional<Date> hearing_requested_on;      // 当事人要求听证之日
  std::optional<Date> hearing_notice_served_on;  // 听证通知书送达之日
  std::optional<Decision> decision;
  std::optional<Date> decision_served_on;  // 处理决定书送达之日
  bool execution_completed = false;        // 履行完毕或者依法终结执行
};

// The rule data the checks need.
struct ProcedureRules {
  const WorkCalendar& calendar;
  const DeadlineRules& deadlines;  // uses statement_window, hearing_notice
  const LenientRules& lenient;
};

// May `record` take `action` on day `on`? OK, or a Status naming the field at
// fault: FailedPrecondition "transition_not_allowed" (not a move from this
// stage; the message lists those that are), "not_enough_officers",
// "statement_window_open", "hearing_pending", "hearing_not_requested",
// "hearing_request_late", "hearing_notice_too_short", "notice_required",
// "decision_kind_not_allowed", "not_served", "not_executed", "nothing_to_execute",
// "missing_ground", "rule_missing"; InvalidArgument from ValidateDecision;
// calendar_not_covered.
Status CheckTransition(const ProcedureRules& rules, const CaseRecord& record, CaseAction action,
                       Date on);

// The minimum number of officers to file a case (第十九条 requires two).
inline constexpr int kMinFilingOfficers = 2;

// At least kMinFilingOfficers officers whose certificate is registered and
// valid on `on` (the same certificate counts once): the check of filing, also
// applied to on-the-spot decisions (《行政处罚法》第五十一条、第五十二条 — 执法人员
// 出示执法证件). FailedPrecondition "not_enough_officers", field "officers",
// naming each expired or missing certificate; `what` names the act (立案,
// 当场处罚) and `basis` the provision cited.
Status CheckOfficerCertificates(const std::vector<CaseOfficer>& officers, Date on,
                                std::string_view what, std::string_view basis);

}  // namespace jg::enforcement
