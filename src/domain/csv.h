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

// The parser under ParseCsvCells, one row at a time: a file of a million rows
// is read without holding them all, and the caller's row keeps its strings'
// capacity from row to row, so reading costs no allocation per cell.
class CsvReader {
 public:
  explicit CsvReader(std::string_view text);  // a leading BOM is skipped
  // The next row that is not an entirely empty line, or false at the end.
  // Errors name the line (an unterminated quote, a stray quote).
  Result<bool> Next(CsvCellRow& row);
  // The line the last row started on (1-based).
  int line() const { return row_line_; }
  // How far the reader is, for progress: bytes read of bytes in all.
  size_t position() const { return pos_; }
  size_t size() const { return text_.size(); }

 private:
  std::string_view text_;
  size_t pos_ = 0;
  int line_ = 1, row_line_ = 1;
};

// One CSV line (CRLF) that reads back exactly: NULL (nullopt) as an empty
// cell, the empty string as "", every other value verbatim (no formula
// guard, so a value starting with "-" or "=" survives the round trip).
std::string CsvLineExact(const std::vector<std::optional<std::string>>& cells);

}  // namespace jg
