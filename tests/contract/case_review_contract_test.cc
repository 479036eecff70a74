// The case-file sampling part of the Store contract (closed cases of a
// quarter, rounds, draws, samples with score sheets, legal advice letters),
// on every backend.
#include <gtest/gtest.h>

#include "support/closed_cases.h"
#include "support/test_stores.h"

namespace jg {
namespace {
using namespace jg::case_review;

class CaseReviewContract : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    std::string skip;
    ts_ = testing::MakeTestStore(GetParam(), &skip);
    if (!ts_.store) GTEST_SKIP() << skip;
    Department bureau{0, "JDSJ", "嘉定区市场监督管理局", DepartmentKind::kBureau, std::nullopt, "", "", 1};
    root_ = store().InsertDepartment(bureau).value();
    Department jqs{0, "JQS", "江桥市场监管所", DepartmentKind::kStation, root_, "", "", 1};
    jqs_ = store().InsertDepartment(jqs).value();
  }
  Store& store() { return *ts_.store; }
  Round MakeRound(int quarter) {
    Round r;
    r.year = 2023;
    r.quarter = quarter;
    r.name = "2023年第" + std::to_string(quarter) + "季度抽查";
    r.rule = {true, 0, 10, 2};
    r.created_at = r.updated_at = 100;
    r.created_by = r.updated_by = "legal";
    return r;
  }
  testing::TestStore ts_;
  Id root_ = 0, jqs_ = 0;
};

TEST_P(CaseReviewContract, ClosedCasesOfAQuarterByClosingDayWithTheirDepartmentCode) {
  testing::AddClosedCase(store(), jqs_, 2, "2023-09-30");
  testing::AddClosedCase(store(), jqs_, 1, "2023-07-01");
  testing::AddClosedCase(store(), jqs_, 3, "2023-10-01");
  testing::AddClosedCase(store(), root_, 4, "");
  auto q3 = store().ListClosedCases("2023-07-01", "2023-09-30").value();
  ASSERT_EQ(q3.size(), 2u);
  EXPECT_EQ(q3[0].case_seq, 1);  // by year, then sequence
  EXPECT_EQ(q3[0].closed_on, "2023-07-01");
  EXPECT_EQ(q3[1].closed_on, "2023-09-30");
  EXPECT_EQ(q3[1].department_code, "JQS");
  EXPECT_EQ(q3[1].department_id, jqs_);
  EXPECT_EQ(store().ListClosedCases("2023-10-01", "2023-12-31").value().size(), 1u);
}

TEST_P(CaseReviewContract, RoundsDrawsAndSamplesRoundTripAndRefuseStaleVersions) {
  Id id = store().InsertReviewRound(MakeRound(3)).value();
  store().InsertReviewRound(MakeRound(1)).value();
  Round got = store().GetReviewRound(id).value();
  EXPECT_EQ(got.version, 1);
  EXPECT_TRUE(got.rule.by_percent);
  EXPECT_EQ(got.rule.percent, 10);
  EXPECT_EQ(got.rule.minimum, 2);
  EXPECT_EQ(got.status, RoundStatus::kDraft);
  auto listed = store().ListReviewRounds(2023).value();
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0].quarter, 3);  // newest quarter first
  EXPECT_TRUE(store().ListReviewRounds(2024).value().empty());

  got.status = RoundStatus::kCommitted;
  ASSERT_TRUE(store().UpdateReviewRound(got).ok());
  EXPECT_EQ(store().UpdateReviewRound(got).reason(), "stale_version");
  EXPECT_EQ(store().GetReviewRound(999).status().code(), ErrorCode::kNotFound);

  EXPECT_EQ(store().GetReviewDraw(id).status().code(), ErrorCode::kNotFound);
  RoundDraw d{id, std::string(64, 'a'), "algorithm: jianguan-draw-v1\n", 100, "legal",
              std::string(64, 'b'), "input", "", "", 0, ""};
  ASSERT_TRUE(store().InsertReviewDraw(d).ok());
  EXPECT_EQ(store().InsertReviewDraw(d).code(), ErrorCode::kAlreadyExists);
  d.seed_hex = "cd";
  d.draw_file = "file";
  d.drawn_at = 200;
  d.drawn_by = "legal";
  d.commitment_id = std::string(64, 'f');  // never changes: not written
  ASSERT_TRUE(store().UpdateReviewDraw(d).ok());
  RoundDraw back = store().GetReviewDraw(id).value();
  EXPECT_EQ(back.commitment_id, std::string(64, 'a'));
  EXPECT_EQ(back.secret_seed_hex, std::string(64, 'b'));
  EXPECT_TRUE(back.drawn());

  Id case_id = testing::AddClosedCase(store(), jqs_, 7, "2023-08-01");
  Sample s;
  s.round_id = id;
  s.case_id = case_id;
  s.case_key = CaseKey(2023, 7);
  s.department_id = jqs_;
  s.closed_on = "2023-08-01";
  s.position = 1;
  s.updated_at = 100;
  Id sid = store().InsertReviewSample(s).value();
  EXPECT_EQ(store().InsertReviewSample(s).status().code(), ErrorCode::kAlreadyExists);
  Sample bad = s;
  bad.case_id = 99999;
  bad.position = 2;
  EXPECT_EQ(store().InsertReviewSample(bad).status().code(), ErrorCode::kFailedPrecondition);

  Sample x = store().GetReviewSample(sid).value();
  EXPECT_EQ(x.case_number, "沪市监嘉处〔2023〕第100007号");
  EXPECT_EQ(x.party_name, "抽查当事人7");
  EXPECT_FALSE(x.scored);
  EXPECT_FALSE(x.grade);
  x.scored = true;
  x.reviewer = "张三";
  x.reviewed_on = "2023-11-01";
  x.scores = {{"evidence", 20, "缺少询问笔录"}, {"filing", 10, ""}};
  x.findings = {{"evidence", "缺少询问笔录"}, {"filing", "立案审批表未签日期"}};
  x.total = 30;
  x.grade = Grade::kFail;
  ASSERT_TRUE(store().UpdateReviewSample(x).ok());
  Status stale = store().UpdateReviewSample(x);
  EXPECT_EQ(stale.reason(), "stale_version");
  auto all = store().ListReviewSamples(id).value();
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].version, 2);
  EXPECT_EQ(all[0].grade, Grade::kFail);
  ASSERT_EQ(all[0].scores.size(), 2u);
  EXPECT_EQ(all[0].scores[0].item, "evidence");  // by item code
  EXPECT_EQ(all[0].scores[0].note, "缺少询问笔录");
  ASSERT_EQ(all[0].findings.size(), 2u);
  EXPECT_EQ(all[0].findings[1].description, "立案审批表未签日期");  // in order
}

TEST_P(CaseReviewContract, LettersKeepOneSequenceAYearAndRefuseATakenNumber) {
  Letter l;
  l.department_id = jqs_;
  l.subject = "法治建议书";
  l.issues = "问题";
  l.recommendations = "建议";
  l.created_at = l.updated_at = 100;
  l.created_by = "legal";
  Id a = store().InsertLetter(l).value();
  Id b = store().InsertLetter(l).value();
  l.department_id = 99999;
  EXPECT_EQ(store().InsertLetter(l).status().code(), ErrorCode::kFailedPrecondition);
  EXPECT_EQ(store().LastLetterSequence(2023).value(), 0);
  Letter x = store().GetLetter(a).value();
  EXPECT_EQ(x.number, "");
  EXPECT_FALSE(x.round_id);
  x.status = LetterStatus::kIssued;
  x.number = "嘉市监法建〔2023〕1号";
  x.letter_year = 2023;
  x.letter_seq = 1;
  x.issued_on = "2023-11-01";
  ASSERT_TRUE(store().UpdateLetter(x).ok());
  EXPECT_EQ(store().UpdateLetter(x).reason(), "stale_version");
  EXPECT_EQ(store().LastLetterSequence(2023).value(), 1);
  EXPECT_EQ(store().LastLetterSequence(2024).value(), 0);
  Letter y = store().GetLetter(b).value();
  y.status = LetterStatus::kIssued;
  y.number = x.number;
  y.letter_year = 2023;
  y.letter_seq = 1;
  Status clash = store().UpdateLetter(y);
  EXPECT_EQ(clash.code(), ErrorCode::kAlreadyExists);
  EXPECT_EQ(clash.field(), "number");
  EXPECT_EQ(store().GetLetter(b).value().version, 1);
  auto all = store().ListLetters().value();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].id, b);  // newest first
  EXPECT_EQ(all[1].status, LetterStatus::kIssued);
  EXPECT_EQ(store().GetLetter(99999).status().code(), ErrorCode::kNotFound);
}

INSTANTIATE_TEST_SUITE_P(Backends, CaseReviewContract, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace jg
