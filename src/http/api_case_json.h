// Internal to http/: decoding of the enforcement request bodies and the JSON
// of the views (api_cases.cc).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "http/json_body.h"
#include "service/case_service.h"

namespace jg::http {

// A date field "YYYY-MM-DD" (absent or "" = none); errors name the field.
Status OptDateField(JsonFields& f, const char* name, std::optional<Date>* out);

Result<enforcement::Lead> LeadFrom(const std::string& body);
Result<FilingRequest> FilingFrom(const std::string& body);
Result<DeclineRequest> DeclineFrom(const std::string& body);
Result<TransitionRequest> TransitionFrom(const std::string& body);
Result<CaseParticulars> ParticularsFrom(const std::string& body);

nlohmann::json ToJson(const LeadView& v);
nlohmann::json ToJson(const CaseView& v);
// {rule, due, state, state_label, remaining, error?} of a period.
nlohmann::json PeriodJson(const PeriodView& p);
nlohmann::json ToJson(const enforcement::LenientRule& r);
nlohmann::json ToJson(const enforcement::LenientMatch& m);

}  // namespace jg::http
