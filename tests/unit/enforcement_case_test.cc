// The ordinary-procedure state machine: every stage × action pair, allowed
// (with a record that satisfies it) or refused, and each precondition's refusal.
#include <gtest/gtest.h>

#include <set>
#include <tuple>

#include "domain/enforcement/case_stage.h"
#include "domain/enforcement/case_transition.h"
#include "enforcement_fixtures.h"

namespace jg::enforcement {
namespace {

using testing::D;
using S = CaseStage;
using A = CaseAction;

const ProcedureRules& Rules() {
  static const ProcedureRules rules{testing::Calendar(), testing::Rules(), testing::Lenient()};
  return rules;
}

Status Check(const CaseRecord& r, A action, std::string_view on) {
  return CheckTransition(Rules(), r, action, D(on));
}

std::vector<CaseOfficer> TwoOfficers() {
  return {{"张明", "31000123", D("2025-12-31")}, {"李华", "31000456", D("2024-06-30")}};
}

Decision Make(DecisionKind kind, std::string_view on) {
  Decision d;
  d.kind = kind;
  d.decided_on = D(on);
  switch (kind) {
    case DecisionKind::kPenalty:
    case DecisionKind::kReducedPenalty:
      d.penalties = {PenaltyType::kWarning, PenaltyType::kFine};
      d.fine = 5000'00;
      d.reduction_ground = "GEN-04";
      break;
    case DecisionKind::kNoPenalty:
      d.lenient_rule_id = "SH-01";
      break;
    case DecisionKind::kTransferToPolice:
      d.receiving_unit = "上海市公安局嘉定分局";
      d.transferred_on = D(on);
      break;
    case DecisionKind::kWithdrawal:
      d.reason = "违法事实不能成立";
      break;
  }
  return d;
}

// A record at `stage` that satisfies `action` on the day returned with it.
// Notice served Wed 2023-09-27: the statement window ends 2023-10-10 (see
// enforcement_deadline_test.cc), so a decision may follow from 10-11.
std::pair<CaseRecord, std::string> Ready(S stage, A action) {
  CaseRecord r;
  r.stage = stage;
  r.officers = TwoOfficers();
  r.notice_served_on = D("2023-09-27");
  std::string on = "2023-10-11";
  switch (action) {
    case A::kDeclineFiling:
      r.not_filing_ground = NotFilingGround::kFirstViolationMinorHarm;
      break;
    case A::kHoldHearing:
      r.hearing_requested_on = D("2023-09-28");
      r.hearing_notice_served_on = D("2023-10-11");
      on = "2023-10-23";
      break;
    case A::kDecide:
      r.decision = Make(stage == S::kInvestigation ? DecisionKind::kTransferToPolice
                        : stage == S::kLegalReview ? DecisionKind::kNoPenalty
                                                   : DecisionKind::kPenalty,
                        on);
      break;
    case A::kServe:
    case A::kExecute:
      r.decision = Make(DecisionKind::kPenalty, "2023-10-11");
      r.decision_served_on = D("2023-10-12");
      on = "2023-10-12";
      break;
    case A::kClose:
      r.decision = Make(stage == S::kDecided  ? DecisionKind::kTransferToPolice
                        : stage == S::kServed ? DecisionKind::kNoPenalty
                                              : DecisionKind::kPenalty,
                        "2023-10-11");
      r.decision_served_on = D("2023-10-12");
      r.execution_completed = true;
      on = "2023-11-01";
      break;
    case A::kWithdraw:
      r.decision = Make(DecisionKind::kWithdrawal, on);
      break;
    default:
      break;
  }
  return {r, on};
}

TEST(CaseStages, TheTableIsTheProcedure) {
  const std::set<std::tuple<S, A, S>> expected = {
      {S::kClue, A::kFile, S::kFiled},
      {S::kClue, A::kDeclineFiling, S::kNotFiled},
      {S::kFiled, A::kInvestigate, S::kInvestigation},
      {S::kInvestigation, A::kSubmitForReview, S::kLegalReview},
      {S::kLegalReview, A::kNotify, S::kNotice},
      {S::kNotice, A::kHoldHearing, S::kHearing},
      {S::kInvestigation, A::kDecide, S::kDecided},
      {S::kLegalReview, A::kDecide, S::kDecided},
      {S::kNotice, A::kDecide, S::kDecided},
      {S::kHearing, A::kDecide, S::kDecided},
      {S::kDecided, A::kServe, S::kServed},
      {S::kServed, A::kExecute, S::kExecution},
      {S::kExecution, A::kClose, S::kClosed},
      {S::kServed, A::kClose, S::kClosed},
      {S::kDecided, A::kClose, S::kClosed},
      {S::kFiled, A::kWithdraw, S::kWithdrawn},
      {S::kInvestigation, A::kWithdraw, S::kWithdrawn},
      {S::kLegalReview, A::kWithdraw, S::kWithdrawn},
      {S::kNotice, A::kWithdraw, S::kWithdrawn},
      {S::kHearing, A::kWithdraw, S::kWithdrawn},
  };
  std::set<std::tuple<S, A, S>> table;
  for (const CaseTransition& t : CaseTransitions()) table.insert({t.from, t.action, t.to});
  EXPECT_EQ(table, expected);
  EXPECT_EQ(CaseTransitions().size(), expected.size());  // no duplicates
  for (S s : {S::kNotFiled, S::kClosed, S::kWithdrawn}) {
    EXPECT_TRUE(IsFinal(s));
    EXPECT_TRUE(ActionsFrom(s).empty());
  }
  EXPECT_EQ(CaseStageLabel(S::kLegalReview), "法制审核");
  EXPECT_EQ(ParseCaseStage("hearing"), S::kHearing);
  EXPECT_EQ(ParseCaseAction("decline_filing"), A::kDeclineFiling);
  EXPECT_EQ(CaseActionLabel(A::kWithdraw), "撤销立案");
}

TEST(CaseTransitions, EveryStageAndActionAllowedOrRefused) {
  int allowed = 0, refused = 0;
  for (int si = 0; si < kCaseStageCount; ++si) {
    for (int ai = 0; ai < kCaseActionCount; ++ai) {
      const S stage = static_cast<S>(si);
      const A action = static_cast<A>(ai);
      const auto [record, on] = Ready(stage, action);
      const Status s = Check(record, action, on);
      SCOPED_TRACE(std::string(CaseStageName(stage)) + " × " + std::string(CaseActionName(action)));
      if (NextStage(stage, action)) {
        EXPECT_TRUE(s.ok()) << s.ToString();
        ++allowed;
      } else {
        EXPECT_EQ(s.reason(), "transition_not_allowed");
        EXPECT_EQ(s.code(), ErrorCode::kFailedPrecondition);
        EXPECT_EQ(s.field(), "action");
        EXPECT_NE(s.message().find(CaseStageLabel(stage)), std::string::npos) << s.message();
        ++refused;
      }
    }
  }
  EXPECT_EQ(allowed, 20);
  EXPECT_EQ(refused, 12 * 11 - 20);
  const Status closed = Check(Ready(S::kClosed, A::kServe).first, A::kServe, "2023-11-01");
  EXPECT_NE(closed.message().find("已办结"), std::string::npos);
  const Status early = Check(Ready(S::kInvestigation, A::kServe).first, A::kServe, "2023-11-01");
  EXPECT_NE(early.message().find("可以：提交法制审核、作出决定、撤销立案"), std::string::npos)
      << early.message();
}

TEST(CaseTransitions, FilingNeedsTwoOfficersWithValidCertificates) {
  CaseRecord r;
  r.officers = TwoOfficers();
  EXPECT_TRUE(Check(r, A::kFile, "2024-06-30").ok());  // valid through the expiry day
  const Status s = Check(r, A::kFile, "2024-07-01");
  EXPECT_EQ(s.reason(), "not_enough_officers");
  EXPECT_EQ(s.field(), "officers");
  EXPECT_NE(s.message().find("有效的只有 1 名；李华的执法证已于 2024-06-30 过期"),
            std::string::npos)
      << s.message();
  EXPECT_NE(s.message().find("第十九条"), std::string::npos);
  r.officers = {{"张明", "31000123", D("2025-12-31")}, {"张明", "31000123", D("2025-12-31")}};
  EXPECT_EQ(Check(r, A::kFile, "2024-01-02").reason(), "not_enough_officers");  // same person twice
  r.officers = {{"张明", "31000123", D("2025-12-31")}, {"王芳", "", std::nullopt}};
  EXPECT_NE(Check(r, A::kFile, "2024-01-02").message().find("王芳未登记执法证"), std::string::npos);
  r.officers.clear();
  EXPECT_EQ(Check(r, A::kFile, "2024-01-02").reason(), "not_enough_officers");
}

TEST(CaseTransitions, NotFilingNeedsAnArticle20Ground) {
  CaseRecord r;
  Status s = Check(r, A::kDeclineFiling, "2024-01-02");
  EXPECT_EQ(s.field(), "not_filing_ground");
  EXPECT_NE(s.message().find("第二十条"), std::string::npos);
  r.not_filing_ground = NotFilingGround::kOther;
  EXPECT_EQ(Check(r, A::kDeclineFiling, "2024-01-02").field(), "not_filing_explanation");
  r.not_filing_explanation = "不属于本局管辖";
  EXPECT_TRUE(Check(r, A::kDeclineFiling, "2024-01-02").ok());
  EXPECT_EQ(ParseNotFilingGround("no_fault"), NotFilingGround::kNoFault);
}

TEST(CaseTransitions, NoDecisionBeforeTheStatementWindowHasPassed) {
  auto [r, on] = Ready(S::kNotice, A::kDecide);
  r.decision->decided_on = D("2023-10-10");
  const Status s = Check(r, A::kDecide, "2023-10-10");  // the window's last day
  EXPECT_EQ(s.reason(), "statement_window_open");
  EXPECT_NE(s.message().find("至 2023-10-10 届满"), std::string::npos) << s.message();
  r.decision->decided_on = D("2023-10-11");
  EXPECT_TRUE(Check(r, A::kDecide, "2023-10-11").ok());
  // The party waived statements and hearing in writing: no need to wait.
  r.statements_waived = true;
  r.decision->decided_on = D("2023-09-28");
  EXPECT_TRUE(Check(r, A::kDecide, "2023-09-28").ok());
  // The decision's date must be the day it is made.
  EXPECT_EQ(Check(r, A::kDecide, "2023-09-29").reason(), "invalid_date");
}

TEST(CaseTransitions, HearingOnlyIfRequestedInTimeAndNoticedSevenWorkingDaysAhead) {
  auto [r, on] = Ready(S::kNotice, A::kHoldHearing);
  EXPECT_TRUE(Check(r, A::kHoldHearing, "2023-10-23").ok());
  // Notice of hearing served 10-11: seven working days end 10-20; the hearing
  // may be held from 10-21 (a Saturday) — not on 10-20.
  Status s = Check(r, A::kHoldHearing, "2023-10-20");
  EXPECT_EQ(s.reason(), "hearing_notice_too_short");
  EXPECT_NE(s.message().find("7个工作日"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("听证最早可于 2023-10-21 举行，不能在 2023-10-20 举行"),
            std::string::npos)
      << s.message();
  r.hearing_requested_on = D("2023-10-11");  // after the window (ends 10-10)
  EXPECT_EQ(Check(r, A::kHoldHearing, "2023-10-23").reason(), "hearing_request_late");
  r.hearing_requested_on.reset();
  EXPECT_EQ(Check(r, A::kHoldHearing, "2023-10-23").reason(), "hearing_not_requested");
  // Requested: the decision must wait for the hearing.
  r.hearing_requested_on = D("2023-09-28");
  r.decision = Make(DecisionKind::kPenalty, "2023-10-23");
  EXPECT_EQ(Check(r, A::kDecide, "2023-10-23").reason(), "hearing_pending");
  r.stage = S::kHearing;
  EXPECT_TRUE(Check(r, A::kDecide, "2023-10-23").ok());
}

TEST(CaseTransitions, DecisionKindsByStage) {
  auto [r, on] = Ready(S::kLegalReview, A::kDecide);
  r.decision = Make(DecisionKind::kPenalty, on);
  EXPECT_EQ(Check(r, A::kDecide, on).reason(), "notice_required");
  EXPECT_NE(Check(r, A::kDecide, on).message().find("第四十四条"), std::string::npos);
  r.decision = Make(DecisionKind::kTransferToPolice, on);
  EXPECT_TRUE(Check(r, A::kDecide, on).ok());
  r.stage = S::kInvestigation;
  EXPECT_TRUE(Check(r, A::kDecide, on).ok());
  r.decision = Make(DecisionKind::kNoPenalty, on);
  EXPECT_EQ(Check(r, A::kDecide, on).reason(), "decision_kind_not_allowed");
  r.stage = S::kNotice;
  r.decision = Make(DecisionKind::kWithdrawal, on);
  EXPECT_EQ(Check(r, A::kDecide, on).reason(), "decision_kind_not_allowed");
  r.decision = Make(DecisionKind::kNoPenalty, on);
  r.decision->lenient_rule_id = "GEN-04";  // invalid decision: a reduction rule
  EXPECT_EQ(Check(r, A::kDecide, on).reason(), "wrong_lenient_rule");
  r.decision.reset();
  EXPECT_EQ(Check(r, A::kDecide, on).reason(), "decision_required");
}

TEST(CaseTransitions, NoClosingBeforeServiceAndExecution) {
  auto [r, on] = Ready(S::kDecided, A::kClose);
  r.decision = Make(DecisionKind::kPenalty, "2023-10-11");
  EXPECT_EQ(Check(r, A::kClose, on).reason(), "not_served");
  r.stage = S::kServed;
  EXPECT_EQ(Check(r, A::kClose, on).reason(), "not_executed");
  r.stage = S::kExecution;
  r.execution_completed = false;
  EXPECT_EQ(Check(r, A::kClose, on).field(), "execution_completed");
  r.decision = Make(DecisionKind::kNoPenalty, "2023-10-11");
  r.stage = S::kServed;
  EXPECT_EQ(Check(r, A::kExecute, on).reason(), "nothing_to_execute");
  EXPECT_TRUE(Check(r, A::kClose, on).ok());
}

TEST(CaseTransitions, ServiceAndWithdrawalNeedTheirRecords) {
  auto [r, on] = Ready(S::kDecided, A::kServe);
  r.decision_served_on.reset();
  EXPECT_EQ(Check(r, A::kServe, on).reason(), "not_served");
  r.decision_served_on = D("2023-10-10");  // before the decision
  EXPECT_EQ(Check(r, A::kServe, on).reason(), "invalid_date");
  r.decision = Make(DecisionKind::kTransferToPolice, "2023-10-11");
  EXPECT_EQ(Check(r, A::kServe, on).reason(), "decision_kind_not_allowed");

  auto [w, won] = Ready(S::kInvestigation, A::kWithdraw);
  w.decision->reason.clear();
  EXPECT_EQ(Check(w, A::kWithdraw, won).field(), "reason");
  w.decision.reset();
  EXPECT_EQ(Check(w, A::kWithdraw, won).reason(), "decision_required");
  w.decision = Make(DecisionKind::kPenalty, won);
  EXPECT_EQ(Check(w, A::kWithdraw, won).reason(), "decision_required");
}

TEST(CaseTransitions, NotifyNeedsTheServiceDate) {
  CaseRecord r;
  r.stage = S::kLegalReview;
  EXPECT_EQ(Check(r, A::kNotify, "2023-09-27").field(), "notice_served_on");
  r.notice_served_on = D("2023-09-28");
  EXPECT_EQ(Check(r, A::kNotify, "2023-09-27").reason(), "invalid_date");
  EXPECT_TRUE(Check(r, A::kNotify, "2023-09-28").ok());
}

}  // namespace
}  // namespace jg::enforcement
