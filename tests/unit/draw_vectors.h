// The test vectors in tests/vectors/draw/: their inputs (each file is the
// engine's export of one of these; docs/draw-algorithm.md §11 describes them)
// and reading the files.
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "domain/draw/draw.h"
#include "draw_fixtures.h"

namespace jg::draw::testing {

struct VectorSpec {
  std::string file;  // under tests/vectors/draw/
  DrawInput input;
  SeedMode mode = SeedMode::kCommitReveal;
  // Recusals in order: (position in [result], position among the entity's
  // current inspectors).
  std::vector<std::pair<std::size_t, std::size_t>> recusals;
};

inline std::string Bytes(std::initializer_list<unsigned char> b) {
  return std::string(b.begin(), b.end());
}

// (a) A public value as the seed: lottery numbers, recorded as text.
inline VectorSpec PublicValueVector() {
  VectorSpec v{"vector2-public-value.draw", {}, SeedMode::kPublicValue, {}};
  DrawInput& in = v.input;
  for (int i = 0; i < 12; ++i) {
    if (!in.eligible.Add(Code(2000 + 11 * i), i % 3 == 0 ? "A" : "B", i % 2 ? "JQ" : "NX").ok())
      std::abort();
  }
  in.params.plan = "2024年嘉定区特种设备使用单位抽查";
  in.params.items = {"TS-01"};
  in.params.strata = {{"A", false, 1, 0}, {"B", false, 2, 0}};
  in.params.per_entity = 2;
  in.inspectors = {Insp("T01", "特种设备科", "", {"TS-01"}),
                   Insp("T02", "特种设备科", "", {"TS-01"}), Insp("T03", "执法大队", "", {"TS-01"}),
                   Insp("T04", "执法大队", "", {"SP-01"})};
  in.seed = "03 12 18 22 27 31 + 05";
  in.seed_source = "上海福利彩票 2024-03-05 开奖号码（红球6个 + 蓝球1个）";
  return v;
}

// (b) Selection only (per_entity 0), as case-file sampling draws it.
inline VectorSpec SelectionOnlyVector() {
  VectorSpec v{"vector3-selection-only.draw", {}, SeedMode::kCommitReveal, {}};
  DrawInput& in = v.input;
  for (int i = 0; i < 10; ++i) {
    if (!in.eligible.Add(Code(3000 + 7 * i), i < 6 ? "一般程序" : "简易程序", "").ok())
      std::abort();
  }
  in.params.plan = "2024年第二季度行政处罚案卷评查抽样";
  in.params.strata = {{"一般程序", true, 0, 500000}, {"简易程序", false, 1, 0}};
  in.params.per_entity = kSelectionOnly;
  in.seed = Bytes({0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c,
                   0x0d, 0x0e, 0x0f});
  return v;
}

// (c) Edge cases of the counts: a stratum drawn entirely (count = size), a
// ratio that is exactly half way (rounds up), a ratio that rounds to 0 (but
// at least 1), a stratum in the list without a rule, a rule for an empty
// stratum with count 0.
inline VectorSpec StrataVector() {
  VectorSpec v{"vector4-strata.draw", {}, SeedMode::kCommitReveal, {}};
  DrawInput& in = v.input;
  // A: 3 entries, B: 6, C: 4, D: 2 (no rule).
  const char* strata[] = {"A", "B", "B", "C", "B", "A", "C", "B",
                          "D", "B", "C", "A", "B", "C", "D"};
  for (int i = 0; i < 15; ++i) {
    if (!in.eligible.Add(Code(4000 + 13 * i), strata[i], i % 2 ? "AT" : "JQ").ok()) std::abort();
  }
  in.params.plan = "分层边界示例";
  in.params.items = {"SP-01"};
  in.params.strata = {{"A", false, 3, 0},      // 3 of 3: all
                      {"B", true, 0, 250000},  // 6 × 0.25 = 1.5 → 2
                      {"C", true, 0, 10000},   // 4 × 0.01 = 0.04 → 0 → at least 1
                      {"E", false, 0, 0}};     // no entries, nothing to draw
  in.params.per_entity = 2;
  in.inspectors = {Insp("A1", "江桥所", "JQ", {"SP-01"}), Insp("A2", "江桥所", "JQ", {"SP-01"}),
                   Insp("B1", "安亭所", "AT", {"SP-01"}), Insp("B2", "安亭所", "AT", {"SP-01"})};
  in.seed = Bytes({0xc3, 0x1f, 0x5e, 0x08, 0x77, 0x2a, 0x90, 0xd4, 0x6b, 0x11, 0xe2, 0x3c, 0x85,
                   0x4f, 0xa0, 0x19});
  return v;
}

// (d) Recusals in a joint plan (mixed departments): two on the same entity,
// one elsewhere; the replacement of a recused inspector must keep two
// departments on the entity.
inline VectorSpec RecusalsVector() {
  VectorSpec v{"vector5-recusals.draw", {}, SeedMode::kCommitReveal, {{0, 0}, {0, 0}, {1, 0}}};
  DrawInput& in = v.input;
  for (int i = 0; i < 8; ++i) {
    if (!in.eligible.Add(Code(5000 + 3 * i), "", i % 2 ? "NX" : "JQ").ok()) std::abort();
  }
  in.params.plan = "2024年食品安全与价格联合检查";
  in.params.items = {"SP-01"};
  in.params.strata = {{"", false, 3, 0}};
  in.params.per_entity = 2;
  in.params.mixed_departments = true;
  in.inspectors = {Insp("JC1", "价格科", "", {"SP-01"}), Insp("JC2", "价格科", "", {"SP-01"}),
                   Insp("SP1", "食品科", "", {"SP-01"}), Insp("SP2", "食品科", "", {"SP-01"}),
                   Insp("SP3", "食品科", "", {"SP-01"}), Insp("ZF1", "执法大队", "", {"SP-01"})};
  in.conflicts = {{"ZF1", ConflictKind::kEntity, Code(5006)}};
  in.seed = Bytes({0x9e, 0x37, 0x79, 0xb9, 0x7f, 0x4a, 0x7c, 0x15, 0xf3, 0x9c, 0xc0, 0x60, 0x5c,
                   0xed, 0xc8, 0x34});
  return v;
}

inline std::string VectorDir() {
  return std::string(JG_SOURCE_DIR) + "/tests/vectors/draw";
}

inline std::string ReadText(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}

// The names of every *.draw file in VectorDir(), sorted.
inline std::vector<std::string> VectorFiles() {
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(VectorDir())) {
    if (e.path().extension() == ".draw") names.push_back(e.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

inline std::vector<VectorSpec> AllVectors() {
  return {{"vector1.draw", VectorInput(), SeedMode::kCommitReveal, {{0, 0}}},
          PublicValueVector(),
          SelectionOnlyVector(),
          StrataVector(),
          RecusalsVector()};
}

}  // namespace jg::draw::testing
