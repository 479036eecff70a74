// The test vectors in tests/vectors/draw/: each is the engine's export of its
// input (draw_vectors.h) and verifies. To (re)write the files after adding a
// vector: JG_WRITE_DRAW_VECTORS=1 unit_tests --gtest_filter='DrawVectors.*'
// — never to "fix" a changed algorithm: a published vector must not change.
#include "draw_vectors.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "domain/draw/draw.h"
#include "domain/draw/draw_file.h"

namespace jg::draw {
namespace {

std::string Export(const testing::VectorSpec& v) {
  auto c = Commit(v.input, v.mode);
  EXPECT_TRUE(c.ok()) << c.status().ToString();
  if (!c.ok()) return "";
  auto r = RunDraw(v.input, *c);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  if (!r.ok()) return "";
  for (std::size_t n = 0; n < v.recusals.size(); ++n) {
    const auto [e, who] = v.recusals[n];
    const std::vector<std::string> current = CurrentInspectors(*r, e);
    auto rep =
        Recuse(v.input, *r, r->selected[e].credit_code, current.at(who), static_cast<int>(n + 1));
    EXPECT_TRUE(rep.ok()) << rep.status().ToString();
    if (!rep.ok()) return "";
    r->replacements.push_back(*rep);
  }
  return ExportDrawFile(v.input, *r);
}

TEST(DrawVectors, EachFileIsTheExportOfItsInput) {
  const bool write = std::getenv("JG_WRITE_DRAW_VECTORS") != nullptr;
  for (const auto& v : testing::AllVectors()) {
    SCOPED_TRACE(v.file);
    const std::string path = testing::VectorDir() + "/" + v.file;
    const std::string text = Export(v);
    ASSERT_FALSE(text.empty());
    if (write) std::ofstream(path, std::ios::binary) << text;
    EXPECT_EQ(testing::ReadText(path), text);
  }
}

TEST(DrawVectors, EveryFileVerifiesAndHasItsInput) {
  std::vector<std::string> known;
  for (const auto& v : testing::AllVectors()) known.push_back(v.file);
  std::sort(known.begin(), known.end());
  EXPECT_EQ(testing::VectorFiles(), known);
  for (const std::string& name : testing::VectorFiles()) {
    SCOPED_TRACE(name);
    auto report = VerifyDrawFile(testing::ReadText(testing::VectorDir() + "/" + name));
    ASSERT_TRUE(report.ok()) << report.status().ToString();
    EXPECT_TRUE(report->ok) << report->mismatch_item << ": " << report->mismatch;
  }
}

}  // namespace
}  // namespace jg::draw
