#include "domain/report/annual_report.h"

#include <cmath>
#include <cstdio>
#include <set>

#include "domain/enforcement/rule_table.h"

namespace jg::report {
namespace {

using enforcement::CellError;
using enforcement::TableRow;
using enforcement::TableSpec;

enum Col { kId, kSection, kSectionLabel, kLabel, kUnit, kBreakdown, kReport, kDefinition };

const TableSpec& Spec() {
  static const TableSpec k{"年度报告数字定义",
                           "report_figures_syntax",
                           "report_figures",
                           {"id", "section", "section_label", "label", "unit", "breakdown",
                            "report_2023", "definition"}};
  return k;
}

bool IsIdentifier(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

// Half away from zero at `places` decimals. The value is first snapped to 9
// significant decimals so a quotient like 0.125 that lands on 0.12499999…
// in binary still rounds up, as it would on paper.
double Round(double v, int places) {
  const double snapped = std::round(v * 1e9) / 1e9;
  const double scale = std::pow(10.0, places);
  return std::round(snapped * scale) / scale;
}

std::string Fixed(double v, int places) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", places, v);
  return buf;
}

std::string Escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

const FigureDefinition* FigureTable::Find(std::string_view id) const {
  for (const auto& f : figures)
    if (f.id == id) return &f;
  return nullptr;
}

Result<FigureTable> ParseFigureTable(std::string_view csv) {
  JG_ASSIGN_OR_RETURN(std::vector<TableRow> rows, enforcement::ParseRuleTable(csv, Spec()));
  static const std::set<std::string> kUnits = {"张", "件", "户次", "件次", "家", "%"};
  static const std::set<std::string> kBreakdowns = {"", "kind", "service_point"};
  FigureTable out;
  std::set<std::string> closed_sections;
  for (const TableRow& row : rows) {
    const auto& c = row.cells;
    for (Col required : {kId, kSection, kSectionLabel, kLabel, kUnit, kDefinition}) {
      if (c[required].empty()) return CellError(Spec(), row, required, "不能为空");
    }
    if (!IsIdentifier(c[kId])) return CellError(Spec(), row, kId, "只能由小写字母、数字和下划线组成");
    if (out.Find(c[kId])) return CellError(Spec(), row, kId, "「" + c[kId] + "」重复");
    if (!kUnits.count(c[kUnit]))
      return CellError(Spec(), row, kUnit, "「" + c[kUnit] + "」应为 张、件、户次、件次、家 或 %");
    if (!kBreakdowns.count(c[kBreakdown]))
      return CellError(Spec(), row, kBreakdown, "应为空、kind 或 service_point");
    if (out.sections.empty() || out.sections.back().id != c[kSection]) {
      // A section is one block of lines: its sheet and its table hold all its figures.
      if (closed_sections.count(c[kSection]))
        return CellError(Spec(), row, kSection, "「" + c[kSection] + "」的数字须连续排列");
      if (!out.sections.empty()) closed_sections.insert(out.sections.back().id);
      out.sections.push_back({c[kSection], c[kSectionLabel]});
    } else if (out.sections.back().label != c[kSectionLabel]) {
      return CellError(Spec(), row, kSectionLabel, "同一部分的名称须一致");
    }
    out.figures.push_back({c[kId], c[kSection], c[kSectionLabel], c[kLabel], c[kUnit],
                           c[kBreakdown], c[kReport], c[kDefinition]});
  }
  return out;
}

std::optional<double> Percent(std::int64_t part, std::int64_t whole) {
  if (whole == 0) return std::nullopt;
  return Round(100.0 * static_cast<double>(part) / static_cast<double>(whole), 2);
}

std::optional<double> RelativeChange(std::int64_t current, std::int64_t previous) {
  if (previous == 0) return std::nullopt;
  return Round(static_cast<double>(current - previous) / static_cast<double>(previous), 4);
}

std::optional<double> PointChange(std::optional<double> current, std::optional<double> previous) {
  if (!current || !previous) return std::nullopt;
  return Round(*current - *previous, 2);
}

FigureLine MakeLine(const FigureDefinition& def, std::string key, std::string label,
                    Measure current, std::optional<Measure> previous, std::string link,
                    std::string previous_link) {
  FigureLine line;
  line.key = std::move(key);
  line.label = std::move(label);
  line.link = std::move(link);
  auto value = [&](const Measure& m) -> std::optional<double> {
    if (def.rate()) return Percent(m.count, m.whole);
    return static_cast<double>(m.count);
  };
  line.value = value(current);
  if (previous) {
    line.previous = value(*previous);
    line.previous_link = std::move(previous_link);
    line.change = def.rate() ? PointChange(line.value, line.previous)
                             : RelativeChange(current.count, previous->count);
  }
  return line;
}

std::string FormatValue(const FigureDefinition& def, const std::optional<double>& v) {
  if (!v) return "—";
  if (def.rate()) return Fixed(*v, 2) + "%";
  return Fixed(*v, 0);
}

std::string FormatChange(const FigureDefinition& def, const std::optional<double>& change) {
  if (!change) return "—";
  if (*change == 0) return "持平";
  const std::string sign = *change > 0 ? "+" : "−";
  if (def.rate()) return sign + Fixed(std::fabs(*change), 2) + " 个百分点";
  return sign + Fixed(std::fabs(*change) * 100, 1) + "%";
}

std::string RenderAnnualReportHtml(const AnnualReport& r) {
  const std::string year = std::to_string(r.year);
  const std::string prev = std::to_string(r.year - 1);
  std::string h;
  h += "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>";
  h += Escape(r.bureau) + year + "年度法治政府建设情况报告数据</title>\n";
  h += R"(<style>
@page { size: A4; margin: 20mm 18mm; }
body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", serif; font-size: 11pt; color: #000; margin: 0; }
h1 { font-size: 18pt; text-align: center; margin: 0 0 4mm; font-family: "SimHei", "Noto Sans CJK SC", sans-serif; }
.meta { text-align: center; font-size: 10pt; margin-bottom: 6mm; }
h2 { font-size: 13pt; margin: 6mm 0 2mm; font-family: "SimHei", "Noto Sans CJK SC", sans-serif; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; page-break-inside: auto; }
tr { page-break-inside: avoid; }
th, td { border: 0.5pt solid #000; padding: 1.5mm 2mm; vertical-align: top; }
th { background: #eee; font-weight: bold; }
td.n { text-align: right; white-space: nowrap; }
td.r { text-align: right; }
tr.sub td:first-child { padding-left: 7mm; }
.def { font-size: 9pt; color: #333; }
.note { font-size: 9pt; margin-top: 6mm; }
</style>
</head>
<body>
)";
  h += "<h1>" + Escape(r.bureau) + year + "年度法治政府建设情况报告数据</h1>\n";
  h += "<p class=\"meta\">根据平台记录计算 · 生成于 " + Escape(r.generated_at) + "</p>\n";
  for (const Section& s : r.sections) {
    // The same column widths in every section, so the tables line up on paper.
    h += "<section>\n<h2>" + Escape(s.label) + "</h2>\n<table>\n<colgroup><col style=\"width:27%\">"
         "<col style=\"width:10%\"><col style=\"width:10%\"><col style=\"width:10%\">"
         "<col style=\"width:15%\"><col style=\"width:28%\"></colgroup>\n<thead><tr><th>项目</th><th>" +
         year + "年</th><th>" + prev + "年</th><th>同比</th><th>报告所载" +
         "</th><th>口径</th></tr></thead>\n<tbody>\n";
    for (const Figure& f : r.figures) {
      if (f.definition.section != s.id) continue;
      const auto& d = f.definition;
      auto row = [&](const FigureLine& l, bool sub, const std::string& report, const std::string& def) {
        h += std::string(sub ? "<tr class=\"sub\">" : "<tr>") + "<td>" + Escape(l.label) +
             (sub ? "" : "（" + Escape(d.unit) + "）") + "</td><td class=\"n\">" +
             Escape(FormatValue(d, l.value)) + "</td><td class=\"n\">" +
             Escape(l.previous ? FormatValue(d, l.previous) : "无记录") + "</td><td class=\"n\">" +
             Escape(FormatChange(d, l.change)) + "</td><td class=\"r\">" + Escape(report) +
             "</td><td class=\"def\">" + Escape(def) + "</td></tr>\n";
      };
      row(f.total, false, d.report_2023.empty() || r.year != 2023 ? "" : d.report_2023, d.definition);
      for (const FigureLine& l : f.breakdown) row(l, true, "", "");
    }
    h += "</tbody>\n</table>\n</section>\n";
  }
  h += "<p class=\"note\">同比：数量为（本年−上年）÷上年，比率为百分点差；上年没有该类记录或上年为 0 "
       "时不计同比。“报告所载”为该局公开报告中的 2023 年数值，仅供核对，平台不读取它。各数字的口径见 "
       "docs/report-definitions.md。</p>\n</body>\n</html>\n";
  return h;
}

}  // namespace jg::report
