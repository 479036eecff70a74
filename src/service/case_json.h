// JSON of enforcement leads and cases: the audit digests (before/after) and
// the body of the API's views are the same shape, so a reviewer reading the
// audit log sees what the API showed.
#pragma once

#include <nlohmann/json.hpp>

#include "domain/enforcement/case_file.h"

namespace jg {

nlohmann::json LeadJson(const enforcement::Lead& l);
nlohmann::json CaseJson(const enforcement::EnforcementCase& c);
nlohmann::json DecisionJson(const enforcement::Decision& d);
nlohmann::json CaseEventJson(const enforcement::CaseEvent& e);

}  // namespace jg
