// Fresh, isolated stores for tests: a new SQLite file, or a new schema in
// the throwaway PostgreSQL server named by $JG_TEST_PG_URL (started by
// scripts/with-postgres.sh). With $JG_REQUIRE_PG=1 a missing server fails
// the test instead of skipping it, so CI cannot pass on one backend.
#pragma once

#include <memory>
#include <string>

#include "store/store.h"

namespace jg::testing {

struct TestStore {
  std::string url;                 // what OpenStore was given
  std::unique_ptr<Store> store;
  std::string sqlite_path;         // set for SQLite
};

// backend: "sqlite" or "postgresql". Returns null store (and a reason) when
// PostgreSQL is not configured and not required.
TestStore MakeTestStore(const std::string& backend, std::string* skip_reason);

// Raw SQL against the same database, bypassing the Store: for tests that
// tamper with data as an attacker with database access would.
void RawSql(const TestStore& ts, const std::string& sql);

}  // namespace jg::testing
