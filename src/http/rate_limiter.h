// A token bucket per client address for the public portal: a steady rate
// with a burst, answered with 429 and Retry-After when empty. Memory is
// bounded: idle buckets are dropped when the table grows.
#pragma once

#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

namespace jg::http {

class RateLimiter {
 public:
  RateLimiter(double per_second, double burst) : rate_(per_second), burst_(burst) {}
  // True if the client may proceed; otherwise *retry_after_s says when.
  bool Allow(const std::string& client, int* retry_after_s);

 private:
  struct Bucket {
    double tokens;
    std::chrono::steady_clock::time_point last;
  };
  double rate_, burst_;
  std::mutex mu_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace jg::http
