// The holiday calendar file: parsed all-or-nothing, never a crash; a parsed
// calendar answers questions about its own years.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "domain/calendar.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto cal = jg::ParseWorkCalendar(text);
  if (!cal.ok()) return 0;
  auto d = jg::Date::FromYmd(2024, 2, 4);
  if (d) {
    (void)cal->IsWorkingDay(*d);
    (void)cal->AddWorkingDays(*d, 15);
  }
  return 0;
}
