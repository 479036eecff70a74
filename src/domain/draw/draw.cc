// RunDraw: entity selection per stratum, then inspector assignment.
#include "domain/draw/draw.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "domain/draw/assign.h"
#include "domain/draw/candidate_index.h"
#include "domain/draw/internal.h"

namespace jg::draw {
namespace {

std::string StratumLabel(std::string_view s) {
  return s.empty() ? "未分类" : "“" + std::string(s) + "”";
}

// The snapshot indices of the selected entries, in output order.
Result<std::vector<std::size_t>> SelectEntities(const DrawInput& in,
                                                const std::vector<std::uint32_t>& order,
                                                const Digest& key) {
  const Snapshot& snap = in.eligible;
  std::vector<std::uint64_t> sizes(snap.strata().size());
  for (std::size_t i = 0; i < snap.size(); ++i) ++sizes[snap.stratum_index(i)];

  struct Plan {
    const StratumRule* rule;
    int snap_stratum;  // -1 if absent from the snapshot
    std::uint64_t size, count, offset;
  };
  std::vector<Plan> plans;
  std::vector<int> plan_of(snap.strata().size(), -1);
  std::uint64_t total = 0;
  for (const StratumRule* r : internal::SortedRules(in.params)) {
    Plan p{r, -1, 0, 0, total};
    auto it = std::find(snap.strata().begin(), snap.strata().end(), r->stratum);
    if (it != snap.strata().end()) {
      p.snap_stratum = static_cast<int>(it - snap.strata().begin());
      p.size = sizes[p.snap_stratum];
      plan_of[p.snap_stratum] = static_cast<int>(plans.size());
    }
    p.count = StratumCount(*r, p.size);
    if (p.count > p.size) {
      return FailedPrecondition("stratum_too_small",
                                "分层" + StratumLabel(r->stratum) + "须抽取" +
                                    std::to_string(p.count) + "户，但名录中仅有" +
                                    std::to_string(p.size) + "户",
                                "strata");
    }
    total += p.count;
    plans.push_back(p);
  }
  if (total > kMaxSelected) {
    return ResourceExhausted("too_many_selected", "本次须抽取" + std::to_string(total) +
                                                      "户，超过单次抽取100万户的上限");
  }

  // Positions within each stratum (its entries in canonical order), draw order.
  std::vector<std::vector<std::pair<std::uint64_t, std::uint64_t>>> wanted(plans.size());
  for (std::size_t s = 0; s < plans.size(); ++s) {
    Drbg drbg(key, "select/" + plans[s].rule->stratum);
    std::vector<std::uint64_t> pos = SampleWithoutReplacement(drbg, plans[s].size, plans[s].count);
    for (std::uint64_t d = 0; d < pos.size(); ++d) wanted[s].push_back({pos[d], d});
    std::sort(wanted[s].begin(), wanted[s].end());
  }

  // One scan in canonical order maps (stratum, position) to entries.
  std::vector<std::size_t> out(total);
  std::vector<std::uint64_t> rank(plans.size()), next(plans.size());
  std::uint64_t found = 0;
  for (std::size_t k = 0; k < snap.size() && found < total; ++k) {
    std::size_t i = OrderAt(order, k);
    int s = plan_of[snap.stratum_index(i)];
    if (s < 0) continue;
    auto& w = wanted[s];
    if (next[s] < w.size() && w[next[s]].first == rank[s]) {
      out[plans[s].offset + w[next[s]].second] = i;
      ++next[s];
      ++found;
    }
    ++rank[s];
  }
  if (found != total) return Internal("抽取结果与名录不一致");
  return out;
}

Status AssignInspectors(const DrawInput& in, const Digest& key, std::vector<SelectedEntity>& sel) {
  internal::InspectorPool pool(in);
  std::vector<std::uint64_t> workload = pool.InitialWorkloads();
  const int k = in.params.per_entity;
  const bool mixed = in.params.mixed_departments;
  Drbg drbg(key, "assign");
  // The counting trees make the scan's choices in O(k log n) an entity; the
  // scan remains for joint plans and for the diagnostics of a failure.
  std::optional<internal::CandidateIndex> index;
  if (!mixed && (in.eligible.stations().size() + 1) * pool.size() <=
                    internal::CandidateIndex::kMaxCells) {
    index.emplace(pool, workload);
  }
  std::vector<std::uint32_t> picked;
  for (SelectedEntity& e : sel) {
    if (!index || !index->Pick(drbg, e.credit_code, e.station, k, picked)) {
      internal::EligibilityCounts counts;
      std::vector<std::uint32_t> cand =
          pool.Eligible(e.credit_code, e.station, workload, {}, &counts);
      if (cand.size() < static_cast<std::size_t>(k)) {
        return internal::NoEligibleInspectors(e.credit_code, k, counts, false);
      }
      if (mixed && !internal::SpansTwoDepartments(cand, pool)) {
        return internal::NoEligibleInspectors(e.credit_code, k, counts, true);
      }
      picked = internal::PickInspectors(drbg, std::move(cand), k, mixed, pool);
    }
    e.inspectors.reserve(picked.size());
    for (std::uint32_t p : picked) {
      e.inspectors.push_back(pool.at(p).id);
      ++workload[p];
      if (index) index->Assigned(p, workload[p]);
    }
  }
  return Status::Ok();
}

}  // namespace

Result<DrawResult> RunDraw(const DrawInput& in, const DrawCommitment& commitment) {
  JG_ASSIGN_OR_RETURN(internal::Digests d, internal::ComputeDigests(in));
  return internal::RunDrawWithDigests(in, commitment, d);
}

Result<DrawResult> internal::RunDrawWithDigests(const DrawInput& in,
                                                const DrawCommitment& commitment,
                                                const Digests& d) {
  JG_RETURN_IF_ERROR(
      internal::CheckCommitment(in, commitment, d.eligible, d.params, in.eligible.size()));
  const Digest select_key = SeedMaterial(in.seed, d.eligible, d.selection);
  const Digest assign_key = SeedMaterial(in.seed, d.eligible, d.params);
  JG_ASSIGN_OR_RETURN(std::vector<std::size_t> picked, SelectEntities(in, d.order, select_key));
  DrawResult r;
  r.commitment = commitment;
  r.selected.reserve(picked.size());
  for (std::size_t i : picked) {
    r.selected.push_back({std::string(in.eligible.code(i)),
                          std::string(in.eligible.stratum(i)),
                          std::string(in.eligible.station(i)),
                          {}});
  }
  JG_RETURN_IF_ERROR(AssignInspectors(in, assign_key, r.selected));
  return r;
}

}  // namespace jg::draw
