// An uploaded .xlsx: the ZIP container (libzip, with its caps) and the XML
// parts (pugixml) down to the rows the import checks. Any input must give
// rows or an error with a stable code, within the caps.
//
// Two kinds of input: a ZIP as uploaded ("PK..."), and, since mutating
// deflated bytes mostly breaks the CRC, raw XML parts separated by NUL bytes
// (sheet, shared strings, styles, workbook) that the target packages into a
// stored ZIP itself, so the XML handling is fuzzed directly.
#include <zip.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "domain/utf8.h"
#include "service/xlsx_reader.h"

namespace {

const char kRel[] = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

std::string Package(const std::string& input) {
  std::vector<std::string> parts(4);
  size_t k = 0;
  for (char c : input) {
    if (c == '\0' && k + 1 < parts.size()) ++k;
    else parts[k] += c;
  }
  if (parts[3].empty())
    parts[3] = R"(<workbook><workbookPr date1904="0"/><sheets><sheet name="s" r:id="rId1"/></sheets></workbook>)";
  const std::string rr = std::string(R"(<Relationships><Relationship Id="rId1" Type=")") + kRel +
                         R"(/officeDocument" Target="xl/workbook.xml"/></Relationships>)";
  const std::string wr = std::string(R"(<Relationships><Relationship Id="rId1" Type=")") + kRel +
                         R"(/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type=")" + kRel +
                         R"(/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type=")" + kRel +
                         R"(/styles" Target="/xl/styles.xml"/></Relationships>)";
  const std::vector<std::pair<const char*, const std::string*>> members = {
      {"_rels/.rels", &rr},           {"xl/workbook.xml", &parts[3]},
      {"xl/_rels/workbook.xml.rels", &wr}, {"xl/worksheets/sheet1.xml", &parts[0]},
      {"xl/sharedStrings.xml", &parts[1]}, {"xl/styles.xml", &parts[2]}};
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &err);
  zip_source_keep(src);
  zip_t* za = zip_open_from_source(src, ZIP_TRUNCATE, &err);
  for (const auto& [name, bytes] : members) {
    zip_source_t* s = zip_source_buffer(za, bytes->data(), bytes->size(), 0);
    const zip_int64_t idx = zip_file_add(za, name, s, 0);
    zip_set_file_compression(za, static_cast<zip_uint64_t>(idx), ZIP_CM_STORE, 0);
  }
  zip_close(za);
  zip_source_open(src);
  zip_source_seek(src, 0, SEEK_END);
  std::string out(static_cast<size_t>(zip_source_tell(src)), '\0');
  zip_source_seek(src, 0, SEEK_SET);
  zip_source_read(src, out.data(), out.size());
  zip_source_close(src);
  zip_source_free(src);
  zip_error_fini(&err);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  if (!jg::LooksLikeZip(bytes)) bytes = Package(bytes);
  jg::XlsxLimits limits;
  limits.zip.max_uncompressed = 8u << 20;  // keeps each run fast; the logic is the same
  auto sheet = jg::ReadXlsxFirstSheet(bytes, limits);
  if (!sheet.ok()) {
    const std::string& code = sheet.status().reason();
    if (code != "xlsx_invalid" && code != "xlsx_too_large") __builtin_trap();
    return 0;
  }
  if (sheet->rows.size() != sheet->row_numbers.size()) __builtin_trap();
  int last = 0;
  for (size_t i = 0; i < sheet->rows.size(); ++i) {
    const auto& row = sheet->rows[i];
    if (row.empty() || row.back().empty()) __builtin_trap();  // empty rows skipped, trailing cells trimmed
    if (row.size() > static_cast<size_t>(limits.max_columns)) __builtin_trap();
    if (sheet->row_numbers[i] <= last || sheet->row_numbers[i] > limits.max_row) __builtin_trap();
    last = sheet->row_numbers[i];
    for (const auto& cell : row)
      if (!jg::IsValidUtf8(cell)) __builtin_trap();
  }
  return 0;
}
