// The dashboard's arithmetic: the report's own figures (discovery rate
// 6608 / 16757 = 39.43 %, cases filed +17 %, closed +33 %) and the edges
// where a rate or a change has no meaning.
#include <gtest/gtest.h>

#include "domain/dashboard.h"

namespace jg::dashboard {
namespace {

TEST(DashboardRate, TheReportsDiscoveryRate) {
  ASSERT_TRUE(Rate(6608, 16757).has_value());
  EXPECT_DOUBLE_EQ(RoundRate(*Rate(6608, 16757)), 0.3943);
  EXPECT_DOUBLE_EQ(*Rate(0, 5), 0.0);
  EXPECT_DOUBLE_EQ(*Rate(5, 5), 1.0);
}

TEST(DashboardRate, NoneWithoutInspections) {
  EXPECT_FALSE(Rate(0, 0).has_value());
  EXPECT_FALSE(Rate(3, 0).has_value());
  EXPECT_FALSE(Rate(-1, 10).has_value());
}

TEST(DashboardYearOnYear, TheReportsCaseFigures) {
  // 2882 filed in 2023; the report says +17 % on 2022 (2463 gives +17.0 %).
  EXPECT_DOUBLE_EQ(RoundRate(*YearOnYear(2882, 2463)), 0.1701);
  EXPECT_DOUBLE_EQ(RoundRate(*YearOnYear(2954, 2221)), 0.33);
  EXPECT_DOUBLE_EQ(*YearOnYear(50, 100), -0.5);
  EXPECT_DOUBLE_EQ(*YearOnYear(7, 7), 0.0);
}

TEST(DashboardYearOnYear, NoneWithoutABase) {
  EXPECT_FALSE(YearOnYear(10, 0).has_value());
  EXPECT_FALSE(YearOnYear(0, 0).has_value());
  EXPECT_FALSE(YearOnYear(-1, 3).has_value());
}

TEST(DashboardMonths, TwelveBucketsOfTheYear) {
  auto m = MonthsOf(2023);
  EXPECT_EQ(m.front(), "2023-01");
  EXPECT_EQ(m[8], "2023-09");
  EXPECT_EQ(m.back(), "2023-12");
}

TEST(DashboardMonths, DatesAndMonthsFallIntoTheirBucket) {
  EXPECT_EQ(MonthIndex("2023-01-01", 2023), 0);
  EXPECT_EQ(MonthIndex("2023-12-31", 2023), 11);
  EXPECT_EQ(MonthIndex("2023-07", 2023), 6);
  // Another year, no result yet, or not a date: no bucket.
  EXPECT_FALSE(MonthIndex("2022-12-31", 2023).has_value());
  EXPECT_FALSE(MonthIndex("", 2023).has_value());
  EXPECT_FALSE(MonthIndex("2023-13", 2023).has_value());
  EXPECT_FALSE(MonthIndex("2023-00-10", 2023).has_value());
  EXPECT_FALSE(MonthIndex("2023/07/01", 2023).has_value());
  EXPECT_FALSE(MonthIndex("2023-7-1", 2023).has_value());
  EXPECT_FALSE(MonthIndex("20x3-07", 2023).has_value());
}

}  // namespace
}  // namespace jg::dashboard
