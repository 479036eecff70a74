#include "service/audit_trail.h"

#include "domain/sm3.h"

namespace jg {

Status AppendAudit(Store& tx, const Clock& clock, const Actor* actor, const AuditDraft& d) {
  AuditEvent e;
  e.at = clock.Now();
  e.actor_id = actor ? actor->user_id : 0;
  e.actor = actor ? actor->username : "system";
  e.action = d.action;
  e.record_kind = d.record_kind;
  e.record_id = d.record_id;
  e.before_digest = d.before.empty() ? "" : Sm3Hex(d.before);
  e.after_digest = d.after.empty() ? "" : Sm3Hex(d.after);
  e.detail = d.detail;
  auto r = tx.AppendAudit(std::move(e));
  return r.status();
}

}  // namespace jg
