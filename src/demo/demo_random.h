// The demo district's random source: SplitMix64 with unbiased range
// reduction, so the same seed gives the same district on every platform
// (std::uniform_int_distribution differs across standard libraries). Not for
// draws: those use the SM3 DRBG of domain/draw.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace jg::demo {

class DemoRandom {
 public:
  explicit DemoRandom(std::uint64_t seed) : state_(seed) {}

  std::uint64_t Next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n), n > 0: rejection of the top partial range.
  std::uint64_t Below(std::uint64_t n) {
    if (n == 0) throw std::invalid_argument("DemoRandom::Below(0)");
    const std::uint64_t limit = UINT64_MAX - UINT64_MAX % n;
    std::uint64_t x;
    do x = Next(); while (x >= limit);
    return x % n;
  }
  // Uniform in [lo, hi].
  int Between(int lo, int hi) { return lo + static_cast<int>(Below(static_cast<std::uint64_t>(hi - lo + 1))); }
  // True with probability per_mille / 1000.
  bool PerMille(int per_mille) { return static_cast<int>(Below(1000)) < per_mille; }
  template <typename T>
  const T& Pick(const std::vector<T>& v) { return v.at(Below(v.size())); }
  // An index drawn with the given non-negative weights (not all zero).
  std::size_t Weighted(const std::vector<int>& weights) {
    long total = 0;
    for (int w : weights) total += w;
    long x = static_cast<long>(Below(static_cast<std::uint64_t>(total)));
    for (std::size_t i = 0; i < weights.size(); ++i) {
      if (x < weights[i]) return i;
      x -= weights[i];
    }
    return weights.size() - 1;
  }
  template <typename T>
  void Shuffle(std::vector<T>& v) {
    for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[Below(i)]);
  }

 private:
  std::uint64_t state_;
};

}  // namespace jg::demo
