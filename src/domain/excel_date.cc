#include "domain/excel_date.h"

#include <cmath>

#include "domain/civil_date.h"

namespace jg {

std::optional<std::string> ExcelSerialToDate(double serial, ExcelDateSystem system) {
  if (!std::isfinite(serial) || serial < 0 || serial >= 2958466) return std::nullopt;
  const auto day = static_cast<std::int64_t>(std::floor(serial));
  std::optional<Date> base;
  if (system == ExcelDateSystem::k1904) {
    base = Date::FromYmd(1904, 1, 1);
  } else {
    if (day < 1) return std::nullopt;  // Excel shows "1900-01-00"
    if (day == 60) return "1900-02-29";
    // Serials after the fictitious leap day are one ahead of the real count.
    base = day < 60 ? Date::FromYmd(1899, 12, 31) : Date::FromYmd(1899, 12, 30);
  }
  auto d = base->AddDays(day);
  if (!d) return std::nullopt;
  return d->ToString();
}

}  // namespace jg
