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

}  // namespace jg
