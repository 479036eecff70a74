// The annual report as JSON: the API's body and `jianguan report annual
// --format json`, the same shape (docs/api.md).
#pragma once

#include <nlohmann/json.hpp>

#include "domain/report/annual_report.h"

namespace jg {

nlohmann::json AnnualReportJson(const report::AnnualReport& r);

}  // namespace jg
