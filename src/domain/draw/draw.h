// 双随机、一公开: the publicly verifiable random draw of the entities to
// inspect (per stratum, exact counts) and of their inspectors. Pure and
// deterministic: the same input and seed give the same draw on any machine.
// The algorithm, byte by byte, is in docs/draw-algorithm.md.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "domain/draw/drbg.h"
#include "domain/draw/snapshot.h"
#include "domain/status.h"

namespace jg::draw {

inline constexpr int kMinPerEntity = 2;  // 至少两名执法人员
inline constexpr int kMaxPerEntity = 10;
// A draw of entities only, without inspectors (no pool, no conflicts).
inline constexpr int kSelectionOnly = 0;
inline constexpr std::size_t kMaxInspectors = 20'000;
inline constexpr std::uint64_t kMaxSelected = 1'000'000;  // entities drawn in one draw
inline constexpr std::size_t kMaxConflicts = 1'000'000;
inline constexpr std::size_t kMaxItems = 100;
inline constexpr std::size_t kMaxStrata = 1000;
inline constexpr std::uint64_t kMaxWorkload = 1'000'000'000;
inline constexpr std::size_t kMaxSeedBytes = 1024;
inline constexpr std::size_t kMinSecretSeedBytes = 16;
inline constexpr std::size_t kMaxTextBytes = 4096;

enum class SeedMode { kCommitReveal, kPublicValue };
std::string_view SeedModeName(SeedMode m);  // "commit-reveal" / "public-value"

// How many entities to draw from one stratum: a fixed count, or a ratio of the
// stratum's size in parts per million, count = floor((ppm × size + 500000) / 10^6)
// (round half up), but at least 1 when ppm > 0 and size > 0.
struct StratumRule {
  std::string stratum;  // e.g. "A".."D" (StratumOf), "" = unclassified
  bool by_ratio = false;
  std::uint64_t count = 0;
  std::uint32_t ratio_ppm = 0;  // 50000 = 5%
};
std::uint64_t StratumCount(const StratumRule& rule, std::uint64_t size);

struct Inspector {
  std::string id;
  std::string department;
  std::string station;             // the 市场监管所 the inspector belongs to ("" = none)
  std::vector<std::string> items;  // inspection item codes the inspector is qualified for
  std::uint64_t workload = 0;      // tasks already assigned before this draw
};

enum class ConflictKind { kEntity, kStation };
std::string_view ConflictKindName(ConflictKind k);  // "entity" / "station"
struct Conflict {  // the inspector may not inspect that entity / any entity of that station
  std::string inspector_id;
  ConflictKind kind = ConflictKind::kEntity;
  std::string value;  // credit code or station code
};

struct DrawParams {
  std::string plan;                 // the plan's name or number (free text)
  std::string exclusions;           // exclusions the caller applied before the snapshot (free text)
  std::vector<std::string> items;   // the plan's inspection items; an inspector needs all
  std::vector<StratumRule> strata;  // strata without a rule contribute nobody
  int per_entity = 2;  // 2–10, or kSelectionOnly
  std::uint64_t workload_cap = 0;  // total tasks an inspector may hold; 0 = no cap
  bool cross_station = false;      // 所所交叉: never the entity's own station
  bool mixed_departments = false;  // joint plan: each entity's inspectors span ≥2 departments
};

struct DrawInput {
  Snapshot eligible;  // already without the excluded entities
  DrawParams params;
  std::vector<Inspector> inspectors;
  std::vector<Conflict> conflicts;
  std::string seed;         // raw bytes: the secret (commit–reveal) or the public value
  std::string seed_source;  // where the seed comes from; required for public-value
};

// Published before the draw. Digests are lower-case hex.
struct DrawCommitment {
  std::string algorithm{kDrawAlgorithm};
  std::uint64_t eligible_count = 0;
  std::string eligible_digest;
  std::string params_digest;
  SeedMode seed_mode = SeedMode::kCommitReveal;
  std::string seed_commitment;  // SM3(seed), commit–reveal only
  std::string seed_source;
};
std::string CommitmentText(const DrawCommitment& c);
std::string CommitmentId(const DrawCommitment& c);  // SM3 hex of CommitmentText

// Checks every field (errors name it) and every limit above.
Status ValidateInput(const DrawInput& in);
// The canonical parameter text whose SM3 is params_digest (`in` must be
// valid). It begins with the selection text (the stratum rules), whose SM3 S
// keys the entity selection: the inspector pool cannot change which entities
// are drawn (docs/draw-algorithm.md §3).
std::string CanonicalParamsText(const DrawInput& in);
std::string CanonicalSelectionText(const DrawParams& p);
// Validates, then digests. commit–reveal needs a seed of at least 16 bytes;
// public-value needs seed_source (the seed itself may still be unknown).
Result<DrawCommitment> Commit(const DrawInput& in, SeedMode mode);

struct SelectedEntity {
  std::string credit_code;
  std::string stratum;
  std::string station;
  std::vector<std::string> inspectors;  // inspector ids in draw order
};
struct Replacement {
  int index = 0;  // 1, 2, … in the order the recusals were made
  std::string credit_code;
  std::string recused;
  std::string replacement;
};
struct DrawResult {
  DrawCommitment commitment;
  std::vector<SelectedEntity> selected;   // strata in byte order, then draw order
  std::vector<Replacement> replacements;  // appended by the caller after Recuse
};

// Runs the draw after checking that `in` is what `commitment` committed to
// (commitment_mismatch otherwise). All or nothing: stratum_too_small or
// no_eligible_inspectors (naming the stratum / entity) and no partial draw.
Result<DrawResult> RunDraw(const DrawInput& in, const DrawCommitment& commitment);

// Replaces `inspector_id` on entity `entity_code` by a further draw from the
// stream "recuse/<recusal_index>". `in` must be the input of `result` (its
// parameters and seed are checked against result.commitment; the eligible list,
// not needed here, is not re-digested). recusal_index must be
// result.replacements.size() + 1, so a replacement cannot be shopped for.
Result<Replacement> Recuse(const DrawInput& in, const DrawResult& result,
                           std::string_view entity_code, std::string_view inspector_id,
                           int recusal_index);

// The entity's inspectors after the result's replacements are applied.
std::vector<std::string> CurrentInspectors(const DrawResult& result, std::size_t selected_index);

}  // namespace jg::draw
