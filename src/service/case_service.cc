// Leads: recording, filing into a case (立案) and declining (不予立案); the
// views with their periods. Case steps are in case_transitions.cc.
#include "service/case_service.h"

#include <set>

#include "domain/civil_date.h"
#include "service/access.h"
#include "service/audit_trail.h"
#include "service/case_json.h"
#include "service/case_officers.h"

namespace jg {
using namespace jg::enforcement;

// The domain names excluded[i]…; the API calls them excluded_periods[i]….
Status RenameExcluded(const Status& st) {
  std::string field = st.field();
  if (field.rfind("excluded", 0) == 0) field = "excluded_periods" + field.substr(8);
  return Status(st.code(), st.reason(), st.message(), field);
}

Date CaseService::Today() const { return DateInChina(env_.clock.Now()); }

Result<Date> CaseService::DayOf(const std::optional<Date>& on) const {
  if (!on) return Today();
  if (*on > Today()) return InvalidArgument("date_in_future", "日期不能晚于今天", "on");
  return *on;
}

PeriodView CaseService::Period(const std::string& rule_id, const DeadlineInput& in,
                               bool running) const {
  PeriodView v;
  v.rule_id = rule_id;
  const DeadlineRule* rule = rules_.deadlines.Find(rule_id);
  if (!rule) {
    v.error = "期限规则 " + rule_id + " 未配置";
    return v;
  }
  auto due = ComputeDueDate(calendar_, *rule, in);
  if (!due.ok()) {
    v.error = due.status().message();
    return v;
  }
  v.due = *due;
  if (running) {
    auto cd = CountDown(calendar_, *rule, *due, Today());
    if (cd.ok()) v.countdown = *cd;
    else v.error = cd.status().message();
  }
  return v;
}

LeadView CaseService::ViewOf(enforcement::Lead l) const {
  LeadView v;
  v.filing = Period("filing_decision", {l.found_on, l.extension_approved, l.excluded},
                    l.status == LeadStatus::kOpen);
  v.lead = std::move(l);
  return v;
}

Result<enforcement::Lead> CaseService::LoadLead(const Actor& actor, Permission p, Id id,
                                                std::optional<std::int64_t> version) {
  JG_RETURN_IF_ERROR(RequireRole(actor, p));
  JG_ASSIGN_OR_RETURN(enforcement::Lead l, env_.store.GetLead(id));
  JG_RETURN_IF_ERROR(RequirePermission(env_.store, actor, p, l.department_id));
  if (version && *version != l.version)
    return Aborted("stale_version", "该线索已被他人修改，请刷新后重试");
  return l;
}

Result<LeadView> CaseService::CreateLead(const Actor& actor, enforcement::Lead lead) {
  JG_RETURN_IF_ERROR(RequireRole(actor, Permission::kManageCases));
  JG_RETURN_IF_ERROR(
      RequirePermission(env_.store, actor, Permission::kManageCases, lead.department_id));
  if (!env_.store.GetDepartment(lead.department_id).ok())
    return InvalidArgument("department_not_found", "承办部门不存在", "department_id");
  if (lead.description.empty())
    return InvalidArgument("required", "请填写线索内容", "description");
  if (lead.found_on > Today())
    return InvalidArgument("date_in_future", "发现线索日期不能晚于今天", "found_on");
  if (lead.inspection_task_id && lead.source != LeadSource::kInspectionFinding)
    return InvalidArgument("task_not_allowed", "只有监督检查发现的线索可以关联检查任务",
                           "inspection_task_id");
  if (lead.inspection_task_id && !env_.store.GetTask(*lead.inspection_task_id).ok())
    return InvalidArgument("task_not_found", "检查任务不存在", "inspection_task_id");
  if (lead.entity_id) {
    auto e = env_.store.GetEntity(*lead.entity_id);
    if (!e.ok()) return InvalidArgument("entity_not_found", "市场主体不存在", "entity_id");
    if (lead.credit_code.empty()) lead.credit_code = e->credit_code;
    if (lead.party_name.empty()) lead.party_name = e->name;
  }
  // The excluded periods must be ones the filing period allows.
  if (const DeadlineRule* rule = rules_.deadlines.Find("filing_decision")) {
    auto due = ComputeDueDate(calendar_, *rule, {lead.found_on, false, lead.excluded});
    if (!due.ok() && due.status().reason() != "calendar_not_covered")
      return RenameExcluded(due.status());
  }
  lead.status = LeadStatus::kOpen;
  lead.extension_approved = false;
  lead.decline_ground.reset();
  lead.decline_reason.clear();
  lead.decided_on.reset();
  lead.version = 1;
  lead.updated_at = env_.clock.Now();
  lead.updated_by = actor.username;
  JG_RETURN_IF_ERROR(env_.store.Transaction([&](Store& tx) -> Status {
    JG_ASSIGN_OR_RETURN(lead.id, tx.InsertLead(lead));
    return AppendAudit(tx, env_.clock, &actor,
                       {"lead.create", "lead", std::to_string(lead.id), "",
                        LeadJson(lead).dump(), "{}"});
  }));
  return ViewOf(std::move(lead));
}

Result<std::vector<LeadView>> CaseService::Leads(const Actor& actor, LeadQuery q) {
  JG_RETURN_IF_ERROR(RequireRole(actor, Permission::kReadCases));
  if (q.department_id) {
    JG_RETURN_IF_ERROR(
        RequirePermission(env_.store, actor, Permission::kReadCases, q.department_id));
  } else if (ScopeOf(actor.role, Permission::kReadCases) != Scope::kAll) {
    q.department_id = actor.department_id;
  }
  JG_ASSIGN_OR_RETURN(auto leads, env_.store.ListLeads(q));
  std::vector<LeadView> out;
  for (auto& l : leads) out.push_back(ViewOf(std::move(l)));
  return out;
}

Result<LeadView> CaseService::Lead(const Actor& actor, Id id) {
  JG_ASSIGN_OR_RETURN(auto l, LoadLead(actor, Permission::kReadCases, id, std::nullopt));
  return ViewOf(std::move(l));
}

Result<std::vector<CaseOfficerRef>> CaseService::Officers(const std::vector<Id>& ids) {
  return RosterOfficers(env_.store, ids);
}

Result<CaseView> CaseService::FileLead(const Actor& actor, Id lead_id, const FilingRequest& req) {
  JG_ASSIGN_OR_RETURN(auto lead, LoadLead(actor, Permission::kApproveCases, lead_id, req.version));
  if (lead.status != LeadStatus::kOpen)
    return FailedPrecondition("lead_decided", "该线索已作出是否立案的决定", "status");
  JG_ASSIGN_OR_RETURN(Date on, DayOf(req.on));
  if (on < lead.found_on)
    return InvalidArgument("invalid_date", "立案日期不能早于发现线索日期", "on");
  JG_ASSIGN_OR_RETURN(auto officers, Officers(req.officer_ids));
  EnforcementCase c;
  c.officers = std::move(officers);
  CaseRecord rec = ToCaseRecord(c);
  rec.stage = CaseStage::kClue;
  JG_ASSIGN_OR_RETURN(auto lenient, lenient_.Current());
  if (Status st = CheckTransition(Procedure(*lenient), rec, CaseAction::kFile, on); !st.ok()) {
    if (st.field() == "officers")
      return Status(st.code(), st.reason(), st.message(), "officer_ids");
    return st;
  }
  const CaseNumberFormat* fmt = rules_.case_numbers.Find(rules_.bureau);
  if (!fmt) return Internal("no case number format for bureau " + rules_.bureau);
  c.lead_id = lead.id;
  c.entity_id = lead.entity_id;
  c.credit_code = lead.credit_code;
  c.party_name = lead.party_name;
  c.department_id = lead.department_id;
  c.filed_on = on;
  c.stage = CaseStage::kFiled;
  c.violated = req.violated;
  c.case_year = on.year();
  c.updated_at = env_.clock.Now();
  c.updated_by = actor.username;
  StampDecisionDue(c);
  enforcement::Lead before = lead;
  lead.status = LeadStatus::kFiled;
  lead.decided_on = on;
  lead.updated_at = c.updated_at;
  lead.updated_by = actor.username;
  JG_RETURN_IF_ERROR(env_.store.Transaction([&](Store& tx) -> Status {
    JG_RETURN_IF_ERROR(tx.UpdateLead(lead));
    JG_ASSIGN_OR_RETURN(int last, tx.LastCaseSequence(c.case_year));
    c.case_seq = last + 1;
    JG_ASSIGN_OR_RETURN(c.case_number, FormatCaseNumber(*fmt, c.case_year, c.case_seq));
    JG_ASSIGN_OR_RETURN(c.id, tx.InsertCase(c));
    JG_RETURN_IF_ERROR(tx.InsertCaseEvent({0, c.id, CaseStage::kClue, CaseStage::kFiled,
                                           CaseAction::kFile, on, actor.username, req.note,
                                           c.updated_at})
                           .status());
    enforcement::Lead after = lead;
    after.version = lead.version + 1;
    JG_RETURN_IF_ERROR(AppendAudit(tx, env_.clock, &actor,
                                   {"lead.file", "lead", std::to_string(lead.id),
                                    LeadJson(before).dump(), LeadJson(after).dump(), "{}"}));
    nlohmann::json detail = {{"case_number", c.case_number}, {"lead_id", lead.id}};
    return AppendAudit(tx, env_.clock, &actor,
                       {"case.file", "case", std::to_string(c.id), "", CaseJson(c).dump(),
                        detail.dump()});
  }));
  return ViewOf(std::move(c));
}

Result<LeadView> CaseService::DeclineLead(const Actor& actor, Id lead_id,
                                          const DeclineRequest& req) {
  JG_ASSIGN_OR_RETURN(auto lead, LoadLead(actor, Permission::kApproveCases, lead_id, req.version));
  if (lead.status != LeadStatus::kOpen)
    return FailedPrecondition("lead_decided", "该线索已作出是否立案的决定", "status");
  JG_ASSIGN_OR_RETURN(Date on, DayOf(req.on));
  if (on < lead.found_on)
    return InvalidArgument("invalid_date", "不予立案日期不能早于发现线索日期", "on");
  CaseRecord rec;
  rec.stage = CaseStage::kClue;
  rec.not_filing_ground = req.ground;
  rec.not_filing_explanation = req.explanation;
  JG_ASSIGN_OR_RETURN(auto lenient, lenient_.Current());
  if (Status st = CheckTransition(Procedure(*lenient), rec, CaseAction::kDeclineFiling, on); !st.ok()) {
    std::string field = st.field() == "not_filing_ground"         ? "ground"
                        : st.field() == "not_filing_explanation" ? "explanation"
                                                                   : st.field();
    return Status(st.code(), st.reason(), st.message(), field);
  }
  enforcement::Lead before = lead;
  lead.status = LeadStatus::kDeclined;
  lead.decline_ground = req.ground;
  lead.decline_reason = req.explanation;
  lead.decided_on = on;
  lead.updated_at = env_.clock.Now();
  lead.updated_by = actor.username;
  JG_RETURN_IF_ERROR(env_.store.Transaction([&](Store& tx) -> Status {
    JG_RETURN_IF_ERROR(tx.UpdateLead(lead));
    lead.version += 1;
    return AppendAudit(tx, env_.clock, &actor,
                       {"lead.decline", "lead", std::to_string(lead.id), LeadJson(before).dump(),
                        LeadJson(lead).dump(), "{}"});
  }));
  return ViewOf(std::move(lead));
}

}  // namespace jg
