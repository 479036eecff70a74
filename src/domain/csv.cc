#include "domain/csv.h"

namespace jg {

CsvReader::CsvReader(std::string_view text) : text_(text) {
  if (text_.substr(0, 3) == "\xEF\xBB\xBF") text_.remove_prefix(3);
}

Result<bool> CsvReader::Next(CsvCellRow& row) {
  const size_t size = text_.size();
  for (;;) {
    if (pos_ >= size) return false;
    row_line_ = line_;
    size_t cells = 0;
    for (;;) {  // one cell, then its delimiter
      if (cells == row.size()) row.emplace_back();
      CsvCell& cell = row[cells++];
      cell.text.clear();
      cell.quoted = false;
      if (pos_ < size && text_[pos_] == '"') {
        cell.quoted = true;
        ++pos_;
        for (;;) {  // quoted text up to its closing quote; "" is one quote
          const size_t q = text_.find('"', pos_);
          if (q == std::string_view::npos)
            return InvalidArgument("csv_syntax",
                                   "第 " + std::to_string(row_line_) + " 行：引号没有闭合", "file");
          const std::string_view part = text_.substr(pos_, q - pos_);
          for (char c : part) line_ += c == '\n';
          cell.text.append(part);
          pos_ = q + 1;
          if (pos_ < size && text_[pos_] == '"') {
            cell.text.push_back('"');
            ++pos_;
            continue;
          }
          break;
        }
        if (pos_ < size && text_[pos_] != ',' && text_[pos_] != '\r' && text_[pos_] != '\n')
          return InvalidArgument("csv_syntax",
                                 "第 " + std::to_string(line_) + " 行：引号后不能直接跟其他字符",
                                 "file");
      } else {
        size_t e = pos_;
        while (e < size && text_[e] != ',' && text_[e] != '\r' && text_[e] != '\n' &&
               text_[e] != '"')
          ++e;
        if (e < size && text_[e] == '"')
          return InvalidArgument("csv_syntax", "第 " + std::to_string(line_) + " 行：引号位置不正确",
                                 "file");
        cell.text.append(text_.substr(pos_, e - pos_));
        pos_ = e;
      }
      if (pos_ < size && text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < size) {  // CR, LF or CRLF ends the row
        if (text_[pos_] == '\r' && pos_ + 1 < size && text_[pos_ + 1] == '\n') ++pos_;
        ++pos_;
        ++line_;
      }
      break;
    }
    row.resize(cells);
    // Lines that are entirely empty are skipped.
    if (cells == 1 && row[0].text.empty() && !row[0].quoted) continue;
    return true;
  }
}

Result<std::vector<CsvCellRow>> ParseCsvCells(std::string_view text) {
  CsvReader reader(text);
  std::vector<CsvCellRow> rows;
  CsvCellRow row;
  for (;;) {
    JG_ASSIGN_OR_RETURN(bool more, reader.Next(row));
    if (!more) return rows;
    rows.push_back(row);
  }
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
