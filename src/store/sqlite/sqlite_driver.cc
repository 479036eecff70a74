// The SQLite backend: WAL, foreign keys, a busy timeout, prepared statements
// cached per connection. The only place that includes sqlite3.h.
#include <sqlite3.h>

#include <algorithm>
#include <string>
#include <unordered_map>

#include "store/migrations.h"
#include "store/sql_connection.h"

namespace jg::sql {
namespace {

// Rows per statement of a bulk insert (InsertRows).
constexpr size_t kRowsPerInsert = 64;

// The one mapping from SQLite result codes to jianguan's error codes.
Status MapSqliteError(sqlite3* db, int rc, const std::string& context) {
  std::string msg = context + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
  switch (rc) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      return AlreadyExists("unique_violation", msg);
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return FailedPrecondition("foreign_key_violation", msg);
    case SQLITE_CONSTRAINT_CHECK:
    case SQLITE_CONSTRAINT_NOTNULL:
      return InvalidArgument("check_violation", msg);
    case SQLITE_CONSTRAINT_TRIGGER:
      return FailedPrecondition("append_only", msg);
    default: break;
  }
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Aborted("busy", msg);
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_READONLY:
      return Unavailable("store_unavailable", msg);
    case SQLITE_CONSTRAINT:
      return FailedPrecondition("constraint_violation", msg);
    default:
      return Internal(msg);
  }
}

// SQL is written with $1, $2…; SQLite's own numbered form is ?1, ?2….
std::string ToSqlitePlaceholders(const std::string& sql) {
  std::string out = sql;
  for (size_t i = 0; i + 1 < out.size(); ++i) {
    if (out[i] == '$' && out[i + 1] >= '0' && out[i + 1] <= '9') out[i] = '?';
  }
  return out;
}

class SqliteConnection final : public Connection {
 public:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  ~SqliteConnection() override {
    for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
    sqlite3_close_v2(db_);
  }

  Result<std::vector<Row>> Query(const std::string& sql, const Params& params) override {
    std::vector<Row> rows;
    JG_RETURN_IF_ERROR(Run(sql, params, &rows));
    return rows;
  }

  Result<std::int64_t> Exec(const std::string& sql, const Params& params) override {
    JG_RETURN_IF_ERROR(Run(sql, params, nullptr));
    return static_cast<std::int64_t>(sqlite3_changes64(db_));
  }

  Status ExecScript(const std::string& sql) override {
    char* err = nullptr;
    int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err);
    if (err) sqlite3_free(err);
    if (rc != SQLITE_OK) return MapSqliteError(db_, sqlite3_extended_errcode(db_), "script");
    return Status::Ok();
  }

  Status InsertRows(const std::string& table, const std::vector<std::string>& columns,
                    const std::function<bool(RowRef& row)>& next) override {
    // Several rows per statement: a CHECK (x IN (…)) builds its list's
    // lookup table each time a statement runs (entities has three), which
    // cost three quarters of a million-row import's insert time one row at a
    // time. The batch's text is copied, since a row's own only lives until
    // the next is asked for.
    const size_t width = columns.size();
    const size_t batch = std::max<size_t>(
        1, std::min<size_t>(kRowsPerInsert, static_cast<size_t>(sqlite3_limit(db_, SQLITE_LIMIT_VARIABLE_NUMBER, -1)) / width));
    auto statement = [&](size_t rows) -> Result<sqlite3_stmt*> {
      std::string sql = "INSERT INTO " + table + " (";
      for (size_t i = 0; i < width; ++i) sql += (i ? ", " : "") + columns[i];
      sql += ") VALUES ";
      for (size_t r = 0, n = 1; r < rows; ++r) {
        sql += r ? ", (" : "(";
        for (size_t i = 0; i < width; ++i, ++n) sql += (i ? ", ?" : "?") + std::to_string(n);
        sql += ")";
      }
      return Prepared(sql);
    };
    JG_ASSIGN_OR_RETURN(sqlite3_stmt * many, statement(batch));
    JG_ASSIGN_OR_RETURN(sqlite3_stmt * one, statement(1));
    struct Cell {
      enum { kNull, kInt, kText } kind;
      std::int64_t n;
      size_t at, size;  // kText: the bytes in `text`
    };
    std::vector<Cell> cells;
    cells.reserve(batch * width);
    std::string text;
    auto run = [&](sqlite3_stmt* stmt, size_t first, size_t count) -> Status {
      sqlite3_reset(stmt);
      for (size_t i = 0; i < count; ++i) {
        const Cell& c = cells[first + i];
        const int idx = static_cast<int>(i + 1);
        const int rc = c.kind == Cell::kNull  ? sqlite3_bind_null(stmt, idx)
                       : c.kind == Cell::kInt ? sqlite3_bind_int64(stmt, idx, c.n)
                                              : sqlite3_bind_text(stmt, idx, text.data() + c.at,
                                                                  static_cast<int>(c.size), SQLITE_STATIC);
        if (rc != SQLITE_OK) return MapSqliteError(db_, rc, "bind");
      }
      if (int rc = sqlite3_step(stmt); rc != SQLITE_DONE) {
        Status st = MapSqliteError(db_, sqlite3_extended_errcode(db_), "step");
        sqlite3_reset(stmt);
        return st;
      }
      return Status::Ok();
    };
    RowRef row;
    row.reserve(width);
    Status st = Status::Ok();
    for (bool more = true; more && st.ok();) {
      row.clear();
      more = next(row);
      if (more) {
        if (row.size() != width)
          return Internal("insert " + table + ": a row of " + std::to_string(row.size()) +
                          " values for " + std::to_string(width) + " columns");
        for (const CellRef& v : row) {
          if (std::holds_alternative<std::nullptr_t>(v)) {
            cells.push_back({Cell::kNull, 0, 0, 0});
          } else if (auto* n = std::get_if<std::int64_t>(&v)) {
            cells.push_back({Cell::kInt, *n, 0, 0});
          } else {
            const std::string_view t = std::get<std::string_view>(v);
            cells.push_back({Cell::kText, 0, text.size(), t.size()});
            text.append(t);
          }
        }
      }
      if (cells.size() == batch * width) {
        st = run(many, 0, cells.size());
        cells.clear();
        text.clear();
      } else if (!more) {
        for (size_t at = 0; at < cells.size() && st.ok(); at += width) st = run(one, at, width);
      }
    }
    for (sqlite3_stmt* stmt : {many, one}) {
      sqlite3_reset(stmt);
      sqlite3_clear_bindings(stmt);
    }
    return st;
  }

 private:
  Result<sqlite3_stmt*> Prepared(const std::string& sql) {
    auto it = cache_.find(sql);
    if (it == cache_.end()) {
      sqlite3_stmt* stmt = nullptr;
      std::string native = ToSqlitePlaceholders(sql);
      int rc = sqlite3_prepare_v3(db_, native.c_str(), static_cast<int>(native.size()),
                                  SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
      if (rc != SQLITE_OK) return MapSqliteError(db_, rc, "prepare");
      it = cache_.emplace(sql, stmt).first;
    }
    return it->second;
  }

  Status Run(const std::string& sql, const Params& params, std::vector<Row>* rows) {
    JG_ASSIGN_OR_RETURN(sqlite3_stmt * stmt, Prepared(sql));
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    for (size_t i = 0; i < params.size(); ++i) {
      int idx = static_cast<int>(i + 1);
      int rc = SQLITE_OK;
      if (std::holds_alternative<std::nullptr_t>(params[i])) {
        rc = sqlite3_bind_null(stmt, idx);
      } else if (auto* n = std::get_if<std::int64_t>(&params[i])) {
        rc = sqlite3_bind_int64(stmt, idx, *n);
      } else if (auto* b = std::get_if<Bytes>(&params[i])) {
        rc = sqlite3_bind_blob64(stmt, idx, b->data.data(), b->data.size(), SQLITE_TRANSIENT);
      } else {
        const auto& s = std::get<std::string>(params[i]);
        rc = sqlite3_bind_text(stmt, idx, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
      }
      if (rc != SQLITE_OK) return MapSqliteError(db_, rc, "bind");
    }
    const int ncols = sqlite3_column_count(stmt);
    for (;;) {
      int rc = sqlite3_step(stmt);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) {
        Status st = MapSqliteError(db_, sqlite3_extended_errcode(db_), "step");
        sqlite3_reset(stmt);
        return st;
      }
      if (!rows) continue;
      std::vector<std::optional<std::string>> cols;
      cols.reserve(ncols);
      for (int c = 0; c < ncols; ++c) {
        const int type = sqlite3_column_type(stmt, c);
        if (type == SQLITE_NULL) {
          cols.emplace_back(std::nullopt);
        } else if (type == SQLITE_BLOB) {
          const auto* data = static_cast<const char*>(sqlite3_column_blob(stmt, c));
          const auto n = static_cast<size_t>(sqlite3_column_bytes(stmt, c));
          cols.emplace_back(n == 0 ? std::string() : std::string(data, n));
        } else {
          const auto* txt = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
          cols.emplace_back(std::string(txt, static_cast<size_t>(sqlite3_column_bytes(stmt, c))));
        }
      }
      rows->emplace_back(std::move(cols));
    }
    sqlite3_reset(stmt);
    return Status::Ok();
  }

  sqlite3* db_;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

class SqliteDriver final : public Driver {
 public:
  explicit SqliteDriver(std::string path) : path_(std::move(path)) {}
  const Dialect& dialect() const override {
    // BEGIN IMMEDIATE takes the write lock up front, so two writers queue on
    // the busy timeout instead of failing at their first write.
    // INTEGER PRIMARY KEY and AUTOINCREMENT continue after the largest id
    // inserted, so no sequence needs resetting after an import.
    static const Dialect kDialect{
        "sqlite",
        "BEGIN IMMEDIATE",
        "",
        "COLLATE BINARY",
        "BEGIN",  // deferred: a WAL read snapshot that does not block writers
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name",
        "SELECT name, type, \"notnull\", dflt_value IS NOT NULL FROM pragma_table_info($1) "
        "ORDER BY cid",
        "SELECT \"from\", \"table\", \"to\" FROM pragma_foreign_key_list($1) ORDER BY \"from\"",
        "",
        // A write transaction holds the only write lock: the ids after the largest are free.
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $1) "
        "SELECT (SELECT COALESCE(MAX(id), 0) FROM {table}) + i FROM n"};
    return kDialect;
  }
  const std::vector<Migration>& migrations() const override { return SqliteMigrations(); }
  size_t MaxConnections() const override { return 8; }

  Result<std::unique_ptr<Connection>> Connect() override {
    sqlite3* db = nullptr;
    int rc = sqlite3_open_v2(path_.c_str(), &db,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                             nullptr);
    if (rc != SQLITE_OK) {
      Status st = Unavailable("store_unavailable",
                              "无法打开数据库 " + path_ + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
      sqlite3_close_v2(db);
      return st;
    }
    auto conn = std::make_unique<SqliteConnection>(db);
    sqlite3_busy_timeout(db, 5000);
    sqlite3_extended_result_codes(db, 1);
    JG_RETURN_IF_ERROR(conn->ExecScript(
        "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;"
        // 32 MiB of page cache per connection (default 2 MiB): a long
        // transaction (an import, demo-data) otherwise spills dirty pages to
        // the WAL and reads them back; memory is taken only as pages are used.
        "PRAGMA cache_size = -32768;"
        // Reads through a mapping of the file (up to 4 GiB of it) instead of a
        // read() per page: a name search that reads hundreds of scattered
        // rows (names tying on their key) took 25–45 % less at 3M entities.
        // Writes still go through write(); Linux has one buffer cache.
        "PRAGMA mmap_size = 4294967296;"));
    return std::unique_ptr<Connection>(std::move(conn));
  }

 private:
  std::string path_;
};

}  // namespace

Result<std::unique_ptr<Driver>> MakeSqliteDriver(const std::string& path) {
  // No allocation statistics: with them every SQLite allocation takes one
  // global mutex, which an import's checker thread and writer then contend
  // for (6% of a million-row import). Only possible before SQLite's first
  // use in the process; later it is refused, harmlessly.
  static const bool configured = [] {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return true;
  }();
  (void)configured;
  return std::unique_ptr<Driver>(std::make_unique<SqliteDriver>(path));
}

}  // namespace jg::sql
