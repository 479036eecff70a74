// The stages of an ordinary-procedure case (普通程序) and the actions that
// move it, as a table (《市场监督管理行政处罚程序规定》; 《行政处罚法》第五章):
//
//   线索 ─立案→ 立案 ─开始调查→ 调查 ─提交法制审核→ 法制审核 ─告知→ 告知
//     └─不予立案→ 不予立案        告知 ─举行听证→ 听证
//   调查 / 法制审核 / 告知 / 听证 ─作出决定→ 决定 ─送达→ 送达 ─执行→ 执行 ─结案→ 结案
//   送达 ─结案→ 结案 (不予处罚: nothing to execute); 决定 ─结案→ 结案 (移送公安)
//   立案 … 听证 ─撤销立案→ 撤销立案
//
// Whether a listed move may happen now is CheckTransition's (case_transition.h).
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace jg::enforcement {

enum class CaseStage {
  kClue,           // 线索
  kNotFiled,       // 不予立案 (final)
  kFiled,          // 立案
  kInvestigation,  // 调查
  kLegalReview,    // 法制审核
  kNotice,         // 告知 (行政处罚告知书已送达)
  kHearing,        // 听证
  kDecided,        // 决定
  kServed,         // 送达
  kExecution,      // 执行
  kClosed,         // 结案 (final)
  kWithdrawn,      // 撤销立案 (final)
};
inline constexpr int kCaseStageCount = 12;
std::string_view CaseStageName(CaseStage s);                  // "clue", "not_filed", …
std::string_view CaseStageLabel(CaseStage s);                 // "线索", "不予立案", …
std::optional<CaseStage> ParseCaseStage(std::string_view s);  // code only
bool IsFinal(CaseStage s);

enum class CaseAction {
  kFile,             // 立案
  kDeclineFiling,    // 不予立案
  kInvestigate,      // 开始调查
  kSubmitForReview,  // 提交法制审核
  kNotify,           // 告知
  kHoldHearing,      // 举行听证
  kDecide,           // 作出决定
  kServe,            // 送达
  kExecute,          // 执行
  kClose,            // 结案
  kWithdraw,         // 撤销立案
};
inline constexpr int kCaseActionCount = 11;
std::string_view CaseActionName(CaseAction a);                  // "file", "decline_filing", …
std::string_view CaseActionLabel(CaseAction a);                 // "立案", "不予立案", …
std::optional<CaseAction> ParseCaseAction(std::string_view s);  // code only

struct CaseTransition {
  CaseStage from;
  CaseAction action;
  CaseStage to;
};

// Every move the procedure knows, in procedural order.
const std::vector<CaseTransition>& CaseTransitions();
// The stage `action` leads to from `from`; nullopt if the table has no such move.
std::optional<CaseStage> NextStage(CaseStage from, CaseAction action);
// The actions the table allows from `from`, in table order.
std::vector<CaseAction> ActionsFrom(CaseStage from);

}  // namespace jg::enforcement
