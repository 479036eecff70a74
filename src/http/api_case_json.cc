#include "http/api_case_json.h"

#include "service/case_json.h"

namespace jg::http {
using namespace jg::enforcement;

namespace {
// Reads a date string now; parsing waits for the caller (after Finish).
struct PendingDate {
  const char* field;
  std::optional<std::string> text;
};

Status ParseDate(const PendingDate& p, std::optional<Date>* out) {
  if (!p.text || p.text->empty()) return Status::Ok();
  auto d = Date::Parse(*p.text, p.field);
  if (!d.ok()) return d.status();
  *out = *d;
  return Status::Ok();
}

Status ExcludedFrom(JsonFields& f, std::vector<ExcludedInterval>* out) {
  auto arr = f.OptObjectArray("excluded_periods");
  if (!arr) return Status::Ok();
  for (size_t i = 0; i < arr->size(); ++i) {
    std::string prefix = "excluded_periods[" + std::to_string(i) + "].";
    JsonFields g(*(*arr)[i]);
    ExcludedInterval e;
    e.kind = g.String("kind");
    auto from = g.String("from");
    auto to = g.String("to");
    Status st = g.Finish();
    if (st.ok()) {
      auto a = Date::Parse(from, prefix + "from");
      auto b = Date::Parse(to, prefix + "to");
      if (!a.ok()) return a.status();
      if (!b.ok()) return b.status();
      e.from = *a;
      e.to = *b;
    } else {
      return Status(st.code(), st.reason(), st.message(), prefix + st.field());
    }
    out->push_back(std::move(e));
  }
  return Status::Ok();
}

Result<Decision> DecisionFrom(const nlohmann::json& obj) {
  JsonFields f(obj);
  Decision d;
  std::string kind = f.String("kind");
  PendingDate decided{"decision.decided_on", f.OptString("decided_on")};
  auto penalties = f.OptStringArray("penalties").value_or(std::vector<std::string>{});
  d.fine = f.OptInt("fine_fen").value_or(0);
  d.confiscated_gains = f.OptInt("confiscated_gains_fen").value_or(0);
  d.lenient_rule_id = f.OptString("lenient_rule_id").value_or("");
  d.reduction_ground = f.OptString("reduction_ground").value_or("");
  d.receiving_unit = f.OptString("police_unit").value_or("");
  PendingDate transferred{"decision.transferred_on", f.OptString("transferred_on")};
  d.reason = f.OptString("reason").value_or("");
  if (Status st = f.Finish(); !st.ok())
    return Status(st.code(), st.reason(), st.message(), "decision." + st.field());
  auto k = ParseDecisionKind(kind);
  if (!k) return InvalidArgument("invalid_decision_kind", "处理决定种类不正确", "decision.kind");
  d.kind = *k;
  for (const auto& p : penalties) {
    auto t = ParsePenaltyType(p);
    if (!t) return InvalidArgument("invalid_penalty", "处罚种类“" + p + "”不正确", "decision.penalties");
    d.penalties.push_back(*t);
  }
  std::optional<Date> on;
  JG_RETURN_IF_ERROR(ParseDate(decided, &on));
  if (!on) return InvalidArgument("required", "请填写决定日期", "decision.decided_on");
  d.decided_on = *on;
  JG_RETURN_IF_ERROR(ParseDate(transferred, &d.transferred_on));
  return d;
}
}  // namespace

Status OptDateField(JsonFields& f, const char* name, std::optional<Date>* out) {
  return ParseDate({name, f.OptString(name)}, out);
}

Result<Lead> LeadFrom(const std::string& body) {
  JG_ASSIGN_OR_RETURN(auto j, ParseJsonObject(body));
  JsonFields f(j);
  Lead l;
  std::string source = f.String("source");
  l.inspection_task_id = f.OptInt("inspection_task_id");
  l.entity_id = f.OptInt("entity_id");
  l.credit_code = f.OptString("credit_code").value_or("");
  l.party_name = f.OptString("party_name").value_or("");
  l.description = f.String("description");
  std::string found = f.String("found_on");
  l.department_id = f.Int("department_id");
  Status ex = ExcludedFrom(f, &l.excluded);
  JG_RETURN_IF_ERROR(f.Finish());
  JG_RETURN_IF_ERROR(ex);
  auto s = ParseLeadSource(source);
  if (!s) return InvalidArgument("invalid_source", "线索来源不正确", "source");
  l.source = *s;
  JG_ASSIGN_OR_RETURN(l.found_on, Date::Parse(found, "found_on"));
  return l;
}

Result<FilingRequest> FilingFrom(const std::string& body) {
  JG_ASSIGN_OR_RETURN(auto j, ParseJsonObject(body));
  JsonFields f(j);
  FilingRequest r;
  r.version = f.Int("version");
  PendingDate on{"on", f.OptString("on")};
  r.officer_ids = f.OptIntArray("officer_ids").value_or(std::vector<std::int64_t>{});
  r.violated.law = f.OptString("violated_law").value_or("");
  r.violated.article = f.OptString("violated_article").value_or("");
  r.note = f.OptString("note").value_or("");
  JG_RETURN_IF_ERROR(f.Finish());
  JG_RETURN_IF_ERROR(ParseDate(on, &r.on));
  return r;
}

Result<DeclineRequest> DeclineFrom(const std::string& body) {
  JG_ASSIGN_OR_RETURN(auto j, ParseJsonObject(body));
  JsonFields f(j);
  DeclineRequest r;
  r.version = f.Int("version");
  PendingDate on{"on", f.OptString("on")};
  auto ground = f.OptString("ground").value_or("");
  r.explanation = f.OptString("explanation").value_or("");
  JG_RETURN_IF_ERROR(f.Finish());
  JG_RETURN_IF_ERROR(ParseDate(on, &r.on));
  if (!ground.empty()) {
    r.ground = ParseNotFilingGround(ground);
    if (!r.ground) return InvalidArgument("invalid_ground", "不予立案理由不正确", "ground");
  }
  return r;
}

Result<TransitionRequest> TransitionFrom(const std::string& body) {
  JG_ASSIGN_OR_RETURN(auto j, ParseJsonObject(body));
  JsonFields f(j);
  TransitionRequest r;
  r.version = f.Int("version");
  std::string action = f.String("action");
  PendingDate on{"on", f.OptString("on")};
  r.note = f.OptString("note").value_or("");
  PendingDate notice{"notice_served_on", f.OptString("notice_served_on")};
  r.statements_waived = f.OptBool("statements_waived");
  PendingDate hearing{"hearing_requested_on", f.OptString("hearing_requested_on")};
  PendingDate hearing_notice{"hearing_notice_served_on", f.OptString("hearing_notice_served_on")};
  PendingDate served{"decision_served_on", f.OptString("decision_served_on")};
  r.execution_completed = f.OptBool("execution_completed");
  const nlohmann::json* decision = f.OptObject("decision");
  JG_RETURN_IF_ERROR(f.Finish());
  auto a = ParseCaseAction(action);
  if (!a) return InvalidArgument("invalid_action", "办案步骤不正确", "action");
  r.action = *a;
  JG_RETURN_IF_ERROR(ParseDate(on, &r.on));
  JG_RETURN_IF_ERROR(ParseDate(notice, &r.notice_served_on));
  JG_RETURN_IF_ERROR(ParseDate(hearing, &r.hearing_requested_on));
  JG_RETURN_IF_ERROR(ParseDate(hearing_notice, &r.hearing_notice_served_on));
  JG_RETURN_IF_ERROR(ParseDate(served, &r.decision_served_on));
  if (decision) {
    JG_ASSIGN_OR_RETURN(auto d, DecisionFrom(*decision));
    r.decision = std::move(d);
  }
  return r;
}

Result<CaseParticulars> ParticularsFrom(const std::string& body) {
  JG_ASSIGN_OR_RETURN(auto j, ParseJsonObject(body));
  JsonFields f(j);
  CaseParticulars p;
  p.version = f.Int("version");
  p.extension_approved = f.OptBool("extension_approved").value_or(false);
  Status ex = ExcludedFrom(f, &p.excluded);
  p.violated.law = f.OptString("violated_law").value_or("");
  p.violated.article = f.OptString("violated_article").value_or("");
  const nlohmann::json* facts = f.OptObject("facts");
  JG_RETURN_IF_ERROR(f.Finish());
  JG_RETURN_IF_ERROR(ex);
  if (facts) {
    for (const auto& [k, v] : facts->items()) {
      if (!v.is_boolean())
        return InvalidArgument("invalid_type", "事实须为 true 或 false", "facts." + k);
      p.facts[k] = v.get<bool>();
    }
  }
  return p;
}

nlohmann::json PeriodJson(const PeriodView& p) {
  nlohmann::json j = {{"rule", p.rule_id},
                      {"due", p.due ? nlohmann::json(p.due->ToString()) : nlohmann::json()}};
  if (p.countdown) {
    j["state"] = CountdownStateName(p.countdown->state);
    j["state_label"] = CountdownStateLabel(p.countdown->state);
    j["remaining"] = p.countdown->remaining;
  } else {
    j["state"] = nullptr;
  }
  if (!p.error.empty()) j["error"] = p.error;
  return j;
}

nlohmann::json ToJson(const LeadView& v) {
  nlohmann::json j = LeadJson(v.lead);
  j["filing_deadline"] = PeriodJson(v.filing);
  j["case_id"] = v.lead.case_id ? nlohmann::json(*v.lead.case_id) : nlohmann::json();
  j["case_number"] = v.lead.case_number;
  return j;
}

nlohmann::json ToJson(const CaseView& v) {
  nlohmann::json j = CaseJson(v.record);
  j["decision_deadline"] = PeriodJson(v.decision);
  nlohmann::json next = nlohmann::json::array();
  for (auto a : v.next_actions)
    next.push_back({{"action", CaseActionName(a)}, {"label", CaseActionLabel(a)}});
  j["next_actions"] = next;
  return j;
}

nlohmann::json ToJson(const LenientRule& r) {
  nlohmann::json conditions = nlohmann::json::array();
  for (const auto& c : r.conditions)
    conditions.push_back({{"fact", c}, {"label", LenientFactLabel(c)}});
  return {{"id", r.id},
          {"list", r.list},
          {"provision", {{"law", r.provision.law}, {"article", r.provision.article}}},
          {"conduct", r.conduct},
          {"conditions", conditions},
          {"outcome", LenientOutcomeName(r.outcome)},
          {"outcome_label", LenientOutcomeLabel(r.outcome)},
          {"basis", r.basis},
          {"retired", r.retired}};
}

nlohmann::json ToJson(const LenientMatch& m) {
  nlohmann::json conditions = nlohmann::json::array();
  for (const auto& c : m.conditions)
    conditions.push_back({{"fact", c.fact},
                          {"label", LenientFactLabel(c.fact)},
                          {"state", ConditionStateName(c.state)}});
  return {{"rule", ToJson(m.rule)},
          {"verdict", MatchVerdictName(m.verdict)},
          {"conditions", conditions}};
}

}  // namespace jg::http
