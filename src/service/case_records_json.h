// JSON of the records kept with a case (documents, seized property, reviews):
// the audit digests and the API bodies are the same shape.
#pragma once

#include <nlohmann/json.hpp>

#include "domain/enforcement/case_records.h"

namespace jg {

// Without the HTML; kind_label is the document's title.
nlohmann::json DocumentJson(const enforcement::CaseDocument& d, std::string_view kind_label);
nlohmann::json SeizedItemJson(const enforcement::SeizedItem& i);
nlohmann::json ReviewJson(const enforcement::CaseReview& r);

}  // namespace jg
