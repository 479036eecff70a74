#include "service/annual_report_json.h"

namespace jg {
namespace {

nlohmann::json Opt(const std::optional<double>& v) { return v ? nlohmann::json(*v) : nlohmann::json(); }

nlohmann::json LineJson(const report::FigureLine& l) {
  nlohmann::json j = {{"label", l.label},        {"value", Opt(l.value)},
                      {"previous", Opt(l.previous)}, {"change", Opt(l.change)},
                      {"link", l.link},          {"previous_link", l.previous_link}};
  if (!l.key.empty()) j["key"] = l.key;
  return j;
}

}  // namespace

nlohmann::json AnnualReportJson(const report::AnnualReport& r) {
  nlohmann::json sections = nlohmann::json::array();
  for (const auto& s : r.sections) {
    nlohmann::json figures = nlohmann::json::array();
    for (const auto& f : r.figures) {
      if (f.definition.section != s.id) continue;
      const auto& d = f.definition;
      nlohmann::json j = LineJson(f.total);
      j["id"] = d.id;
      j["unit"] = d.unit;
      // A rate's change is in percentage points, a count's is relative.
      j["change_kind"] = d.rate() ? "points" : "relative";
      j["definition"] = d.definition;
      j["report_2023"] = d.report_2023.empty() ? nlohmann::json() : nlohmann::json(d.report_2023);
      nlohmann::json rows = nlohmann::json::array();
      for (const auto& l : f.breakdown) rows.push_back(LineJson(l));
      j["breakdown"] = rows;
      figures.push_back(std::move(j));
    }
    sections.push_back({{"id", s.id}, {"label", s.label}, {"figures", figures}});
  }
  return {{"year", r.year},
          {"previous_year", r.year - 1},
          {"bureau", r.bureau},
          {"generated_at", r.generated_at},
          {"sections", sections}};
}

}  // namespace jg
