// Internal to the plan service: the canonical JSON of plans and tasks that
// audit events digest (before/after).
#pragma once

#include <nlohmann/json.hpp>

#include "domain/inspection_plan.h"

namespace jg::plan_audit {

inline std::string PlanJson(const InspectionPlan& p) {
  nlohmann::json strata = nlohmann::json::array();
  for (const auto& s : p.strata)
    strata.push_back({{"stratum", s.stratum}, {"by_ratio", s.by_ratio}, {"count", s.count},
                      {"ratio_ppm", s.ratio_ppm}});
  const auto& pop = p.population;
  nlohmann::json j = {
      {"id", p.id},
      {"name", p.name},
      {"period", {p.period_from, p.period_to}},
      {"lead_department_id", p.lead_department_id},
      {"member_department_ids", p.member_department_ids},
      {"item_codes", p.item_codes},
      {"population",
       {{"kind", pop.kind ? std::string(EntityKindName(*pop.kind)) : ""},
        {"street", pop.street},
        {"station_id", pop.station_id ? nlohmann::json(*pop.station_id) : nlohmann::json()},
        {"industry_prefix", pop.industry_prefix},
        {"tag", pop.tag},
        {"holding_kind", pop.holding_kind},
        {"holding_item", pop.holding_item}}},
      {"strata", strata},
      {"exclude_recent_months", p.exclude_recent_months},
      {"max_per_year", p.max_per_year},
      {"per_entity", p.per_entity},
      {"workload_cap", p.workload_cap},
      {"cross_station", p.cross_station},
      {"seed_mode", draw::SeedModeName(p.seed_mode)},
      {"seed_source", p.seed_source},
      {"status", PlanStatusName(p.status)},
      {"cancel_reason", p.cancel_reason},
      {"version", p.version}};
  return j.dump();
}

inline std::string TaskJson(const InspectionTask& t) {
  nlohmann::json j = {{"id", t.id},
                      {"plan_id", t.plan_id},
                      {"credit_code", t.credit_code},
                      {"inspector_ids", t.inspector_ids},
                      {"status", TaskStatusName(t.status)},
                      {"outcome", t.outcome ? InspectionOutcomeName(*t.outcome) : ""},
                      {"findings", t.findings},
                      {"inspected_on", t.inspected_on},
                      {"version", t.version}};
  if (!t.corrected_on.empty()) {
    j["corrected_on"] = t.corrected_on;
    j["correction_note"] = t.correction_note;
  }
  return j.dump();
}

}  // namespace jg::plan_audit
