// JSON views of records as the API returns them (never the password hash).
#pragma once

#include <nlohmann/json.hpp>

#include "domain/accounts.h"
#include "domain/audit.h"
#include "domain/entity.h"
#include "domain/holding.h"
#include "domain/inspection_registry.h"
#include "domain/registration.h"

namespace jg::http {

nlohmann::json ToJson(const User& u);
nlohmann::json ToJson(const Department& d);
nlohmann::json ToJson(const AuditEvent& e);
nlohmann::json ToJson(const Entity& e);
nlohmann::json ToJson(const Holding& h);
nlohmann::json ToJson(const Registration& r);
nlohmann::json ToJson(const InspectionItem& i);
// Without certificate_valid_today, which needs the service clock.
nlohmann::json ToJson(const Inspector& i);

}  // namespace jg::http
