// JSON views of 双随机 plans, draws and tasks (internal and public).
#include "http/api_json.h"

namespace jg::http {
namespace {

nlohmann::json StrataJson(const std::vector<draw::StratumRule>& strata) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& s : strata) {
    nlohmann::json j = {{"stratum", s.stratum}, {"by_ratio", s.by_ratio}};
    if (s.by_ratio) j["ratio_percent"] = s.ratio_ppm / 10000.0;
    else j["count"] = s.count;
    out.push_back(j);
  }
  return out;
}

nlohmann::json OptId(const std::optional<Id>& v) { return v ? nlohmann::json(*v) : nlohmann::json(); }

}  // namespace

nlohmann::json ToJson(const InspectionPlan& p) {
  // The public fields, plus what only staff see.
  nlohmann::json j = PublicPlanJson(p);
  const auto& pop = p.population;
  j["member_department_ids"] = p.member_department_ids;
  j["population"] = {{"kind", pop.kind ? std::string(EntityKindName(*pop.kind)) : ""},
                     {"street", pop.street},
                     {"station_id", OptId(pop.station_id)},
                     {"industry_prefix", pop.industry_prefix},
                     {"tag", pop.tag},
                     {"holding_kind", pop.holding_kind},
                     {"holding_item", pop.holding_item}};
  j["exclude_recent_months"] = p.exclude_recent_months;
  j["max_per_year"] = p.max_per_year;
  j["workload_cap"] = p.workload_cap;
  j["approved_by"] = p.approved_by;
  j["approved_at"] = p.approved_at;
  j["version"] = p.version;
  j["updated_at"] = p.updated_at;
  j["updated_by"] = p.updated_by;
  return j;
}

namespace {
nlohmann::json ChecklistJson(const std::vector<ChecklistMark>& marks) {
  nlohmann::json a = nlohmann::json::array();
  for (const auto& m : marks)
    a.push_back({{"item_code", m.item_code},
                 {"point", m.point},
                 {"answer", ChecklistAnswerName(m.answer)},
                 {"answer_label", ChecklistAnswerLabel(m.answer)}});
  return a;
}
}  // namespace

nlohmann::json ToJson(const InspectionTask& t) {
  return {{"id", t.id},
          {"plan_id", t.plan_id},
          {"entity_id", t.entity_id},
          {"credit_code", t.credit_code},
          {"entity_name", t.entity_name},
          {"stratum", t.stratum},
          {"inspector_ids", t.inspector_ids},
          {"status", TaskStatusName(t.status)},
          {"outcome", t.outcome ? std::string(InspectionOutcomeName(*t.outcome)) : ""},
          {"outcome_label", t.outcome ? std::string(InspectionOutcomeLabel(*t.outcome)) : ""},
          {"problem", t.outcome && IsProblem(*t.outcome)},
          {"findings", t.findings},
          {"inspected_on", t.inspected_on},
          {"severity", t.severity ? std::string(FindingSeverityName(*t.severity)) : ""},
          {"severity_label", t.severity ? std::string(FindingSeverityLabel(*t.severity)) : ""},
          {"checklist", ChecklistJson(t.checklist)},
          {"corrected_on", t.corrected_on},
          {"correction_note", t.correction_note},
          {"version", t.version},
          {"updated_at", t.updated_at},
          {"updated_by", t.updated_by}};
}

nlohmann::json ToJson(const PlanDraw& d) { return PublicDrawJson(d); }

nlohmann::json PublicPlanJson(const InspectionPlan& p) {
  return {{"id", p.id},
          {"name", p.name},
          {"year", p.year},
          {"period_from", p.period_from},
          {"period_to", p.period_to},
          {"lead_department_id", p.lead_department_id},
          {"joint", p.joint()},
          {"item_codes", p.item_codes},
          {"strata", StrataJson(p.strata)},
          {"per_entity", p.per_entity},
          {"cross_station", p.cross_station},
          {"seed_mode", draw::SeedModeName(p.seed_mode)},
          {"seed_source", p.seed_source},
          {"status", PlanStatusName(p.status)},
          {"status_label", PlanStatusLabel(p.status)},
          {"cancel_reason", p.cancel_reason},
          {"published_at", p.published_at}};
}

nlohmann::json PublicDrawJson(const PlanDraw& d) {
  return {{"commitment_id", d.commitment_id},
          {"commitment_text", d.commitment_text},
          {"committed_at", d.committed_at},
          {"drawn", d.drawn()},
          {"seed_hex", d.seed_hex},
          {"drawn_at", d.drawn_at}};
}

nlohmann::json PublicInspectionResult(const InspectionTask& t) {
  return {{"plan_id", t.plan_id},
          {"credit_code", t.credit_code},
          {"entity_name", t.entity_name},
          {"inspected_on", t.inspected_on},
          {"outcome", t.outcome ? std::string(InspectionOutcomeName(*t.outcome)) : ""},
          {"outcome_label", t.outcome ? std::string(InspectionOutcomeLabel(*t.outcome)) : ""},
          // A correction after publication is published with its day and note.
          {"corrected_on", t.corrected_on},
          {"correction_note", t.correction_note}};
}

}  // namespace jg::http
