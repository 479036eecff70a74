// `jianguan demo-data`: the generated district (src/demo/), with its check
// against the calibration printed as a table.
#include <chrono>
#include <cstdio>
#include <iostream>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "demo/district_history.h"

namespace jg::cli {

int DemoData(const DemoDataOptions& o) {
  auto store = OpenStore(o.db);
  if (!store.ok()) {
    std::cerr << "jianguan: " << store.status().ToString() << "\n";
    return ExitCodeOf(store.status());
  }
  auto cal = demo::BuiltInCalibration(o.scale);
  if (!cal.ok()) {
    std::cerr << "jianguan: " << cal.status().ToString() << "\n";
    return ExitCodeOf(cal.status());
  }
  if (!cal->Has("random_inspections", o.year)) {
    std::cerr << "jianguan: data/demo/calibration.csv has no targets for " << o.year << "\n";
    return kExitUsage;
  }
  demo::DemoOptions opts;
  opts.year = o.year;
  opts.entities = o.entities;
  opts.seed = o.seed;
  opts.progress = [](const std::string& line) { std::cerr << line << "\n"; };
  const auto started = std::chrono::steady_clock::now();
  auto sum = demo::GenerateDemoDistrict(**store, *cal, opts);
  if (!sum.ok()) {
    std::cerr << "jianguan: " << sum.status().ToString() << "\n";
    return ExitCodeOf(sum.status());
  }
  const double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::printf("演示区县已生成（%.1f 秒）：市场主体 %d，许可证 %d，登记 %d，抽查计划 %d，检查 %d，案件 %d，信用修复 %d\n",
              secs, sum->entities, sum->holdings, sum->registrations, sum->plans, sum->inspections,
              sum->cases, sum->repairs);
  std::printf("年度报告（从记录计算）与目标逐项核对：\n");
  for (const auto& c : sum->checks)
    std::printf("  %-28s %d  %8lld = %lld\n", c.figure.c_str(), c.year,
                static_cast<long long>(c.computed), static_cast<long long>(c.target));
  return kExitOk;
}

}  // namespace jg::cli
