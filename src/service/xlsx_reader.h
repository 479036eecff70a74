// The first worksheet of an .xlsx workbook (Office Open XML, read with libzip
// and pugixml) as rows of text cells, the same rows a CSV file gives, so the
// directory import checks both alike. No I/O: it parses bytes in memory.
//
// Cells become text as Excel shows them unformatted: shared and inline strings
// as written (phonetic runs dropped), numbers without a trailing ".0", numbers
// in a date format as "YYYY-MM-DD" (1900 or 1904 date system, as the workbook
// says), booleans TRUE/FALSE, errors as their code (#N/A), a formula as its
// cached value. Rows without any text are skipped; trailing empty cells are
// trimmed.
//
// Hostile files get an error, never a crash or unbounded memory: the caps in
// XlsxLimits, malformed XML, missing parts, bad references, text that is not
// UTF-8 (so every cell returned is valid UTF-8). Errors are
// InvalidArgument with field "file" and code "xlsx_invalid" (or
// "xlsx_too_large" for a cap), the message naming the reason in Chinese.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "domain/csv.h"
#include "domain/excel_date.h"
#include "domain/status.h"
#include "service/zip_archive.h"

namespace jg {

struct XlsxLimits {
  ZipLimits zip;                          // 64 MiB inflated, 1000 members
  int max_row = 1048576;                  // Excel's own last row
  int max_columns = 256;                  // a non-empty cell further right is refused
  std::uint64_t max_cells = 8'000'000;    // cells kept, counting the empty ones before a value
  std::uint64_t max_xml_elements = 8'000'000;  // per XML part, counted before parsing
};

struct XlsxSheet {
  std::string name;                 // the worksheet's tab name
  std::vector<CsvRow> rows;         // the rows that hold any text, top to bottom
  std::vector<int> row_numbers;     // each row's number in the sheet (1-based)
  ExcelDateSystem date_system = ExcelDateSystem::k1900;
};

// True when `bytes` starts like a ZIP archive ("PK\x03\x04"), as .xlsx does.
bool LooksLikeZip(std::string_view bytes);
// True for an OLE compound file (D0 CF 11 E0): an old .xls, or an encrypted .xlsx.
bool LooksLikeOleFile(std::string_view bytes);

// The first worksheet in the workbook's tab order (found through
// _rels/.rels, workbook.xml and its relationships, not a fixed path).
Result<XlsxSheet> ReadXlsxFirstSheet(std::string_view bytes, const XlsxLimits& limits = {});

}  // namespace jg
