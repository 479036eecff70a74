#include "service/case_records_json.h"

namespace jg {
using namespace jg::enforcement;

namespace {
nlohmann::json OptDate(const std::optional<Date>& d) {
  return d ? nlohmann::json(d->ToString()) : nlohmann::json();
}
}  // namespace

nlohmann::json DocumentJson(const CaseDocument& d, std::string_view kind_label) {
  return {{"id", d.id},
          {"case_id", d.case_id},
          {"kind", DocumentKindName(d.kind)},
          {"kind_label", kind_label},
          {"number", d.number},
          {"year", d.year},
          {"sequence", d.sequence},
          {"generated_on", d.generated_on.ToString()},
          {"generated_at", d.generated_at},
          {"generated_by", d.generated_by}};
}

nlohmann::json SeizedItemJson(const SeizedItem& i) {
  nlohmann::json movements = nlohmann::json::array();
  for (const auto& m : i.movements)
    movements.push_back({{"id", m.id},
                         {"kind", MovementKindName(m.kind)},
                         {"kind_label", MovementKindLabel(m.kind)},
                         {"on", m.on.ToString()},
                         {"location", m.location},
                         {"custodian", m.custodian},
                         {"note", m.note},
                         {"at", m.at},
                         {"by", m.by}});
  nlohmann::json disposal;
  if (i.disposal)
    disposal = {{"kind", DisposalKindName(*i.disposal)},
                {"kind_label", DisposalKindLabel(*i.disposal)},
                {"on", OptDate(i.disposed_on)},
                {"approved_by", i.disposal_approved_by},
                {"note", i.disposal_note}};
  return {{"id", i.id},
          {"case_id", i.case_id},
          {"name", i.name},
          {"quantity", i.quantity},
          {"unit", i.unit},
          {"location", i.location},
          {"custodian", i.custodian},
          {"seized_on", i.seized_on.ToString()},
          {"extension_approved", i.extension_approved},
          {"disposal", disposal},
          {"movements", movements},
          {"version", i.version},
          {"updated_at", i.updated_at},
          {"updated_by", i.updated_by}};
}

nlohmann::json ReviewJson(const CaseReview& r) {
  std::string_view label = r.outcome.empty() ? "审理中" : ReviewOutcomeLabel(r.kind, r.outcome);
  return {{"id", r.id},
          {"case_id", r.case_id},
          {"kind", ReviewKindName(r.kind)},
          {"kind_label", ReviewKindLabel(r.kind)},
          {"filed_on", r.filed_on.ToString()},
          {"body", r.body},
          {"outcome", r.outcome.empty() ? nlohmann::json() : nlohmann::json(r.outcome)},
          {"outcome_label", label},
          {"decided_on", OptDate(r.decided_on)},
          {"note", r.note},
          {"version", r.version},
          {"updated_at", r.updated_at},
          {"updated_by", r.updated_by}};
}

}  // namespace jg
