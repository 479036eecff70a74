#include <gtest/gtest.h>

#include <cmath>

#include "domain/excel_date.h"

namespace jg {
namespace {

TEST(ExcelDate, The1900SystemWithItsFictitiousLeapDay) {
  const auto s = ExcelDateSystem::k1900;
  EXPECT_EQ(ExcelSerialToDate(1, s), "1900-01-01");
  EXPECT_EQ(ExcelSerialToDate(59, s), "1900-02-28");
  EXPECT_EQ(ExcelSerialToDate(60, s), "1900-02-29");  // Excel's Lotus bug, kept so it is refused
  EXPECT_EQ(ExcelSerialToDate(61, s), "1900-03-01");
  EXPECT_EQ(ExcelSerialToDate(44927, s), "2023-01-01");
  EXPECT_EQ(ExcelSerialToDate(44259.75, s), "2021-03-04");  // the time of day is dropped
  EXPECT_EQ(ExcelSerialToDate(45351, s), "2024-02-29");
  EXPECT_EQ(ExcelSerialToDate(2958465, s), "9999-12-31");
  EXPECT_EQ(ExcelSerialToDate(0, s), std::nullopt);
  EXPECT_EQ(ExcelSerialToDate(-1, s), std::nullopt);
  EXPECT_EQ(ExcelSerialToDate(2958466, s), std::nullopt);
  EXPECT_EQ(ExcelSerialToDate(std::nan(""), s), std::nullopt);
}

TEST(ExcelDate, The1904System) {
  const auto s = ExcelDateSystem::k1904;
  EXPECT_EQ(ExcelSerialToDate(0, s), "1904-01-01");
  EXPECT_EQ(ExcelSerialToDate(43465, s), "2023-01-01");  // 1462 days less than in 1900
  EXPECT_EQ(ExcelSerialToDate(-1, s), std::nullopt);
}

}  // namespace
}  // namespace jg
