#include "service/xlsx_sheet.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "domain/utf8.h"

namespace jg {
namespace {

Status Invalid(const std::string& why) {
  return InvalidArgument("xlsx_invalid", "无法读取 Excel 文件：" + why, "file");
}

Status TooLarge(const std::string& why) {
  return InvalidArgument("xlsx_too_large", "Excel 工作表过大：" + why + "，请拆分后再导入", "file");
}

std::optional<double> Number(std::string_view v) {
  std::string s(v);
  char* end = nullptr;
  const double d = std::strtod(s.c_str(), &end);
  if (s.empty() || end != s.c_str() + s.size() || !std::isfinite(d)) return std::nullopt;
  return d;
}

// Parses a whole decimal number (no sign, no spaces); nullopt otherwise.
std::optional<long long> Whole(std::string_view s) {
  if (s.empty() || s.size() > 12) return std::nullopt;
  long long v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

std::string CellRefName(int row, int col) {
  std::string letters;
  for (int c = col; c > 0; c = (c - 1) / 26) letters.insert(letters.begin(), char('A' + (c - 1) % 26));
  return letters + std::to_string(row);
}

}  // namespace

std::string_view Local(const char* name) {
  std::string_view s(name);
  const size_t colon = s.rfind(':');
  return colon == std::string_view::npos ? s : s.substr(colon + 1);
}

std::string ItemText(pugi::xml_node item) {
  std::string out;
  for (pugi::xml_node c = item.first_child(); c; c = c.next_sibling()) {
    std::string_view n = Local(c.name());
    if (n == "t") {
      out += c.text().get();
    } else if (n == "r") {
      for (pugi::xml_node t = c.first_child(); t; t = t.next_sibling())
        if (Local(t.name()) == "t") out += t.text().get();
    }
  }
  return out;
}

int ColumnOfRef(std::string_view ref) {
  int col = 0;
  size_t i = 0;
  for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z'; ++i) {
    col = col * 26 + (ref[i] - 'A' + 1);
    if (col > 16384) return 0;
  }
  if (i == 0 || i == ref.size()) return 0;
  for (; i < ref.size(); ++i)
    if (ref[i] < '0' || ref[i] > '9') return 0;
  return col;
}

std::string NumberText(std::string_view v) {
  auto n = Number(v);
  if (!n) return std::string(v);
  const double d = *n;
  if (d == std::floor(d) && std::fabs(d) < 1e15) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", d == 0 ? 0.0 : d);
    return buf;
  }
  return std::string(v);
}

Result<XlsxSheet> ReadSheetData(pugi::xml_node sheet_data, const std::vector<std::string>& shared,
                                const std::vector<bool>& date_styles, ExcelDateSystem system,
                                const XlsxLimits& limits) {
  XlsxSheet out;
  std::uint64_t cells = 0;
  int row_no = 0;
  for (pugi::xml_node row = sheet_data.first_child(); row; row = row.next_sibling()) {
    if (Local(row.name()) != "row") continue;
    if (pugi::xml_attribute r = row.attribute("r")) {
      auto n = Whole(r.value());
      if (!n || *n <= row_no) return Invalid("行号 r=\"" + std::string(r.value()) + "\" 无效或未按顺序排列");
      if (*n > limits.max_row) return TooLarge("行号超过 " + std::to_string(limits.max_row));
      row_no = static_cast<int>(*n);
    } else {
      if (++row_no > limits.max_row) return TooLarge("行数超过 " + std::to_string(limits.max_row));
    }
    CsvRow cols;
    int col = 0;
    for (pugi::xml_node c = row.first_child(); c; c = c.next_sibling()) {
      if (Local(c.name()) != "c") continue;
      if (pugi::xml_attribute r = c.attribute("r")) {
        const int at = ColumnOfRef(r.value());
        if (at == 0) return Invalid("第 " + std::to_string(row_no) + " 行的单元格引用 \"" + r.value() + "\" 无效");
        if (at <= col) return Invalid("第 " + std::to_string(row_no) + " 行的单元格未按列顺序排列");
        col = at;
      } else {
        ++col;
        if (col > 16384) return Invalid("第 " + std::to_string(row_no) + " 行的单元格超过 16384 列");
      }
      const std::string_view type = c.attribute("t").value();
      pugi::xml_node v;
      for (pugi::xml_node k = c.first_child(); k; k = k.next_sibling())
        if (Local(k.name()) == "v") v = k;
      const std::string_view raw = v.text().get();
      std::string text;
      if (type == "s") {
        auto idx = Whole(raw);
        if (!idx || *idx >= static_cast<long long>(shared.size()))
          return Invalid("单元格 " + CellRefName(row_no, col) + " 引用了不存在的共享字符串");
        text = shared[static_cast<size_t>(*idx)];
      } else if (type == "inlineStr") {
        for (pugi::xml_node k = c.first_child(); k; k = k.next_sibling())
          if (Local(k.name()) == "is") text = ItemText(k);
      } else if (type == "b") {
        text = raw.empty() ? "" : raw == "1" ? "TRUE" : "FALSE";
      } else if (type == "str" || type == "e") {
        text = raw;
      } else if (type == "d") {
        text = raw.substr(0, raw.size() >= 10 && raw[4] == '-' ? 10 : raw.size());
      } else if (!raw.empty()) {  // a number
        const auto style = c.attribute("s").as_uint(0);
        std::optional<std::string> date;
        if (style < date_styles.size() && date_styles[style])
          if (auto n = Number(raw)) date = ExcelSerialToDate(*n, system);
        text = date ? *date : NumberText(raw);
      }
      if (text.empty()) continue;
      if (!IsValidUtf8(text))
        return Invalid("单元格 " + CellRefName(row_no, col) + " 不是有效的 UTF-8 文本");
      if (col > limits.max_columns)
        return TooLarge("单元格 " + CellRefName(row_no, col) + " 超出了 " +
                        std::to_string(limits.max_columns) + " 列");
      cells += static_cast<std::uint64_t>(col) - cols.size();
      if (cells > limits.max_cells)
        return TooLarge("单元格数超过 " + std::to_string(limits.max_cells));
      cols.resize(static_cast<size_t>(col));
      cols[static_cast<size_t>(col) - 1] = std::move(text);
    }
    if (cols.empty()) continue;
    out.rows.push_back(std::move(cols));
    out.row_numbers.push_back(row_no);
  }
  return out;
}

}  // namespace jg
