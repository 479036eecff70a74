// Recusal (回避) after the draw: a replacement from the stream "recuse/<n>".
#include <algorithm>
#include <unordered_map>

#include "domain/draw/assign.h"
#include "domain/draw/draw.h"
#include "domain/draw/internal.h"

namespace jg::draw {
namespace {

// The current inspector sets of all selected entities, replacements applied.
Result<std::vector<std::vector<std::string>>> CurrentSets(const DrawResult& r) {
  std::vector<std::vector<std::string>> sets;
  std::unordered_map<std::string_view, std::size_t> where;
  sets.reserve(r.selected.size());
  for (std::size_t i = 0; i < r.selected.size(); ++i) {
    sets.push_back(r.selected[i].inspectors);
    where.emplace(r.selected[i].credit_code, i);
  }
  for (const Replacement& rep : r.replacements) {
    auto bad = [&rep] {
      return InvalidArgument("invalid_replacement",
                             "第" + std::to_string(rep.index) + "次回避替换与抽取结果不符",
                             "replacements");
    };
    auto it = where.find(rep.credit_code);
    if (it == where.end()) return bad();
    std::vector<std::string>& set = sets[it->second];
    auto at = std::find(set.begin(), set.end(), rep.recused);
    if (at == set.end()) return bad();
    *at = rep.replacement;
  }
  return sets;
}

}  // namespace

std::vector<std::string> CurrentInspectors(const DrawResult& result, std::size_t selected_index) {
  auto sets = CurrentSets(result);
  if (!sets.ok() || selected_index >= sets->size()) return {};
  return (*sets)[selected_index];
}

Result<Replacement> Recuse(const DrawInput& in, const DrawResult& result,
                           std::string_view entity_code, std::string_view inspector_id,
                           int recusal_index) {
  if (recusal_index < 1 ||
      static_cast<std::size_t>(recusal_index) != result.replacements.size() + 1) {
    return InvalidArgument(
        "recusal_out_of_order",
        "回避序号须为" + std::to_string(result.replacements.size() + 1) + "（按发生顺序连续编号）",
        "recusal_index");
  }
  const DrawCommitment& c = result.commitment;
  JG_ASSIGN_OR_RETURN(Digest params, internal::ComputeParamsDigest(in));
  auto eligible_bytes = DecodeHex(c.eligible_digest, true);
  Digest eligible{};
  if (!eligible_bytes || eligible_bytes->size() != eligible.size()) {
    return InvalidArgument("invalid_commitment", "承诺中的名录摘要不合法", "eligible_digest");
  }
  std::copy(eligible_bytes->begin(), eligible_bytes->end(), eligible.begin());
  JG_RETURN_IF_ERROR(internal::CheckCommitment(in, c, eligible, params, c.eligible_count));

  JG_ASSIGN_OR_RETURN(auto sets, CurrentSets(result));
  auto entity = std::find_if(result.selected.begin(), result.selected.end(),
                             [&](const SelectedEntity& e) { return e.credit_code == entity_code; });
  if (entity == result.selected.end()) {
    return NotFound("entity_not_selected",
                    "主体“" + std::string(entity_code) + "”不在本次抽取结果中");
  }
  const auto& current = sets[entity - result.selected.begin()];
  if (std::find(current.begin(), current.end(), inspector_id) == current.end()) {
    return InvalidArgument(
        "inspector_not_assigned",
        "检查人员“" + std::string(inspector_id) + "”未分派到主体“" + std::string(entity_code) + "”",
        "inspector_id");
  }

  internal::InspectorPool pool(in);
  std::vector<std::uint64_t> workload = pool.InitialWorkloads();
  for (const auto& set : sets) {
    for (const auto& id : set) {
      int k = pool.IndexOf(id);
      if (k < 0) {
        return InvalidArgument("invalid_result", "抽取结果中的检查人员“" + id + "”不在人员库中",
                               "result");
      }
      ++workload[k];
    }
  }
  std::vector<char> excluded(pool.size());
  auto exclude = [&](std::string_view id) {
    if (int k = pool.IndexOf(id); k >= 0) excluded[k] = 1;
  };
  for (const auto& id : current) exclude(id);
  for (const Replacement& rep : result.replacements) {
    if (rep.credit_code == entity_code) exclude(rep.recused);
  }
  internal::EligibilityCounts counts;
  std::vector<std::uint32_t> cand =
      pool.Eligible(entity_code, entity->station, workload, excluded, &counts);

  // Joint plans: if the inspectors who stay share one department, the
  // replacement must come from another.
  bool restrict = false;
  if (in.params.mixed_departments) {
    std::vector<std::uint32_t> stay;
    for (const auto& id : current) {
      if (id != inspector_id && pool.IndexOf(id) >= 0) stay.push_back(pool.IndexOf(id));
    }
    if (!stay.empty() && !internal::SpansTwoDepartments(stay, pool)) {
      restrict = true;
      const std::string& dept = pool.at(stay.front()).department;
      std::erase_if(cand, [&](std::uint32_t k) { return pool.at(k).department == dept; });
    }
  }
  if (cand.empty()) return internal::NoEligibleInspectors(entity_code, 1, counts, restrict);

  Drbg drbg(SeedMaterial(in.seed, eligible, params), "recuse/" + std::to_string(recusal_index));
  const Inspector& pick = pool.at(cand[drbg.UniformBelow(cand.size())]);
  return Replacement{recusal_index, std::string(entity_code), std::string(inspector_id), pick.id};
}

}  // namespace jg::draw
