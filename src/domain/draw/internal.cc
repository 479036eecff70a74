#include "domain/draw/internal.h"

#include <algorithm>

namespace jg::draw::internal {

std::string U64(std::uint64_t v) {
  return std::to_string(v);
}

std::vector<const StratumRule*> SortedRules(const DrawParams& p) {
  std::vector<const StratumRule*> v;
  for (const auto& r : p.strata) v.push_back(&r);
  std::sort(v.begin(), v.end(), [](auto* a, auto* b) { return a->stratum < b->stratum; });
  return v;
}

std::vector<const Inspector*> SortedInspectors(const std::vector<Inspector>& in) {
  std::vector<const Inspector*> v;
  for (const auto& i : in) v.push_back(&i);
  std::sort(v.begin(), v.end(), [](auto* a, auto* b) { return a->id < b->id; });
  return v;
}

std::vector<const Conflict*> SortedConflicts(const std::vector<Conflict>& in) {
  std::vector<const Conflict*> v;
  for (const auto& c : in) v.push_back(&c);
  std::sort(v.begin(), v.end(), [](auto* a, auto* b) {
    if (a->inspector_id != b->inspector_id) return a->inspector_id < b->inspector_id;
    if (a->kind != b->kind) return ConflictKindName(a->kind) < ConflictKindName(b->kind);
    return a->value < b->value;
  });
  return v;
}

std::vector<std::string> Sorted(const std::vector<std::string>& v) {
  std::vector<std::string> out = v;
  std::sort(out.begin(), out.end());
  return out;
}

Result<Digest> ComputeParamsDigest(const DrawInput& in) {
  JG_RETURN_IF_ERROR(ValidateInput(in));
  return Sm3(CanonicalParamsText(in));
}

Result<Digests> ComputeDigests(const DrawInput& in) {
  Digests d;
  JG_ASSIGN_OR_RETURN(d.params, ComputeParamsDigest(in));
  d.selection = Sm3(CanonicalSelectionText(in.params));
  JG_ASSIGN_OR_RETURN(d.order, CanonicalOrder(in.eligible));
  d.eligible = EligibleDigest(in.eligible, d.order);
  return d;
}

Status CheckCommitment(const DrawInput& in, const DrawCommitment& c, const Digest& eligible,
                       const Digest& params, std::uint64_t eligible_count) {
  auto mismatch = [](const std::string& what, const std::string& field) {
    return FailedPrecondition("commitment_mismatch", "抽取输入与公示的承诺不符：" + what, field);
  };
  if (c.algorithm != kDrawAlgorithm) {
    return mismatch("算法版本为“" + c.algorithm + "”，本程序实现" + std::string(kDrawAlgorithm),
                    "algorithm");
  }
  if (c.eligible_count != eligible_count) {
    return mismatch("名录条数承诺为" + U64(c.eligible_count) + "，实际为" + U64(eligible_count),
                    "eligible_count");
  }
  if (c.eligible_digest != HexOf(eligible)) return mismatch("名录摘要不一致", "eligible_digest");
  if (c.params_digest != HexOf(params)) return mismatch("参数摘要不一致", "params_digest");
  if (c.seed_source != in.seed_source) return mismatch("随机种子来源说明不一致", "seed_source");
  if (in.seed.empty()) {
    return FailedPrecondition("seed_missing", "尚未提供随机种子（公开随机数或揭示的保密种子）",
                              "seed");
  }
  if (c.seed_mode == SeedMode::kCommitReveal && c.seed_commitment != HexOf(Sm3(in.seed))) {
    return mismatch("揭示的随机种子与其承诺的SM3摘要不符", "seed");
  }
  return Status::Ok();
}

}  // namespace jg::draw::internal
