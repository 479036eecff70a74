// The append-only audit log: each entry chained to the one before by its
// hash, under the lock of the one-row head (domain/audit.h).
#include "store/sql_store_impl.h"

namespace jg::sql {
namespace {

constexpr const char* kAuditCols =
    "seq, at, actor_id, actor, action, record_kind, record_id, before_digest, after_digest, "
    "detail, prev_hash, hash";

AuditEvent ToAudit(const Row& r) {
  AuditEvent e;
  e.seq = r.Int(0);
  e.at = r.Int(1);
  e.actor_id = r.Int(2);
  e.actor = r.Str(3);
  e.action = r.Str(4);
  e.record_kind = r.Str(5);
  e.record_id = r.Str(6);
  e.before_digest = r.Str(7);
  e.after_digest = r.Str(8);
  e.detail = r.Str(9);
  e.prev_hash = r.Str(10);
  e.hash = r.Str(11);
  return e;
}

}  // namespace

Result<AuditEvent> SqlStore::AppendAudit(AuditEvent e) {
  if (!bound_) return Internal("AppendAudit outside a transaction");
  auto head = Query("SELECT seq, hash FROM audit_head WHERE id = 1" + pool_->dialect().for_update, {});
  if (!head.ok()) return head.status();
  if (head->empty()) return Internal("audit_head row missing");
  e.seq = head->front().Int(0) + 1;
  e.prev_hash = head->front().Str(1);
  e.hash = AuditEntryHash(e);
  auto ins = Exec(std::string("INSERT INTO audit_log (") + kAuditCols +
                      ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
                  {e.seq, e.at, e.actor_id, e.actor, e.action, e.record_kind, e.record_id,
                   e.before_digest, e.after_digest, e.detail, e.prev_hash, e.hash});
  if (!ins.ok()) return ins.status();
  auto upd = Exec("UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1", {e.seq, e.hash});
  if (!upd.ok()) return upd.status();
  return e;
}

Status SqlStore::ScanAudit(const std::function<bool(const AuditEvent&)>& visit) {
  // Paged by rowid order of insertion (seq), so memory stays bounded on long logs.
  // Entries are visited in physical insertion order, not sorted by the seq
  // column, so a reordered or renumbered entry shows up in the verifier.
  constexpr int kPage = 2000;
  std::int64_t after = -1;
  for (;;) {
    auto rows = Query(std::string("SELECT ") + kAuditCols +
                          ", pos FROM audit_log WHERE pos > $1 ORDER BY pos LIMIT " +
                          std::to_string(kPage),
                      {after});
    if (!rows.ok()) return rows.status();
    for (const auto& r : *rows) {
      if (!visit(ToAudit(r))) return Status::Ok();
      after = r.Int(12);
    }
    if (rows->size() < static_cast<size_t>(kPage)) return Status::Ok();
  }
}

Result<std::vector<AuditEvent>> SqlStore::ListAudit(std::int64_t before_seq, int limit) {
  if (limit <= 0 || limit > 1000) limit = 100;
  auto rows = before_seq > 0
                  ? Query(std::string("SELECT ") + kAuditCols +
                              " FROM audit_log WHERE seq < $1 ORDER BY seq DESC LIMIT $2",
                          {before_seq, std::int64_t{limit}})
                  : Query(std::string("SELECT ") + kAuditCols +
                              " FROM audit_log ORDER BY seq DESC LIMIT $1",
                          {std::int64_t{limit}});
  if (!rows.ok()) return rows.status();
  std::vector<AuditEvent> out;
  for (const auto& r : *rows) out.push_back(ToAudit(r));
  return out;
}

Result<AuditHead> SqlStore::GetAuditHead() {
  auto rows = Query("SELECT seq, hash FROM audit_head WHERE id = 1", {});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return Internal("audit_head row missing");
  return AuditHead{rows->front().Int(0), rows->front().Str(1)};
}
}  // namespace jg::sql
