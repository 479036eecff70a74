#include "domain/draw/candidate_index.h"

namespace jg::draw::internal {

CountingTree::CountingTree(const std::vector<char>& ones) : tree_(ones.size() + 1, 0) {
  const std::size_t n = ones.size();
  for (std::size_t i = 1; i <= n; ++i) {  // linear-time construction
    tree_[i] += ones[i - 1] ? 1 : 0;
    total_ += ones[i - 1] ? 1 : 0;
    std::size_t parent = i + (i & (~i + 1));
    if (parent <= n) tree_[parent] += tree_[i];
  }
  top_bit_ = 1;
  while (top_bit_ * 2 <= n) top_bit_ *= 2;
  if (n == 0) top_bit_ = 0;
}

void CountingTree::Add(std::uint32_t pos, int delta) {
  total_ += static_cast<std::uint32_t>(delta);
  for (std::size_t i = pos + 1; i < tree_.size(); i += i & (~i + 1)) {
    tree_[i] += static_cast<std::uint32_t>(delta);
  }
}

std::uint32_t CountingTree::Select(std::uint32_t rank) const {
  std::uint32_t pos = 0;  // the answer is the smallest pos whose prefix count exceeds rank
  for (std::uint32_t step = top_bit_; step != 0; step >>= 1) {
    if (pos + step < tree_.size() && tree_[pos + step] <= rank) {
      pos += step;
      rank -= tree_[pos];
    }
  }
  return pos;  // 1-based index pos + 1 is 0-based position pos
}

CandidateIndex::CandidateIndex(const InspectorPool& pool,
                               const std::vector<std::uint64_t>& workload)
    : pool_(pool), available_(pool.size()) {
  for (std::uint32_t k = 0; k < pool.size(); ++k) {
    available_[k] = pool.qualified(k) && (pool.cap() == 0 || workload[k] < pool.cap());
  }
}

CandidateIndex::View& CandidateIndex::ViewFor(std::string_view station) {
  auto it = views_.find(std::string(station));
  if (it != views_.end()) return *it->second;
  std::vector<char> member = available_;
  for (std::uint32_t k : pool_.StationConflicts(station)) member[k] = 0;
  auto view = std::make_unique<View>(View{member, CountingTree(member)});
  return *views_.emplace(std::string(station), std::move(view)).first->second;
}

bool CandidateIndex::Pick(Drbg& drbg, std::string_view code, std::string_view station, int k,
                          std::vector<std::uint32_t>& out) {
  View& v = ViewFor(station);
  removed_.clear();
  if (const auto* conflicts = pool_.EntityConflicts(code)) {
    for (std::uint32_t p : *conflicts) {
      if (!v.member[p]) continue;
      v.member[p] = 0;
      v.tree.Add(p, -1);
      removed_.push_back(p);
    }
  }
  const std::uint64_t m = v.tree.Total();
  const bool enough = m >= static_cast<std::uint64_t>(k);
  if (enough) {
    // Partial Fisher–Yates over the virtual ascending candidate list: the
    // cells swapped so far are kept aside, every other cell is a rank query.
    swaps_.clear();
    auto at = [&](std::uint64_t pos) {
      for (const auto& [p, value] : swaps_) {
        if (p == pos) return value;
      }
      return v.tree.Select(static_cast<std::uint32_t>(pos));
    };
    auto put = [&](std::uint64_t pos, std::uint32_t value) {
      for (auto& s : swaps_) {
        if (s.first == pos) {
          s.second = value;
          return;
        }
      }
      swaps_.emplace_back(pos, value);
    };
    out.clear();
    for (std::uint64_t t = 0; t < static_cast<std::uint64_t>(k); ++t) {
      std::uint64_t r = t + drbg.UniformBelow(m - t);
      std::uint32_t at_t = at(t), at_r = at(r);
      put(t, at_r);
      put(r, at_t);
      out.push_back(at_r);
    }
  }
  for (std::uint32_t p : removed_) {
    v.member[p] = 1;
    v.tree.Add(p, +1);
  }
  return enough;
}

void CandidateIndex::Assigned(std::uint32_t p, std::uint64_t new_workload) {
  if (pool_.cap() == 0 || new_workload < pool_.cap() || !available_[p]) return;
  available_[p] = 0;
  for (auto& [station, view] : views_) {
    if (!view->member[p]) continue;
    view->member[p] = 0;
    view->tree.Add(p, -1);
  }
}

}  // namespace jg::draw::internal
