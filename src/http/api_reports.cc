// /api/v1/reports/annual (年度法治政府建设情况报告数据): JSON, .xlsx and the
// print-ready .html. Routes: docs/api.md; figures: docs/report-definitions.md.
#include <nlohmann/json.hpp>

#include "http/api.h"
#include "http/query_params.h"
#include "service/annual_report_json.h"
#include "service/report_service.h"

namespace jg::http {
namespace {

Result<report::AnnualReport> AnnualOf(Services& s, Request& req) {
  std::optional<int> year;
  JG_RETURN_IF_ERROR(YearQuery(req, "year", &year));
  return s.reports.Annual(req.actor(), year.value_or(s.reports.ThisYear()));
}

// "attachment; filename=…" with the Chinese name for browsers that read filename*.
std::string Attachment(int year, const char* ext) {
  const std::string y = std::to_string(year);
  // 年度报告数据 percent-encoded in UTF-8.
  return "attachment; filename=\"annual-report-" + y + "." + ext + "\"; filename*=UTF-8''" + y +
         "%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A%E6%95%B0%E6%8D%AE." + ext;
}

}  // namespace

void RegisterReportRoutes(Router& r, Services& s) {
  r.Add("GET", "/api/v1/reports/annual", Access::kSession, [&s](Request& req) {
    auto rep = AnnualOf(s, req);
    if (!rep.ok()) return Error(rep.status());
    return Json(200, AnnualReportJson(*rep));
  });

  r.Add("GET", "/api/v1/reports/annual.xlsx", Access::kSession, [&s](Request& req) {
    auto rep = AnnualOf(s, req);
    if (!rep.ok()) return Error(rep.status());
    auto bytes = s.reports.Xlsx(*rep);
    if (!bytes.ok()) return Error(bytes.status());
    Response out;
    out.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    out.body = std::move(bytes).value();
    out.headers.emplace_back("Content-Disposition", Attachment(rep->year, "xlsx"));
    return out;
  });

  // The A4 page for the browser to print (Ctrl+P → PDF).
  r.Add("GET", "/api/v1/reports/annual.html", Access::kSession, [&s](Request& req) {
    auto rep = AnnualOf(s, req);
    if (!rep.ok()) return Error(rep.status());
    Response out;
    out.status = 200;
    out.content_type = "text/html; charset=utf-8";
    out.body = report::RenderAnnualReportHtml(*rep);
    out.headers.emplace_back("Cache-Control", "no-store");
    return out;
  });
}

}  // namespace jg::http
