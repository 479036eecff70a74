#include "http/api_json.h"

namespace jg::http {

nlohmann::json ToJson(const User& u) {
  return {{"id", u.id},
          {"username", u.username},
          {"display_name", u.display_name},
          {"role", RoleName(u.role)},
          {"department_id", u.department_id},
          {"disabled", u.disabled},
          {"locked_until", u.locked_until},
          {"created_at", u.created_at},
          {"version", u.version}};
}

nlohmann::json ToJson(const Department& d) {
  return {{"id", d.id},
          {"code", d.code},
          {"name", d.name},
          {"kind", DepartmentKindName(d.kind)},
          {"parent_id", d.parent_id ? nlohmann::json(*d.parent_id) : nlohmann::json()},
          {"phone", d.phone},
          {"address", d.address},
          {"version", d.version}};
}

nlohmann::json ToJson(const AuditEvent& e) {
  return {{"seq", e.seq},
          {"at", e.at},
          {"actor_id", e.actor_id},
          {"actor", e.actor},
          {"action", e.action},
          {"record_kind", e.record_kind},
          {"record_id", e.record_id},
          {"before_digest", e.before_digest},
          {"after_digest", e.after_digest},
          {"detail", e.detail},
          {"hash", e.hash}};
}

nlohmann::json ToJson(const Entity& e) {
  return {{"id", e.id},
          {"credit_code", e.credit_code},
          {"name", e.name},
          {"kind", EntityKindName(e.kind)},
          {"legal_representative", e.legal_representative},
          {"address", e.address},
          {"street", e.street},
          {"station_id", e.station_id ? nlohmann::json(*e.station_id) : nlohmann::json()},
          {"industry", e.industry},
          {"registered_on", e.registered_on},
          {"status", EntityStatusName(e.status)},
          {"risk_class", RiskClassName(e.risk_class)},
          {"risk_classified_on", e.risk_classified_on},
          {"tags", e.tags},
          {"version", e.version},
          {"updated_at", e.updated_at},
          {"updated_by", e.updated_by}};
}

nlohmann::json ToJson(const Holding& h) {
  nlohmann::json attrs = nlohmann::json::object();
  for (const auto& [k, v] : h.attributes) {
    if (!attrs.contains(k)) attrs[k] = nlohmann::json::array();
    attrs[k].push_back(v);
  }
  return {{"id", h.id},
          {"kind", h.kind},
          {"identifier", h.identifier},
          {"entity_id", h.entity_id},
          {"valid_from", h.valid_from},
          {"valid_until", h.valid_until},
          {"status", HoldingStatusName(h.status)},
          {"attributes", attrs},
          {"version", h.version},
          {"updated_at", h.updated_at},
          {"updated_by", h.updated_by}};
}

nlohmann::json ToJson(const Registration& r) {
  return {{"id", r.id},
          {"entity_id", r.entity_id},
          {"kind", RegistrationKindName(r.kind)},
          {"service_point", r.service_point},
          {"handled_on", r.handled_on},
          {"fully_electronic", r.fully_electronic},
          {"recorded_at", r.recorded_at},
          {"recorded_by", r.recorded_by}};
}

nlohmann::json ToJson(const InspectionItem& i) {
  return {{"id", i.id},
          {"code", i.code},
          {"name", i.name},
          {"sub_item", i.sub_item},
          {"legal_basis", i.legal_basis},
          {"department_id", i.department_id ? nlohmann::json(*i.department_id) : nlohmann::json()},
          {"target", i.target},
          {"checklist", i.checklist},
          {"method", InspectionMethodName(i.method)},
          {"importance", ImportanceName(i.importance)},
          {"importance_label", ImportanceLabel(i.importance)},
          {"inspector_requirements", i.inspector_requirements},
          {"active", i.active},
          {"version", i.version},
          {"updated_at", i.updated_at},
          {"updated_by", i.updated_by}};
}

nlohmann::json ToJson(const Inspector& i) {
  nlohmann::json conflicts = nlohmann::json::array();
  for (const auto& c : i.conflicts) {
    conflicts.push_back(
        {{"credit_code", c.credit_code}, {"reason", c.reason}, {"declared_on", c.declared_on}});
  }
  return {{"id", i.id},
          {"user_id", i.user_id ? nlohmann::json(*i.user_id) : nlohmann::json()},
          {"name", i.name},
          {"department_id", i.department_id},
          {"station_id", i.station_id ? nlohmann::json(*i.station_id) : nlohmann::json()},
          {"certificate_no", i.certificate_no},
          {"certificate_expires", i.certificate_expires},
          {"available_from", i.available_from},
          {"available_to", i.available_to},
          {"active", i.active},
          {"qualified_items", i.qualified_items},
          {"conflicts", conflicts},
          {"version", i.version},
          {"updated_at", i.updated_at},
          {"updated_by", i.updated_by}};
}

}  // namespace jg::http
