// Internals shared by the draw's translation units (not part of the API).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "domain/draw/draw.h"

namespace jg::draw::internal {

// Sorted copies: the canonical orders of docs/draw-algorithm.md §2.
std::vector<const StratumRule*> SortedRules(const DrawParams& p);
std::vector<const Inspector*> SortedInspectors(const std::vector<Inspector>& v);
std::vector<const Conflict*> SortedConflicts(const std::vector<Conflict>& v);
std::vector<std::string> Sorted(const std::vector<std::string>& v);

struct Digests {
  std::vector<std::uint32_t> order;  // canonical order of the snapshot (empty = identity)
  Digest eligible{};
  Digest params{};
  Digest selection{};  // SM3(CanonicalSelectionText)
};
// Validates `in` and computes both digests.
Result<Digests> ComputeDigests(const DrawInput& in);
// Validates `in` (except the snapshot) and computes the parameter digest only.
Result<Digest> ComputeParamsDigest(const DrawInput& in);
// commitment_mismatch naming the first field of `c` that `d`/`in` disagree with.
Status CheckCommitment(const DrawInput& in, const DrawCommitment& c, const Digest& eligible,
                       const Digest& params, std::uint64_t eligible_count);

// RunDraw with the digests of `in` already computed (ComputeDigests): the
// verifier digests a file once, not twice.
Result<DrawResult> RunDrawWithDigests(const DrawInput& in, const DrawCommitment& c,
                                      const Digests& d);

std::string U64(std::uint64_t v);

}  // namespace jg::draw::internal
