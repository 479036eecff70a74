#include "http/metrics.h"

#include <cstdio>

namespace jg::http {

void Metrics::Observe(int status, double seconds) {
  int cls = status / 100;
  if (cls >= 1 && cls <= 5) by_class_[cls].fetch_add(1, std::memory_order_relaxed);
  size_t i = 0;
  while (i < kBuckets.size() && seconds > kBuckets[i]) ++i;
  buckets_[i].fetch_add(1, std::memory_order_relaxed);
  count_.fetch_add(1, std::memory_order_relaxed);
  sum_micros_.fetch_add(static_cast<std::uint64_t>(seconds * 1e6), std::memory_order_relaxed);
}

std::string Metrics::PrometheusText() const {
  std::string out;
  out += "# HELP jianguan_http_requests_total HTTP requests answered, by status class.\n";
  out += "# TYPE jianguan_http_requests_total counter\n";
  for (int c = 1; c <= 5; ++c) {
    out += "jianguan_http_requests_total{class=\"" + std::to_string(c) + "xx\"} " +
           std::to_string(by_class_[c].load()) + "\n";
  }
  out += "# HELP jianguan_http_request_duration_seconds Time from request read to response ready.\n";
  out += "# TYPE jianguan_http_request_duration_seconds histogram\n";
  std::uint64_t cum = 0;
  char le[32];
  for (size_t i = 0; i < kBuckets.size(); ++i) {
    cum += buckets_[i].load();
    std::snprintf(le, sizeof le, "%g", kBuckets[i]);
    out += std::string("jianguan_http_request_duration_seconds_bucket{le=\"") + le + "\"} " +
           std::to_string(cum) + "\n";
  }
  cum += buckets_[kBuckets.size()].load();
  out += "jianguan_http_request_duration_seconds_bucket{le=\"+Inf\"} " + std::to_string(cum) + "\n";
  char sum[64];
  std::snprintf(sum, sizeof sum, "%.6f", static_cast<double>(sum_micros_.load()) / 1e6);
  out += std::string("jianguan_http_request_duration_seconds_sum ") + sum + "\n";
  out += "jianguan_http_request_duration_seconds_count " + std::to_string(count_.load()) + "\n";
  return out;
}

}  // namespace jg::http
