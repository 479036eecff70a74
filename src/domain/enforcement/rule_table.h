// The one strict reader of the enforcement rule files (data/enforcement-*.csv,
// data/lenient-rules.csv): comma-separated values, one record a line, so every
// error can name its line and column. The domain never opens a file; callers
// pass the text (as with the working-day calendar).
//
// Format: UTF-8 (a BOM and CRLF line ends are accepted). A line whose first
// character is `#` is a comment; blank lines are ignored. The first other
// line is the header and must list exactly the expected columns in order.
// A cell may be quoted ("…", with "" for a quote); a quoted cell cannot span
// lines. Spaces around a cell are trimmed. Every record has every column.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/status.h"

namespace jg::enforcement {

// What the reader needs to know about one file, for its messages.
struct TableSpec {
  std::string_view label;   // 「执法期限规则」, in messages
  std::string_view reason;  // stable error reason, e.g. "deadline_rules_syntax"
  std::string_view field;   // the field at fault, e.g. "deadline_rules"
  std::vector<std::string_view> columns;
};

struct TableRow {
  int line = 0;  // 1-based line in the file
  std::vector<std::string> cells;
};

// All or nothing: the first wrong line rejects the text with InvalidArgument
// `spec.reason`, field `spec.field`, naming the line (and column when one is
// at fault). A file with a header but no record is refused too.
Result<std::vector<TableRow>> ParseRuleTable(std::string_view text, const TableSpec& spec);

// The error for cell `column` (0-based) of `row`:
// "执法期限规则文件第 7 行第 3 列（length）：…".
Status CellError(const TableSpec& spec, const TableRow& row, std::size_t column,
                 const std::string& what);
// The error for a whole line.
Status LineError(const TableSpec& spec, int line, const std::string& what);

// Cell helpers shared by the parsers. Each returns the CellError on failure.
// A whole number in [min, max], plain ASCII digits.
Result<int> IntCell(const TableSpec& spec, const TableRow& row, std::size_t column, int min,
                    int max);
// "yes" / "no" (是 / 否 also accepted).
Result<bool> BoolCell(const TableSpec& spec, const TableRow& row, std::size_t column);
// A required, non-empty cell.
Result<std::string> TextCell(const TableSpec& spec, const TableRow& row, std::size_t column);
// A list separated by `;` (empty cell = empty list), each item trimmed, no
// empty items, no repeats.
Result<std::vector<std::string>> ListCell(const TableSpec& spec, const TableRow& row,
                                          std::size_t column);

}  // namespace jg::enforcement
