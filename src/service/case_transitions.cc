// Cases: the views with their decision period, the steps of the procedure
// (the domain's table and checks say whether a step may happen and, if not,
// what is missing), the particulars, the events and the lenient rules.
#include <algorithm>
#include <map>
#include <tuple>

#include <nlohmann/json.hpp>

#include "service/access.h"
#include "service/audit_trail.h"
#include "service/case_json.h"
#include "service/case_service.h"
#include "service/credit_service.h"

namespace jg {
using namespace jg::enforcement;

Status RenameExcluded(const Status& st);  // case_service.cc

namespace {
// The decision period runs until a decision is made.
bool DecisionPending(CaseStage s) {
  return s == CaseStage::kFiled || s == CaseStage::kInvestigation ||
         s == CaseStage::kLegalReview || s == CaseStage::kNotice || s == CaseStage::kHearing;
}
// Filing a case, deciding it and withdrawing the filing are the head's (负责人).
Permission PermissionFor(CaseAction a) {
  return a == CaseAction::kDecide || a == CaseAction::kWithdraw ? Permission::kApproveCases
                                                                  : Permission::kManageCases;
}
// The domain names the decision's fields bare; the API nests them under
// "decision" and counts money in fen.
Status DecisionField(const Status& st) {
  static const std::map<std::string, std::string> kNames = {
      {"kind", "kind"},
      {"penalties", "penalties"},
      {"fine", "fine_fen"},
      {"confiscated_gains", "confiscated_gains_fen"},
      {"lenient_rule_id", "lenient_rule_id"},
      {"reduction_ground", "reduction_ground"},
      {"receiving_unit", "police_unit"},
      {"transferred_on", "transferred_on"},
      {"reason", "reason"}};
  auto it = kNames.find(st.field());
  if (it == kNames.end()) return st;
  return Status(st.code(), st.reason(), st.message(), "decision." + it->second);
}
}  // namespace

CaseView CaseService::ViewOf(EnforcementCase c) const {
  CaseView v;
  v.decision = Period("case_decision", {c.filed_on, c.extension_approved, c.excluded},
                      DecisionPending(c.stage));
  v.next_actions = ActionsFrom(c.stage);
  v.record = std::move(c);
  return v;
}

Result<EnforcementCase> CaseService::LoadCase(const Actor& actor, Permission p, Id id,
                                              std::optional<std::int64_t> version) {
  JG_RETURN_IF_ERROR(RequireRole(actor, p));
  JG_ASSIGN_OR_RETURN(EnforcementCase c, env_.store.GetCase(id));
  JG_RETURN_IF_ERROR(RequirePermission(env_.store, actor, p, c.department_id));
  if (version && *version != c.version)
    return Aborted("stale_version", "该案件已被他人修改，请刷新后重试");
  return c;
}

Result<CaseListView> CaseService::CaseList(const Actor& actor, const CaseFilter& f) {
  JG_RETURN_IF_ERROR(RequireRole(actor, Permission::kReadCases));
  CaseQuery q;
  q.department_id = f.department_id;
  q.stage = f.stage;
  if (q.department_id) {
    JG_RETURN_IF_ERROR(
        RequirePermission(env_.store, actor, Permission::kReadCases, q.department_id));
  } else if (ScopeOf(actor.role, Permission::kReadCases) != Scope::kAll) {
    q.department_id = actor.department_id;
  }
  q.filed_year = f.filed_year;
  q.closed_year = f.closed_year;
  q.decided_year = f.decided_year;
  q.filed_month = f.filed_month;
  q.closed_month = f.closed_month;
  q.decision_kind = f.decision_kind;
  q.lenient_rule_id = f.lenient_rule_id;
  q.reduction_ground = f.reduction_ground;
  q.violated_law = f.violated_law;
  q.review_kind = f.review_kind;
  q.review_year = f.review_year;
  q.review_outcomes = f.review_outcomes;
  if (!f.due.empty()) {
    JG_RETURN_IF_ERROR(FillMissingDecisionDues());
    std::tie(q.due_from, q.due_to) = DueRange(f.due);
  }
  CaseListView out;
  out.page = std::max(f.page, 1);
  out.page_size = std::clamp(f.page_size, 1, 200);
  q.limit = out.page_size;
  q.offset = static_cast<std::int64_t>(out.page - 1) * out.page_size;
  JG_ASSIGN_OR_RETURN(out.total, env_.store.CountCases(q));
  JG_ASSIGN_OR_RETURN(auto cases, env_.store.ListCases(q));
  for (auto& c : cases) out.items.push_back(ViewOf(std::move(c)));
  return out;
}

Result<std::vector<CaseView>> CaseService::Cases(const Actor& actor, const CaseFilter& f) {
  JG_ASSIGN_OR_RETURN(auto page, CaseList(actor, f));
  return std::move(page.items);
}

Result<CaseView> CaseService::Case(const Actor& actor, Id id) {
  JG_ASSIGN_OR_RETURN(auto c, LoadCase(actor, Permission::kReadCases, id, std::nullopt));
  return ViewOf(std::move(c));
}

Result<CaseView> CaseService::Transition(const Actor& actor, Id id, const TransitionRequest& req) {
  JG_ASSIGN_OR_RETURN(auto c, LoadCase(actor, PermissionFor(req.action), id, req.version));
  JG_ASSIGN_OR_RETURN(Date on, DayOf(req.on));
  if (on < c.filed_on) return InvalidArgument("invalid_date", "日期不能早于立案日期", "on");
  EnforcementCase before = c;
  // What the step brings to the record; the checks see it before it is saved.
  if (req.notice_served_on) c.notice_served_on = req.notice_served_on;
  if (req.statements_waived) c.statements_waived = *req.statements_waived;
  if (req.hearing_requested_on) c.hearing_requested_on = req.hearing_requested_on;
  if (req.hearing_notice_served_on) c.hearing_notice_served_on = req.hearing_notice_served_on;
  if (req.decision_served_on) c.decision_served_on = req.decision_served_on;
  if (req.execution_completed) c.execution_completed = *req.execution_completed;
  if (req.action == CaseAction::kDecide || req.action == CaseAction::kWithdraw) {
    c.decision = req.decision;
  } else if (req.decision) {
    return InvalidArgument("decision_not_allowed", "只有作出决定或撤销立案时才能填写处理决定",
                           "decision");
  }
  JG_ASSIGN_OR_RETURN(auto lenient, lenient_.Current());
  if (Status st = CheckTransition(Procedure(*lenient), ToCaseRecord(c), req.action, on); !st.ok())
    return DecisionField(st);
  auto next = NextStage(c.stage, req.action);
  if (!next) return Internal("transition table and check disagree");
  CaseEvent ev{0, c.id, c.stage, *next, req.action, on, actor.username, req.note,
               env_.clock.Now()};
  c.stage = *next;
  c.updated_at = ev.at;
  c.updated_by = actor.username;
  StampDecisionDue(c);
  JG_RETURN_IF_ERROR(env_.store.Transaction([&](Store& tx) -> Status {
    JG_RETURN_IF_ERROR(tx.UpdateCase(c));
    JG_RETURN_IF_ERROR(tx.InsertCaseEvent(ev).status());
    // A published-worthy decision makes a publicity record due (credit_service.h).
    if (req.action == CaseAction::kDecide)
      JG_RETURN_IF_ERROR(RecordPublicityDue(tx, env_.clock, actor, BuiltInCreditRules(), c));
    c.version += 1;
    nlohmann::json detail = {{"action", CaseActionName(req.action)},
                             {"from", CaseStageName(ev.from)},
                             {"to", CaseStageName(ev.to)},
                             {"on", on.ToString()}};
    return AppendAudit(tx, env_.clock, &actor,
                       {"case." + std::string(CaseActionName(req.action)), "case",
                        std::to_string(c.id), CaseJson(before).dump(), CaseJson(c).dump(),
                        detail.dump()});
  }));
  return ViewOf(std::move(c));
}

Result<CaseView> CaseService::UpdateParticulars(const Actor& actor, Id id,
                                                const CaseParticulars& p) {
  JG_ASSIGN_OR_RETURN(auto c, LoadCase(actor, Permission::kManageCases, id, p.version));
  if (p.extension_approved != c.extension_approved) {
    // 经负责人批准延长 (第六十四条).
    JG_RETURN_IF_ERROR(
        RequirePermission(env_.store, actor, Permission::kApproveCases, c.department_id));
  }
  if (IsFinal(c.stage))
    return FailedPrecondition("case_closed", "案件已" + std::string(CaseStageLabel(c.stage)) +
                                                 "，不能再修改", "stage");
  if (const DeadlineRule* rule = rules_.deadlines.Find("case_decision")) {
    auto due = ComputeDueDate(calendar_, *rule, {c.filed_on, p.extension_approved, p.excluded});
    if (!due.ok() && due.status().reason() != "calendar_not_covered")
      return RenameExcluded(due.status());
  }
  auto known = LenientFactNames();
  for (const auto& [fact, value] : p.facts) {
    (void)value;
    if (std::find(known.begin(), known.end(), fact) == known.end())
      return InvalidArgument("unknown_fact", "未知的事实“" + fact + "”", "facts." + fact);
  }
  EnforcementCase before = c;
  c.extension_approved = p.extension_approved;
  c.excluded = p.excluded;
  c.violated = p.violated;
  c.facts = p.facts;
  c.updated_at = env_.clock.Now();
  c.updated_by = actor.username;
  StampDecisionDue(c);
  JG_RETURN_IF_ERROR(env_.store.Transaction([&](Store& tx) -> Status {
    JG_RETURN_IF_ERROR(tx.UpdateCase(c));
    c.version += 1;
    return AppendAudit(tx, env_.clock, &actor,
                       {"case.update", "case", std::to_string(c.id), CaseJson(before).dump(),
                        CaseJson(c).dump(), "{}"});
  }));
  return ViewOf(std::move(c));
}

Result<std::vector<CaseEvent>> CaseService::Events(const Actor& actor, Id id) {
  JG_ASSIGN_OR_RETURN(auto c, LoadCase(actor, Permission::kReadCases, id, std::nullopt));
  return env_.store.ListCaseEvents(c.id);
}

Result<std::vector<LenientMatch>> CaseService::LenientMatches(const Actor& actor, Id id) {
  JG_ASSIGN_OR_RETURN(auto c, LoadCase(actor, Permission::kReadCases, id, std::nullopt));
  JG_ASSIGN_OR_RETURN(auto lenient, lenient_.Current());
  return MatchLenientRules(*lenient, c.violated, c.facts);
}

}  // namespace jg
