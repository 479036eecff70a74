// Photos and files attached to inspection results, in portable SQL. The
// bytes are read only by GetTaskAttachment (one download), never by lists.
#include "store/sql_store_impl.h"

namespace jg::sql {
namespace {

constexpr const char* kAttachmentCols =
    "id, task_id, file_name, content_type, size, sm3, uploaded_by, uploaded_at, withdrawn_at, "
    "withdrawn_by";

TaskAttachment ToAttachment(const Row& r) {
  TaskAttachment a;
  a.id = r.Int(0);
  a.task_id = r.Int(1);
  a.file_name = r.Str(2);
  a.content_type = r.Str(3);
  a.size = r.Int(4);
  a.sm3 = r.Str(5);
  a.uploaded_by = r.Str(6);
  a.uploaded_at = r.Int(7);
  a.withdrawn_at = r.Int(8);
  a.withdrawn_by = r.Str(9);
  return a;
}

}  // namespace

Result<Id> SqlStore::InsertTaskAttachment(const TaskAttachment& a) {
  auto rows = Query(
      "INSERT INTO task_attachments (task_id, file_name, content_type, size, sm3, bytes, "
      "uploaded_by, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
      {a.task_id, a.file_name, a.content_type, static_cast<std::int64_t>(a.bytes.size()), a.sm3,
       Bytes{a.bytes}, a.uploaded_by, a.uploaded_at});
  if (!rows.ok()) return rows.status();
  return rows->front().Int(0);
}

Result<std::vector<TaskAttachment>> SqlStore::ListTaskAttachments(Id task_id) {
  auto rows = Query(std::string("SELECT ") + kAttachmentCols +
                        " FROM task_attachments WHERE task_id = $1 ORDER BY id",
                    {task_id});
  if (!rows.ok()) return rows.status();
  std::vector<TaskAttachment> out;
  for (const auto& r : *rows) out.push_back(ToAttachment(r));
  return out;
}

Result<TaskAttachment> SqlStore::GetTaskAttachment(Id id) {
  auto rows = Query(std::string("SELECT ") + kAttachmentCols +
                        ", bytes FROM task_attachments WHERE id = $1",
                    {id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return NotFound("attachment_not_found", "附件不存在");
  TaskAttachment a = ToAttachment(rows->front());
  a.bytes = rows->front().Str(10);
  return a;
}

Status SqlStore::WithdrawTaskAttachment(Id id, UnixSeconds at, const std::string& by) {
  auto n = Exec(
      "UPDATE task_attachments SET withdrawn_at = $1, withdrawn_by = $2 "
      "WHERE id = $3 AND withdrawn_at = 0",
      {at, by, id});
  if (!n.ok()) return n.status();
  if (*n == 1) return Status::Ok();
  auto cur = Query("SELECT id FROM task_attachments WHERE id = $1", {id});
  if (!cur.ok()) return cur.status();
  if (cur->empty()) return NotFound("attachment_not_found", "附件不存在");
  return FailedPrecondition("attachment_withdrawn", "该附件已撤回");
}

}  // namespace jg::sql
