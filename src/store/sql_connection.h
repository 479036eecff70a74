// Internal to store/: the small seam between the shared SQL implementation of
// Store (sql_store.cc) and a driver. SQL is written once with $1, $2…
// placeholders; each driver adapts it. Nothing outside store/ sees this.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "domain/status.h"

namespace jg::sql {

// Binary data (BLOB / bytea); plain std::string binds as text.
struct Bytes {
  std::string data;
};
using Value = std::variant<std::nullptr_t, std::int64_t, std::string, Bytes>;
using Params = std::vector<Value>;

// A value of one bulk-inserted row (Connection::InsertRows), borrowed: the
// text it points to only has to live until the next row is asked for.
using CellRef = std::variant<std::nullptr_t, std::int64_t, std::string_view>;
using RowRef = std::vector<CellRef>;

// A row's columns as strings: text as is, integers in decimal, binary
// columns as their raw bytes on both backends.
class Row {
 public:
  explicit Row(std::vector<std::optional<std::string>> cols) : cols_(std::move(cols)) {}
  bool IsNull(size_t i) const { return !cols_.at(i).has_value(); }
  std::string Str(size_t i) const { return cols_.at(i).value_or(""); }
  std::int64_t Int(size_t i) const;
  std::optional<std::int64_t> OptInt(size_t i) const;
  size_t size() const { return cols_.size(); }

 private:
  std::vector<std::optional<std::string>> cols_;
};

struct Dialect {
  std::string name;           // "sqlite" or "postgresql"
  std::string begin;          // statement that opens a write transaction
  std::string for_update;     // row-lock suffix for SELECT, empty where the whole DB is locked
  std::string binary_collation;  // code-point order on both backends, whatever the DB locale
  // For the exchange format (store/exchange*.cc), which works on whole tables:
  std::string read_begin;  // opens a consistent read-only snapshot
  // Schema introspection, $1 = a table name where one is taken.
  std::string list_tables;        // rows (name), every base table, by name
  std::string list_columns;       // rows (name, type, notnull 0/1, has_default 0/1) in column order
  std::string list_foreign_keys;  // rows (column, referenced table, referenced column)
  // Moves the id sequence of {table}.{column} past its largest value after
  // rows were inserted with explicit ids; "" where the backend needs nothing.
  std::string reset_sequence;
  // Rows (id) of $1 new ids for {table}.id, taken so that no other writer
  // gets them, for rows inserted with InsertRows.
  std::string take_ids;
};

class Connection {
 public:
  virtual ~Connection() = default;
  // Runs a parameterised statement; returns its rows (empty for writes).
  // Errors are mapped to jg::Status by the driver's one mapping function.
  virtual Result<std::vector<Row>> Query(const std::string& sql, const Params& params) = 0;
  // Runs a statement and returns how many rows it changed.
  virtual Result<std::int64_t> Exec(const std::string& sql, const Params& params) = 0;
  // Runs several statements without parameters (migrations).
  virtual Status ExecScript(const std::string& sql) = 0;
  // Appends many rows to one table, the fastest way the backend has: SQLite
  // steps one prepared single-row INSERT per row, PostgreSQL streams the rows
  // with COPY. Nothing is returned (no RETURNING), so ids are given by the
  // caller. `next` fills `row` (cleared before each call, one value per
  // column) and returns false when there are no more rows.
  virtual Status InsertRows(const std::string& table, const std::vector<std::string>& columns,
                            const std::function<bool(RowRef& row)>& next) = 0;
};

struct Migration {
  int version;
  const char* name;
  const char* sql;
};

// A driver: a dialect, its migrations and a way to open connections.
class Driver {
 public:
  virtual ~Driver() = default;
  virtual const Dialect& dialect() const = 0;
  virtual const std::vector<Migration>& migrations() const = 0;
  virtual Result<std::unique_ptr<Connection>> Connect() = 0;
  // How many connections the pool may keep.
  virtual size_t MaxConnections() const = 0;
};

Result<std::unique_ptr<Driver>> MakeSqliteDriver(const std::string& path);
Result<std::unique_ptr<Driver>> MakePostgresDriver(const std::string& conninfo);

}  // namespace jg::sql
