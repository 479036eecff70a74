// The counting-tree path of inspector assignment must make exactly the choices
// of the pool scan it replaces (docs/draw-algorithm.md §6): run both in
// lockstep on random pools, conflicts, caps and entity sequences.
#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include <string>
#include <vector>

#include "domain/draw/assign.h"
#include "domain/draw/candidate_index.h"
#include "domain/draw/drbg.h"

namespace jg::draw::internal {
namespace {

const std::vector<std::string> kStations = {"", "S1", "S2", "S3"};

std::string EntityCode(int n) {
  return "E" + std::to_string(n);
}

TEST(CountingTree, SelectFindsTheRankedOne) {
  std::vector<char> ones = {0, 1, 1, 0, 1, 0, 0, 1, 1};
  CountingTree t(ones);
  EXPECT_EQ(t.Total(), 5u);
  std::vector<std::uint32_t> want = {1, 2, 4, 7, 8};
  for (std::uint32_t r = 0; r < 5; ++r) EXPECT_EQ(t.Select(r), want[r]) << r;
  t.Add(2, -1);
  t.Add(0, +1);
  EXPECT_EQ(t.Total(), 5u);
  want = {0, 1, 4, 7, 8};
  for (std::uint32_t r = 0; r < 5; ++r) EXPECT_EQ(t.Select(r), want[r]) << r;
}

RC_GTEST_PROP(CandidateIndex, MakesTheChoicesOfTheScan, ()) {
  DrawInput in;
  in.params.items = {"SP-01"};
  in.params.per_entity = *rc::gen::inRange(2, 4);
  in.params.cross_station = *rc::gen::arbitrary<bool>();
  in.params.workload_cap =
      *rc::gen::oneOf(rc::gen::just<std::uint64_t>(0), rc::gen::inRange<std::uint64_t>(1, 9));
  const int n = *rc::gen::inRange(0, 40);
  for (int k = 0; k < n; ++k) {
    Inspector i;
    i.id = "I" + std::to_string(100 + k);
    i.department = "D" + std::to_string(k % 3);
    i.station = kStations[*rc::gen::inRange<std::size_t>(0, kStations.size())];
    if (*rc::gen::inRange(0, 10) < 8) i.items.push_back("SP-01");
    i.workload = *rc::gen::inRange<std::uint64_t>(0, 6);
    in.inspectors.push_back(i);
  }
  if (n > 0) {
    const int conflicts = *rc::gen::inRange(0, 30);
    for (int c = 0; c < conflicts; ++c) {
      const std::string& who = in.inspectors[*rc::gen::inRange(0, n)].id;
      if (*rc::gen::arbitrary<bool>()) {
        in.conflicts.push_back({who, ConflictKind::kEntity, EntityCode(*rc::gen::inRange(0, 12))});
      } else {
        in.conflicts.push_back(
            {who, ConflictKind::kStation, kStations[*rc::gen::inRange<std::size_t>(1, 4)]});
      }
    }
  }
  InspectorPool pool(in);
  std::vector<std::uint64_t> w_index = pool.InitialWorkloads(), w_scan = w_index;
  CandidateIndex index(pool, w_index);
  Digest key{};
  key[0] = static_cast<std::uint8_t>(*rc::gen::arbitrary<std::uint8_t>());
  Drbg d_index(key, "assign"), d_scan(key, "assign");
  const int k = in.params.per_entity;
  const int entities = *rc::gen::inRange(1, 200);
  for (int e = 0; e < entities; ++e) {
    const std::string code = EntityCode(*rc::gen::inRange(0, 12));
    const std::string& station = kStations[*rc::gen::inRange<std::size_t>(0, kStations.size())];
    std::vector<std::uint32_t> fast;
    const bool ok = index.Pick(d_index, code, station, k, fast);
    std::vector<std::uint32_t> cand = pool.Eligible(code, station, w_scan, {}, nullptr);
    RC_ASSERT(ok == (cand.size() >= static_cast<std::size_t>(k)));
    if (!ok) break;  // the draw fails here: all or nothing
    std::vector<std::uint32_t> slow = PickInspectors(d_scan, std::move(cand), k, false, pool);
    RC_ASSERT(fast == slow);
    RC_ASSERT(d_index.words_used() == d_scan.words_used());
    for (std::uint32_t p : fast) {
      ++w_index[p];
      ++w_scan[p];
      index.Assigned(p, w_index[p]);
    }
  }
}

}  // namespace
}  // namespace jg::draw::internal
