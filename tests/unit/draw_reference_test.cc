// The reference implementation (draw_reference.h) against the document's own
// numbers (§11), and reproducing every test vector file from its inputs alone
// — without the engine's parser, digests, DRBG or sampling.
#include "draw_reference.h"

#include <gtest/gtest.h>

#include "draw_vectors.h"

namespace jg::draw::reference {
namespace {

std::string Hex(const std::string& raw) {
  static const char digits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : raw) {
    out += digits[c >> 4];
    out += digits[c & 15];
  }
  return out;
}

TEST(DrawReference, KnownAnswerForSeed00) {  // §11, last paragraph
  const std::string zero(32, '\0');
  const std::string k = Sm3Raw("jianguan-draw-v1" + zero + zero + std::string(1, '\0'));
  EXPECT_EQ(Hex(k), "fb846299a3933b841d719d219d8f6a0f3d641eaf46f3e9f2f454d431a5fa2ce7");
  EXPECT_EQ(UniformSequence(k, "select/A", 10, 5), (std::vector<std::uint64_t>{3, 7, 8, 2, 9}));
}

TEST(DrawReference, WorkedExampleOfTheDocument) {  // §11: vector1.draw
  RecordedFile f = ReadDrawFile(testing::ReadText(testing::VectorDir() + "/vector1.draw"));
  Output out = reference::Run(f.input);
  EXPECT_EQ(out.E, "777cad1cb46a9f79316391446ee343479d19687dc577272c245d3acde7265777");
  EXPECT_EQ(out.S, "c2d68aef3fbb7434cdab3f570970e7bda754bf3723b74bb6fa8e1725f1e376b3");
  EXPECT_EQ(out.P, "7ba361f3d9d4e22e1f80947b72b89f9f816ee7ff492887a7c81151bbc9ac1b8f");
  EXPECT_EQ(out.seed_commitment,
            "8cccccd7fffd178651340f12b8f409b6d050395e3f95bbcc57144350110519a2");
  EXPECT_EQ(out.commitment_id, "2ad3ffccb7707f70a1d9587bfb5bc765e7f0ee8921c69403f8b535fba4c1866f");
  EXPECT_EQ(out.k_select, "4a937e597eb4926aa6d73b7fe098d2c1e2fb8d14c379a181528be6536b616ffc");
  EXPECT_EQ(out.k_assign, "791e5788de77e622adc3cc1589f5deacef3f8e4292dab97a348f30cf25ef2e25");
  ASSERT_GE(out.selected.size(), 2u);
  EXPECT_EQ(out.selected[0].code, "91310114MA0016295L");
  EXPECT_EQ(out.selected[0].inspectors, (std::vector<std::string>{"JQ002", "NX001"}));
  EXPECT_EQ(out.selected[1].code, "91310114MA0010002B");
  ASSERT_EQ(out.replacements.size(), 1u);
  EXPECT_EQ(out.replacements[0].replacement, "JD001");
}

TEST(DrawReference, ReproducesEveryVectorFile) {
  const auto files = testing::VectorFiles();
  EXPECT_GE(files.size(), 5u);
  for (const std::string& name : files) {
    SCOPED_TRACE(name);
    RecordedFile f = ReadDrawFile(testing::ReadText(testing::VectorDir() + "/" + name));
    Output out = reference::Run(f.input);
    EXPECT_EQ(out.failure, "");
    EXPECT_EQ(out.commitment_id, f.commitment_id);
    ASSERT_EQ(out.selected.size(), f.result.size());
    for (std::size_t i = 0; i < f.result.size(); ++i) {
      EXPECT_EQ(out.selected[i].code, f.result[i].code) << i;
      EXPECT_EQ(out.selected[i].stratum, f.result[i].stratum) << i;
      EXPECT_EQ(out.selected[i].station, f.result[i].station) << i;
      EXPECT_EQ(out.selected[i].inspectors, f.result[i].inspectors) << i;
    }
    ASSERT_EQ(out.replacements.size(), f.recusals.size());
    for (std::size_t n = 0; n < f.recusals.size(); ++n) {
      EXPECT_EQ(out.replacements[n].code, f.recusals[n].code) << n;
      EXPECT_EQ(out.replacements[n].recused, f.recusals[n].recused) << n;
      EXPECT_EQ(out.replacements[n].replacement, f.recusals[n].replacement) << n;
    }
  }
}

}  // namespace
}  // namespace jg::draw::reference
