// Case-file sampling rules: the shipped checklist and settings parse, sample
// sizes per department (a department with fewer cases than the size gives
// all of them), quarters, and score sheets checked against the checklist.
#include "domain/case_review.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace jg::case_review {
namespace {

std::string ReadData(const char* name) {
  std::ifstream in(std::string(JG_SOURCE_DIR) + "/data/" + name);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(CaseReviewRules, TheShippedChecklistAndSettingsParse) {
  auto c = ParseChecklist(ReadData("case-review-checklist.csv"));
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->items.size(), 7u);
  EXPECT_EQ(c->TotalPoints(), 100);
  ASSERT_NE(c->Find("evidence"), nullptr);
  EXPECT_EQ(c->Find("evidence")->label, "证据充分");
  EXPECT_TRUE(c->Find("evidence")->to_confirm);
  auto s = ParseSettings(ReadData("case-review-settings.csv"));
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->excellent_min, 90);
  EXPECT_EQ(s->pass_min, 60);
  EXPECT_EQ(enforcement::FormatCaseNumber(s->letter_number, 2023, 2).value(), "嘉市监法建〔2023〕2号");
}

TEST(CaseReviewRules, ABrokenChecklistIsRefusedNamingTheLine) {
  const std::string head = "item,label,description,max_points,basis,to_confirm\n";
  auto over = ParseChecklist(head + "a,甲,内容,60,依据,no\nb,乙,内容,50,依据,no\n");
  ASSERT_FALSE(over.ok());
  EXPECT_EQ(over.status().reason(), "case_review_checklist_syntax");
  EXPECT_NE(over.status().message().find("110"), std::string::npos) << over.status().message();
  auto dup = ParseChecklist(head + "a,甲,内容,50,依据,no\na,乙,内容,50,依据,no\n");
  ASSERT_FALSE(dup.ok());
  EXPECT_NE(dup.status().message().find("第 3 行"), std::string::npos) << dup.status().message();
  EXPECT_FALSE(ParseChecklist(head + "A,甲,内容,100,依据,no\n").ok());  // item codes are lower case
}

TEST(CaseReviewRules, SampleSizesPerDepartment) {
  SampleRule pct{true, 0, 30, 2};
  EXPECT_EQ(SampleSize(pct, 7), 2u);   // 2.1 → 2
  EXPECT_EQ(SampleSize(pct, 12), 4u);  // 3.6 → 4
  EXPECT_EQ(SampleSize(pct, 5), 2u);   // 1.5 → 2 (half up), and the minimum
  EXPECT_EQ(SampleSize(pct, 1), 1u);   // fewer than the minimum: all of them
  EXPECT_EQ(SampleSize(pct, 0), 0u);
  SampleRule count{false, 3, 0, 0};
  EXPECT_EQ(SampleSize(count, 10), 3u);
  EXPECT_EQ(SampleSize(count, 2), 2u);
  EXPECT_EQ(ValidateSampleRule({true, 0, 0, 2}).field(), "sample_percent");
  EXPECT_EQ(ValidateSampleRule({false, 0, 0, 0}).field(), "sample_count");
  EXPECT_TRUE(ValidateSampleRule(pct).ok());
}

TEST(CaseReviewRules, QuartersAndCaseKeys) {
  EXPECT_EQ(QuarterRange(2024, 1).value(), (std::pair<std::string, std::string>{"2024-01-01", "2024-03-31"}));
  EXPECT_EQ(QuarterRange(2023, 3).value().second, "2023-09-30");
  EXPECT_EQ(QuarterRange(2023, 4).value().second, "2023-12-31");
  EXPECT_EQ(QuarterRange(2023, 0).status().field(), "quarter");
  EXPECT_EQ(CaseKey(2023, 17), "2023-000017");
}

TEST(CaseReviewRules, AScoreSheetIsCheckedItemByItemAndGraded) {
  auto c = ParseChecklist(ReadData("case-review-checklist.csv")).value();
  auto s = ParseSettings(ReadData("case-review-settings.csv")).value();
  Sample sheet;
  sheet.reviewer = "张三";
  sheet.reviewed_on = "2023-11-10";
  for (const auto& i : c.items) sheet.scores.push_back({i.code, i.max_points, ""});
  Sample full = sheet;
  ASSERT_TRUE(ScoreSample(c, s, full).ok());
  EXPECT_EQ(full.total, 100);
  EXPECT_EQ(full.grade, Grade::kExcellent);

  Sample over = sheet;
  over.scores[1].points = 26;
  Status st = ScoreSample(c, s, over);
  EXPECT_EQ(st.reason(), "points_out_of_range");
  EXPECT_EQ(st.field(), "scores[1].points");
  EXPECT_NE(st.message().find("证据充分"), std::string::npos);

  Sample boundary = sheet;
  boundary.scores[1].points = 15;  // 90: still 优秀
  ASSERT_TRUE(ScoreSample(c, s, boundary).ok());
  EXPECT_EQ(boundary.grade, Grade::kExcellent);
  boundary.scores[1].points = 14;  // 89
  ASSERT_TRUE(ScoreSample(c, s, boundary).ok());
  EXPECT_EQ(boundary.grade, Grade::kPass);
  boundary.scores[1].points = 0;
  boundary.scores[2].points = 5;  // 60: 合格
  ASSERT_TRUE(ScoreSample(c, s, boundary).ok());
  EXPECT_EQ(boundary.total, 60);
  EXPECT_EQ(boundary.grade, Grade::kPass);
  boundary.scores[2].points = 4;
  ASSERT_TRUE(ScoreSample(c, s, boundary).ok());
  EXPECT_EQ(boundary.grade, Grade::kFail);

  Sample missing = sheet;
  missing.scores.pop_back();
  EXPECT_EQ(ScoreSample(c, s, missing).reason(), "item_not_scored");
  Sample twice = sheet;
  twice.scores.push_back(twice.scores[0]);
  EXPECT_EQ(ScoreSample(c, s, twice).reason(), "duplicate_item");
  Sample finding = sheet;
  finding.findings = {{"evidence", " "}};
  EXPECT_EQ(ScoreSample(c, s, finding).field(), "findings[0].description");
  Sample nobody = sheet;
  nobody.reviewer = "";
  EXPECT_EQ(ScoreSample(c, s, nobody).field(), "reviewer");
}

}  // namespace
}  // namespace jg::case_review
