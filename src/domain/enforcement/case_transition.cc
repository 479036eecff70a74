#include "domain/enforcement/case_transition.h"

#include <algorithm>

#include "domain/enforcement/deadline.h"

namespace jg::enforcement {
namespace {

struct Named {
  std::string_view code, label;
};
constexpr Named kGrounds[] = {
    {"minor_corrected_no_harm", "违法行为轻微并及时改正，没有造成危害后果"},
    {"first_violation_minor_harm", "初次违法且危害后果轻微并及时改正"},
    {"no_fault", "当事人有证据足以证明没有主观过错"},
    {"other", "依法可以不予立案的其他情形"},
};

constexpr char kFilingBasis[] = "《市场监督管理行政处罚程序规定》第十九条";
constexpr char kNoticeBasis[] = "《中华人民共和国行政处罚法》第四十四条";

Status Refuse(std::string reason, std::string message, std::string field = {}) {
  return FailedPrecondition(std::move(reason), std::move(message), std::move(field));
}

Status NotInTable(CaseStage stage, CaseAction action) {
  std::string allowed;
  for (CaseAction a : ActionsFrom(stage)) {
    allowed += (allowed.empty() ? "" : "、") + std::string(CaseActionLabel(a));
  }
  return Refuse("transition_not_allowed",
                "案件处于「" + std::string(CaseStageLabel(stage)) + "」阶段，不能「" +
                    std::string(CaseActionLabel(action)) + "」；" +
                    (allowed.empty() ? "该阶段已办结，不能再作任何处理" : "可以：" + allowed),
                "action");
}

Status CheckOfficers(const CaseRecord& r, Date on) {
  return CheckOfficerCertificates(r.officers, on, "立案", kFilingBasis);
}
}  // namespace

Status CheckOfficerCertificates(const std::vector<CaseOfficer>& officers, Date on,
                                std::string_view what, std::string_view basis) {
  std::vector<std::string> valid;
  std::string problems;
  for (const CaseOfficer& o : officers) {
    if (o.certificate_no.empty() || !o.certificate_expires) {
      problems += "；" + o.name + "未登记执法证";
    } else if (*o.certificate_expires < on) {
      problems += "；" + o.name + "的执法证已于 " + o.certificate_expires->ToString() + " 过期";
    } else if (std::find(valid.begin(), valid.end(), o.certificate_no) == valid.end()) {
      valid.push_back(o.certificate_no);
    }
  }
  if (static_cast<int>(valid.size()) >= kMinFilingOfficers) return Status::Ok();
  return Refuse("not_enough_officers",
                std::string(what) + "须有至少 " + std::to_string(kMinFilingOfficers) +
                    " 名持有效执法证的办案人员（" + std::string(basis) + "），" + on.ToString() +
                    " 有效的只有 " + std::to_string(valid.size()) + " 名" + problems,
                "officers");
}

namespace {

Result<const DeadlineRule*> NeedRule(const ProcedureRules& rules, std::string_view id) {
  const DeadlineRule* rule = rules.deadlines.Find(id);
  if (rule == nullptr) {
    return Refuse("rule_missing", "期限规则文件缺少「" + std::string(id) + "」", "deadline_rules");
  }
  return rule;
}

// The last day of the statement window opened by the notice.
Result<Date> WindowEnd(const ProcedureRules& rules, const CaseRecord& r) {
  JG_ASSIGN_OR_RETURN(const DeadlineRule* rule, NeedRule(rules, "statement_window"));
  return ComputeDueDate(rules.calendar, *rule, DeadlineInput{*r.notice_served_on, false, {}});
}

Status CheckHearing(const ProcedureRules& rules, const CaseRecord& r, Date on) {
  if (!r.hearing_requested_on) {
    return Refuse("hearing_not_requested", "当事人没有要求听证，不能举行听证",
                  "hearing_requested_on");
  }
  JG_ASSIGN_OR_RETURN(const Date window_end, WindowEnd(rules, r));
  if (*r.hearing_requested_on > window_end) {
    return Refuse("hearing_request_late",
                  "当事人应在告知后的陈述、申辩期内（至 " + window_end.ToString() +
                      "）要求听证，于 " + r.hearing_requested_on->ToString() +
                      " 提出已逾期（《中华人民共和国行政处罚法》"
                      "第六十四条）",
                  "hearing_requested_on");
  }
  if (!r.hearing_notice_served_on) {
    return Refuse("hearing_notice_too_short", "举行听证前须先向当事人送达听证通知书",
                  "hearing_notice_served_on");
  }
  JG_ASSIGN_OR_RETURN(const DeadlineRule* notice, NeedRule(rules, "hearing_notice"));
  JG_ASSIGN_OR_RETURN(const Date earliest_end,
                      ComputeDueDate(rules.calendar, *notice,
                                     DeadlineInput{*r.hearing_notice_served_on, false, {}}));
  if (on <= earliest_end) {
    return Refuse("hearing_notice_too_short",
                  "听证通知须在听证 " + std::to_string(notice->length) +
                      std::string(PeriodUnitLabel(notice->unit)) + "前送达（" + notice->basis +
                      "）；通知于 " + r.hearing_notice_served_on->ToString() +
                      " 送达，听证最早可于 " +
                      earliest_end.AddDays(1).value_or(earliest_end).ToString() + " 举行，不能在 " +
                      on.ToString() + " 举行",
                  "hearing_notice_served_on");
  }
  return Status::Ok();
}

Status KindNotAllowed(const Decision& d, CaseStage stage, const std::string& why) {
  return Refuse("decision_kind_not_allowed",
                "在「" + std::string(CaseStageLabel(stage)) + "」阶段不能作出" +
                    std::string(DecisionKindLabel(d.kind)) + "的决定：" + why,
                "decision.kind");
}

Status CheckDecide(const ProcedureRules& rules, const CaseRecord& r, Date on) {
  if (!r.decision) return Refuse("decision_required", "请先填写处理决定", "decision");
  const Decision& d = *r.decision;
  if (d.kind == DecisionKind::kWithdrawal) {
    return KindNotAllowed(d, r.stage, "撤销立案请使用「撤销立案」");
  }
  JG_RETURN_IF_ERROR(ValidateDecision(d, rules.lenient));
  if (d.decided_on != on) {
    return InvalidArgument("invalid_date", "决定日期应为作出决定当日 " + on.ToString(),
                           "decision.decided_on");
  }
  if (d.kind == DecisionKind::kTransferToPolice)
    return Status::Ok();  // at any stage of the inquiry
  const bool penalises =
      d.kind == DecisionKind::kPenalty || d.kind == DecisionKind::kReducedPenalty;
  switch (r.stage) {
    case CaseStage::kInvestigation:
      return KindNotAllowed(d, r.stage, "调查终结后须先经法制审核");
    case CaseStage::kLegalReview:
      if (penalises) {
        return Refuse("notice_required",
                      "作出行政处罚决定前，须告知当事人拟作出的处罚内容及事实、理由、依据，"
                      "并告知其陈述、申辩和要求听证的权利（" +
                          std::string(kNoticeBasis) + "）",
                      "notice_served_on");
      }
      return Status::Ok();
    case CaseStage::kNotice: {
      if (r.hearing_requested_on && !r.statements_waived) {
        return Refuse("hearing_pending", "当事人已要求听证，须先举行听证再作出决定",
                      "hearing_requested_on");
      }
      if (r.statements_waived) return Status::Ok();
      if (!r.notice_served_on) {
        return Refuse("notice_required", "未登记行政处罚告知书的送达日期", "notice_served_on");
      }
      JG_ASSIGN_OR_RETURN(const Date window_end, WindowEnd(rules, r));
      if (on <= window_end) {
        return Refuse(
            "statement_window_open",
            "当事人陈述、申辩和要求听证的期限至 " + window_end.ToString() +
                " 届满，届满前不能作出决定（当事人书面放弃的除外；《中华人民共和国行政处罚法》"
                "第四十五条、第六十四条）",
            "decision.decided_on");
      }
      return Status::Ok();
    }
    case CaseStage::kHearing:
      return Status::Ok();
    default:
      return NotInTable(r.stage, CaseAction::kDecide);
  }
}

Status CheckServe(const CaseRecord& r) {
  if (!r.decision) return Refuse("decision_required", "尚未作出处理决定", "decision");
  if (r.decision->kind == DecisionKind::kTransferToPolice) {
    return Refuse("decision_kind_not_allowed", "移送公安机关的案件移送后即可结案，不送达处罚决定书",
                  "decision.kind");
  }
  if (!r.decision_served_on) {
    return Refuse("not_served", "请登记处理决定书的送达日期", "decision_served_on");
  }
  if (*r.decision_served_on < r.decision->decided_on) {
    return InvalidArgument("invalid_date", "送达日期不能早于决定日期", "decision_served_on");
  }
  return Status::Ok();
}

Status CheckClose(const CaseRecord& r) {
  if (!r.decision) return Refuse("decision_required", "尚未作出处理决定", "decision");
  const DecisionKind kind = r.decision->kind;
  const bool penalises = kind == DecisionKind::kPenalty || kind == DecisionKind::kReducedPenalty;
  switch (r.stage) {
    case CaseStage::kDecided:
      if (kind == DecisionKind::kTransferToPolice) return Status::Ok();
      return Refuse("not_served", "处理决定书送达当事人之前不能结案", "decision_served_on");
    case CaseStage::kServed:
      if (penalises) {
        return Refuse("not_executed", "行政处罚决定尚未执行，不能结案；请先登记执行", "execution");
      }
      return Status::Ok();
    case CaseStage::kExecution:
      if (!r.execution_completed) {
        return Refuse("not_executed", "行政处罚决定尚未履行完毕或者依法终结执行，不能结案",
                      "execution_completed");
      }
      return Status::Ok();
    default:
      return NotInTable(r.stage, CaseAction::kClose);
  }
}

}  // namespace

std::string_view NotFilingGroundName(NotFilingGround g) {
  return kGrounds[static_cast<int>(g)].code;
}
std::string_view NotFilingGroundLabel(NotFilingGround g) {
  return kGrounds[static_cast<int>(g)].label;
}
std::optional<NotFilingGround> ParseNotFilingGround(std::string_view s) {
  for (std::size_t i = 0; i < std::size(kGrounds); ++i) {
    if (kGrounds[i].code == s) return static_cast<NotFilingGround>(i);
  }
  return std::nullopt;
}

Status CheckTransition(const ProcedureRules& rules, const CaseRecord& r, CaseAction action,
                       Date on) {
  if (!NextStage(r.stage, action)) return NotInTable(r.stage, action);
  switch (action) {
    case CaseAction::kFile:
      return CheckOfficers(r, on);
    case CaseAction::kDeclineFiling:
      if (!r.not_filing_ground) {
        return Refuse("missing_ground",
                      "不予立案须选择《市场监督管理行政处罚程序规定》第二十条规定的情形",
                      "not_filing_ground");
      }
      if (*r.not_filing_ground == NotFilingGround::kOther && r.not_filing_explanation.empty()) {
        return Refuse("missing_ground", "选择“其他情形”的，须写明不予立案的具体理由和依据",
                      "not_filing_explanation");
      }
      return Status::Ok();
    case CaseAction::kInvestigate:
    case CaseAction::kSubmitForReview:
      return Status::Ok();
    case CaseAction::kNotify:
      if (!r.notice_served_on) {
        return Refuse("notice_required", "请登记行政处罚告知书的送达日期", "notice_served_on");
      }
      if (*r.notice_served_on > on) {
        return InvalidArgument("invalid_date", "告知书送达日期不能晚于今天", "notice_served_on");
      }
      return Status::Ok();
    case CaseAction::kHoldHearing:
      if (!r.notice_served_on) {
        return Refuse("notice_required", "未登记行政处罚告知书的送达日期", "notice_served_on");
      }
      return CheckHearing(rules, r, on);
    case CaseAction::kDecide:
      return CheckDecide(rules, r, on);
    case CaseAction::kServe:
      return CheckServe(r);
    case CaseAction::kExecute:
      if (!r.decision) return Refuse("decision_required", "尚未作出处理决定", "decision");
      if (r.decision->kind != DecisionKind::kPenalty &&
          r.decision->kind != DecisionKind::kReducedPenalty) {
        return Refuse("nothing_to_execute",
                      std::string(DecisionKindLabel(r.decision->kind)) +
                          "的决定没有需要执行的内容，送达后可直接结案",
                      "decision.kind");
      }
      return Status::Ok();
    case CaseAction::kClose:
      return CheckClose(r);
    case CaseAction::kWithdraw:
      if (!r.decision || r.decision->kind != DecisionKind::kWithdrawal) {
        return Refuse("decision_required", "撤销立案须经批准并写明理由", "decision");
      }
      return ValidateDecision(*r.decision, rules.lenient);
  }
  return Internal("unknown case action");
}

}  // namespace jg::enforcement
