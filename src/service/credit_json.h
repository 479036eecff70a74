// JSON of the credit records: the audit digests and the body of the API's
// views are the same shape.
#pragma once

#include <nlohmann/json.hpp>

#include "domain/credit/records.h"

namespace jg {

nlohmann::json PublicityJson(const credit::PublicityRecord& p);
nlohmann::json CreditListEntryJson(const credit::CreditListEntry& e);
nlohmann::json ConditionJson(const credit::RepairConditionState& c);
nlohmann::json CreditRepairJson(const credit::CreditRepair& r);

}  // namespace jg
