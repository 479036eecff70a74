// The open exchange format (docs/exchange-format.md): every table of records
// as one UTF-8 CSV file plus a manifest, written from either store and read
// back into an empty one, all or nothing. It works at the SQL level from the
// table list below (data, not code), so a new column travels without a code
// change and both backends share one implementation.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "domain/clock.h"
#include "domain/status.h"
#include "store/store.h"

namespace jg {

inline constexpr const char* kExchangeFormat = "jianguan-exchange";
inline constexpr int kExchangeFormatVersion = 1;

// One table of the format. The list is in dependency order: a table only
// references tables before it (or itself), which is the order of import.
struct ExchangeTable {
  const char* name;     // the table, and its file name.csv
  const char* key;      // primary key columns "a, b": rows are written in this order
  bool seeded;          // the migrations insert rows; an import replaces them
  const char* derived;  // columns left out of the file and recomputed on import, "" if none
  const char* meaning;  // one line for docs/exchange-format.md
};
const std::vector<ExchangeTable>& ExchangeTables();

// Tables of the schema that the format leaves out, each with why.
struct ExcludedTable {
  const char* name;
  const char* reason;
};
const std::vector<ExcludedTable>& ExchangeExcludedTables();

struct ExchangeFile {
  std::string file;  // e.g. "entities.csv"
  std::int64_t rows = 0;
  std::string sm3;   // lower-case hex SM3 of the file's bytes
};

struct ExportSummary {
  std::int64_t schema_version = 0;
  std::vector<ExchangeFile> files;  // in dependency order
};

// Writes DIR/<table>.csv for every table, then DIR/manifest.csv (last, so a
// directory with a manifest holds a complete export). Creates DIR if needed
// and overwrites files of an earlier export. Reads one consistent snapshot.
// kInternal "exchange_unclassified_table" when the schema has a table that
// is neither exported nor excluded (a migration added it without updating
// the list): better no export than a silently incomplete one.
Result<ExportSummary> ExportExchange(Store& store, const std::string& dir, UnixSeconds now);

// One refused value: the file, the CSV record (the header is record 1), the
// column, the value, a stable code and a reason in Chinese. Problems with a
// whole file have row 0; with the header, row 1.
struct ExchangeError {
  std::string file;
  std::int64_t row = 0;
  std::string column;
  std::string value;
  std::string code;
  std::string reason;
};

struct ExchangeImportReport {
  bool applied = false;              // every file valid and every row written
  std::vector<ExchangeError> errors;  // why not (at most kMaxExchangeErrors, then "too_many_errors")
  std::vector<ExchangeFile> files;   // rows read per file
};
inline constexpr size_t kMaxExchangeErrors = 1000;

// Reads an export from DIR into the store, which must be empty (no records
// beyond what the migrations seed): kFailedPrecondition "database_not_empty"
// otherwise. Every file is checked first (manifest, checksums, header, types,
// dates, keys, references); then all rows are written in one transaction.
// Any problem leaves the database as it was and comes back in the report.
// Ids, versions and the audit chain are kept as they are in the files.
Result<ExchangeImportReport> ImportExchange(Store& store, const std::string& dir);

// The report as CSV (UTF-8 with BOM, for spreadsheets): 文件,行号,列,值,代码,原因.
std::string ExchangeErrorsCsv(const std::vector<ExchangeError>& errors);

}  // namespace jg
