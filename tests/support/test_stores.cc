#include "support/test_stores.h"

#include <libpq-fe.h>
#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>

namespace jg::testing {
namespace {
std::atomic<int> g_counter{0};

std::string UniqueName() {
  return "jgt_" + std::to_string(getpid()) + "_" + std::to_string(g_counter++);
}

std::string WithSearchPath(const std::string& url, const std::string& schema) {
  std::string sep = url.find('?') == std::string::npos ? "?" : "&";
  return url + sep + "options=-csearch_path%3D" + schema;
}
}  // namespace

TestStore& TestStore::operator=(TestStore&& o) noexcept {
  if (this == &o) return *this;
  Remove();
  url = std::move(o.url);
  store = std::move(o.store);
  sqlite_path = std::move(o.sqlite_path);
  o.sqlite_path.clear();
  return *this;
}

void TestStore::Remove() noexcept {
  store.reset();
  if (sqlite_path.empty()) return;
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"})
    std::filesystem::remove(sqlite_path + suffix, ec);
  sqlite_path.clear();
}

TestStore MakeTestStore(const std::string& backend, std::string* skip_reason) {
  TestStore ts;
  if (backend == "sqlite") {
    auto dir = std::filesystem::temp_directory_path() / "jianguan-tests";
    std::filesystem::create_directories(dir);
    ts.sqlite_path = (dir / (UniqueName() + ".db")).string();
    std::filesystem::remove(ts.sqlite_path);
    ts.url = "sqlite:" + ts.sqlite_path;
  } else {
    const char* base = std::getenv("JG_TEST_PG_URL");
    if (!base || !*base) {
      const char* req = std::getenv("JG_REQUIRE_PG");
      if (req && std::string(req) == "1") {
        throw std::runtime_error("JG_REQUIRE_PG=1 but JG_TEST_PG_URL is not set");
      }
      *skip_reason = "JG_TEST_PG_URL not set (run through scripts/with-postgres.sh)";
      return ts;
    }
    std::string schema = UniqueName();
    PGconn* c = PQconnectdb(base);
    if (PQstatus(c) != CONNECTION_OK) {
      std::string msg = PQerrorMessage(c);
      PQfinish(c);
      throw std::runtime_error("cannot reach test PostgreSQL: " + msg);
    }
    PQclear(PQexec(c, ("CREATE SCHEMA " + schema).c_str()));
    PQfinish(c);
    ts.url = WithSearchPath(base, schema);
  }
  auto s = OpenStore(ts.url);
  if (!s.ok()) throw std::runtime_error("OpenStore failed: " + s.status().ToString());
  ts.store = std::move(s).value();
  return ts;
}

void RawSql(const TestStore& ts, const std::string& sql) {
  if (!ts.sqlite_path.empty()) {
    sqlite3* db = nullptr;
    sqlite3_open(ts.sqlite_path.c_str(), &db);
    char* err = nullptr;
    int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
    std::string msg = err ? err : "";
    sqlite3_free(err);
    sqlite3_close(db);
    if (rc != SQLITE_OK) throw std::runtime_error("raw sqlite: " + msg);
  } else {
    PGconn* c = PQconnectdb(ts.url.c_str());
    PGresult* r = PQexec(c, sql.c_str());
    auto st = PQresultStatus(r);
    std::string msg = PQresultErrorMessage(r);
    PQclear(r);
    PQfinish(c);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) throw std::runtime_error("raw pg: " + msg);
  }
}

std::vector<std::string> RawRows(const TestStore& ts, const std::string& sql) {
  std::vector<std::string> out;
  if (!ts.sqlite_path.empty()) {
    sqlite3* db = nullptr;
    sqlite3_open(ts.sqlite_path.c_str(), &db);
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) {
      std::string msg = sqlite3_errmsg(db);
      sqlite3_close(db);
      throw std::runtime_error("raw sqlite: " + msg);
    }
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
      std::string row;
      for (int c = 0; c < sqlite3_column_count(st); ++c) {
        if (c) row += '\t';
        if (auto* t = sqlite3_column_text(st, c)) row += reinterpret_cast<const char*>(t);
      }
      out.push_back(std::move(row));
    }
    std::string msg = rc == SQLITE_DONE ? "" : sqlite3_errmsg(db);
    sqlite3_finalize(st);
    sqlite3_close(db);
    if (!msg.empty()) throw std::runtime_error("raw sqlite: " + msg);
  } else {
    PGconn* c = PQconnectdb(ts.url.c_str());
    PGresult* r = PQexec(c, sql.c_str());
    if (PQresultStatus(r) != PGRES_TUPLES_OK) {
      std::string msg = PQresultErrorMessage(r);
      PQclear(r);
      PQfinish(c);
      throw std::runtime_error("raw pg: " + msg);
    }
    for (int i = 0; i < PQntuples(r); ++i) {
      std::string row;
      for (int j = 0; j < PQnfields(r); ++j) {
        if (j) row += '\t';
        row += PQgetvalue(r, i, j);
      }
      out.push_back(std::move(row));
    }
    PQclear(r);
    PQfinish(c);
  }
  return out;
}

}  // namespace jg::testing
