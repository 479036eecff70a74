// What the benchmarks under bench/ share: percentiles of timed samples, and a
// main that runs the registered benchmarks and then prints the run's table.
#pragma once

#include <benchmark/benchmark.h>

#include <algorithm>
#include <vector>

namespace jg::bench {

// The p-th quantile (0–1) of the samples, nearest rank; 0 when there are none.
inline double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t i = static_cast<size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

// Google Benchmark's main, with `print` (the comparison table) after the run.
inline int RunThenPrint(int argc, char** argv, void (*print)()) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  print();
  return 0;
}

}  // namespace jg::bench
