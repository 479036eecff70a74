// Plans: drafting, approval, cancellation, publication, statistics and the
// public views. The draw itself is in plan_draw.cc, tasks in plan_tasks.cc.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

#include "domain/civil_date.h"
#include "domain/draw/draw_file.h"
#include "domain/text_fields.h"
#include "service/access.h"
#include "service/audit_trail.h"
#include "service/plan_audit.h"
#include "service/plan_service.h"

namespace jg {

std::string PlanService::Today() const { return DateInChina(env_.clock.Now()).ToString(); }

std::string PlanService::PublicationDue(const InspectionPlan& plan) const {
  auto end = Date::Parse(plan.period_to);
  if (!end.ok()) return "";
  // 企业信息公示暂行条例 第六条: 形成之日起20个工作日内 (RULES.md, 双随机、一公开).
  auto due = WorkingDaysDeadline(calendar_, *end, 20, {});
  return due.ok() ? due->ToString() : "";
}

Status PlanService::RequireManage(const Actor& actor, const InspectionPlan& plan) {
  return RequirePermission(env_.store, actor, Permission::kManagePlans, plan.lead_department_id);
}

Result<InspectionPlan> PlanService::LoadForChange(const Actor& actor, Permission p, Id id,
                                                  std::int64_t version) {
  JG_ASSIGN_OR_RETURN(InspectionPlan plan, env_.store.GetPlan(id));
  JG_RETURN_IF_ERROR(RequirePermission(env_.store, actor, p, plan.lead_department_id));
  if (plan.version != version)
    return Aborted("stale_version", "该计划已被他人修改，请刷新后重试");
  return plan;
}

Status PlanService::CheckReferences(const InspectionPlan& plan) {
  if (!env_.store.GetDepartment(plan.lead_department_id).ok())
    return InvalidArgument("department_not_found", "牵头部门不存在", "lead_department_id");
  for (Id d : plan.member_department_ids) {
    if (!env_.store.GetDepartment(d).ok())
      return InvalidArgument("department_not_found", "参与部门不存在", "member_department_ids");
  }
  if (plan.population.station_id) {
    auto st = env_.store.GetDepartment(*plan.population.station_id);
    if (!st.ok() || st->kind != DepartmentKind::kStation)
      return InvalidArgument("station_not_found", "所选监管所不存在", "population.station_id");
  }
  JG_ASSIGN_OR_RETURN(auto items, env_.store.ListInspectionItems(false));
  for (const auto& code : plan.item_codes) {
    bool found = false;
    for (const auto& it : items) found = found || it.code == code;
    if (!found)
      return InvalidArgument("item_not_found", "抽查事项“" + code + "”不存在或已停用",
                             "item_codes");
  }
  if (!plan.population.holding_kind.empty()) {
    JG_ASSIGN_OR_RETURN(auto kinds, env_.store.ListHoldingKinds());
    bool found = false;
    for (const auto& k : kinds) found = found || k.code == plan.population.holding_kind;
    if (!found)
      return InvalidArgument("holding_kind_not_found", "许可证照种类不存在",
                             "population.holding_kind");
  }
  return Status::Ok();
}

Result<std::vector<InspectionPlan>> PlanService::Plans(const Actor& actor, const PlanQuery& q) {
  JG_RETURN_IF_ERROR(
      RequirePermission(env_.store, actor, Permission::kReadInspection, std::nullopt));
  return env_.store.ListPlans(q);
}

Result<InspectionPlan> PlanService::Plan(const Actor& actor, Id id) {
  JG_RETURN_IF_ERROR(
      RequirePermission(env_.store, actor, Permission::kReadInspection, std::nullopt));
  return env_.store.GetPlan(id);
}

Result<InspectionPlan> PlanService::Create(const Actor& actor, InspectionPlan plan) {
  JG_RETURN_IF_ERROR(RequireRole(actor, Permission::kManagePlans));
  JG_RETURN_IF_ERROR(NormalizePlan(plan));
  JG_RETURN_IF_ERROR(CheckReferences(plan));
  JG_RETURN_IF_ERROR(RequireManage(actor, plan));
  plan.status = PlanStatus::kDraft;
  plan.version = 1;
  plan.approved_by.clear();
  plan.approved_at = 0;
  plan.cancel_reason.clear();
  plan.published_at = 0;
  plan.updated_at = env_.clock.Now();
  plan.updated_by = actor.username;
  JG_RETURN_IF_ERROR(env_.store.Transaction([&](Store& tx) -> Status {
    JG_ASSIGN_OR_RETURN(plan.id, tx.InsertPlan(plan));
    nlohmann::json detail = {{"name", plan.name}};
    return AppendAudit(tx, env_.clock, &actor,
                       {"plan.create", "inspection_plan", std::to_string(plan.id), "",
                        plan_audit::PlanJson(plan), detail.dump()});
  }));
  return plan;
}

Result<InspectionPlan> PlanService::Update(const Actor& actor, Id id, InspectionPlan plan) {
  JG_RETURN_IF_ERROR(RequireRole(actor, Permission::kManagePlans));
  JG_ASSIGN_OR_RETURN(InspectionPlan before,
                      LoadForChange(actor, Permission::kManagePlans, id, plan.version));
  if (before.status != PlanStatus::kDraft)
    return FailedPrecondition("plan_not_draft", "只有草稿状态的计划可以修改（已审批的计划请撤销后重新制定）");
  JG_RETURN_IF_ERROR(NormalizePlan(plan));
  JG_RETURN_IF_ERROR(CheckReferences(plan));
  JG_RETURN_IF_ERROR(RequireManage(actor, plan));  // the new lead department too
  plan.id = id;
  plan.status = PlanStatus::kDraft;
  plan.updated_at = env_.clock.Now();
  plan.updated_by = actor.username;
  JG_RETURN_IF_ERROR(env_.store.Transaction([&](Store& tx) -> Status {
    JG_RETURN_IF_ERROR(tx.UpdatePlan(plan));
    InspectionPlan after = plan;
    after.version = plan.version + 1;
    return AppendAudit(tx, env_.clock, &actor,
                       {"plan.update", "inspection_plan", std::to_string(id),
                        plan_audit::PlanJson(before), plan_audit::PlanJson(after), "{}"});
  }));
  return env_.store.GetPlan(id);
}

Result<InspectionPlan> PlanService::Approve(const Actor& actor, Id id, std::int64_t version) {
  JG_RETURN_IF_ERROR(RequireRole(actor, Permission::kApprovePlans));
  JG_ASSIGN_OR_RETURN(InspectionPlan plan,
                      LoadForChange(actor, Permission::kApprovePlans, id, version));
  if (plan.status != PlanStatus::kDraft)
    return FailedPrecondition("plan_not_draft", "只有草稿状态的计划可以审批");
  InspectionPlan before = plan;
  plan.status = PlanStatus::kApproved;
  plan.approved_by = actor.username;
  plan.approved_at = env_.clock.Now();
  plan.updated_at = plan.approved_at;
  plan.updated_by = actor.username;
  JG_RETURN_IF_ERROR(env_.store.Transaction([&](Store& tx) -> Status {
    JG_RETURN_IF_ERROR(tx.UpdatePlan(plan));
    return AppendAudit(tx, env_.clock, &actor,
                       {"plan.approve", "inspection_plan", std::to_string(id),
                        plan_audit::PlanJson(before), plan_audit::PlanJson(plan), "{}"});
  }));
  return env_.store.GetPlan(id);
}

Result<InspectionPlan> PlanService::Cancel(const Actor& actor, Id id, std::int64_t version,
                                           const std::string& reason_in) {
  JG_RETURN_IF_ERROR(RequireRole(actor, Permission::kManagePlans));
  JG_ASSIGN_OR_RETURN(InspectionPlan plan,
                      LoadForChange(actor, Permission::kManagePlans, id, version));
  if (plan.status == PlanStatus::kPublished || plan.status == PlanStatus::kCancelled)
    return FailedPrecondition("plan_closed", "结果已公示或已撤销的计划不能撤销");
  const std::string reason = Trim(reason_in);
  if (reason.empty()) return InvalidArgument("required", "请写明撤销理由", "reason");
  if (reason.size() > 2000) return InvalidArgument("too_long", "撤销理由过长", "reason");
  InspectionPlan before = plan;
  plan.status = PlanStatus::kCancelled;
  plan.cancel_reason = reason;
  plan.updated_at = env_.clock.Now();
  plan.updated_by = actor.username;
  JG_RETURN_IF_ERROR(env_.store.Transaction([&](Store& tx) -> Status {
    JG_RETURN_IF_ERROR(tx.UpdatePlan(plan));
    TaskQuery q;
    q.plan_id = id;
    q.limit = 100000;
    JG_ASSIGN_OR_RETURN(auto tasks, tx.ListTasks(q));
    for (auto& t : tasks) {
      if (t.status == TaskStatus::kCancelled) continue;
      t.status = TaskStatus::kCancelled;
      t.updated_at = plan.updated_at;
      t.updated_by = actor.username;
      JG_RETURN_IF_ERROR(tx.UpdateTask(t));
    }
    nlohmann::json detail = {{"reason", reason}, {"tasks_cancelled", tasks.size()}};
    return AppendAudit(tx, env_.clock, &actor,
                       {"plan.cancel", "inspection_plan", std::to_string(id),
                        plan_audit::PlanJson(before), plan_audit::PlanJson(plan), detail.dump()});
  }));
  return env_.store.GetPlan(id);
}

Result<InspectionPlan> PlanService::Publish(const Actor& actor, Id id, std::int64_t version) {
  JG_RETURN_IF_ERROR(RequireRole(actor, Permission::kManagePlans));
  JG_ASSIGN_OR_RETURN(InspectionPlan plan,
                      LoadForChange(actor, Permission::kManagePlans, id, version));
  if (plan.status != PlanStatus::kDrawn)
    return FailedPrecondition("plan_not_drawn", "只有已抽取的计划可以公示检查结果");
  TaskQuery q;
  q.plan_id = id;
  q.status = TaskStatus::kAssigned;
  q.limit = 100000;
  JG_ASSIGN_OR_RETURN(auto open, env_.store.ListTasks(q));
  if (!open.empty())
    return FailedPrecondition("results_missing", "还有 " + std::to_string(open.size()) +
                                                     " 户的检查结果未录入（如 " +
                                                     open.front().entity_name + "），不能公示");
  InspectionPlan before = plan;
  plan.status = PlanStatus::kPublished;
  plan.published_at = env_.clock.Now();
  plan.updated_at = plan.published_at;
  plan.updated_by = actor.username;
  const std::string due = PublicationDue(plan);
  const bool late = !due.empty() && Today() > due;
  JG_RETURN_IF_ERROR(env_.store.Transaction([&](Store& tx) -> Status {
    JG_RETURN_IF_ERROR(tx.UpdatePlan(plan));
    nlohmann::json detail = {{"publication_due", due}, {"late", late}};
    return AppendAudit(tx, env_.clock, &actor,
                       {"plan.publish", "inspection_plan", std::to_string(id),
                        plan_audit::PlanJson(before), plan_audit::PlanJson(plan), detail.dump()});
  }));
  return env_.store.GetPlan(id);
}

Result<PlanStats> PlanService::Stats(const Actor& actor, int year) {
  JG_RETURN_IF_ERROR(
      RequirePermission(env_.store, actor, Permission::kReadInspection, std::nullopt));
  if (year < 2000 || year > 2100) return InvalidArgument("invalid_year", "年度不正确", "year");
  PlanStats out;
  JG_ASSIGN_OR_RETURN(auto total, env_.store.CountInspections(year, ""));
  if (!total.empty()) out.total = total.front();
  JG_ASSIGN_OR_RETURN(out.by_department, env_.store.CountInspections(year, "department"));
  JG_ASSIGN_OR_RETURN(out.by_month, env_.store.CountInspections(year, "month"));
  JG_ASSIGN_OR_RETURN(out.by_street, env_.store.CountInspections(year, "street"));
  JG_ASSIGN_OR_RETURN(out.by_risk, env_.store.CountInspections(year, "risk"));
  JG_ASSIGN_OR_RETURN(out.by_item, env_.store.CountInspections(year, "item"));

  // Each drawn plan is a stratified random sample of its own population, so
  // the estimate is per plan (populations of different plans overlap).
  JG_ASSIGN_OR_RETURN(auto samples, env_.store.ListStratumSamples(year));
  std::map<Id, std::vector<StratumSample>> by_plan;
  for (auto& s : samples) by_plan[s.plan_id].push_back(std::move(s));
  for (auto& [plan_id, strata] : by_plan) {
    // Committed before populations were kept: count them in the frozen draw file.
    // (A plan without a readable draw record — an import from another system —
    // has no known population: it gets no estimate, the counts still stand.)
    if (std::any_of(strata.begin(), strata.end(), [](const StratumSample& s) { return s.eligible < 0; })) {
      auto d = env_.store.GetPlanDraw(plan_id);
      if (!d.ok()) continue;
      auto file = draw::ParseDrawFile(d->input_file);
      if (!file.ok()) continue;
      std::map<std::string, std::int64_t> n;
      for (const auto& [k, v] : StratumPopulations(file->input.eligible)) n[k] = v;
      for (auto& s : strata) s.eligible = n[s.stratum];
    }
    std::vector<StratumObservation> obs;
    for (const auto& s : strata) obs.push_back({s.stratum, s.eligible, s.inspected, s.problems});
    auto e = EstimateProblemRate(obs);
    if (!e) continue;
    JG_ASSIGN_OR_RETURN(InspectionPlan plan, env_.store.GetPlan(plan_id));
    out.estimates.push_back({plan_id, plan.name, plan.lead_department_id, plan.item_codes, *e});
  }
  return out;
}

// ---- public ----

namespace {
bool IsPublic(PlanStatus s) {
  return s == PlanStatus::kCommitted || s == PlanStatus::kDrawn || s == PlanStatus::kPublished ||
         s == PlanStatus::kCancelled;
}
}  // namespace

Result<std::vector<InspectionPlan>> PlanService::PublicPlans(std::optional<int> year) {
  PlanQuery q;
  q.year = year;
  JG_ASSIGN_OR_RETURN(auto all, env_.store.ListPlans(q));
  std::vector<InspectionPlan> out;
  for (auto& p : all) {
    // A plan cancelled before its commitment was never public.
    if (IsPublic(p.status) && (p.status != PlanStatus::kCancelled || env_.store.GetPlanDraw(p.id).ok()))
      out.push_back(std::move(p));
  }
  return out;
}

Result<InspectionPlan> PlanService::PublicPlan(Id id) {
  auto p = env_.store.GetPlan(id);
  if (!p.ok() || !IsPublic(p->status) || !env_.store.GetPlanDraw(id).ok())
    return NotFound("plan_not_found", "抽查计划不存在或尚未公示");
  return p;
}

Result<std::vector<InspectionTask>> PlanService::PublicResults(const InspectionPlan& plan) {
  if (plan.status != PlanStatus::kPublished) return std::vector<InspectionTask>{};
  TaskQuery q;
  q.plan_id = plan.id;
  q.published_only = true;
  q.limit = 100000;
  return env_.store.ListTasks(q);
}

Result<std::vector<InspectionTask>> PlanService::PublicResultsOfEntity(Id entity_id) {
  TaskQuery q;
  q.entity_id = entity_id;
  q.published_only = true;
  q.limit = 1000;
  return env_.store.ListTasks(q);
}

}  // namespace jg
