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
  EXPECT_TRUE(CheckTaskResult(p, t, "2023-11-14").ok());
  t.inspected_on = "2023-11-01";
  EXPECT_EQ(CheckTaskResult(p, t, "2023-11-14").field(), "inspected_on");
  t.inspected_on = "2023-09-01";
  EXPECT_EQ(CheckTaskResult(p, t, "2023-08-31").field(), "inspected_on");  // in the future
  EXPECT_TRUE(IsProblem(InspectionOutcome::kUncooperative));
  EXPECT_FALSE(IsProblem(InspectionOutcome::kNotOperating));
  EXPECT_EQ(ParseInspectionOutcome("发现问题移送立案"), InspectionOutcome::kCaseFiled);
  EXPECT_EQ(ParseInspectionOutcome("nonsense"), std::nullopt);
}

}  // namespace
}  // namespace jg
