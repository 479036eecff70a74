#include "service/audit_service.h"

#include "service/access.h"

namespace jg {

Result<std::vector<AuditEvent>> AuditService::List(const Actor& actor, std::int64_t before_seq,
                                                   int limit) {
  JG_RETURN_IF_ERROR(RequirePermission(env_.store, actor, Permission::kReadAudit, std::nullopt));
  return env_.store.ListAudit(before_seq, limit);
}

Result<ChainReport> AuditService::Verify(const Actor& actor) {
  JG_RETURN_IF_ERROR(RequirePermission(env_.store, actor, Permission::kReadAudit, std::nullopt));
  return VerifyAsOperator();
}

Result<ChainReport> AuditService::VerifyAsOperator() {
  // Read the head first: entries appended while we scan come after it and
  // are simply not checked this time.
  JG_ASSIGN_OR_RETURN(AuditHead head, env_.store.GetAuditHead());
  AuditChainVerifier v;
  JG_RETURN_IF_ERROR(env_.store.ScanAudit([&](const AuditEvent& e) {
    if (e.seq > head.seq && e.prev_hash == head.hash) return false;  // appended after the head read
    return v.Feed(e);
  }));
  ChainReport r;
  r.ok = v.Finish(head.seq, head.hash);
  r.checked = v.checked();
  r.head_seq = head.seq;
  r.first_bad_seq = r.ok ? 0 : v.first_bad_seq();
  r.reason = v.reason();
  return r;
}

}  // namespace jg
