// Statistical checks of the draw over many seeds: each eligible entity is
// drawn with the probability count/size of its stratum, and inspectors are
// picked uniformly. Seeds are fixed, so the tests are deterministic and never
// flake; the thresholds are chi-square critical values at p = 1e-6, so a
// correct draw passes with any seeds but a bias of a few percent does not.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "domain/draw/draw.h"
#include "draw_fixtures.h"

namespace jg::draw {
namespace {

using testing::Code;
using testing::Insp;

constexpr int kDraws = 4000;

// Upper 1e-6 quantiles of the chi-square distribution by degrees of freedom.
double Critical(int df) {
  static const std::map<int, double> kTable = {
      {2, 27.63}, {3, 30.66}, {5, 35.89}, {6, 38.26}, {9, 44.81}};
  return kTable.at(df);
}

std::string Seed(int n) {
  return "distribution-" + std::to_string(n) + "-0123456789";
}

DrawResult Draw(const DrawInput& in) {
  auto c = Commit(in, SeedMode::kCommitReveal);
  EXPECT_TRUE(c.ok()) << c.status().ToString();
  auto r = RunDraw(in, *c);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? *r : DrawResult{};
}

// Pearson's statistic for counts that should be uniform (a multinomial).
double ChiSquareUniform(const std::vector<int>& counts) {
  double total = 0, chi = 0;
  for (int c : counts) total += c;
  const double expected = total / counts.size();
  for (int c : counts) chi += (c - expected) * (c - expected) / expected;
  return chi;
}

TEST(DrawDistribution, EveryEntityIsDrawnWithItsStratumsProbability) {
  // Three strata: A 10 entries, 3 drawn; B 7, ratio 0.4 → 2.8 → 3; C 4, ratio 0.5 → 2.
  DrawInput in;
  std::map<std::string, std::pair<std::string, int>> where;  // code → stratum, index
  std::map<std::string, int> sizes = {{"A", 10}, {"B", 7}, {"C", 4}};
  int n = 0;
  for (const auto& [stratum, size] : sizes) {
    for (int i = 0; i < size; ++i, ++n) {
      ASSERT_TRUE(in.eligible.Add(Code(7000 + 17 * n), stratum, "").ok());
      where[Code(7000 + 17 * n)] = {stratum, i};
    }
  }
  in.params.strata = {{"A", false, 3, 0}, {"B", true, 0, 400000}, {"C", true, 0, 500000}};
  in.params.per_entity = kSelectionOnly;
  std::map<std::string, std::uint64_t> count;
  for (const auto& r : in.params.strata) count[r.stratum] = StratumCount(r, sizes[r.stratum]);
  ASSERT_EQ(count["B"], 3u);
  ASSERT_EQ(count["C"], 2u);

  std::map<std::string, std::vector<int>> hits, first;  // per stratum, per entry
  for (const auto& [stratum, size] : sizes) {
    hits[stratum].assign(size, 0);
    first[stratum].assign(size, 0);
  }
  for (int seed = 0; seed < kDraws; ++seed) {
    in.seed = Seed(seed);
    DrawResult r = Draw(in);
    ASSERT_EQ(r.selected.size(), 8u);
    std::map<std::string, int> drawn;
    for (const auto& s : r.selected) {
      const auto& [stratum, index] = where.at(s.credit_code);
      ++hits[stratum][index];
      if (drawn[stratum]++ == 0) ++first[stratum][index];
    }
  }
  for (const auto& [stratum, size] : sizes) {
    SCOPED_TRACE(stratum);
    // A sample of k of s without replacement: each entry is in it with
    // p = k/s, and the counts' covariance over N draws is N p(1−p) s/(s−1)
    // (I − J/s), so Σ(O − Np)² (s−1) / (s N p(1−p)) is chi-square, s−1 df.
    const double p = static_cast<double>(count[stratum]) / size;
    double sum = 0;
    for (int h : hits[stratum]) sum += (h - kDraws * p) * (h - kDraws * p);
    const double chi = sum * (size - 1) / (size * kDraws * p * (1 - p));
    EXPECT_LT(chi, Critical(size - 1)) << "selection counts";
    // The first entry drawn in the stratum is uniform among its entries.
    EXPECT_LT(ChiSquareUniform(first[stratum]), Critical(size - 1)) << "first drawn";
  }
}

TEST(DrawDistribution, InspectorsArePickedUniformlyAmongCandidates) {
  // One entity; 6 candidates in three departments (3 + 2 + 1), plus one
  // inspector not qualified and one in conflict, who must never be picked.
  DrawInput in;
  ASSERT_TRUE(in.eligible.Add(Code(9000), "A", "JQ").ok());
  in.params.strata = {{"A", false, 1, 0}};
  in.params.items = {"SP-01"};
  in.params.per_entity = 2;
  in.params.mixed_departments = true;
  in.inspectors = {Insp("a1", "D1", "", {"SP-01"}), Insp("a2", "D1", "", {"SP-01"}),
                   Insp("a3", "D1", "", {"SP-01"}), Insp("b1", "D2", "", {"SP-01"}),
                   Insp("b2", "D2", "", {"SP-01"}), Insp("c1", "D3", "", {"SP-01"}),
                   Insp("x1", "D2", "", {"TS-01"}), Insp("x2", "D3", "", {"SP-01"})};
  in.conflicts = {{"x2", ConflictKind::kEntity, Code(9000)}};
  const std::vector<std::string> candidates = {"a1", "a2", "a3", "b1", "b2", "c1"};
  std::map<std::string, int> first_hits, second_after_d1;
  for (int seed = 0; seed < kDraws; ++seed) {
    in.seed = Seed(seed);
    DrawResult r = Draw(in);
    ASSERT_EQ(r.selected.size(), 1u);
    const auto& set = r.selected[0].inspectors;
    ASSERT_EQ(set.size(), 2u);
    ++first_hits[set[0]];
    if (set[0][0] == 'a') ++second_after_d1[set[1]];
  }
  EXPECT_EQ(first_hits.count("x1") + first_hits.count("x2"), 0u);
  std::vector<int> firsts;
  for (const auto& id : candidates) firsts.push_back(first_hits[id]);
  EXPECT_LT(ChiSquareUniform(firsts), Critical(5)) << "first inspector";
  // Joint plan: after a first of D1, the second is uniform among the three
  // candidates of other departments (b1, b2, c1), never another of D1.
  std::vector<int> seconds = {second_after_d1["b1"], second_after_d1["b2"], second_after_d1["c1"]};
  EXPECT_EQ(second_after_d1.size(), 3u);
  EXPECT_LT(ChiSquareUniform(seconds), Critical(2)) << "second inspector";
}

}  // namespace
}  // namespace jg::draw
