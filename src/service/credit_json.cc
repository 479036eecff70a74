#include "service/credit_json.h"

namespace jg {
namespace {
using namespace jg::credit;
using namespace jg::enforcement;

nlohmann::json OptDate(const std::optional<Date>& d) {
  return d ? nlohmann::json(d->ToString()) : nlohmann::json();
}
}  // namespace

nlohmann::json PublicityJson(const PublicityRecord& p) {
  nlohmann::json penalties = nlohmann::json::array();
  nlohmann::json labels = nlohmann::json::array();
  for (auto t : p.decision.penalties) {
    penalties.push_back(PenaltyTypeName(t));
    labels.push_back(PenaltyTypeLabel(t));
  }
  return {{"id", p.id},
          {"case_id", p.case_id},
          {"department_id", p.department_id},
          {"entity_id", p.entity_id ? nlohmann::json(*p.entity_id) : nlohmann::json()},
          {"credit_code", p.credit_code},
          {"party_name", p.party_name},
          {"case_number", p.case_number},
          {"document_number", p.document_number},
          {"violated_law", p.violated_law},
          {"violated_article", p.violated_article},
          {"decision_kind", DecisionKindName(p.decision.kind)},
          {"decided_on", p.decision.decided_on.ToString()},
          {"penalties", penalties},
          {"penalty_labels", labels},
          {"fine_fen", p.decision.fine},
          {"confiscated_gains_fen", p.decision.confiscated_gains},
          {"authority", p.authority},
          {"status", PublicityStatusName(p.status)},
          {"published_on", OptDate(p.published_on)},
          {"changed_on", OptDate(p.changed_on)},
          {"withdrawn_on", OptDate(p.withdrawn_on)},
          {"withdrawal_reason", p.withdrawal_reason},
          {"repaired_on", OptDate(p.repaired_on)},
          {"version", p.version},
          {"updated_by", p.updated_by}};
}

nlohmann::json CreditListEntryJson(const CreditListEntry& e) {
  return {{"id", e.id},
          {"entity_id", e.entity_id},
          {"list", CreditListName(e.list)},
          {"list_label", CreditListLabel(e.list)},
          {"listed_on", e.listed_on.ToString()},
          {"reason", e.reason},
          {"basis", e.basis},
          {"removed_on", OptDate(e.removed_on)},
          {"removal_reason", e.removal_reason},
          {"active", !e.removed_on.has_value()},
          {"version", e.version},
          {"updated_by", e.updated_by}};
}

nlohmann::json ConditionJson(const RepairConditionState& c) {
  return {{"condition", RepairConditionName(c.condition)},
          {"label", RepairConditionLabel(c.condition)},
          {"met", c.met},
          {"detail", c.detail},
          {"basis", c.basis}};
}

nlohmann::json CreditRepairJson(const CreditRepair& r) {
  nlohmann::json conditions = nlohmann::json::array();
  for (const auto& c : r.conditions) conditions.push_back(ConditionJson(c));
  return {{"id", r.id},
          {"publicity_id", r.publicity_id},
          {"department_id", r.department_id},
          {"applicant", r.applicant},
          {"commitment_ref", r.commitment_ref},
          {"applied_on", r.applied_on.ToString()},
          {"obligations_performed", r.obligations_performed},
          {"violation_corrected", r.violation_corrected},
          {"status", RepairStatusName(r.status)},
          {"conditions", conditions},
          {"decided_on", OptDate(r.decided_on)},
          {"decided_by", r.decided_by},
          {"refusal_reason", r.refusal_reason},
          {"version", r.version},
          {"updated_by", r.updated_by}};
}

}  // namespace jg
