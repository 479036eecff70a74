// JSON views of records as the API returns them (never the password hash).
#pragma once

#include <nlohmann/json.hpp>

#include "domain/accounts.h"
#include "domain/audit.h"
#include "domain/entity.h"
#include "domain/holding.h"
#include "domain/inspection_plan.h"
#include "domain/inspection_registry.h"
#include "domain/registration.h"
#include "service/credit_service.h"

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
// A plan as staff see it (publication_due needs the calendar: added by the route).
nlohmann::json ToJson(const InspectionPlan& p);
nlohmann::json ToJson(const InspectionTask& t);
// The draw record; `with_input` adds the frozen input file's text.
nlohmann::json ToJson(const PlanDraw& d);

// ---- public views: every field here is published (allow-listed by tests) ----
nlohmann::json PublicPlanJson(const InspectionPlan& p);
nlohmann::json PublicDrawJson(const PlanDraw& d);
// One published result: the entity, the date, the outcome; never inspectors or findings' drafts.
nlohmann::json PublicInspectionResult(const InspectionTask& t);
// One penalty under publicity, with only what SAMR Order 45 lets the portal publish.
nlohmann::json PublicPenaltyJson(const PublicityView& v);

}  // namespace jg::http
