// The random draw (双随机): DRBG, sampling, selection, assignment, recusal.
// Every randomised check uses fixed seeds, so none can flake.
#include "domain/draw/draw.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <set>

#include "domain/draw/draw_file.h"
#include "domain/draw/text.h"
#include "draw_fixtures.h"

namespace jg::draw {
namespace {

using testing::Code;
using testing::Insp;
using testing::VectorInput;

DrawResult Draw(const DrawInput& in) {
  auto c = Commit(in, SeedMode::kCommitReveal);
  EXPECT_TRUE(c.ok()) << c.status().ToString();
  auto r = RunDraw(in, *c);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? *r : DrawResult{};
}

std::string Seed(int n) {
  return "seed-" + std::to_string(n) + "-0123456789abcdef";
}

// Every constraint of the plan, checked independently of the implementation.
void ExpectConstraints(const DrawInput& in, const std::vector<SelectedEntity>& sel,
                       const std::vector<std::vector<std::string>>& sets) {
  std::map<std::string, const Inspector*> insp;
  for (const auto& i : in.inspectors) insp[i.id] = &i;
  std::map<std::string, std::uint64_t> load;
  for (const auto& i : in.inspectors) load[i.id] = i.workload;
  std::map<std::string, std::uint64_t> per_stratum, stratum_size;
  for (std::size_t i = 0; i < in.eligible.size(); ++i)
    ++stratum_size[std::string(in.eligible.stratum(i))];
  std::set<std::string> codes;
  for (std::size_t e = 0; e < sel.size(); ++e) {
    const SelectedEntity& s = sel[e];
    EXPECT_TRUE(codes.insert(s.credit_code).second) << "duplicate " << s.credit_code;
    ++per_stratum[s.stratum];
    const auto& set = sets[e];
    ASSERT_EQ(set.size(), static_cast<std::size_t>(in.params.per_entity)) << s.credit_code;
    EXPECT_EQ(std::set<std::string>(set.begin(), set.end()).size(), set.size());
    std::set<std::string> depts;
    for (const auto& id : set) {
      ASSERT_TRUE(insp.count(id)) << id;
      const Inspector& i = *insp[id];
      depts.insert(i.department);
      ++load[id];
      for (const auto& item : in.params.items) {
        EXPECT_NE(std::find(i.items.begin(), i.items.end(), item), i.items.end())
            << id << " " << item;
      }
      for (const auto& c : in.conflicts) {
        if (c.inspector_id != id) continue;
        EXPECT_FALSE(c.kind == ConflictKind::kEntity && c.value == s.credit_code) << id;
        EXPECT_FALSE(c.kind == ConflictKind::kStation && c.value == s.station) << id;
      }
      if (in.params.cross_station && !s.station.empty()) {
        EXPECT_NE(i.station, s.station) << id;
      }
    }
    if (in.params.mixed_departments) {
      EXPECT_GE(depts.size(), 2u) << s.credit_code;
    }
  }
  if (in.params.workload_cap) {
    for (const auto& [id, n] : load) {
      EXPECT_LE(n, std::max(in.params.workload_cap, insp[id]->workload)) << id;
    }
  }
  for (const auto& r : in.params.strata) {
    EXPECT_EQ(per_stratum[r.stratum], StratumCount(r, stratum_size[r.stratum])) << r.stratum;
  }
}

void ExpectConstraints(const DrawInput& in, const DrawResult& r) {
  std::vector<std::vector<std::string>> sets;
  for (std::size_t i = 0; i < r.selected.size(); ++i) sets.push_back(CurrentInspectors(r, i));
  ExpectConstraints(in, r.selected, sets);
}

// A larger input: n entities in strata A–D/"" over 6 stations, 24 inspectors.
DrawInput BigInput(int n, int seed) {
  DrawInput in;
  const char* strata[] = {"A", "B", "B", "C", "C", "C", "D", ""};
  for (int i = 0; i < n; ++i) {
    EXPECT_TRUE(
        in.eligible.Add(Code(i * 7 + 3), strata[(i * 5) % 8], "S" + std::to_string(i % 6)).ok());
  }
  in.params.items = {"X1"};
  in.params.strata = {{"A", false, 3, 0},
                      {"B", true, 0, 100000},
                      {"C", false, 5, 0},
                      {"D", true, 0, 333333},
                      {"", false, 2, 0}};
  in.params.per_entity = 3;
  in.params.workload_cap = 10;
  in.params.cross_station = true;
  in.params.mixed_departments = true;
  for (int i = 0; i < 24; ++i) {
    std::vector<std::string> items = {"X1"};
    if (i % 7 == 6) items = {"X2"};
    in.inspectors.push_back(Insp("I" + std::to_string(100 + i), "D" + std::to_string(i % 3),
                                 i % 3 == 0 ? "" : "S" + std::to_string(i % 6), items, i % 5));
  }
  for (int i = 0; i < 40; ++i) {
    in.conflicts.push_back(
        {"I" + std::to_string(100 + i % 24), ConflictKind::kEntity, Code(((i * 13) % n) * 7 + 3)});
  }
  in.conflicts.push_back({"I101", ConflictKind::kStation, "S2"});
  in.seed = Seed(seed);
  return in;
}

TEST(DrawDrbg, KnownAnswerForSeed00) {
  Digest zero{};
  Digest k = SeedMaterial(std::string("\0", 1), zero, zero);
  EXPECT_EQ(HexOf(k), "fb846299a3933b841d719d219d8f6a0f3d641eaf46f3e9f2f454d431a5fa2ce7");
  Drbg d(k, "select/A");
  EXPECT_EQ(HexOf(d.Block(0)), "af8dd17ebd9a15859cfebe404833842b977965065cc9de18dd192cdfc8860df2");
  EXPECT_EQ(HexOf(Sm3(AsBytes(d.Block(0)))),
            "63b3461d8f8e7f1d6b3b347278216ad675cb3b997ee0706c56693b8a52a5ab7a");
  EXPECT_EQ(d.NextWord(), 0xaf8dd17ebd9a1585u);
  EXPECT_EQ(d.NextWord(), 0x9cfebe404833842bu);
  Drbg e(k, "select/A");
  std::vector<std::uint64_t> got;
  for (int i = 0; i < 5; ++i) got.push_back(e.UniformBelow(10));
  EXPECT_EQ(got, (std::vector<std::uint64_t>{3, 7, 8, 2, 9}));
  EXPECT_NE(HexOf(Drbg(k, "select/B").Block(0)), HexOf(d.Block(0)));
  EXPECT_NE(HexOf(d.Block(1)), HexOf(d.Block(0)));
}

TEST(DrawDrbg, UniformBelowRejectsTheBiasedTail) {
  Drbg d(Sm3("k"), "t");
  // n = 2^63 + 1: words below 2^64 mod n = 2^63 - 1 (about half) are rejected.
  const std::uint64_t n = (std::uint64_t{1} << 63) + 1;
  for (int i = 0; i < 200; ++i) EXPECT_LT(d.UniformBelow(n), n);
  EXPECT_GT(d.words_used(), 250u);
  EXPECT_LT(d.words_used(), 600u);
  Drbg p(Sm3("k"), "t");  // a power of two never rejects; n = 1 still consumes a word
  for (int i = 0; i < 100; ++i) EXPECT_LT(p.UniformBelow(1024), 1024u);
  EXPECT_EQ(p.UniformBelow(1), 0u);
  EXPECT_EQ(p.words_used(), 101u);
}

TEST(DrawDrbg, UniformBelowChiSquare) {
  for (std::uint64_t n : {2u, 7u, 10u, 31u}) {
    Drbg d(Sm3("chi"), "n" + std::to_string(n));
    const int draws = 20000 * static_cast<int>(n) / 10 + 10000;
    std::vector<int> hits(n);
    for (int i = 0; i < draws; ++i) ++hits[d.UniformBelow(n)];
    double expected = static_cast<double>(draws) / n, chi = 0;
    for (int h : hits) chi += (h - expected) * (h - expected) / expected;
    // df = n-1; the bound is far in the tail (p < 1e-6) yet catches gross bias.
    EXPECT_LT(chi, 5.0 * (n - 1) + 30) << "n=" << n;
  }
}

TEST(DrawSample, SparseAndDensePathsFollowTheSameFisherYates) {
  for (auto [n, k] : std::vector<std::pair<std::uint64_t, std::uint64_t>>{
           {1, 1}, {10, 10}, {10, 3}, {100, 5}, {1000, 30}, {5000000, 200}}) {
    Drbg a(Sm3("fy"), "x"), b(Sm3("fy"), "x");
    std::vector<std::uint64_t> got = SampleWithoutReplacement(a, n, k);
    // Reference: a plain Fisher–Yates on a full array (only for small n).
    std::map<std::uint64_t, std::uint64_t> arr;  // sparse but obviously correct
    auto at = [&](std::uint64_t x) { return arr.count(x) ? arr[x] : x; };
    std::vector<std::uint64_t> want;
    for (std::uint64_t j = 0; j < k; ++j) {
      std::uint64_t r = j + b.UniformBelow(n - j);
      std::uint64_t vj = at(j), vr = at(r);
      arr[j] = vr;
      arr[r] = vj;
      want.push_back(vr);
    }
    EXPECT_EQ(got, want) << n << " " << k;
    EXPECT_EQ(std::set<std::uint64_t>(got.begin(), got.end()).size(), k);
    for (auto x : got) EXPECT_LT(x, n);
  }
}

TEST(DrawStratum, CountsRoundHalfUpWithAtLeastOne) {
  StratumRule r{"A", true, 0, 250000};
  EXPECT_EQ(StratumCount(r, 9), 2u);   // 2.25
  EXPECT_EQ(StratumCount(r, 10), 3u);  // 2.5 rounds up
  EXPECT_EQ(StratumCount(r, 1), 1u);   // 0.25 → 0, but at least 1
  EXPECT_EQ(StratumCount(r, 0), 0u);
  r.ratio_ppm = 0;
  EXPECT_EQ(StratumCount(r, 100), 0u);
  r.ratio_ppm = 1000000;
  EXPECT_EQ(StratumCount(r, 50000000), 50000000u);
  r.ratio_ppm = 1;
  EXPECT_EQ(StratumCount(r, 499999), 1u);
  EXPECT_EQ(StratumCount(r, 1500000), 2u);
  EXPECT_EQ(StratumCount({"B", false, 7, 0}, 3), 7u);
}

TEST(Draw, VectorDrawIsDeterministicAndRespectsEveryConstraint) {
  DrawInput in = VectorInput();
  DrawResult a = Draw(in), b = Draw(in);
  ASSERT_EQ(a.selected.size(), 9u);
  EXPECT_EQ(a.selected[0].credit_code, "91310114MA0016295L");
  for (std::size_t i = 0; i < a.selected.size(); ++i) {
    EXPECT_EQ(a.selected[i].credit_code, b.selected[i].credit_code);
    EXPECT_EQ(a.selected[i].inspectors, b.selected[i].inspectors);
  }
  // Output order: strata in byte order ("" first), then draw order.
  std::vector<std::string> strata;
  for (const auto& s : a.selected) strata.push_back(s.stratum);
  EXPECT_EQ(strata, (std::vector<std::string>{"", "A", "B", "B", "C", "C", "C", "D", "D"}));
  ExpectConstraints(in, a);
}

TEST(Draw, ConstraintsHoldOverManySeeds) {
  for (int seed = 0; seed < 60; ++seed) {
    SCOPED_TRACE(seed);
    DrawInput in = BigInput(120, seed);
    DrawResult r = Draw(in);
    ASSERT_EQ(r.selected.size(), 3u + 3 + 5 + 5 + 2);  // B: 30×10% → 3, D: 15×⅓ → 5
    ExpectConstraints(in, r);
  }
}

TEST(Draw, InsertionOrderDoesNotMatter) {
  DrawInput sorted = BigInput(200, 1), shuffled = BigInput(200, 1);
  shuffled.eligible = Snapshot();
  for (std::size_t k = 0; k < sorted.eligible.size(); ++k) {
    std::size_t i = (k * 37) % sorted.eligible.size();  // a permutation (37 ⊥ 200)
    ASSERT_TRUE(
        shuffled.eligible
            .Add(sorted.eligible.code(i), sorted.eligible.stratum(i), sorted.eligible.station(i))
            .ok());
  }
  EXPECT_FALSE(shuffled.eligible.IsCanonical());
  std::reverse(shuffled.inspectors.begin(), shuffled.inspectors.end());
  std::reverse(shuffled.conflicts.begin(), shuffled.conflicts.end());
  DrawResult a = Draw(sorted), b = Draw(shuffled);
  EXPECT_EQ(CommitmentId(a.commitment), CommitmentId(b.commitment));
  ASSERT_EQ(a.selected.size(), b.selected.size());
  for (std::size_t i = 0; i < a.selected.size(); ++i) {
    EXPECT_EQ(a.selected[i].credit_code, b.selected[i].credit_code);
    EXPECT_EQ(a.selected[i].inspectors, b.selected[i].inspectors);
  }
  shuffled.eligible.SortCanonical();
  EXPECT_TRUE(shuffled.eligible.IsCanonical());
  EXPECT_EQ(Draw(shuffled).commitment.eligible_digest, a.commitment.eligible_digest);
}

TEST(Draw, OneSeedByteChangesTheDraw) {
  DrawInput in = BigInput(300, 7);
  DrawResult a = Draw(in);
  in.seed[3] ^= 1;
  DrawResult b = Draw(in);
  std::vector<std::string> ca, cb;
  for (const auto& s : a.selected) ca.push_back(s.credit_code);
  for (const auto& s : b.selected) cb.push_back(s.credit_code);
  EXPECT_NE(ca, cb);
}

TEST(Draw, AddingAnInspectorLeavesTheEntitySelectionAlone) {
  DrawInput in = BigInput(300, 9);
  DrawResult a = Draw(in);
  in.inspectors.push_back(Insp("I999", "D2", "S1", {"X1"}));
  DrawResult b = Draw(in);
  EXPECT_NE(a.commitment.params_digest, b.commitment.params_digest);
  ASSERT_EQ(a.selected.size(), b.selected.size());
  bool assignment_changed = false;
  for (std::size_t i = 0; i < a.selected.size(); ++i) {
    EXPECT_EQ(a.selected[i].credit_code, b.selected[i].credit_code);
    assignment_changed = assignment_changed || a.selected[i].inspectors != b.selected[i].inspectors;
  }
  EXPECT_TRUE(assignment_changed);
}

TEST(Draw, SelectionOnlyDrawPicksTheSameEntitiesAndVerifies) {
  // Case-file sampling draws case files without inspectors (per_entity 0).
  DrawInput full = VectorInput();
  DrawInput only = VectorInput();
  only.inspectors.clear();
  only.conflicts.clear();
  only.params.per_entity = kSelectionOnly;
  only.params.cross_station = only.params.mixed_departments = false;
  DrawResult a = Draw(full), b = Draw(only);
  ASSERT_EQ(a.selected.size(), b.selected.size());
  for (std::size_t i = 0; i < a.selected.size(); ++i) {
    EXPECT_EQ(a.selected[i].credit_code, b.selected[i].credit_code);  // K_select ignores P
    EXPECT_TRUE(b.selected[i].inspectors.empty());
  }
  auto report = VerifyDrawFile(ExportDrawFile(only, b), CommitmentId(b.commitment));
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_TRUE(report->ok) << report->mismatch;
  EXPECT_EQ(report->assignments, 0u);
  // A pool with nothing to assign is refused rather than silently ignored.
  only.inspectors = full.inspectors;
  EXPECT_EQ(Commit(only, SeedMode::kCommitReveal).status().reason(), "invalid_per_entity");
}

TEST(Draw, EachEntityIsEquallyLikely) {
  // One of 10 entities drawn over 3000 seeds: each should win about 300 times.
  std::vector<int> hits(10);
  std::map<std::string, int> index;
  for (int seed = 0; seed < 3000; ++seed) {
    DrawInput in;
    for (int i = 0; i < 10; ++i) {
      ASSERT_TRUE(in.eligible.Add(Code(i), "A", "").ok());
      index[Code(i)] = i;
    }
    in.params.strata = {{"A", false, 1, 0}};
    in.inspectors = {Insp("a", "D1", "", {}), Insp("b", "D2", "", {})};
    in.seed = Seed(seed);
    DrawResult r = Draw(in);
    ASSERT_EQ(r.selected.size(), 1u);
    ++hits[index[r.selected[0].credit_code]];
  }
  double chi = 0;
  for (int h : hits) chi += (h - 300.0) * (h - 300.0) / 300.0;
  EXPECT_LT(chi, 40.0);  // df 9: p ≈ 6e-6
}

TEST(Draw, StratumTooSmallNamesTheStratum) {
  DrawInput in = VectorInput();
  in.params.strata[2].count = 12;  // C has 9 entries
  auto c = Commit(in, SeedMode::kCommitReveal);
  ASSERT_TRUE(c.ok());
  auto r = RunDraw(in, *c);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().reason(), "stratum_too_small");
  EXPECT_EQ(r.status().message(), "分层“C”须抽取12户，但名录中仅有9户");
  in.params.strata = {{"X", false, 1, 0}};
  r = RunDraw(in, *Commit(in, SeedMode::kCommitReveal));
  EXPECT_EQ(r.status().message(), "分层“X”须抽取1户，但名录中仅有0户");
}

TEST(Draw, NoEligibleInspectorsNamesTheEntityAndWhy) {
  DrawInput in = VectorInput();
  in.params.workload_cap = 3;
  auto r = RunDraw(in, *Commit(in, SeedMode::kCommitReveal));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().reason(), "no_eligible_inspectors");
  EXPECT_NE(r.status().message().find("主体“91310114MA"), std::string::npos)
      << r.status().message();
  EXPECT_NE(r.status().message().find("具备全部检查事项资格的7名"), std::string::npos);
  EXPECT_NE(r.status().message().find("已达工作量上限"), std::string::npos);

  // Only one department left: the joint-plan rule cannot be met.
  in = VectorInput();
  in.inspectors = {Insp("a", "D1", "", {"SP-01", "SP-02"}),
                   Insp("b", "D1", "", {"SP-01", "SP-02"})};
  in.conflicts.clear();
  r = RunDraw(in, *Commit(in, SeedMode::kCommitReveal));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("同一部门"), std::string::npos);
  in.params.mixed_departments = false;
  in.params.workload_cap = 0;
  EXPECT_TRUE(RunDraw(in, *Commit(in, SeedMode::kCommitReveal)).ok());
}

TEST(Draw, InvalidInputIsRefusedBeforeAnyCommitment) {
  auto reason = [](DrawInput in) { return Commit(in, SeedMode::kCommitReveal).status().reason(); };
  DrawInput in = VectorInput();
  EXPECT_TRUE(Commit(in, SeedMode::kCommitReveal).ok());
  DrawInput dup = VectorInput();
  ASSERT_TRUE(dup.eligible.Add(Code(1000), "B", "NX").ok());
  EXPECT_EQ(reason(dup), "duplicate_entity");
  in = VectorInput();
  in.params.per_entity = 1;
  EXPECT_EQ(reason(in), "invalid_per_entity");
  in = VectorInput();
  in.conflicts.push_back({"nobody", ConflictKind::kEntity, Code(1)});
  EXPECT_EQ(reason(in), "unknown_inspector");
  in = VectorInput();
  in.inspectors.push_back(in.inspectors[0]);
  EXPECT_EQ(reason(in), "duplicate_inspector");
  in = VectorInput();
  in.params.strata.push_back({"A", false, 1, 0});
  EXPECT_EQ(reason(in), "duplicate_stratum");
  in = VectorInput();
  in.params.strata[1].ratio_ppm = 1000001;
  EXPECT_EQ(reason(in), "invalid_stratum_rule");
  in = VectorInput();
  in.seed = "short";
  EXPECT_EQ(reason(in), "seed_too_short");
  in = VectorInput();
  in.inspectors[0].items.push_back("a,b");
  EXPECT_EQ(reason(in), "invalid_item");
  in = VectorInput();
  in.params.plan = std::string("x\x01", 2);
  EXPECT_EQ(reason(in), "invalid_plan");
  in = VectorInput();
  in.seed_source.clear();
  EXPECT_EQ(Commit(in, SeedMode::kPublicValue).status().reason(), "seed_source_required");

  Snapshot s;
  EXPECT_EQ(s.Add("", "A", "").reason(), "invalid_credit_code");
  EXPECT_EQ(s.Add("91 310", "A", "").reason(), "invalid_credit_code");
  EXPECT_EQ(s.Add("X", "A\tB", "").reason(), "invalid_stratum");
  EXPECT_EQ(s.Add("X", "A", std::string(65, 'x')).reason(), "invalid_station");
  EXPECT_EQ(s.Add("X", "A", "\xff").reason(), "invalid_station");
  EXPECT_TRUE(s.Add("X", "", "").ok());
}

TEST(Draw, RunningOnOtherInputsThanCommittedIsRefused) {
  DrawInput in = VectorInput();
  DrawCommitment c = *Commit(in, SeedMode::kCommitReveal);
  DrawInput other = VectorInput();
  other.params.workload_cap = 6;
  auto r = RunDraw(other, c);
  EXPECT_EQ(r.status().reason(), "commitment_mismatch");
  EXPECT_EQ(r.status().field(), "params_digest");
  other = VectorInput();
  other.seed[0] ^= 1;
  EXPECT_EQ(RunDraw(other, c).status().field(), "seed");

  // Public-value mode: committed before the value exists, drawn with it.
  in.seed.clear();
  in.seed_source = "上海福利彩票 2024-03-05 开奖号码";
  auto pc = Commit(in, SeedMode::kPublicValue);
  ASSERT_TRUE(pc.ok()) << pc.status().ToString();
  EXPECT_EQ(RunDraw(in, *pc).status().reason(), "seed_missing");
  in.seed = "03 12 18 22 27 31 + 05";
  EXPECT_TRUE(RunDraw(in, *pc).ok());
  EXPECT_NE(CommitmentText(*pc).find("seed_source: 上海福利彩票"), std::string::npos);
}

TEST(Draw, RecusalIsDeterministicAndKeepsTheConstraints) {
  for (int seed = 0; seed < 20; ++seed) {
    SCOPED_TRACE(seed);
    DrawInput in = BigInput(150, 100 + seed);
    in.params.workload_cap = 0;
    DrawResult r = Draw(in);
    for (int n = 1; n <= 4; ++n) {
      const SelectedEntity& e = r.selected[(n * 3) % r.selected.size()];
      std::string who = CurrentInspectors(r, (n * 3) % r.selected.size())[n % 3];
      auto a = Recuse(in, r, e.credit_code, who, n);
      auto b = Recuse(in, r, e.credit_code, who, n);
      ASSERT_TRUE(a.ok()) << a.status().ToString();
      EXPECT_EQ(a->replacement, b->replacement);
      EXPECT_EQ(a->recused, who);
      EXPECT_NE(a->replacement, who);
      for (const auto& prev : r.replacements) {  // a recused inspector never comes back
        if (prev.credit_code == e.credit_code) {
          EXPECT_NE(a->replacement, prev.recused);
        }
      }
      r.replacements.push_back(*a);
      ExpectConstraints(in, r);
    }
  }
}

TEST(Draw, RecusalIndexMustBeTheNextOne) {
  DrawInput in = VectorInput();
  DrawResult r = Draw(in);
  const auto& e = r.selected[0];
  EXPECT_EQ(Recuse(in, r, e.credit_code, e.inspectors[0], 2).status().reason(),
            "recusal_out_of_order");
  EXPECT_EQ(Recuse(in, r, e.credit_code, "nobody", 1).status().reason(), "inspector_not_assigned");
  EXPECT_EQ(Recuse(in, r, "X", e.inspectors[0], 1).status().reason(), "entity_not_selected");
  auto rep = Recuse(in, r, e.credit_code, e.inspectors[0], 1);
  ASSERT_TRUE(rep.ok()) << rep.status().ToString();
  // The test vector's recorded recusal: NX001 (南翔所) stays, so the replacement
  // must be of another department; SP001 may not inspect station AT.
  EXPECT_EQ(rep->replacement, "JD001");
  r.replacements.push_back(*rep);
  ExpectConstraints(in, r);
  // Recusing everyone eventually exhausts the pool, and says why.
  Status last = Status::Ok();
  for (int n = 2; n < 20 && last.ok(); ++n) {
    auto more = Recuse(in, r, e.credit_code, CurrentInspectors(r, 0)[0], n);
    if (!more.ok()) {
      last = more.status();
      break;
    }
    r.replacements.push_back(*more);
    ExpectConstraints(in, r);
  }
  EXPECT_EQ(last.reason(), "no_eligible_inspectors");
  EXPECT_NE(last.message().find("已在该主体或已回避"), std::string::npos) << last.message();
}

// Timing of a large draw (run with --gtest_also_run_disabled_tests).
TEST(Draw, DISABLED_TimeOneMillionEntitiesOnePercent) {
  DrawInput in;
  in.eligible.Reserve(1000000);
  const char* strata[] = {"A", "B", "C", "D", ""};
  for (int i = 0; i < 1000000; ++i) {
    ASSERT_TRUE(in.eligible.Add(Code(i), strata[i % 5], "S" + std::to_string(i % 12)).ok());
  }
  for (auto s : strata) in.params.strata.push_back({s, true, 0, 10000});
  for (int i = 0; i < 300; ++i) {
    in.inspectors.push_back(Insp("I" + std::to_string(1000 + i), "D" + std::to_string(i % 5),
                                 "S" + std::to_string(i % 12), {}));
  }
  in.params.cross_station = true;
  in.params.mixed_departments = true;
  in.seed = Seed(1);
  auto t0 = std::chrono::steady_clock::now();
  auto c = Commit(in, SeedMode::kCommitReveal);
  auto t1 = std::chrono::steady_clock::now();
  auto r = RunDraw(in, *c);
  auto t2 = std::chrono::steady_clock::now();
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->selected.size(), 10000u);
  auto ms = [](auto d) { return std::chrono::duration_cast<std::chrono::milliseconds>(d).count(); };
  std::printf("commit %lld ms, draw (re-digest + select + assign) %lld ms\n",
              static_cast<long long>(ms(t1 - t0)), static_cast<long long>(ms(t2 - t1)));
}

}  // namespace
}  // namespace jg::draw
