// Internal to store/: writing the name index (domain/name_postings.h) on a
// connection inside a write transaction — by the entity writes of SqlStore,
// by the exchange import, and once after the migration that introduced it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "store/sql_connection.h"

namespace jg::sql {

// An entity's name and folded name before (empty: a new entity) and after a write.
struct NameChange {
  std::int64_t id = 0;
  std::string old_fold;
  std::string new_fold;
  std::string old_name;
  std::string new_name;
};

// Applies the changes to the lists: blocks are locked (PostgreSQL) and
// rewritten in one order, so concurrent writers queue instead of deadlocking.
Status WriteNamePostings(Connection& c, const Dialect& d, const std::vector<NameChange>& changes);

// Rebuilds every list from entities.name_fold.
Status RebuildNamePostings(Connection& c, const Dialect& d);

// Rebuilds the lists when the directory has names but the index has none
// (a database migrated from before the index existed).
Status FillNamePostingsIfMissing(Connection& c, const Dialect& d);

}  // namespace jg::sql
