// Fresh, isolated stores for tests: a new SQLite file, or a new schema in
// the throwaway PostgreSQL server named by $JG_TEST_PG_URL (started by
// scripts/with-postgres.sh). With $JG_REQUIRE_PG=1 a missing server fails
// the test instead of skipping it, so CI cannot pass on one backend.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "store/store.h"

namespace jg::testing {

struct TestStore {
  std::string url;                 // what OpenStore was given
  std::unique_ptr<Store> store;
  std::string sqlite_path;         // set for SQLite

  // The SQLite file (and its -wal/-shm) is removed with the last owner, so
  // test runs do not leave gigabytes in the temporary directory.
  TestStore() = default;
  TestStore(TestStore&& o) noexcept { *this = std::move(o); }
  TestStore& operator=(TestStore&& o) noexcept;
  ~TestStore() { Remove(); }

 private:
  void Remove() noexcept;
};

// backend: "sqlite" or "postgresql". Returns null store (and a reason) when
// PostgreSQL is not configured and not required.
TestStore MakeTestStore(const std::string& backend, std::string* skip_reason);

// Raw SQL against the same database, bypassing the Store: for tests that
// tamper with data as an attacker with database access would.
void RawSql(const TestStore& ts, const std::string& sql);

// The rows of a raw query, each as its columns joined by tabs (NULL as ""):
// for tests that compare derived tables with their definition.
std::vector<std::string> RawRows(const TestStore& ts, const std::string& sql);

}  // namespace jg::testing
