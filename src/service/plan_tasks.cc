// Inspection tasks of a drawn plan: the inspector's list and the results.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "domain/text_fields.h"
#include "service/access.h"
#include "service/audit_trail.h"
#include "service/plan_audit.h"
#include "service/plan_service.h"

namespace jg {
namespace {

// The roster record of the actor's account, if any.
std::optional<Id> InspectorOf(Store& store, const Actor& actor) {
  InspectorQuery q;
  q.user_id = actor.user_id;
  auto found = store.ListInspectors(q);
  if (!found.ok() || found->empty()) return std::nullopt;
  return found->front().id;
}

}  // namespace

Result<std::vector<InspectionTask>> PlanService::Tasks(const Actor& actor, TaskQuery q) {
  JG_RETURN_IF_ERROR(
      RequirePermission(env_.store, actor, Permission::kReadInspection, std::nullopt));
  return env_.store.ListTasks(q);
}

Result<std::int64_t> PlanService::CountTasks(const Actor& actor, const TaskQuery& q) {
  JG_RETURN_IF_ERROR(
      RequirePermission(env_.store, actor, Permission::kReadInspection, std::nullopt));
  return env_.store.CountTasks(q);
}

Result<std::vector<InspectionTask>> PlanService::MyTasks(const Actor& actor,
                                                         std::optional<TaskStatus> status) {
  JG_RETURN_IF_ERROR(
      RequirePermission(env_.store, actor, Permission::kReadInspection, std::nullopt));
  auto me = InspectorOf(env_.store, actor);
  if (!me) return std::vector<InspectionTask>{};
  TaskQuery q;
  q.inspector_id = *me;
  q.status = status;
  q.limit = 1000;
  return env_.store.ListTasks(q);
}

Result<InspectionTask> PlanService::Task(const Actor& actor, Id id) {
  JG_RETURN_IF_ERROR(
      RequirePermission(env_.store, actor, Permission::kReadInspection, std::nullopt));
  return env_.store.GetTask(id);
}

// The checklist against the points of the plan's items as they are now.
Status PlanService::CheckChecklistOf(const InspectionPlan& plan, const InspectionTask& task) {
  if (task.checklist.empty()) return Status::Ok();
  JG_ASSIGN_OR_RETURN(auto items, env_.store.ListInspectionItems(true));
  std::vector<std::pair<std::string, std::vector<std::string>>> points;
  for (const auto& code : plan.item_codes) {
    for (const auto& i : items)
      if (i.code == code) points.emplace_back(code, i.checklist);
  }
  return CheckChecklist(points, task);
}

// The result's fields onto the task, checked (CheckTaskResult, then the checklist).
Status PlanService::ApplyResult(const InspectionPlan& plan, const InspectionTask& result,
                                InspectionTask& task) {
  task.outcome = result.outcome;
  task.findings = result.findings;
  task.inspected_on = result.inspected_on;
  task.severity = result.severity;
  task.checklist = result.checklist;
  JG_RETURN_IF_ERROR(CheckTaskResult(plan, task, Today()));
  return CheckChecklistOf(plan, task);
}

// Writes the task, its row of the result history (with the correction note,
// "" before publication) and the audit entry, in one transaction.
Status PlanService::SaveResult(const Actor& actor, const char* action, const InspectionTask& before,
                               InspectionTask& task, const std::string& detail) {
  task.updated_at = env_.clock.Now();
  task.updated_by = actor.username;
  return env_.store.Transaction([&](Store& tx) -> Status {
    JG_RETURN_IF_ERROR(tx.UpdateTask(task));
    JG_RETURN_IF_ERROR(tx.InsertTaskResult({task.id, task.version + 1, *task.outcome, task.findings,
                                            task.inspected_on, task.severity, task.updated_at,
                                            task.updated_by, task.correction_note}));
    return AppendAudit(tx, env_.clock, &actor,
                       {action, "inspection_task", std::to_string(task.id),
                        plan_audit::TaskJson(before), plan_audit::TaskJson(task), detail});
  });
}

Status PlanService::RequireResultWriter(const Actor& actor, const InspectionTask& task,
                                        const InspectionPlan& plan) {
  auto me = InspectorOf(env_.store, actor);
  const bool assigned =
      me && std::find(task.inspector_ids.begin(), task.inspector_ids.end(), *me) !=
                task.inspector_ids.end();
  if (assigned) return Status::Ok();
  return RequirePermission(env_.store, actor, Permission::kRecordInspectionResults,
                           plan.lead_department_id);
}

Result<InspectionTask> PlanService::RecordResult(const Actor& actor, Id task_id,
                                                 InspectionTask result) {
  JG_ASSIGN_OR_RETURN(InspectionTask task, env_.store.GetTask(task_id));
  JG_ASSIGN_OR_RETURN(InspectionPlan plan, env_.store.GetPlan(task.plan_id));
  JG_RETURN_IF_ERROR(RequireResultWriter(actor, task, plan));
  if (task.version != result.version)
    return Aborted("stale_version", "该任务已被他人修改，请刷新后重试");
  if (plan.status != PlanStatus::kDrawn || task.status == TaskStatus::kCancelled)
    return FailedPrecondition("task_closed",
                              plan.status == PlanStatus::kPublished
                                  ? "检查结果已公示，不能再修改"
                                  : "该任务不在可录入结果的状态");
  InspectionTask before = task;
  JG_RETURN_IF_ERROR(ApplyResult(plan, result, task));
  task.status = TaskStatus::kDone;
  nlohmann::json detail = {{"outcome", InspectionOutcomeName(*task.outcome)}};
  JG_RETURN_IF_ERROR(SaveResult(actor, "task.result", before, task, detail.dump()));
  return env_.store.GetTask(task_id);
}

Result<InspectionTask> PlanService::CorrectResult(const Actor& actor, Id task_id,
                                                  InspectionTask result, const std::string& note) {
  JG_ASSIGN_OR_RETURN(InspectionTask task, env_.store.GetTask(task_id));
  JG_ASSIGN_OR_RETURN(InspectionPlan plan, env_.store.GetPlan(task.plan_id));
  // Only the department that published the results corrects them (not the
  // inspectors on their own): the correction is published in its name.
  JG_RETURN_IF_ERROR(RequirePermission(env_.store, actor, Permission::kRecordInspectionResults,
                                       plan.lead_department_id));
  if (task.version != result.version)
    return Aborted("stale_version", "该任务已被他人修改，请刷新后重试");
  if (plan.status != PlanStatus::kPublished || task.status != TaskStatus::kDone)
    return FailedPrecondition("not_published",
                              "结果公示之前请直接修改检查结果；更正只用于已公示的结果");
  std::string text = note;
  JG_RETURN_IF_ERROR(CheckText(text, "correction_note", "更正说明", 1, 500));
  InspectionTask before = task;
  JG_RETURN_IF_ERROR(ApplyResult(plan, result, task));
  if (task.outcome == before.outcome && task.findings == before.findings &&
      task.inspected_on == before.inspected_on && task.severity == before.severity &&
      task.checklist == before.checklist)
    return InvalidArgument("nothing_corrected", "更正后的结果与已公示的结果相同", "outcome");
  task.corrected_on = Today();
  task.correction_note = text;
  nlohmann::json detail = {{"outcome", InspectionOutcomeName(*task.outcome)},
                           {"previous_outcome", InspectionOutcomeName(*before.outcome)},
                           {"note", text}};
  JG_RETURN_IF_ERROR(SaveResult(actor, "task.correct", before, task, detail.dump()));
  return env_.store.GetTask(task_id);
}

Result<std::vector<TaskResultRecord>> PlanService::ResultHistory(const Actor& actor, Id task_id) {
  JG_RETURN_IF_ERROR(
      RequirePermission(env_.store, actor, Permission::kReadInspection, std::nullopt));
  JG_RETURN_IF_ERROR(env_.store.GetTask(task_id).status());
  return env_.store.ListTaskResults(task_id);
}

}  // namespace jg
