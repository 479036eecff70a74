// Appends the audit event of a write, inside the write's own transaction.
#pragma once

#include <string>

#include "domain/accounts.h"
#include "domain/clock.h"
#include "store/store.h"

namespace jg {

struct AuditDraft {
  std::string action;       // e.g. "user.update"
  std::string record_kind;  // e.g. "user"
  std::string record_id;
  std::string before;       // canonical JSON of the record before ("" on create)
  std::string after;        // canonical JSON of the record after ("" on delete)
  std::string detail;       // short JSON of what changed; never secrets
};

// `actor` null means the system itself (CLI bootstrap, migrations).
Status AppendAudit(Store& tx, const Clock& clock, const Actor* actor, const AuditDraft& draft);

}  // namespace jg
