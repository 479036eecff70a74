#include "domain/csv.h"

namespace jg {

Result<std::vector<CsvCellRow>> ParseCsvCells(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<CsvCellRow> rows;
  CsvCellRow row;
  std::string cell;
  bool quoted = false, was_quoted = false, any = false;
  int line = 1, row_line = 1;
  auto end_cell = [&] {
    row.push_back(CsvCell{std::move(cell), was_quoted});
    cell.clear();
    was_quoted = false;
  };
  auto end_row = [&] {
    end_cell();
    // Skip lines that are entirely empty.
    if (!(row.size() == 1 && row[0].text.empty() && !row[0].quoted)) rows.push_back(std::move(row));
    row.clear();
    row_line = line;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    any = true;
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          cell.push_back('"');
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line;
        cell.push_back(c);
      }
      continue;
    }
    switch (c) {
      case '"':
        if (!cell.empty() || was_quoted)
          return InvalidArgument("csv_syntax", "第 " + std::to_string(line) + " 行：引号位置不正确",
                                 "file");
        quoted = was_quoted = true;
        break;
      case ',': end_cell(); break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        ++line;
        end_row();
        break;
      case '\n':
        ++line;
        end_row();
        break;
      default:
        if (was_quoted)
          return InvalidArgument("csv_syntax",
                                 "第 " + std::to_string(line) + " 行：引号后不能直接跟其他字符",
                                 "file");
        cell.push_back(c);
    }
  }
  if (quoted)
    return InvalidArgument("csv_syntax", "第 " + std::to_string(row_line) + " 行：引号没有闭合",
                           "file");
  if (any && (!cell.empty() || !row.empty() || was_quoted)) end_row();
  return rows;
}

Result<std::vector<CsvRow>> ParseCsv(std::string_view text) {
  JG_ASSIGN_OR_RETURN(auto cells, ParseCsvCells(text));
  std::vector<CsvRow> rows;
  rows.reserve(cells.size());
  for (auto& r : cells) {
    // A line holding only "" counts as empty here, as it always has.
    if (r.size() == 1 && r[0].text.empty()) continue;
    CsvRow out;
    out.reserve(r.size());
    for (auto& c : r) out.push_back(std::move(c.text));
    rows.push_back(std::move(out));
  }
  return rows;
}

std::string CsvLineExact(const std::vector<std::optional<std::string>>& cells) {
  std::string out;
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i) out += ',';
    if (!cells[i]) continue;  // NULL: nothing between the commas
    const std::string& v = *cells[i];
    // Quoted when empty ("" is not NULL), when it holds a separator, or when
    // it starts with a BOM (which a reader skips at the start of a file).
    if (v.empty() || v.find_first_of(",\"\r\n") != std::string::npos ||
        v.rfind("\xEF\xBB\xBF", 0) == 0) {
      out += '"';
      for (char c : v) {
        if (c == '"') out += '"';
        out += c;
      }
      out += '"';
    } else {
      out += v;
    }
  }
  out += "\r\n";
  return out;
}

std::string CsvLine(const CsvRow& cells) {
  std::string out;
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i) out += ',';
    std::string v = cells[i];
    if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' ||
                       v[0] == '\r')) {
      v.insert(0, "'");
    }
    if (v.find_first_of(",\"\r\n") != std::string::npos) {
      std::string q = "\"";
      for (char c : v) {
        if (c == '"') q += '"';
        q += c;
      }
      v = q + "\"";
    }
    out += v;
  }
  out += "\r\n";
  return out;
}

}  // namespace jg
