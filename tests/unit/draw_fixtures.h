// Inputs shared by the draw tests: valid credit codes and the test vector's
// input (tests/vectors/draw/vector1.draw is its export).
#pragma once

#include <cstdio>
#include <string>

#include "domain/credit_code.h"
#include "domain/draw/draw.h"

namespace jg::draw::testing {

// The n-th valid 统一社会信用代码 of a deterministic sequence (嘉定区).
inline std::string Code(int n) {
  char body[16];
  std::snprintf(body, sizeof body, "MA%06u", static_cast<unsigned>(n) % 1000000u);
  std::string org(body);
  org += OrgCodeCheckChar(org);
  std::string first17 = "91310114" + org;
  return first17 + CreditCodeCheckChar(first17);
}

inline Inspector Insp(std::string id, std::string dept, std::string station,
                      std::vector<std::string> items, std::uint64_t workload = 0) {
  return {std::move(id), std::move(dept), std::move(station), std::move(items), workload};
}

// The test vector: 30 entities in strata A–D and unclassified, three stations,
// 8 inspectors of 3 departments, conflicts, 所所交叉 and joint departments on.
inline DrawInput VectorInput() {
  DrawInput in;
  const char* strata[] = {"A", "B", "C", "D", "A", "B", "C", "", "B", "C"};
  const char* stations[] = {"JQ", "NX", "AT"};
  for (int i = 0; i < 30; ++i) {
    Status st = in.eligible.Add(Code(1000 + 37 * i), strata[i % 10], stations[i % 3]);
    if (!st.ok()) std::abort();
  }
  DrawParams& p = in.params;
  p.plan = "2024年嘉定区食品经营者双随机抽查（第一批）";
  p.exclusions = "已注销、吊销的主体；近6个月内已被检查的主体";
  p.items = {"SP-01", "SP-02"};
  p.strata = {{"A", false, 1, 0},
              {"B", true, 0, 250000},
              {"C", false, 3, 0},
              {"D", true, 0, 500000},
              {"", false, 1, 0}};
  p.per_entity = 2;
  p.workload_cap = 5;
  p.cross_station = true;
  p.mixed_departments = true;
  in.inspectors = {
      Insp("JD001", "执法大队", "", {"SP-01", "SP-02", "TS-01"}),
      Insp("JD002", "执法大队", "", {"SP-01", "SP-02"}, 2),
      Insp("JD003", "执法大队", "", {"SP-01"}),  // not qualified for SP-02
      Insp("JQ001", "江桥所", "JQ", {"SP-01", "SP-02"}),
      Insp("JQ002", "江桥所", "JQ", {"SP-02", "SP-01"}, 1),
      Insp("NX001", "南翔所", "NX", {"SP-01", "SP-02"}),
      Insp("NX002", "南翔所", "NX", {"SP-01", "SP-02"}, 3),
      Insp("SP001", "食品科", "", {"SP-01", "SP-02"}),
  };
  in.conflicts = {{"JD001", ConflictKind::kEntity, Code(1000 + 37 * 4)},
                  {"NX001", ConflictKind::kEntity, Code(1000 + 37 * 9)},
                  {"SP001", ConflictKind::kStation, "AT"}};
  in.seed = std::string("\x5a\x11\x3c\x90\x07\xe2\x4b\xd8\x61\xaf\x02\x9e\xc3\x75\x18\xf0", 16);
  return in;
}

}  // namespace jg::draw::testing
