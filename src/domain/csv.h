// CSV as spreadsheets write it (RFC 4180: quoted fields, doubled quotes,
// CRLF or LF), and CSV writing that is safe to open in Excel.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/status.h"

namespace jg {

using CsvRow = std::vector<std::string>;

// Parses UTF-8 text (a leading BOM is skipped). Errors name the line:
// an unterminated quote, or a stray quote inside an unquoted field.
Result<std::vector<CsvRow>> ParseCsv(std::string_view text);

// One CSV line (with CRLF). A cell starting with = + - @ or a tab/CR gets a
// leading apostrophe so a spreadsheet shows it as text instead of running it
// as a formula (CSV injection).
std::string CsvLine(const CsvRow& cells);

// A cell as read, and whether it was quoted: the exchange format
// (docs/exchange-format.md) tells NULL (an empty unquoted cell) from the
// empty string (a quoted ""), as PostgreSQL's COPY … CSV does.
struct CsvCell {
  std::string text;
  bool quoted = false;
};
using CsvCellRow = std::vector<CsvCell>;
// ParseCsv keeping the quoting of each cell; lines that are entirely empty are skipped.
Result<std::vector<CsvCellRow>> ParseCsvCells(std::string_view text);

// One CSV line (CRLF) that reads back exactly: NULL (nullopt) as an empty
// cell, the empty string as "", every other value verbatim (no formula
// guard, so a value starting with "-" or "=" survives the round trip).
std::string CsvLineExact(const std::vector<std::optional<std::string>>& cells);

}  // namespace jg
