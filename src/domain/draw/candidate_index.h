// The inspector candidates of a draw kept as counting trees, so that picking
// an entity's inspectors costs O(k log n) instead of a scan of the whole pool
// per entity (internal). It makes exactly the choices of the scan
// (InspectorPool::Eligible + PickInspectors, docs/draw-algorithm.md §6): the
// candidate list is the same ascending list of pool positions, read through
// a rank query instead of being materialised, and the partial Fisher–Yates
// runs over it with a small swap map. Plans with mixed departments use the
// scan (their second pick filters by department).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "domain/draw/assign.h"
#include "domain/draw/drbg.h"

namespace jg::draw::internal {

// A Fenwick tree over 0/1 weights: prefix counts and "position of the r-th one".
class CountingTree {
 public:
  explicit CountingTree(const std::vector<char>& ones);
  void Add(std::uint32_t pos, int delta);
  std::uint32_t Total() const { return total_; }
  std::uint32_t Select(std::uint32_t rank) const;  // rank < Total()

 private:
  std::vector<std::uint32_t> tree_;  // 1-based
  std::uint32_t top_bit_ = 0;
  std::uint32_t total_ = 0;
};

class CandidateIndex {
 public:
  // Beyond this many (station view × inspector) cells the scan is used.
  static constexpr std::size_t kMaxCells = 32u << 20;

  CandidateIndex(const InspectorPool& pool, const std::vector<std::uint64_t>& workload);

  // The k inspectors (pool positions, in draw order) for the entity, consuming
  // `drbg` exactly as the scan would; false (nothing consumed) if fewer than k
  // candidates — the caller then asks the scan for the diagnostic counts.
  bool Pick(Drbg& drbg, std::string_view code, std::string_view station, int k,
            std::vector<std::uint32_t>& out);
  // After the caller raised workload[p]: drops p everywhere once at the cap.
  void Assigned(std::uint32_t p, std::uint64_t new_workload);

 private:
  struct View {  // candidates for entities of one station, before entity conflicts
    std::vector<char> member;
    CountingTree tree;
  };
  View& ViewFor(std::string_view station);

  const InspectorPool& pool_;
  std::vector<char> available_;  // qualified and under the cap
  std::unordered_map<std::string, std::unique_ptr<View>> views_;
  std::vector<std::pair<std::uint64_t, std::uint32_t>> swaps_;  // scratch
  std::vector<std::uint32_t> removed_;                          // scratch
};

}  // namespace jg::draw::internal
