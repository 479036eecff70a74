#include "domain/draw/assign.h"

#include <algorithm>
#include <set>

#include "domain/draw/internal.h"

namespace jg::draw::internal {

InspectorPool::InspectorPool(const DrawInput& in)
    : sorted_(SortedInspectors(in.inspectors)),
      cross_station_(in.params.cross_station),
      cap_(in.params.workload_cap) {
  qualified_.resize(sorted_.size());
  mark_.resize(sorted_.size());
  for (std::uint32_t k = 0; k < sorted_.size(); ++k) {
    const Inspector& i = *sorted_[k];
    index_.emplace(i.id, k);
    std::set<std::string_view> has(i.items.begin(), i.items.end());
    qualified_[k] = std::all_of(in.params.items.begin(), in.params.items.end(),
                                [&has](const std::string& item) { return has.count(item) > 0; });
    if (!i.station.empty()) own_station_[i.station].push_back(k);
  }
  for (const auto& c : in.conflicts) {
    std::uint32_t k = index_.at(c.inspector_id);  // validated: the inspector exists
    (c.kind == ConflictKind::kEntity ? code_conflicts_ : station_conflicts_)[c.value].push_back(k);
  }
}

int InspectorPool::IndexOf(std::string_view id) const {
  auto it = index_.find(id);
  return it == index_.end() ? -1 : static_cast<int>(it->second);
}

std::vector<std::uint64_t> InspectorPool::InitialWorkloads() const {
  std::vector<std::uint64_t> w;
  for (const Inspector* i : sorted_) w.push_back(i->workload);
  return w;
}

std::vector<std::uint32_t> InspectorPool::StationConflicts(std::string_view station) const {
  std::vector<std::uint32_t> out;
  if (station.empty()) return out;
  auto add = [&](const auto& map) {
    auto it = map.find(station);
    if (it != map.end()) out.insert(out.end(), it->second.begin(), it->second.end());
  };
  add(station_conflicts_);
  if (cross_station_) add(own_station_);
  return out;
}

const std::vector<std::uint32_t>* InspectorPool::EntityConflicts(std::string_view code) const {
  auto it = code_conflicts_.find(code);
  return it == code_conflicts_.end() ? nullptr : &it->second;
}

std::vector<std::uint32_t> InspectorPool::Eligible(std::string_view code, std::string_view station,
                                                   const std::vector<std::uint64_t>& workload,
                                                   const std::vector<char>& excluded,
                                                   EligibilityCounts* counts) {
  std::vector<std::uint32_t> touched;
  auto mark_all = [&](const auto& map, std::string_view key) {
    auto it = map.find(key);
    if (it == map.end()) return;
    for (std::uint32_t k : it->second) {
      if (!mark_[k]) touched.push_back(k);
      mark_[k] = 1;
    }
  };
  mark_all(code_conflicts_, code);
  if (!station.empty()) {
    mark_all(station_conflicts_, station);
    if (cross_station_) mark_all(own_station_, station);
  }
  EligibilityCounts c;
  c.total = sorted_.size();
  std::vector<std::uint32_t> out;
  for (std::uint32_t k = 0; k < sorted_.size(); ++k) {
    if (!qualified_[k]) continue;
    ++c.qualified;
    if (mark_[k]) {
      ++c.conflicted;
    } else if (!excluded.empty() && excluded[k]) {
      ++c.excluded;
    } else if (cap_ != 0 && workload[k] >= cap_) {
      ++c.at_cap;
    } else {
      out.push_back(k);
    }
  }
  for (std::uint32_t k : touched) mark_[k] = 0;
  c.eligible = out.size();
  if (counts) *counts = c;
  return out;
}

bool SpansTwoDepartments(const std::vector<std::uint32_t>& v, const InspectorPool& pool) {
  for (std::uint32_t k : v) {
    if (pool.at(k).department != pool.at(v.front()).department) return true;
  }
  return false;
}

std::vector<std::uint32_t> PickInspectors(Drbg& drbg, std::vector<std::uint32_t> a, int k,
                                          bool mixed, const InspectorPool& pool) {
  const std::uint64_t m = a.size();
  for (std::uint64_t t = 0; t < static_cast<std::uint64_t>(k) && t < m; ++t) {
    if (mixed && t == 1) {
      std::vector<std::uint64_t> other;  // positions 1..m-1 of another department
      for (std::uint64_t p = 1; p < m; ++p) {
        if (pool.at(a[p]).department != pool.at(a[0]).department) other.push_back(p);
      }
      if (other.empty()) break;  // callers check SpansTwoDepartments first
      std::swap(a[1], a[other[drbg.UniformBelow(other.size())]]);
    } else {
      std::swap(a[t], a[t + drbg.UniformBelow(m - t)]);
    }
  }
  a.resize(std::min<std::uint64_t>(m, static_cast<std::uint64_t>(k)));
  return a;
}

Status NoEligibleInspectors(std::string_view code, int needed, const EligibilityCounts& c,
                            bool departments) {
  std::string m = "主体“" + std::string(code) + "”无法分派检查人员：需要" + std::to_string(needed) +
                  "名，人员库共" + std::to_string(c.total) + "名，具备全部检查事项资格的" +
                  std::to_string(c.qualified) + "名，其中须回避（关联关系、所所交叉）" +
                  std::to_string(c.conflicted) + "名";
  if (c.excluded) m += "、已在该主体或已回避" + std::to_string(c.excluded) + "名";
  m += "、已达工作量上限" + std::to_string(c.at_cap) + "名，可用" + std::to_string(c.eligible) +
       "名";
  if (departments) m += "，且可用人员均来自同一部门，不满足跨部门联合检查要求";
  return FailedPrecondition("no_eligible_inspectors", m, "inspectors");
}

}  // namespace jg::draw::internal
