// Internal to store/: the schema as the exchange format sees it, read from
// the database itself (column names, types, NULL-ability, foreign keys), so
// export and import follow the migrations without a column list in code.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "store/exchange.h"
#include "store/sql_connection.h"

namespace jg::sql::exchange {

// kBytes: BLOB / bytea, written as lower-case hex.
enum class ColumnType { kInteger, kText, kBytes };

struct Column {
  std::string name;
  ColumnType type = ColumnType::kText;
  bool not_null = false;
  bool has_default = false;
  bool is_date = false;  // text holding YYYY-MM-DD or "" (see IsDateColumn)
};

struct ForeignKey {
  std::string column;
  std::string table;
  std::string ref_column;
};

struct TableSchema {
  const ExchangeTable* spec = nullptr;
  std::vector<Column> columns;       // the file's columns: the schema's, minus derived ones
  std::vector<std::string> derived;  // left out of the file
  std::vector<std::string> key;
  std::vector<ForeignKey> foreign_keys;
  const Column* Find(std::string_view name) const;
};

// "a, b" -> {"a", "b"}.
std::vector<std::string> SplitNames(std::string_view list);

// Date columns by name: *_on, on_date, and the few named otherwise
// (valid_from, valid_until, period_from, period_to, certificate_expires,
// available_from, available_to, decision_due).
bool IsDateColumn(std::string_view name);

// The highest applied migration.
Result<std::int64_t> SchemaVersion(Connection& c);

// The schema of every table of ExchangeTables(), in that order. Fails with
// "exchange_unclassified_table" when the database has a table that is in
// neither list, and "exchange_unsupported_type" for a column type other than
// integer and text (the format would need a rule for it first).
Result<std::vector<TableSchema>> LoadSchemas(Connection& c, const Dialect& d);

// ISO-8601 UTC, e.g. 2026-12-05T13:31:50Z.
std::string IsoUtc(UnixSeconds t);

}  // namespace jg::sql::exchange
