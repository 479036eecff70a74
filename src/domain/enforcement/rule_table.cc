#include "domain/enforcement/rule_table.h"

#include <algorithm>

#include "domain/utf8.h"

namespace jg::enforcement {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Splits one line into cells. On a misplaced quote returns the error naming
// the 1-based column where it happened.
Result<std::vector<std::string>> SplitLine(const TableSpec& spec, int line, std::string_view text) {
  std::vector<std::string> cells;
  std::string cell;
  bool quoted = false, was_quoted = false;
  auto column_error = [&](const std::string& what) {
    return LineError(spec, line, "第 " + std::to_string(cells.size() + 1) + " 列：" + what);
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c != '"') {
        cell.push_back(c);
      } else if (i + 1 < text.size() && text[i + 1] == '"') {
        cell.push_back('"');
        ++i;
      } else {
        quoted = false;
      }
      continue;
    }
    if (c == ',') {
      cells.push_back(was_quoted ? cell : std::string(Trim(cell)));
      cell.clear();
      was_quoted = false;
    } else if (c == '"') {
      if (was_quoted || !Trim(cell).empty()) return column_error("引号位置不正确");
      cell.clear();
      quoted = was_quoted = true;
    } else if (was_quoted) {
      if (c != ' ' && c != '\t') return column_error("引号后只能是逗号或行尾");
    } else {
      cell.push_back(c);
    }
  }
  if (quoted) return column_error("引号没有闭合（带引号的单元格不能跨行）");
  cells.push_back(was_quoted ? cell : std::string(Trim(cell)));
  return cells;
}

std::string ColumnName(const TableSpec& spec, std::size_t column) {
  return column < spec.columns.size() ? std::string(spec.columns[column]) : std::string("?");
}

}  // namespace

Status LineError(const TableSpec& spec, int line, const std::string& what) {
  return InvalidArgument(
      std::string(spec.reason),
      std::string(spec.label) + "文件第 " + std::to_string(line) + " 行：" + what,
      std::string(spec.field));
}

Status CellError(const TableSpec& spec, const TableRow& row, std::size_t column,
                 const std::string& what) {
  return LineError(
      spec, row.line,
      "第 " + std::to_string(column + 1) + " 列（" + ColumnName(spec, column) + "）：" + what);
}

Result<std::vector<TableRow>> ParseRuleTable(std::string_view text, const TableSpec& spec) {
  if (text.starts_with(kBom)) text.remove_prefix(kBom.size());
  std::vector<TableRow> rows;
  bool header_seen = false;
  int line = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view content = text.substr(pos, end - pos);
    pos = end + 1;
    ++line;
    if (!content.empty() && content.back() == '\r') content.remove_suffix(1);
    if (!IsValidUtf8(content)) return LineError(spec, line, "不是有效的 UTF-8 文本");
    if (content.starts_with('#') || Trim(content).empty()) continue;
    JG_ASSIGN_OR_RETURN(std::vector<std::string> cells, SplitLine(spec, line, content));
    if (!header_seen) {
      for (std::size_t i = 0; i < std::max(cells.size(), spec.columns.size()); ++i) {
        const std::string want = ColumnName(spec, i);
        const std::string got = i < cells.size() ? cells[i] : std::string("（缺）");
        if (i >= spec.columns.size() || i >= cells.size() || cells[i] != spec.columns[i]) {
          return LineError(spec, line,
                           "表头第 " + std::to_string(i + 1) + " 列应为「" +
                               (i < spec.columns.size() ? want : std::string("（无）")) +
                               "」，实为「" + got + "」");
        }
      }
      header_seen = true;
      continue;
    }
    if (cells.size() != spec.columns.size()) {
      return LineError(spec, line,
                       "应有 " + std::to_string(spec.columns.size()) + " 列，实有 " +
                           std::to_string(cells.size()) + " 列");
    }
    rows.push_back(TableRow{line, std::move(cells)});
  }
  if (!header_seen) return LineError(spec, std::max(line, 1), "文件没有表头行");
  if (rows.empty()) return LineError(spec, std::max(line, 1), "文件没有任何记录");
  return rows;
}

Result<int> IntCell(const TableSpec& spec, const TableRow& row, std::size_t column, int min,
                    int max) {
  const std::string& s = row.cells[column];
  const bool digits = !s.empty() && s.size() <= 9 &&
                      std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  const int value = digits ? std::stoi(s) : 0;
  if (!digits || value < min || value > max) {
    return CellError(
        spec, row, column,
        "「" + s + "」应为 " + std::to_string(min) + "–" + std::to_string(max) + " 之间的整数");
  }
  return value;
}

Result<bool> BoolCell(const TableSpec& spec, const TableRow& row, std::size_t column) {
  const std::string& s = row.cells[column];
  if (s == "yes" || s == "是") return true;
  if (s == "no" || s == "否") return false;
  return CellError(spec, row, column, "「" + s + "」应为 yes 或 no");
}

Result<std::string> TextCell(const TableSpec& spec, const TableRow& row, std::size_t column) {
  if (row.cells[column].empty()) return CellError(spec, row, column, "不能为空");
  return row.cells[column];
}

Result<std::vector<std::string>> ListCell(const TableSpec& spec, const TableRow& row,
                                          std::size_t column) {
  std::vector<std::string> items;
  std::string_view rest = row.cells[column];
  if (Trim(rest).empty()) return items;
  for (;;) {
    const std::size_t semi = rest.find(';');
    const std::string item(Trim(rest.substr(0, semi)));
    if (item.empty()) return CellError(spec, row, column, "分号之间缺少条目");
    if (std::find(items.begin(), items.end(), item) != items.end()) {
      return CellError(spec, row, column, "「" + item + "」重复");
    }
    items.push_back(item);
    if (semi == std::string_view::npos) break;
    rest.remove_prefix(semi + 1);
  }
  return items;
}

}  // namespace jg::enforcement
