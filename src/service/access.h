// The permission check every service call makes before it reads or writes.
#pragma once

#include "domain/accounts.h"
#include "domain/permissions.h"
#include "store/store.h"

namespace jg {

// OK if `actor` holds `p` over `target_department` (nullopt: no particular
// department, e.g. listing everything, which needs Scope::kAll).
Status RequirePermission(Store& store, const Actor& actor, Permission p,
                         std::optional<Id> target_department);

// OK if the actor's role holds `p` at all (over some departments). Checked
// first, before input is validated, so a caller without the permission learns
// nothing about what a valid request would look like.
Status RequireRole(const Actor& actor, Permission p);

}  // namespace jg
