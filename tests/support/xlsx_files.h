// Building .xlsx and ZIP files inside tests: workbooks written by
// libxlsxwriter (as Excel-made files would be), and hand-made archives
// (libzip, in memory) for the parts libxlsxwriter never writes.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace jg::testing {

struct XCell {
  enum class Kind { kEmpty, kString, kNumber, kDate } kind = Kind::kEmpty;
  std::string text;
  double number = 0;
  int y = 0, m = 0, d = 0;
};
XCell S(std::string text);
XCell N(double number);
XCell D(int year, int month, int day);  // a date cell formatted yyyy-mm-dd

// A workbook of one sheet. constant_memory = true makes libxlsxwriter write
// inline strings instead of the shared-string table.
std::string WriteXlsx(const std::vector<std::vector<XCell>>& rows, bool constant_memory = false);

// A ZIP archive of (name, bytes) members, deflated.
std::string ZipOf(const std::vector<std::pair<std::string, std::string>>& members);
// One member of an archive ("" if missing).
std::string Unzip(const std::string& zip, const std::string& member);

}  // namespace jg::testing
