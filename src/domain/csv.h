// CSV as spreadsheets write it (RFC 4180: quoted fields, doubled quotes,
// CRLF or LF), and CSV writing that is safe to open in Excel.
#pragma once

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

}  // namespace jg
