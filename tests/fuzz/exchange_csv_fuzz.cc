// The cell layer of the exchange format (docs/exchange-format.md): whatever
// ParseCsvCells reads, CsvLineExact writes back so that it reads the same —
// the same text in every cell, and NULL (empty, unquoted) kept apart from
// the empty string (quoted). Export and import rely on exactly this.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "domain/csv.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  auto rows = jg::ParseCsvCells(bytes);
  if (!rows.ok()) return 0;
  auto is_null = [](const jg::CsvCell& c) { return c.text.empty() && !c.quoted; };
  std::string again;
  for (const auto& r : *rows) {
    std::vector<std::optional<std::string>> cells;
    for (const auto& c : r) {
      if (is_null(c)) cells.emplace_back(std::nullopt);
      else cells.emplace_back(c.text);
    }
    again += jg::CsvLineExact(cells);
  }
  auto back = jg::ParseCsvCells(again);
  if (!back.ok() || back->size() != rows->size()) __builtin_trap();
  for (size_t i = 0; i < rows->size(); ++i) {
    const auto& a = (*rows)[i];
    const auto& b = (*back)[i];
    if (a.size() != b.size()) __builtin_trap();
    for (size_t j = 0; j < a.size(); ++j)
      if (a[j].text != b[j].text || is_null(a[j]) != is_null(b[j])) __builtin_trap();
  }
  return 0;
}
