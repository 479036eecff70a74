// Inspector eligibility and picking, shared by RunDraw and Recuse (internal).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "domain/draw/draw.h"

namespace jg::draw::internal {

struct EligibilityCounts {
  std::size_t total = 0;      // inspectors in the pool
  std::size_t qualified = 0;  // qualified for all of the plan's items
  std::size_t conflicted = 0;  // of those: conflict with the entity or its station (incl. 所所交叉)
  std::size_t excluded = 0;  // of the rest: already on the entity or recused from it
  std::size_t at_cap = 0;    // of the rest: at the workload cap
  std::size_t eligible = 0;
};

class InspectorPool {
 public:
  explicit InspectorPool(const DrawInput& in);  // `in` must be valid

  std::size_t size() const { return sorted_.size(); }
  const Inspector& at(std::uint32_t k) const { return *sorted_[k]; }
  int IndexOf(std::string_view id) const;  // position in id order, -1 if unknown
  std::vector<std::uint64_t> InitialWorkloads() const;
  bool qualified(std::uint32_t k) const { return qualified_[k] != 0; }
  std::uint64_t cap() const { return cap_; }
  // Positions barred from every entity of `station` ("" = none): its station
  // conflicts and, with 所所交叉, its own inspectors. May repeat a position.
  std::vector<std::uint32_t> StationConflicts(std::string_view station) const;
  // Positions with a declared conflict with this entity (null if none).
  const std::vector<std::uint32_t>* EntityConflicts(std::string_view code) const;

  // Eligible pool positions, ascending (= inspector id order). `excluded` is
  // indexed by pool position and may be empty.
  std::vector<std::uint32_t> Eligible(std::string_view code, std::string_view station,
                                      const std::vector<std::uint64_t>& workload,
                                      const std::vector<char>& excluded, EligibilityCounts* counts);

 private:
  std::vector<const Inspector*> sorted_;
  std::vector<char> qualified_;
  std::map<std::string_view, std::uint32_t, std::less<>> index_;
  std::unordered_map<std::string_view, std::vector<std::uint32_t>> code_conflicts_;
  std::unordered_map<std::string_view, std::vector<std::uint32_t>> station_conflicts_;
  std::unordered_map<std::string_view, std::vector<std::uint32_t>> own_station_;
  std::vector<char> mark_;  // scratch, all zero between calls
  bool cross_station_ = false;
  std::uint64_t cap_ = 0;
};

// Partial Fisher–Yates over `candidates` (ascending pool positions) picking k;
// with `mixed`, the second pick is among the remaining candidates of another
// department than the first's (docs/draw-algorithm.md §6). Requires k <=
// candidates.size() and, with `mixed`, two departments among them.
std::vector<std::uint32_t> PickInspectors(Drbg& drbg, std::vector<std::uint32_t> candidates, int k,
                                          bool mixed, const InspectorPool& pool);

bool SpansTwoDepartments(const std::vector<std::uint32_t>& v, const InspectorPool& pool);

Status NoEligibleInspectors(std::string_view code, int needed, const EligibilityCounts& c,
                            bool departments);

}  // namespace jg::draw::internal
