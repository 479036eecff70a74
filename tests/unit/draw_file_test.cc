// The draw's verification file: the checked-in test vector, round trips,
// tamper detection naming what changed, and a strict parser that names lines.
#include "domain/draw/draw_file.h"

#include <gtest/gtest.h>
#include <sys/mman.h>

#include <fstream>
#include <sstream>

#include "domain/draw/text.h"
#include "draw_fixtures.h"

namespace jg::draw {
namespace {

std::string ReadVector() {
  std::ifstream f(std::string(JG_SOURCE_DIR) + "/tests/vectors/draw/vector1.draw", std::ios::binary);
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}

// Replaces the first occurrence of `from` (which must exist) by `to`.
std::string Replace(std::string text, const std::string& from, const std::string& to) {
  auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

std::string WithoutBlankLines(std::string s) {
  while (s.find("\n\n") != std::string::npos) s = Replace(s, "\n\n", "\n");
  return s;
}

VerifyReport Verified(const std::string& text, std::string_view expected_id = {}) {
  auto r = VerifyDrawFile(text, expected_id);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? *r : VerifyReport{};
}

std::string ParseError(const std::string& text) {
  auto r = ParseDrawFile(text);
  EXPECT_FALSE(r.ok());
  return r.ok() ? "" : r.status().message();
}

constexpr const char* kVectorId =
    "2ad3ffccb7707f70a1d9587bfb5bc765e7f0ee8921c69403f8b535fba4c1866f";

TEST(DrawFile, TestVectorVerifies) {
  std::string text = ReadVector();
  ASSERT_FALSE(text.empty());
  VerifyReport r = Verified(text, kVectorId);
  EXPECT_TRUE(r.ok) << r.mismatch_item << " line " << r.mismatch_line << ": " << r.mismatch;
  EXPECT_EQ(r.commitment_id, kVectorId);
  EXPECT_EQ(r.eligible, 30u);
  EXPECT_EQ(r.entities, 9u);
  EXPECT_EQ(r.assignments, 18u);
  EXPECT_EQ(r.recusals, 1u);
}

TEST(DrawFile, TestVectorPinsTheAlgorithm) {
  // Any change to a serialisation, the DRBG, sampling or assignment shows here.
  auto f = ParseDrawFile(ReadVector());
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  const DrawInput& in = f->input;
  EXPECT_EQ(f->result.commitment.eligible_digest,
            "777cad1cb46a9f79316391446ee343479d19687dc577272c245d3acde7265777");
  EXPECT_EQ(f->result.commitment.params_digest,
            "7ba361f3d9d4e22e1f80947b72b89f9f816ee7ff492887a7c81151bbc9ac1b8f");
  EXPECT_EQ(HexOf(Sm3(CanonicalParamsText(in))), f->result.commitment.params_digest);
  Digest e{}, s = Sm3(CanonicalSelectionText(in.params));
  auto eb = DecodeHex(f->result.commitment.eligible_digest);
  std::copy(eb->begin(), eb->end(), e.begin());
  Digest select_key = SeedMaterial(in.seed, e, s);
  EXPECT_EQ(HexOf(s), "c2d68aef3fbb7434cdab3f570970e7bda754bf3723b74bb6fa8e1725f1e376b3");
  EXPECT_EQ(HexOf(select_key), "4a937e597eb4926aa6d73b7fe098d2c1e2fb8d14c379a181528be6536b616ffc");
  Drbg first(select_key, "select/");  // the unclassified stratum "" comes first
  EXPECT_EQ(HexOf(first.Block(0)),
            "19fc1a3ad05d1f283d4e003cf0ede1ffa09c48c087456bffb2a36100019cc47a");
  EXPECT_EQ(first.UniformBelow(3), 1u);  // position 1 of the 3 unclassified entries
  EXPECT_EQ(f->result.selected[0].credit_code, "91310114MA0016295L");
  EXPECT_EQ(HexOf(Sm3(in.seed)), f->result.commitment.seed_commitment);
}

TEST(DrawFile, ExportOfTheVectorInputIsTheCheckedInFile) {
  DrawInput in = testing::VectorInput();
  auto c = Commit(in, SeedMode::kCommitReveal);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(CommitmentId(*c), kVectorId);
  auto r = RunDraw(in, *c);
  ASSERT_TRUE(r.ok());
  auto rep = Recuse(in, *r, r->selected[0].credit_code, r->selected[0].inspectors[0], 1);
  ASSERT_TRUE(rep.ok());
  r->replacements.push_back(*rep);
  EXPECT_EQ(ExportDrawFile(in, *r), ReadVector());
}

TEST(DrawFile, RoundTripsPublicValueDrawsWithFreeText) {
  DrawInput in = testing::VectorInput();
  in.seed = "03 12 18 22 27 31 + 05\t（第2024025期）";
  in.seed_source = "上海福利彩票 2024-03-05\n开奖号码 \\ 全部七个号码";
  in.params.plan = "计划\\n名\t称";
  in.params.exclusions.clear();
  in.params.strata.push_back({"E", false, 0, 0});
  auto c = Commit(in, SeedMode::kPublicValue);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  auto r = RunDraw(in, *c);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  std::string text = ExportDrawFile(in, *r);
  EXPECT_NE(text.find("seed_text: 03 12 18 22 27 31 + 05\\t（第2024025期）\n"), std::string::npos);
  EXPECT_NE(text.find("exclusions:\n"), std::string::npos);
  auto f = ParseDrawFile(text);
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  EXPECT_EQ(f->input.seed, in.seed);
  EXPECT_EQ(f->input.seed_source, in.seed_source);
  EXPECT_EQ(f->input.params.plan, in.params.plan);
  EXPECT_EQ(ExportDrawFile(f->input, f->result), text);
  VerifyReport v = Verified(text);
  EXPECT_TRUE(v.ok) << v.mismatch;
}

struct Tamper {
  std::string from, to, item;
};

TEST(DrawFile, TamperingIsFoundAndNamed) {
  const std::string text = ReadVector();
  const Tamper cases[] = {
      // A result row: another inspector.
      {"91310114MA0010002B\tA\tJQ\tJD002,NX002", "91310114MA0010002B\tA\tJQ\tJD002,NX001",
       "result"},
      // A result row: another entity.
      {"91310114MA0015559N\tB\tJQ\tNX001", "91310114MA0016666B\tB\tJQ\tNX001", "result"},
      // The seed (its committed hash no longer matches).
      {"seed_hex: 5a113c", "seed_hex: 5a113d", "seed"},
      // An eligible row: another stratum.
      {"91310114MA0012227N\tC\tJQ", "91310114MA0012227N\tD\tJQ", "eligible_digest"},
      // A parameter.
      {"workload_cap: 5", "workload_cap: 6", "params_digest"},
      {"cross_station: yes", "cross_station: no", "params_digest"},
      {"NX001\tentity\t91310114MA0013334B\n", "", "params_digest"},
      // The commitment fields themselves.
      {"seed_commitment: 8c", "seed_commitment: 9c", "commitment_id"},
      {"commitment_id: 2a", "commitment_id: 3a", "commitment_id"},
      // The recusal's replacement.
      {"JQ002\tJD001\n", "JQ002\tJD002\n", "recusals"},
      // A dropped result row.
      {"91310114MA001111XW\tD\tJQ\tJD001,SP001\n", "", "result"},
  };
  for (const Tamper& t : cases) {
    SCOPED_TRACE(t.from);
    VerifyReport r = Verified(Replace(text, t.from, t.to));
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.mismatch_item, t.item) << r.mismatch;
    EXPECT_FALSE(r.mismatch.empty());
  }
  VerifyReport row = Verified(Replace(text, "JQ\tJD002,NX002", "JQ\tJD002,NX001"));
  EXPECT_EQ(row.mismatch_line, 73u);
  EXPECT_NE(row.mismatch.find("第2户不符"), std::string::npos) << row.mismatch;
  EXPECT_NE(row.mismatch.find("重算为91310114MA0010002B A JQ JD002,NX002"), std::string::npos);
  // An expected commitment id other than the recorded one.
  EXPECT_EQ(Verified(text, "00").mismatch_item, "commitment_id");
}

TEST(DrawFile, ConsistentForgeryIsCaughtOnlyByThePublishedCommitmentId) {
  // Re-drawing with another seed and re-exporting gives a self-consistent file;
  // only the commitment id published before the draw tells it apart.
  DrawInput in = testing::VectorInput();
  in.seed[0] ^= 1;
  auto c = Commit(in, SeedMode::kCommitReveal);
  auto forged = ExportDrawFile(in, *RunDraw(in, *c));
  EXPECT_TRUE(Verified(forged).ok);
  VerifyReport r = Verified(forged, kVectorId);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.mismatch_item, "commitment_id");
}

TEST(DrawFile, MalformedFilesNameTheLine) {
  const std::string text = ReadVector();
  EXPECT_EQ(ParseError("jianguan-draw-v2\n"), "第1行：须为“jianguan-draw-v1”（算法版本）");
  EXPECT_EQ(ParseError(""), "文件为空");
  EXPECT_EQ(ParseError(text.substr(0, text.size() - 1)), "第83行：文件须以换行符结尾");
  EXPECT_EQ(ParseError(Replace(text, "eligible_count: 30\n", "eligible_count: 30\r\n")),
            "第3行：含回车符(CR)，须使用LF换行");
  EXPECT_EQ(ParseError(Replace(text, "plan:", "planned:")), "第9行：未知的项“planned”");
  EXPECT_EQ(ParseError(Replace(text, "items: SP-01", "per_entity: 2\nitems: SP-01")),
            "第13行：“per_entity”重复");
  EXPECT_EQ(ParseError(Replace(text, "per_entity: 2\n", "")), "第16行：头部缺少“per_entity”项");
  EXPECT_EQ(ParseError(Replace(text, "per_entity: 2", "per_entity:2")),
            "第12行：冒号后须为一个空格");
  EXPECT_EQ(ParseError(Replace(text, "per_entity: 2", "per_entity: 02")),
            "第12行：per_entity须为不超过10的十进制数");
  EXPECT_EQ(ParseError(Replace(text, "91310114MA0010002B\tA\tJQ\n", "91310114MA0010002B\tA\n")),
            "第18行：应有3个以制表符分隔的字段");
  EXPECT_EQ(ParseError(Replace(text, "91310114MA00103799\tB", "91310114MA0010002B\tB")),
            "第19行：主体代码须按字节升序排列且不重复");
  EXPECT_EQ(ParseError(Replace(text, "[strata]", "[inspectors]")), "第49行：应为“[strata]”节");
  EXPECT_EQ(ParseError(Replace(text, "B\tratio\t0.250000", "B\tratio\t0.25")),
            "第52行：抽取比例须形如0.050000（六位小数，不超过1）");
  EXPECT_EQ(ParseError(Replace(text, "JD002\t执法大队\t\t2", "JD002\t执法大队\t\t-2")),
            "第58行：已有工作量须为十进制数");
  EXPECT_EQ(ParseError(Replace(text, "SP-01,SP-02,TS-01", "SP-02,SP-01,TS-01")),
            "第57行：检查事项须按字节升序排列且不重复");
  EXPECT_EQ(ParseError(Replace(text, "1\t91310114MA0016295L", "2\t91310114MA0016295L")),
            "第83行：回避序号须为1");
  EXPECT_EQ(ParseError(text.substr(0, text.find("[recusals]"))),
            "第81行：文件不完整：缺少“[recusals]”节");
  EXPECT_EQ(ParseError(text + "[more]\n"), "第84行：多余的节");
  EXPECT_EQ(ParseError(Replace(text, "plan: 2024", "plan: \\q2024")),
            "第9行：“plan”的文字不合法（转义或长度）");
  // One byte past the limit, mapped but never touched (no 1 GiB allocation).
  void* big = mmap(nullptr, kMaxDrawFileBytes + 1, PROT_READ,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  ASSERT_NE(big, MAP_FAILED);
  auto too_big =
      ParseDrawFile(std::string_view(static_cast<const char*>(big), kMaxDrawFileBytes + 1));
  munmap(big, kMaxDrawFileBytes + 1);
  EXPECT_EQ(too_big.status().reason(), "draw_file_too_large");
}

// Every single-byte change of the vector is refused or reported — never
// accepted, never a crash (the parser is also fuzzed).
TEST(DrawFile, EverySingleByteChangeIsDetected) {
  const std::string text = ReadVector();
  int checked = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    for (char sub : {static_cast<char>(text[i] ^ 1), '\t'}) {
      if (sub == text[i]) continue;
      std::string t = text;
      t[i] = sub;
      auto r = VerifyDrawFile(t);
      ++checked;
      if (r.ok()) {
        EXPECT_FALSE(r->ok) << "byte " << i << " -> " << static_cast<int>(sub);
      }
    }
  }
  EXPECT_GT(checked, 3000);
}

TEST(DrawFile, HostileInputNeverCrashes) {
  const std::string text = ReadVector();
  std::uint64_t x = 88172645463325252u;  // xorshift64: deterministic mutations
  auto next = [&x] {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return x;
  };
  for (int n = 0; n < 3000; ++n) {
    std::string t = text;
    int edits = 1 + static_cast<int>(next() % 4);
    for (int e = 0; e < edits && !t.empty(); ++e) {
      std::size_t at = next() % t.size();
      switch (next() % 5) {
        case 0:
          t[at] = static_cast<char>(next());
          break;
        case 1:
          t.erase(at, next() % 40);
          break;
        case 2:
          t.insert(at, t.substr(next() % t.size(), next() % 80));
          break;
        case 3:
          t.insert(at, std::string(1 + next() % 3, "\t\n,\\:["[next() % 6]));
          break;
        default:
          t.resize(at);
          break;
      }
    }
    auto r = VerifyDrawFile(t);
    if (r.ok() && r->ok) {  // only blank lines may differ from the canonical export
      auto f = ParseDrawFile(t);
      EXPECT_EQ(WithoutBlankLines(ExportDrawFile(f->input, f->result)), WithoutBlankLines(t));
    }
  }
}

}  // namespace
}  // namespace jg::draw
