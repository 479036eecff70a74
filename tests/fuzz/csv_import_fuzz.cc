// A spreadsheet file as uploaded: encoding detection, then CSV parsing; and
// what we write must parse back to the same cells.
#include <cstddef>
#include <cstdint>
#include <string>

#include "domain/csv.h"
#include "service/text_encoding.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  auto text = jg::DecodeSpreadsheetText(bytes);
  if (!text.ok()) return 0;
  auto rows = jg::ParseCsv(text->Utf8(bytes));
  if (!rows.ok()) return 0;
  std::string again;
  for (const auto& r : *rows) again += jg::CsvLine(r);
  auto back = jg::ParseCsv(again);
  if (!back.ok()) __builtin_trap();
  return 0;
}
