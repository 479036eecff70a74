// The exact CSV of the exchange format next to the spreadsheet CSV: NULL
// apart from "", no formula guard, a leading BOM kept; and ParseCsv reading
// as it always did.
#include <gtest/gtest.h>

#include "domain/csv.h"

namespace jg {
namespace {

TEST(CsvExact, NullIsAnEmptyCellAndTheEmptyStringIsQuoted) {
  EXPECT_EQ(CsvLineExact({"1", std::nullopt, std::string(), "a,b"}), "1,,\"\",\"a,b\"\r\n");
  auto rows = ParseCsvCells("1,,\"\",\"a,b\"\r\n").value();
  ASSERT_EQ(rows.size(), 1u);
  ASSERT_EQ(rows[0].size(), 4u);
  EXPECT_FALSE(rows[0][1].quoted);
  EXPECT_TRUE(rows[0][2].quoted);
  EXPECT_EQ(rows[0][3].text, "a,b");
}

TEST(CsvExact, ValuesAreWrittenVerbatim) {
  // The spreadsheet writer guards formulas; the exchange writer must not.
  EXPECT_EQ(CsvLine({"=SUM(A1)", "-1"}), "'=SUM(A1),'-1\r\n");
  EXPECT_EQ(CsvLineExact({"=SUM(A1)", "-1", " x "}), "=SUM(A1),-1, x \r\n");
  std::string multi = "line1\r\nline2\n\"q\"";
  auto back = ParseCsvCells(CsvLineExact({multi})).value();
  EXPECT_EQ(back.at(0).at(0).text, multi);
}

TEST(CsvExact, AValueStartingWithABomSurvivesAtTheStartOfAFile) {
  std::string bom = "\xEF\xBB\xBF";
  auto back = ParseCsvCells(CsvLineExact({bom + "x", "y"})).value();
  EXPECT_EQ(back.at(0).at(0).text, bom + "x");
}

TEST(CsvExact, ParseCsvStillSkipsEmptyLinesAndALoneEmptyQuote) {
  auto rows = ParseCsv("a,b\r\n\r\n\"\"\r\nc,d\r\n").value();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1][0], "c");
  EXPECT_EQ(ParseCsvCells("a,b\r\n\"\"\r\n").value().size(), 2u);  // "" is a value here
}

}  // namespace
}  // namespace jg
