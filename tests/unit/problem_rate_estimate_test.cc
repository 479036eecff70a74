// The stratified estimate of a plan population's problem rate: a worked
// example by hand, the edge cases, and the interval's coverage over many
// simulated draws (it must contain the true rate about 95% of the time).
#include "domain/problem_rate_estimate.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <vector>

namespace jg {
namespace {

TEST(ProblemRateEstimate, WorkedExample) {
  // A: 10 of 100 inspected out of 1000; B: 30 of 100 out of 500; C: 25 of 50 out of 100.
  auto e = EstimateProblemRate({{"A", 1000, 100, 10}, {"B", 500, 100, 30}, {"C", 100, 50, 25}});
  ASSERT_TRUE(e);
  // p = 0.625×0.1 + 0.3125×0.3 + 0.0625×0.5
  EXPECT_DOUBLE_EQ(e->rate, 0.1875);
  // Σ W² (1 − f) s²/n = 0.3515625×0.0009090909 + 0.078125×0.0021212121 + 0.001953125×0.0051020408
  EXPECT_NEAR(e->standard_error * e->standard_error, 0.000495287, 1e-8);
  // Wilson at n_eff = 0.15234375 / 0.000495287 ≈ 307.6
  EXPECT_NEAR(e->low, 0.14754, 3e-4);
  EXPECT_NEAR(e->high, 0.23458, 3e-4);
  EXPECT_EQ(e->population, 1600);
  EXPECT_EQ(e->covered, 1600);
  EXPECT_EQ(e->inspected, 250);
  EXPECT_EQ(e->problems, 65);
}

TEST(ProblemRateEstimate, AStratumNotSampledIsNotCovered) {
  auto e = EstimateProblemRate({{"A", 1000, 100, 10}, {"", 300, 0, 0}});
  ASSERT_TRUE(e);
  EXPECT_DOUBLE_EQ(e->rate, 0.1);
  EXPECT_EQ(e->population, 1300);
  EXPECT_EQ(e->covered, 1000);
}

TEST(ProblemRateEstimate, ACensusHasNoSamplingError) {
  auto e = EstimateProblemRate({{"A", 40, 40, 10}, {"B", 10, 10, 5}});
  ASSERT_TRUE(e);
  EXPECT_DOUBLE_EQ(e->rate, 0.3);
  EXPECT_DOUBLE_EQ(e->low, 0.3);
  EXPECT_DOUBLE_EQ(e->high, 0.3);
  auto none = EstimateProblemRate({{"A", 40, 40, 0}});
  ASSERT_TRUE(none);
  EXPECT_DOUBLE_EQ(none->high, 0.0);
}

TEST(ProblemRateEstimate, NoProblemFoundStillBoundsTheRate) {
  // 0 of 100: the rate is 0 but the population may hold a few percent.
  auto e = EstimateProblemRate({{"A", 1000, 100, 0}});
  ASSERT_TRUE(e);
  EXPECT_DOUBLE_EQ(e->rate, 0.0);
  EXPECT_DOUBLE_EQ(e->low, 0.0);
  EXPECT_GT(e->high, 0.03);
  EXPECT_LT(e->high, 0.045);
}

TEST(ProblemRateEstimate, RefusesWhatIsNotASample) {
  EXPECT_FALSE(EstimateProblemRate({}));
  EXPECT_FALSE(EstimateProblemRate({{"A", 100, 0, 0}}));
  EXPECT_FALSE(EstimateProblemRate({{"A", 100, 10, 11}}));   // more problems than inspections
  EXPECT_FALSE(EstimateProblemRate({{"A", 10, 11, 1}}));     // more inspections than entities
  EXPECT_FALSE(EstimateProblemRate({{"A", -1, 0, 0}}));
}

// SplitMix64: a fixed stream, so the test is the same everywhere.
struct Rng {
  std::uint64_t s;
  std::uint64_t Next() {
    std::uint64_t z = (s += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  std::size_t Below(std::size_t n) { return static_cast<std::size_t>(Next() % n); }
};

TEST(ProblemRateEstimate, TheIntervalCoversTheTrueRateAbout95PercentOfTheTime) {
  // A population of four strata with known problems; draw stratified samples
  // without replacement, as the engine does, and count the intervals that hold
  // the population's true rate.
  struct Stratum {
    int size, problems, sample;
  };
  const std::vector<Stratum> pop = {{2000, 200, 60}, {1500, 450, 60}, {600, 240, 40}, {200, 120, 30}};
  double truth = 0;
  int total = 0;
  for (const auto& s : pop) {
    truth += s.problems;
    total += s.size;
  }
  truth /= total;
  Rng rng{2023};
  const int trials = 4000;
  int covered = 0;
  for (int t = 0; t < trials; ++t) {
    std::vector<StratumObservation> obs;
    for (const auto& s : pop) {
      std::vector<int> units(static_cast<std::size_t>(s.size));
      std::iota(units.begin(), units.end(), 0);
      int found = 0;
      for (int k = 0; k < s.sample; ++k) {  // partial Fisher–Yates
        std::swap(units[static_cast<std::size_t>(k)], units[k + rng.Below(static_cast<std::size_t>(s.size - k))]);
        if (units[static_cast<std::size_t>(k)] < s.problems) ++found;
      }
      obs.push_back({"", s.size, s.sample, found});
    }
    auto e = EstimateProblemRate(obs);
    ASSERT_TRUE(e);
    if (e->low <= truth && truth <= e->high) ++covered;
  }
  const double coverage = static_cast<double>(covered) / trials;
  EXPECT_GT(coverage, 0.93) << coverage;
  EXPECT_LT(coverage, 0.975) << coverage;
}

}  // namespace
}  // namespace jg
