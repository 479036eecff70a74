// Request counters and a latency histogram, exposed as Prometheus text.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <string>

namespace jg::http {

class Metrics {
 public:
  void Observe(int status, double seconds);
  std::string PrometheusText() const;

 private:
  static constexpr std::array<double, 10> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01,
                                                      0.025,  0.05,  0.1,    0.5,   2.0};
  std::array<std::atomic<std::uint64_t>, 6> by_class_{};  // 1xx..5xx, index 1..5
  std::array<std::atomic<std::uint64_t>, kBuckets.size() + 1> buckets_{};
  std::atomic<std::uint64_t> count_{0};
  std::atomic<std::uint64_t> sum_micros_{0};
};

}  // namespace jg::http
