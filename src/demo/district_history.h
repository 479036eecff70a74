// jianguan demo-data: a Jiading-like district with two years of history,
// made by driving the platform's own services on a simulated clock (every
// record is one the platform itself wrote, with its audit entry), calibrated
// so that the annual report of the chosen year reproduces the figures of
// data/demo/calibration.csv. After generating, the report is computed from
// the records and compared with the targets; any difference fails the run and
// nothing is kept (one transaction).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "demo/calibration.h"
#include "store/store.h"

namespace jg::demo {

struct DemoOptions {
  int year = 2023;      // the calibrated year; the year before is generated too
  int entities = 0;     // directory size; 0 = 60000 × scale
  std::uint64_t seed = 2023;
  std::function<void(const std::string&)> progress;  // one line per phase
};

// A figure of the report next to its target.
struct FigureCheck {
  std::string figure;  // data/report-figures.csv id (establishments_at: the 北虹桥 row)
  int year = 0;
  std::int64_t target = 0;
  std::int64_t computed = 0;
};

struct DemoSummary {
  int entities = 0;
  int holdings = 0;
  int registrations = 0;
  int plans = 0;
  int inspections = 0;
  int cases = 0;
  int repairs = 0;
  std::vector<FigureCheck> checks;  // every one equal, or the run failed
};

// The 北虹桥 registration service point of the report.
inline constexpr char kBeihongqiaoServicePoint[] = "北虹桥企业登记注册服务点";

// Needs the department tree and the demo accounts (jianguan demo-init) and a
// database without inspection plans or cases. FailedPrecondition
// "demo_not_reproduced" (nothing written) if a figure differs from its target.
Result<DemoSummary> GenerateDemoDistrict(Store& store, const Calibration& calibration,
                                         const DemoOptions& options);

}  // namespace jg::demo
