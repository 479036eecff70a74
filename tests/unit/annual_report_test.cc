// The annual report's pure part: the shipped figure table, the strict parser,
// percentages, year-on-year change, rounding and formatting, and the HTML page.
#include "domain/report/annual_report.h"

#include <gtest/gtest.h>

#include "enforcement_fixtures.h"

namespace jg::report {
namespace {

using enforcement::testing::ReadSourceFile;

const char kHeader[] = "id,section,section_label,label,unit,breakdown,report_2023,definition\n";

TEST(AnnualReportFigures, ShippedTableParsesWithTheReportsFigures) {
  auto t = ParseFigureTable(ReadSourceFile("data/report-figures.csv"));
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  ASSERT_NE(t->Find("discovery_rate"), nullptr);
  EXPECT_TRUE(t->Find("discovery_rate")->rate());
  EXPECT_EQ(t->Find("discovery_rate")->report_2023, "39.43");
  EXPECT_EQ(t->Find("food_licences_alcohol")->report_2023, "2911");
  EXPECT_EQ(t->Find("random_inspections")->report_2023, "16757");
  EXPECT_EQ(t->Find("licences_issued")->breakdown, "kind");
  EXPECT_EQ(t->Find("establishments")->breakdown, "service_point");
  std::vector<std::string> sections;
  for (const auto& s : t->sections) sections.push_back(s.id);
  EXPECT_EQ(sections, (std::vector<std::string>{"licensing", "registration", "random_inspection",
                                                "enforcement", "credit", "review"}));
  for (const auto& f : t->figures) EXPECT_FALSE(f.definition.empty()) << f.id;
}

TEST(AnnualReportFigures, ParserRefusesWhatWouldMisreport) {
  auto bad = [](const std::string& rows) {
    auto r = ParseFigureTable(kHeader + rows);
    EXPECT_FALSE(r.ok()) << rows;
    return r.ok() ? std::string() : r.status().message();
  };
  EXPECT_NE(bad("a,s,S,A,个,,,d\n").find("第 2 行：第 5 列（unit）"), std::string::npos);
  EXPECT_NE(bad("a,s,S,A,件,,,d\na,s,S,B,件,,,d\n").find("重复"), std::string::npos);
  EXPECT_NE(bad("a,s,S,A,件,,,d\nb,t,T,B,件,,,d\nc,s,S,C,件,,,d\n").find("连续"), std::string::npos);
  EXPECT_NE(bad("a,s,S,A,件,month,,d\n").find("breakdown"), std::string::npos);
  EXPECT_NE(bad("a,s,S,A,件,,,\n").find("definition"), std::string::npos);
  EXPECT_NE(bad("A-1,s,S,A,件,,,d\n").find("（id）"), std::string::npos);
  auto ok = ParseFigureTable(std::string("# comment\n") + kHeader + "a,s,S,A,件,,,d\n");
  EXPECT_TRUE(ok.ok()) << ok.status().ToString();
}

TEST(AnnualReportArithmetic, DiscoveryRateOfTheReport) {
  // The report: 6608 problems in 16757 inspections, 39.43%.
  EXPECT_EQ(Percent(6608, 16757), 39.43);
  EXPECT_EQ(Percent(1, 3), 33.33);
  EXPECT_EQ(Percent(2, 3), 66.67);
  EXPECT_EQ(Percent(1, 8), 12.5);
  // Half away from zero at the second decimal: 1/800 = 0.125%.
  EXPECT_EQ(Percent(1, 800), 0.13);
  EXPECT_EQ(Percent(0, 5), 0.0);
  EXPECT_FALSE(Percent(3, 0));
}

TEST(AnnualReportArithmetic, YearOnYearChange) {
  // 2882 filed on 2463 the year before is the report's +17%.
  EXPECT_EQ(RelativeChange(2882, 2463), 0.1701);
  EXPECT_EQ(RelativeChange(2954, 2221), 0.33);
  EXPECT_EQ(RelativeChange(5, 10), -0.5);
  EXPECT_EQ(RelativeChange(7, 7), 0.0);
  EXPECT_FALSE(RelativeChange(7, 0));
  EXPECT_EQ(PointChange(39.43, 41.0), -1.57);
  EXPECT_FALSE(PointChange(std::nullopt, 41.0));
  EXPECT_FALSE(PointChange(39.43, std::nullopt));
}

TEST(AnnualReportArithmetic, LinesOfCountsAndRates) {
  FigureDefinition count{"cases_filed", "enforcement", "执法", "立案", "件", "", "", "d"};
  FigureDefinition rate{"discovery_rate", "random_inspection", "双随机", "发现率", "%", "", "", "d"};
  auto l = MakeLine(count, "", "立案", {12}, Measure{8}, "/cases?filed_year=2023", "/cases?filed_year=2022");
  EXPECT_EQ(l.value, 12.0);
  EXPECT_EQ(l.previous, 8.0);
  EXPECT_EQ(l.change, 0.5);
  EXPECT_EQ(l.previous_link, "/cases?filed_year=2022");
  // No records at all the year before: no previous value, no change, no link.
  auto none = MakeLine(count, "", "立案", {12}, std::nullopt, "/x", "/y");
  EXPECT_FALSE(none.previous);
  EXPECT_FALSE(none.change);
  EXPECT_EQ(none.previous_link, "");
  auto r = MakeLine(rate, "", "发现率", {2, 5}, Measure{1, 4}, "", "");
  EXPECT_EQ(r.value, 40.0);
  EXPECT_EQ(r.previous, 25.0);
  EXPECT_EQ(r.change, 15.0);  // percentage points
  auto empty = MakeLine(rate, "", "发现率", {0, 0}, Measure{1, 4}, "", "");
  EXPECT_FALSE(empty.value);
  EXPECT_FALSE(empty.change);

  EXPECT_EQ(FormatValue(count, 2882.0), "2882");
  EXPECT_EQ(FormatValue(rate, 39.43), "39.43%");
  EXPECT_EQ(FormatValue(rate, std::nullopt), "—");
  EXPECT_EQ(FormatChange(count, 0.1701), "+17.0%");
  EXPECT_EQ(FormatChange(count, -0.05), "−5.0%");
  EXPECT_EQ(FormatChange(count, 0.0), "持平");
  EXPECT_EQ(FormatChange(rate, -1.57), "−1.57 个百分点");
  EXPECT_EQ(FormatChange(count, std::nullopt), "—");
}

TEST(AnnualReportHtml, PrintablePageWithEscapedValues) {
  auto t = ParseFigureTable(ReadSourceFile("data/report-figures.csv"));
  ASSERT_TRUE(t.ok());
  AnnualReport r;
  r.year = 2023;
  r.bureau = "嘉定区<市场>监督管理局";
  r.generated_at = "2024-01-05 09:00";
  r.sections = t->sections;
  const FigureDefinition& d = *t->Find("cases_filed");
  r.figures.push_back({d, MakeLine(d, "", d.label, {2882}, Measure{2463}, "", ""), {}});
  const FigureDefinition& k = *t->Find("licences_issued");
  Figure lic{k, MakeLine(k, "", k.label, {3}, std::nullopt, "", ""), {}};
  lic.breakdown.push_back(MakeLine(k, "food_operation_licence", "食品经营许可证", {3}, std::nullopt, "", ""));
  r.figures.push_back(lic);
  const std::string h = RenderAnnualReportHtml(r);
  EXPECT_NE(h.find("@page { size: A4"), std::string::npos);
  EXPECT_NE(h.find("嘉定区&lt;市场&gt;监督管理局2023年度"), std::string::npos);
  EXPECT_EQ(h.find("<市场>"), std::string::npos);
  EXPECT_NE(h.find("<td class=\"n\">2882</td><td class=\"n\">2463</td><td class=\"n\">+17.0%</td>"
                   "<td class=\"r\">2882（同比增长17%）</td>"),
            std::string::npos);
  EXPECT_NE(h.find("<tr class=\"sub\"><td>食品经营许可证</td><td class=\"n\">3</td><td class=\"n\">无记录</td>"),
            std::string::npos);
  EXPECT_NE(h.find("执法办案（二）2"), std::string::npos);
}

}  // namespace
}  // namespace jg::report
