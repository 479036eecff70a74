#include "http/rate_limiter.h"

#include <algorithm>
#include <cmath>

namespace jg::http {

bool RateLimiter::Allow(const std::string& client, int* retry_after_s) {
  const auto now = std::chrono::steady_clock::now();
  std::lock_guard lock(mu_);
  if (buckets_.size() > 50000) {
    // Drop buckets that have refilled: they carry no state worth keeping.
    std::erase_if(buckets_, [&](const auto& kv) {
      return std::chrono::duration<double>(now - kv.second.last).count() * rate_ >= burst_;
    });
  }
  auto [it, fresh] = buckets_.try_emplace(client, Bucket{burst_, now});
  Bucket& b = it->second;
  if (!fresh) {
    const double dt = std::chrono::duration<double>(now - b.last).count();
    b.tokens = std::min(burst_, b.tokens + dt * rate_);
    b.last = now;
  }
  if (b.tokens >= 1.0) {
    b.tokens -= 1.0;
    return true;
  }
  *retry_after_s = static_cast<int>(std::ceil((1.0 - b.tokens) / rate_));
  return false;
}

}  // namespace jg::http
