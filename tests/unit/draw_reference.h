// A second, deliberately naive implementation of docs/draw-algorithm.md
// (jianguan-draw-v1), written from the document alone to check the engine in
// src/domain/draw/ against it. It shares nothing with the engine except the
// SM3 primitive (jg::Sm3Hex): its own types, canonical texts, DRBG, full
// Fisher–Yates arrays, candidates recomputed from scratch, and its own lenient
// reader of draw files (§8). Speed and input validation are not its concern:
// inputs are assumed valid.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace jg::draw::reference {

struct Entity {
  std::string code, stratum, station;
};
struct Rule {
  std::string stratum;
  bool by_ratio = false;
  std::uint64_t count = 0;
  std::uint32_t ppm = 0;
};
struct Inspector {
  std::string id, department, station;
  std::uint64_t workload = 0;
  std::vector<std::string> items;
};
struct Conflict {
  std::string inspector_id;
  std::string kind;  // "entity" or "station"
  std::string value;
};
struct Recusal {  // a request: recuse `inspector_id` from entity `code`
  std::string code, inspector_id;
};

struct Input {
  std::vector<Entity> eligible;
  std::vector<Rule> rules;
  std::string plan, exclusions;
  std::vector<std::string> items;
  int per_entity = 2;
  std::uint64_t workload_cap = 0;
  bool cross_station = false, mixed_departments = false;
  std::vector<Inspector> inspectors;
  std::vector<Conflict> conflicts;
  bool public_value = false;
  std::string seed, seed_source;
  std::vector<Recusal> recusals;  // made in this order, numbered 1, 2, …
};

struct Selected {
  std::string code, stratum, station;
  std::vector<std::string> inspectors;  // as drawn, before recusals
};
struct Replacement {
  std::string code, recused, replacement;
};

struct Output {
  // Lower-case hex.
  std::string E, S, P, seed_commitment, commitment_id, k_select, k_assign;
  // "" on success; else stratum_too_small / no_eligible_inspectors (or, for a
  // recusal request that names no current assignment, entity_not_selected /
  // inspector_not_assigned), with the stratum or credit code in `failed_on`. A failed draw has no
  // selection; a failed recusal keeps the draw and the recusals before it.
  std::string failure, failed_on;
  bool recusal_failed = false;
  std::vector<Selected> selected;
  std::vector<Replacement> replacements;
};

Output Run(const Input& in);

// §3/§4 exposed for known-answer checks: the first `n` UniformBelow(bound) of
// the stream (key, label).
std::vector<std::uint64_t> UniformSequence(const std::string& key_raw, const std::string& label,
                                           std::uint64_t bound, int n);
std::string Sm3Raw(const std::string& data);

// A lenient reader of a draw file (§8): the input (recusal requests from the
// [recusals] section) and what the file records, for comparing with Run.
struct RecordedFile {
  Input input;
  std::string commitment_id;
  std::vector<Selected> result;
  std::vector<Replacement> recusals;
};
RecordedFile ReadDrawFile(const std::string& text);

}  // namespace jg::draw::reference
