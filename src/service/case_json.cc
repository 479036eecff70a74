#include "service/case_json.h"

namespace jg {
namespace {
using namespace jg::enforcement;

nlohmann::json OptDate(const std::optional<Date>& d) {
  return d ? nlohmann::json(d->ToString()) : nlohmann::json();
}
nlohmann::json OptIdJson(const std::optional<Id>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json();
}
nlohmann::json ExcludedJson(const std::vector<ExcludedInterval>& ex) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& e : ex) {
    auto kind = ParseExcludedKind(e.kind);
    out.push_back({{"kind", e.kind},
                   {"label", kind ? std::string(ExcludedKindLabel(*kind)) : ""},
                   {"from", e.from.ToString()},
                   {"to", e.to.ToString()}});
  }
  return out;
}
}  // namespace

nlohmann::json LeadJson(const Lead& l) {
  return {{"id", l.id},
          {"source", LeadSourceName(l.source)},
          {"source_label", LeadSourceLabel(l.source)},
          {"inspection_task_id", OptIdJson(l.inspection_task_id)},
          {"entity_id", OptIdJson(l.entity_id)},
          {"credit_code", l.credit_code},
          {"party_name", l.party_name},
          {"description", l.description},
          {"found_on", l.found_on.ToString()},
          {"department_id", l.department_id},
          {"extension_approved", l.extension_approved},
          {"excluded_periods", ExcludedJson(l.excluded)},
          {"status", LeadStatusName(l.status)},
          {"decline_ground",
           l.decline_ground ? nlohmann::json(NotFilingGroundName(*l.decline_ground)) : nlohmann::json()},
          {"decline_reason", l.decline_reason},
          {"decided_on", OptDate(l.decided_on)},
          {"version", l.version},
          {"updated_by", l.updated_by}};
}

nlohmann::json DecisionJson(const Decision& d) {
  nlohmann::json penalties = nlohmann::json::array();
  for (auto p : d.penalties) penalties.push_back(PenaltyTypeName(p));
  return {{"kind", DecisionKindName(d.kind)},
          {"kind_label", DecisionKindLabel(d.kind)},
          {"decided_on", d.decided_on.ToString()},
          {"penalties", penalties},
          {"fine_fen", d.fine},
          {"confiscated_gains_fen", d.confiscated_gains},
          {"lenient_rule_id", d.lenient_rule_id},
          {"reduction_ground", d.reduction_ground},
          {"police_unit", d.receiving_unit},
          {"transferred_on", OptDate(d.transferred_on)},
          {"reason", d.reason}};
}

nlohmann::json CaseJson(const EnforcementCase& c) {
  nlohmann::json officers = nlohmann::json::array();
  for (const auto& o : c.officers)
    officers.push_back({{"inspector_id", o.inspector_id},
                        {"name", o.officer.name},
                        {"certificate_no", o.officer.certificate_no},
                        {"certificate_expires", OptDate(o.officer.certificate_expires)}});
  nlohmann::json facts = nlohmann::json::object();
  for (const auto& [k, v] : c.facts) facts[k] = v;
  return {{"id", c.id},
          {"case_number", c.case_number},
          {"lead_id", c.lead_id},
          {"entity_id", OptIdJson(c.entity_id)},
          {"credit_code", c.credit_code},
          {"party_name", c.party_name},
          {"department_id", c.department_id},
          {"filed_on", c.filed_on.ToString()},
          {"officers", officers},
          {"stage", CaseStageName(c.stage)},
          {"stage_label", CaseStageLabel(c.stage)},
          {"extension_approved", c.extension_approved},
          {"excluded_periods", ExcludedJson(c.excluded)},
          {"notice_served_on", OptDate(c.notice_served_on)},
          {"statements_waived", c.statements_waived},
          {"hearing_requested_on", OptDate(c.hearing_requested_on)},
          {"hearing_notice_served_on", OptDate(c.hearing_notice_served_on)},
          {"decision", c.decision ? DecisionJson(*c.decision) : nlohmann::json()},
          {"decision_served_on", OptDate(c.decision_served_on)},
          {"execution_completed", c.execution_completed},
          {"violated_provision", {{"law", c.violated.law}, {"article", c.violated.article}}},
          {"facts", facts},
          {"version", c.version},
          {"updated_by", c.updated_by}};
}

nlohmann::json CaseEventJson(const CaseEvent& e) {
  return {{"id", e.id},
          {"from", CaseStageName(e.from)},
          {"to", CaseStageName(e.to)},
          {"action", CaseActionName(e.action)},
          {"action_label", CaseActionLabel(e.action)},
          {"on", e.on.ToString()},
          {"by", e.by},
          {"note", e.note}};
}

}  // namespace jg
