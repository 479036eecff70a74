// The figures a demo district is generated to reproduce (data/demo/calibration.csv):
// the 2023 report's numbers and the 2022 ones derived from its year-on-year
// changes. Only the generator reads them; the annual report never does.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>

#include "domain/status.h"

namespace jg::demo {

struct Calibration {
  // (figure id, year) → value, already scaled.
  std::map<std::pair<std::string, int>, std::int64_t> values;
  double scale = 1.0;

  bool Has(const std::string& figure, int year) const { return values.count({figure, year}) > 0; }
  // The value, or `fallback` when the file has none for that year.
  std::int64_t Get(const std::string& figure, int year, std::int64_t fallback) const {
    auto it = values.find({figure, year});
    return it == values.end() ? fallback : it->second;
  }
};

// Parses the file (figure,year,value,source; '#' comments) and scales every
// value by `scale` (0 < scale <= 1), rounding half up. Errors name the line.
Result<Calibration> ParseCalibration(std::string_view csv, double scale);

// The built-in data/demo/calibration.csv, scaled.
Result<Calibration> BuiltInCalibration(double scale);

}  // namespace jg::demo
