#include "domain/enforcement/case_stage.h"

namespace jg::enforcement {
namespace {

struct Named {
  std::string_view code, label;
};
constexpr Named kStages[kCaseStageCount] = {
    {"clue", "线索"},          {"not_filed", "不予立案"},    {"filed", "立案"},
    {"investigation", "调查"}, {"legal_review", "法制审核"}, {"notice", "告知"},
    {"hearing", "听证"},       {"decided", "决定"},          {"served", "送达"},
    {"execution", "执行"},     {"closed", "结案"},           {"withdrawn", "撤销立案"}};
constexpr Named kActions[kCaseActionCount] = {{"file", "立案"},
                                              {"decline_filing", "不予立案"},
                                              {"investigate", "开始调查"},
                                              {"submit_for_review", "提交法制审核"},
                                              {"notify", "告知"},
                                              {"hold_hearing", "举行听证"},
                                              {"decide", "作出决定"},
                                              {"serve", "送达"},
                                              {"execute", "执行"},
                                              {"close", "结案"},
                                              {"withdraw", "撤销立案"}};

using S = CaseStage;
using A = CaseAction;

}  // namespace

std::string_view CaseStageName(CaseStage s) {
  return kStages[static_cast<int>(s)].code;
}
std::string_view CaseStageLabel(CaseStage s) {
  return kStages[static_cast<int>(s)].label;
}
std::optional<CaseStage> ParseCaseStage(std::string_view s) {
  for (int i = 0; i < kCaseStageCount; ++i) {
    if (kStages[i].code == s) return static_cast<CaseStage>(i);
  }
  return std::nullopt;
}
bool IsFinal(CaseStage s) {
  return s == S::kNotFiled || s == S::kClosed || s == S::kWithdrawn;
}

std::string_view CaseActionName(CaseAction a) {
  return kActions[static_cast<int>(a)].code;
}
std::string_view CaseActionLabel(CaseAction a) {
  return kActions[static_cast<int>(a)].label;
}
std::optional<CaseAction> ParseCaseAction(std::string_view s) {
  for (int i = 0; i < kCaseActionCount; ++i) {
    if (kActions[i].code == s) return static_cast<CaseAction>(i);
  }
  return std::nullopt;
}

const std::vector<CaseTransition>& CaseTransitions() {
  static const std::vector<CaseTransition> table = {
      {S::kClue, A::kFile, S::kFiled},
      {S::kClue, A::kDeclineFiling, S::kNotFiled},
      {S::kFiled, A::kInvestigate, S::kInvestigation},
      {S::kInvestigation, A::kSubmitForReview, S::kLegalReview},
      {S::kLegalReview, A::kNotify, S::kNotice},
      {S::kNotice, A::kHoldHearing, S::kHearing},
      // Which decision kinds each stage allows is CheckTransition's.
      {S::kInvestigation, A::kDecide, S::kDecided},  // 移送公安 only
      {S::kLegalReview, A::kDecide, S::kDecided},    // 不予处罚, 移送公安
      {S::kNotice, A::kDecide, S::kDecided},
      {S::kHearing, A::kDecide, S::kDecided},
      {S::kDecided, A::kServe, S::kServed},
      {S::kServed, A::kExecute, S::kExecution},
      {S::kExecution, A::kClose, S::kClosed},
      {S::kServed, A::kClose, S::kClosed},   // 不予处罚: nothing to execute
      {S::kDecided, A::kClose, S::kClosed},  // 移送公安: nothing to serve
      {S::kFiled, A::kWithdraw, S::kWithdrawn},
      {S::kInvestigation, A::kWithdraw, S::kWithdrawn},
      {S::kLegalReview, A::kWithdraw, S::kWithdrawn},
      {S::kNotice, A::kWithdraw, S::kWithdrawn},
      {S::kHearing, A::kWithdraw, S::kWithdrawn},
  };
  return table;
}

std::optional<CaseStage> NextStage(CaseStage from, CaseAction action) {
  for (const CaseTransition& t : CaseTransitions()) {
    if (t.from == from && t.action == action) return t.to;
  }
  return std::nullopt;
}

std::vector<CaseAction> ActionsFrom(CaseStage from) {
  std::vector<CaseAction> out;
  for (const CaseTransition& t : CaseTransitions()) {
    if (t.from == from) out.push_back(t.action);
  }
  return out;
}

}  // namespace jg::enforcement
