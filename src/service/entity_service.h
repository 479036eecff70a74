// The directory of market entities: search, profile, history, add, edit,
// CSV and .xlsx export (entity_export_xlsx.cc), and the all-or-nothing import
// of CSV or .xlsx (entity_import.cc).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "domain/entity.h"
#include "service/service_env.h"

namespace jg {

// One refused cell of an import: the file's row number (header = 1), the
// column as written in the file, the value, and why.
struct ImportError {
  int row = 0;
  std::string column;
  std::string value;
  std::string reason;
};

struct ImportReport {
  bool applied = false;  // true only when every row was valid and all were written
  std::string format;    // "csv" or "xlsx"
  std::string encoding;
  int rows = 0;
  int inserted = 0;
  int updated = 0;
  std::vector<ImportError> errors;
  std::string file_sm3;
};

// Called with (rows processed, total rows) while validating and writing.
using ImportProgress = std::function<void(int done, int total)>;

class EntityService {
 public:
  explicit EntityService(ServiceEnv env) : env_(env) {}

  Result<EntityPage> Search(const Actor& actor, EntityQuery q);
  Result<Entity> Get(const Actor& actor, Id id);
  Result<std::vector<EntityVersion>> History(const Actor& actor, Id id);
  // `e.id`/`e.version` are ignored on create; on update `e.version` must be
  // the version the editor saw.
  Result<Entity> Create(const Actor& actor, Entity e);
  Result<Entity> Update(const Actor& actor, Id id, Entity e);

  // CSV (UTF-8 with BOM, so Excel opens it as UTF-8) of every entity the
  // query matches, with Chinese column headings.
  Result<std::string> ExportCsv(const Actor& actor, EntityQuery q);
  // The same as an .xlsx workbook: the same headings, credit codes as text,
  // dates as dates, every cell a value (never a formula), the heading row
  // frozen with an autofilter. Over Excel's row limit: "export_too_large".
  Result<std::string> ExportXlsx(const Actor& actor, EntityQuery q);

  // The file is CSV (UTF-8, UTF-8 BOM or GB18030) or .xlsx (its first
  // worksheet), told apart by content. Validates every row first; writes
  // nothing unless all rows are valid. `dry_run` validates only. A null actor
  // is the operator's CLI. An unreadable .xlsx is an error ("xlsx_invalid",
  // "xlsx_too_large"), as is an old .xls ("xls_unsupported").
  Result<ImportReport> ImportFile(const Actor* actor, const std::string& bytes, bool dry_run,
                                  const ImportProgress& progress = {});

  // The import report as CSV (row, column, value, reason) for download.
  static std::string ErrorReportCsv(const ImportReport& r);

  // The export's column headings (CSV and .xlsx), which the import accepts.
  static const std::vector<std::string>& ExportHeadings();

 private:
  struct ImportTable;
  Result<ImportReport> ImportRows(const Actor* actor, ImportTable table, ImportReport rep,
                                  bool dry_run, const ImportProgress& progress);
  // Calls `row` with each entity the query matches (all pages) and the name
  // of its station ("" if none), after the read permission check.
  Status ForEachExported(const Actor& actor, EntityQuery q,
                         const std::function<Status(const Entity&, const std::string&)>& row);
  Status CheckStation(const Entity& e);
  Status RequireEdit(const Actor& actor, const Entity& e);
  ServiceEnv env_;
};

}  // namespace jg
