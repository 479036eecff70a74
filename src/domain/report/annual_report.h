// The figures of the bureau's annual rule-of-law report (年度法治政府建设情况
//报告), computed from records. Which figures exist, their sections, labels,
// units and the report's own 2023 values are data (data/report-figures.csv);
// this file holds the arithmetic every output shares: percentages, year-on-year
// change, rounding, and how a value is written. No I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/status.h"

namespace jg::report {

struct FigureDefinition {
  std::string id;             // e.g. "cases_filed"
  std::string section;        // e.g. "enforcement"
  std::string section_label;  // 执法办案（二）2
  std::string label;          // 查办普通程序案件
  std::string unit;           // 张, 件, 户次, 件次, 家, or % (a rate)
  std::string breakdown;      // "", "kind" or "service_point"
  std::string report_2023;    // the report's value, as printed; "" if not cited
  std::string definition;     // which records, which dates (short form)
  bool rate() const { return unit == "%"; }
};

struct Section {
  std::string id;
  std::string label;
};

struct FigureTable {
  std::vector<FigureDefinition> figures;  // in file order
  std::vector<Section> sections;          // in order of first appearance
  const FigureDefinition* Find(std::string_view id) const;
};

// Parses data/report-figures.csv. All or nothing: an unknown unit or
// breakdown, a repeated id, or a section split in two is refused
// (InvalidArgument "report_figures_syntax", naming the line).
Result<FigureTable> ParseFigureTable(std::string_view csv);

// part / whole as a percentage rounded half away from zero to two decimals
// (6608 of 16757 → 39.43); none when whole is 0.
std::optional<double> Percent(std::int64_t part, std::int64_t whole);
// (current − previous) / previous rounded to four decimals (2882 on 2463 →
// 0.1701); none when previous is 0: no change can be stated from nothing.
std::optional<double> RelativeChange(std::int64_t current, std::int64_t previous);
// A rate's change in percentage points, two decimals; none unless both exist.
std::optional<double> PointChange(std::optional<double> current, std::optional<double> previous);

// One year's measure of a figure: a count, or a rate's part and whole.
struct Measure {
  std::int64_t count = 0;  // the count; a rate's numerator
  std::int64_t whole = 0;  // a rate's denominator
};

// One line of a figure: its total, or one row of its breakdown.
struct FigureLine {
  std::string key;    // "" for the total; the kind code or service point of a breakdown row
  std::string label;  // the total's label, or the kind's / service point's name
  std::optional<double> value;     // none: a rate over no records
  std::optional<double> previous;  // none: the previous year has no records to compare
  std::optional<double> change;    // relative for counts, percentage points for rates
  std::string link;                // web route of the records behind value
  std::string previous_link;       // and behind previous (when there is one)
};

// The value, previous value and change of one line. `previous` is nullopt
// when the previous year has no records of the figure's source at all.
FigureLine MakeLine(const FigureDefinition& def, std::string key, std::string label,
                    Measure current, std::optional<Measure> previous, std::string link,
                    std::string previous_link);

struct Figure {
  FigureDefinition definition;
  FigureLine total;
  std::vector<FigureLine> breakdown;
};

struct AnnualReport {
  int year = 0;
  std::string bureau;        // the root department's name, for the title
  std::string generated_at;  // "YYYY-MM-DD HH:MM" China time, for the print
  std::vector<Section> sections;
  std::vector<Figure> figures;  // in the order of the figure table
};

// "2882", "39.43%", or "—" when there is no value.
std::string FormatValue(const FigureDefinition& def, const std::optional<double>& v);
// "+17.0%", "−3.2%", "持平", "+1.20 个百分点", or "—" when there is none.
std::string FormatChange(const FigureDefinition& def, const std::optional<double>& change);

// The print-ready page (A4, Chinese): one table per section with value,
// previous year, change and the report's own 2023 figure; every value escaped.
std::string RenderAnnualReportHtml(const AnnualReport& r);

}  // namespace jg::report
