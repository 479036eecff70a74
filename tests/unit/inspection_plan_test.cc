// 双随机 plans in the domain: field checks, exclusion window, result checks.
#include <gtest/gtest.h>

#include "domain/inspection_plan.h"

namespace jg {
namespace {

InspectionPlan Valid() {
  InspectionPlan p;
  p.name = " 2023年食品抽查 ";
  p.period_from = "2023-08-31";
  p.period_to = "2023-10-31";
  p.lead_department_id = 3;
  p.item_codes = {"sp-001", "SP-001"};
  p.strata = {{"d", true, 0, 600000}, {"A", false, 5, 0}};
  return p;
}

TEST(InspectionPlan, NormalizeTrimsSortsAndDedupes) {
  InspectionPlan p = Valid();
  ASSERT_TRUE(NormalizePlan(p).ok());
  EXPECT_EQ(p.name, "2023年食品抽查");
  EXPECT_EQ(p.year, 2023);
  EXPECT_EQ(p.item_codes, std::vector<std::string>{"SP-001"});
  ASSERT_EQ(p.strata.size(), 2u);
  EXPECT_EQ(p.strata[0].stratum, "A");
  EXPECT_EQ(p.strata[1].stratum, "D");
  EXPECT_EQ(p.strata[1].ratio_ppm, 600000u);
}

TEST(InspectionPlan, EachBadFieldIsNamed) {
  struct Case {
    void (*edit)(InspectionPlan&);
    const char* field;
  } cases[] = {
      {[](InspectionPlan& p) { p.name = ""; }, "name"},
      {[](InspectionPlan& p) { p.period_to = "2023-08-01"; }, "period_to"},
      {[](InspectionPlan& p) { p.period_to = "2024-01-02"; }, "period_to"},
      {[](InspectionPlan& p) { p.lead_department_id = 0; }, "lead_department_id"},
      {[](InspectionPlan& p) { p.member_department_ids = {3}; }, "member_department_ids"},
      {[](InspectionPlan& p) { p.item_codes = {}; }, "item_codes"},
      {[](InspectionPlan& p) { p.item_codes = {"食品"}; }, "item_codes"},
      {[](InspectionPlan& p) { p.strata = {}; }, "strata"},
      {[](InspectionPlan& p) { p.strata = {{"A", false, 1, 0}, {"a", false, 2, 0}}; }, "strata"},
      {[](InspectionPlan& p) { p.strata = {{"E", false, 1, 0}}; }, "strata"},
      {[](InspectionPlan& p) { p.strata = {{"A", true, 0, 0}}; }, "strata"},
      {[](InspectionPlan& p) { p.per_entity = 1; }, "per_entity"},
      {[](InspectionPlan& p) { p.exclude_recent_months = 37; }, "exclude_recent_months"},
      {[](InspectionPlan& p) { p.population.holding_item = "含酒类"; }, "population.holding_kind"},
      {[](InspectionPlan& p) { p.seed_mode = draw::SeedMode::kPublicValue; }, "seed_source"},
  };
  for (const auto& c : cases) {
    InspectionPlan p = Valid();
    c.edit(p);
    Status st = NormalizePlan(p);
    EXPECT_FALSE(st.ok()) << c.field;
    EXPECT_EQ(st.field(), c.field) << st.message();
  }
}

TEST(InspectionPlan, RecentWindowClampsToTheMonthsEnd) {
  InspectionPlan p = Valid();
  EXPECT_EQ(RecentSince(p), "");
  p.exclude_recent_months = 6;
  EXPECT_EQ(RecentSince(p), "2023-02-28");  // 2023-08-31 minus 6 months
  p.exclude_recent_months = 12;
  EXPECT_EQ(RecentSince(p), "2022-08-31");
  p.period_from = "2024-03-31";
  p.exclude_recent_months = 1;
  EXPECT_EQ(RecentSince(p), "2024-02-29");
  EXPECT_NE(ExclusionsText(p).find("近1个月内"), std::string::npos);
}

TEST(InspectionPlan, ResultsNeedFindingsForProblemsAndADateInThePeriod) {
  InspectionPlan p = Valid();
  ASSERT_TRUE(NormalizePlan(p).ok());
  InspectionTask t;
  EXPECT_EQ(CheckTaskResult(p, t, "2023-11-14").field(), "outcome");
  t.outcome = InspectionOutcome::kUncooperative;
  t.inspected_on = "2023-09-01";
  EXPECT_EQ(CheckTaskResult(p, t, "2023-11-14").field(), "findings");
  t.findings = "拒绝提供进货票据";
  EXPECT_EQ(CheckTaskResult(p, t, "2023-11-14").field(), "severity");  // a problem has a severity
  t.severity = FindingSeverity::kMinor;
  EXPECT_TRUE(CheckTaskResult(p, t, "2023-11-14").ok());
  t.inspected_on = "2023-11-01";
  EXPECT_EQ(CheckTaskResult(p, t, "2023-11-14").field(), "inspected_on");
  t.inspected_on = "2023-09-01";
  EXPECT_EQ(CheckTaskResult(p, t, "2023-08-31").field(), "inspected_on");  // in the future
  EXPECT_TRUE(IsProblem(InspectionOutcome::kUncooperative));
  EXPECT_FALSE(IsProblem(InspectionOutcome::kNotOperating));
  EXPECT_EQ(ParseInspectionOutcome("发现问题移送立案"), InspectionOutcome::kCaseFiled);
  EXPECT_EQ(ParseInspectionOutcome("nonsense"), std::nullopt);
  // …and no problem has none.
  t.outcome = InspectionOutcome::kNoProblem;
  EXPECT_EQ(CheckTaskResult(p, t, "2023-11-14").reason(), "severity_without_problem");
  EXPECT_EQ(ParseFindingSeverity("严重"), FindingSeverity::kSerious);
  EXPECT_EQ(ParseFindingSeverity("critical"), std::nullopt);
}

TEST(InspectionPlan, AChecklistIsEveryPointOrNoneAndAgreesWithTheOutcome) {
  const std::vector<std::pair<std::string, std::vector<std::string>>> points = {
      {"SP-001", {"许可证是否有效", "是否查验进货"}}, {"GS-001", {"年报是否公示"}}};
  InspectionTask t;
  t.outcome = InspectionOutcome::kNoProblem;
  EXPECT_TRUE(CheckChecklist(points, t).ok());  // none at all is allowed
  using A = ChecklistAnswer;
  t.checklist = {{"SP-001", "许可证是否有效", A::kConform}, {"SP-001", "是否查验进货", A::kConform}};
  EXPECT_EQ(CheckChecklist(points, t).reason(), "checklist_incomplete");
  t.checklist.push_back({"GS-001", "年报是否公示", A::kNotApplicable});
  EXPECT_TRUE(CheckChecklist(points, t).ok());
  t.checklist.push_back({"GS-001", "年报是否公示", A::kConform});
  EXPECT_EQ(CheckChecklist(points, t).reason(), "duplicate_checklist_point");
  t.checklist.pop_back();
  t.checklist.push_back({"JG-001", "是否明码标价", A::kConform});
  EXPECT_EQ(CheckChecklist(points, t).reason(), "unknown_checklist_point");
  EXPECT_EQ(CheckChecklist(points, t).field(), "checklist");
  t.checklist.pop_back();
  t.checklist[1].answer = A::kNonconform;  // a point fails: the result must be a problem
  EXPECT_EQ(CheckChecklist(points, t).reason(), "checklist_contradicts_outcome");
  t.outcome = InspectionOutcome::kCorrected;
  EXPECT_TRUE(CheckChecklist(points, t).ok());
  t.checklist[1].answer = A::kConform;  // a problem with every point fine
  EXPECT_EQ(CheckChecklist(points, t).reason(), "checklist_contradicts_outcome");
  t.outcome = InspectionOutcome::kUncooperative;  // not inspected: no point needs to fail
  EXPECT_TRUE(CheckChecklist(points, t).ok());
}

}  // namespace
}  // namespace jg
