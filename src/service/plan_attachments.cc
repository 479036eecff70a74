// Photos and files attached to an inspection task's result: who may see and
// change them, and each change in one transaction with its audit entry.
#include <nlohmann/json.hpp>

#include "domain/sm3.h"
#include "service/access.h"
#include "service/audit_trail.h"
#include "service/plan_service.h"

namespace jg {
namespace {

// What the audit digests: the record without its bytes (their SM3 stands in).
std::string AttachmentJson(const TaskAttachment& a) {
  return nlohmann::json{{"id", a.id},
                        {"task_id", a.task_id},
                        {"file_name", a.file_name},
                        {"content_type", a.content_type},
                        {"size", a.size},
                        {"sm3", a.sm3},
                        {"uploaded_by", a.uploaded_by},
                        {"uploaded_at", a.uploaded_at},
                        {"withdrawn_at", a.withdrawn_at},
                        {"withdrawn_by", a.withdrawn_by}}
      .dump();
}

int InForce(const std::vector<TaskAttachment>& all) {
  int n = 0;
  for (const auto& a : all) n += a.withdrawn() ? 0 : 1;
  return n;
}

}  // namespace

Result<std::vector<TaskAttachment>> PlanService::Attachments(const Actor& actor, Id task_id) {
  JG_ASSIGN_OR_RETURN(InspectionTask task, env_.store.GetTask(task_id));
  JG_ASSIGN_OR_RETURN(InspectionPlan plan, env_.store.GetPlan(task.plan_id));
  JG_RETURN_IF_ERROR(RequireResultWriter(actor, task, plan));
  return env_.store.ListTaskAttachments(task_id);
}

Result<TaskAttachment> PlanService::Attachment(const Actor& actor, Id task_id, Id attachment_id) {
  JG_ASSIGN_OR_RETURN(InspectionTask task, env_.store.GetTask(task_id));
  JG_ASSIGN_OR_RETURN(InspectionPlan plan, env_.store.GetPlan(task.plan_id));
  JG_RETURN_IF_ERROR(RequireResultWriter(actor, task, plan));
  JG_ASSIGN_OR_RETURN(TaskAttachment a, env_.store.GetTaskAttachment(attachment_id));
  // Another task's attachment is not found under this one.
  if (a.task_id != task_id) return NotFound("attachment_not_found", "附件不存在");
  return a;
}

// While results are open (plan drawn, task not cancelled) the people who
// record the result; once published, only the lead department, as for a
// correction: the published record changes in its name. Permission first,
// so a caller without it learns nothing of the task's state.
Result<InspectionTask> PlanService::LoadForAttachmentChange(const Actor& actor, Id task_id) {
  JG_ASSIGN_OR_RETURN(InspectionTask task, env_.store.GetTask(task_id));
  JG_ASSIGN_OR_RETURN(InspectionPlan plan, env_.store.GetPlan(task.plan_id));
  if (plan.status == PlanStatus::kPublished) {
    JG_RETURN_IF_ERROR(RequirePermission(env_.store, actor, Permission::kRecordInspectionResults,
                                         plan.lead_department_id));
  } else {
    JG_RETURN_IF_ERROR(RequireResultWriter(actor, task, plan));
  }
  const bool open = plan.status == PlanStatus::kDrawn || plan.status == PlanStatus::kPublished;
  if (!open || task.status == TaskStatus::kCancelled)
    return FailedPrecondition("task_closed", "该任务不在可添加或撤回附件的状态");
  return task;
}

Result<TaskAttachment> PlanService::AddAttachment(const Actor& actor, Id task_id,
                                                  const std::string& name,
                                                  const std::string& bytes) {
  JG_ASSIGN_OR_RETURN(InspectionTask task, LoadForAttachmentChange(actor, task_id));
  TaskAttachment a;
  a.task_id = task.id;
  a.size = static_cast<std::int64_t>(bytes.size());
  a.sm3 = Sm3Hex(bytes);
  a.bytes = bytes;
  a.uploaded_by = actor.username;
  a.uploaded_at = env_.clock.Now();
  // The count is taken inside the transaction, so the limit holds against
  // uploads of the same task racing each other on SQLite; on PostgreSQL two
  // racing uploads may exceed it by one, which nothing else depends on.
  Status st = env_.store.Transaction([&](Store& tx) -> Status {
    JG_ASSIGN_OR_RETURN(auto existing, tx.ListTaskAttachments(task.id));
    JG_ASSIGN_OR_RETURN(AttachmentType type, CheckNewAttachment(bytes, InForce(existing)));
    a.content_type = AttachmentMediaType(type);
    a.file_name = NormalizeAttachmentName(name, type);
    JG_ASSIGN_OR_RETURN(a.id, tx.InsertTaskAttachment(a));
    nlohmann::json detail = {{"task_id", a.task_id}, {"file_name", a.file_name},
                             {"size", a.size}, {"sm3", a.sm3}};
    return AppendAudit(tx, env_.clock, &actor,
                       {"task.attachment.add", "task_attachment", std::to_string(a.id), "",
                        AttachmentJson(a), detail.dump()});
  });
  if (!st.ok()) return st;
  a.bytes.clear();
  return a;
}

Result<TaskAttachment> PlanService::WithdrawAttachment(const Actor& actor, Id task_id,
                                                       Id attachment_id) {
  JG_ASSIGN_OR_RETURN(InspectionTask task, LoadForAttachmentChange(actor, task_id));
  TaskAttachment after;
  Status st = env_.store.Transaction([&](Store& tx) -> Status {
    JG_ASSIGN_OR_RETURN(TaskAttachment before, tx.GetTaskAttachment(attachment_id));
    if (before.task_id != task.id) return NotFound("attachment_not_found", "附件不存在");
    before.bytes.clear();
    after = before;
    after.withdrawn_at = env_.clock.Now();
    after.withdrawn_by = actor.username;
    JG_RETURN_IF_ERROR(tx.WithdrawTaskAttachment(attachment_id, after.withdrawn_at, after.withdrawn_by));
    nlohmann::json detail = {{"task_id", after.task_id}, {"file_name", after.file_name},
                             {"sm3", after.sm3}};
    return AppendAudit(tx, env_.clock, &actor,
                       {"task.attachment.withdraw", "task_attachment", std::to_string(after.id),
                        AttachmentJson(before), AttachmentJson(after), detail.dump()});
  });
  if (!st.ok()) return st;
  return after;
}

}  // namespace jg
