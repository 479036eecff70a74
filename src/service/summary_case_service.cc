#include "service/summary_case_service.h"

#include <algorithm>

#include "domain/civil_date.h"
#include "service/access.h"
#include "service/audit_trail.h"
#include "service/case_officers.h"

namespace jg {
using namespace jg::enforcement;

namespace {
constexpr char kOfficersBasis[] = "《中华人民共和国行政处罚法》第五十二条";

nlohmann::json OptDateJson(const std::optional<Date>& d) {
  return d ? nlohmann::json(d->ToString()) : nlohmann::json();
}

Status Required(const std::string& value, const char* message, const char* field) {
  if (value.empty()) return InvalidArgument("required", message, field);
  return Status::Ok();
}
}  // namespace

nlohmann::json SummaryCaseJson(const SummaryCase& s) {
  nlohmann::json penalties = nlohmann::json::array();
  for (auto p : s.penalties) penalties.push_back(PenaltyTypeName(p));
  nlohmann::json officers = nlohmann::json::array();
  for (const auto& o : s.officers)
    officers.push_back({{"inspector_id", o.inspector_id},
                        {"name", o.officer.name},
                        {"certificate_no", o.officer.certificate_no},
                        {"certificate_expires", OptDateJson(o.officer.certificate_expires)}});
  return {{"id", s.id},
          {"decision_number", s.decision_number},
          {"party_kind", PartyKindName(s.party_kind)},
          {"party_kind_label", PartyKindLabel(s.party_kind)},
          {"party_name", s.party_name},
          {"entity_id", s.entity_id ? nlohmann::json(*s.entity_id) : nlohmann::json()},
          {"credit_code", s.credit_code},
          {"department_id", s.department_id},
          {"place", s.place},
          {"facts", s.facts},
          {"violated_provision", {{"law", s.violated.law}, {"article", s.violated.article}}},
          {"penalties", penalties},
          {"fine_fen", s.fine},
          {"decided_on", s.decided_on.ToString()},
          {"officers", officers},
          {"paid_on", OptDateJson(s.paid_on)},
          {"filed_with_department_on", OptDateJson(s.filed_with_department_on)},
          {"version", s.version},
          {"updated_by", s.updated_by}};
}

SummaryCaseView SummaryCaseService::ViewOf(SummaryCase s) const {
  SummaryCaseView v;
  v.filing.rule_id = "summary_filing";
  if (const DeadlineRule* rule = rules_.deadlines.Find("summary_filing")) {
    auto due = ComputeDueDate(calendar_, *rule, {s.decided_on, false, {}});
    if (due.ok()) {
      v.filing.due = *due;
      if (!s.filed_with_department_on) {
        auto cd = CountDown(calendar_, *rule, *due, DateInChina(env_.clock.Now()));
        if (cd.ok()) v.filing.countdown = *cd;
        else v.filing.error = cd.status().message();
      }
    } else {
      v.filing.error = due.status().message();
    }
  } else {
    v.filing.error = "期限规则 summary_filing 未配置";
  }
  v.record = std::move(s);
  return v;
}

Result<SummaryCaseView> SummaryCaseService::Create(const Actor& actor, const SummaryCaseInput& in) {
  JG_RETURN_IF_ERROR(RequireRole(actor, Permission::kManageCases));
  JG_RETURN_IF_ERROR(
      RequirePermission(env_.store, actor, Permission::kManageCases, in.department_id));
  if (!env_.store.GetDepartment(in.department_id).ok())
    return InvalidArgument("department_not_found", "承办部门不存在", "department_id");
  const Date today = DateInChina(env_.clock.Now());
  SummaryCase s;
  s.party_kind = in.party_kind;
  s.party_name = in.party_name;
  s.entity_id = in.entity_id;
  s.credit_code = in.credit_code;
  if (in.entity_id) {
    auto e = env_.store.GetEntity(*in.entity_id);
    if (!e.ok()) return InvalidArgument("entity_not_found", "市场主体不存在", "entity_id");
    if (s.credit_code.empty()) s.credit_code = e->credit_code;
    if (s.party_name.empty()) s.party_name = e->name;
  }
  JG_RETURN_IF_ERROR(Required(s.party_name, "请填写当事人", "party_name"));
  JG_RETURN_IF_ERROR(Required(in.place, "请填写违法行为发生地点", "place"));
  JG_RETURN_IF_ERROR(Required(in.facts, "请填写违法事实", "facts"));
  JG_RETURN_IF_ERROR(Required(in.violated.law, "请填写违反的法律、法规或者规章", "violated_law"));
  s.department_id = in.department_id;
  s.place = in.place;
  s.facts = in.facts;
  s.violated = in.violated;
  s.penalties = in.penalties;
  s.fine = in.fine;
  s.decided_on = in.decided_on.value_or(today);
  if (s.decided_on > today)
    return InvalidArgument("date_in_future", "决定日期不能晚于今天", "decided_on");
  for (auto [date, field] : {std::pair{in.paid_on, "paid_on"},
                             std::pair{in.filed_with_department_on, "filed_with_department_on"}}) {
    if (date && (*date < s.decided_on || *date > today))
      return InvalidArgument("invalid_date", "日期须在决定之日和今天之间", field);
  }
  s.paid_on = in.paid_on;
  s.filed_with_department_on = in.filed_with_department_on;
  // The decision must be a valid penalty, then within the summary limits.
  const Decision d = SummaryDecision(s);
  if (d.penalties.empty())
    return FailedPrecondition("summary_procedure_not_allowed",
                              "当场处罚须处以警告或者罚款；请适用普通程序", "penalties");
  if (Status st = CheckSummaryProcedure(rules_.summary, s.party_kind, d); !st.ok())
    return Status(st.code(), st.reason(), st.message(), st.field() == "fine" ? "fine_fen" : st.field());
  // Always a penalty (警告 or 罚款): no lenient rule is cited, so none is loaded.
  if (Status st = ValidateDecision(d, enforcement::LenientRules{}); !st.ok())
    return Status(st.code(), st.reason(), st.message(), st.field() == "fine" ? "fine_fen" : st.field());
  JG_ASSIGN_OR_RETURN(s.officers, RosterOfficers(env_.store, in.officer_ids));
  std::vector<CaseOfficer> officers;
  for (const auto& o : s.officers) officers.push_back(o.officer);
  if (Status st = CheckOfficerCertificates(officers, s.decided_on, "当场处罚", kOfficersBasis);
      !st.ok())
    return Status(st.code(), st.reason(), st.message(), "officer_ids");
  const CaseNumberFormat* fmt = rules_.case_numbers.Find(rules_.summary_format);
  if (!fmt) return Internal("no number format " + rules_.summary_format);
  s.decision_year = s.decided_on.year();
  s.updated_at = env_.clock.Now();
  s.updated_by = actor.username;
  JG_RETURN_IF_ERROR(env_.store.Transaction([&](Store& tx) -> Status {
    JG_ASSIGN_OR_RETURN(s.decision_seq, tx.NextSummarySequence(s.decision_year));
    JG_ASSIGN_OR_RETURN(s.decision_number,
                        FormatCaseNumber(*fmt, s.decision_year, s.decision_seq));
    JG_ASSIGN_OR_RETURN(s.id, tx.InsertSummaryCase(s));
    nlohmann::json detail = {{"decision_number", s.decision_number}};
    return AppendAudit(tx, env_.clock, &actor,
                       {"summary_case.create", "summary_case", std::to_string(s.id), "",
                        SummaryCaseJson(s).dump(), detail.dump()});
  }));
  return ViewOf(std::move(s));
}

Result<SummaryCaseView> SummaryCaseService::Get(const Actor& actor, Id id) {
  JG_RETURN_IF_ERROR(RequireRole(actor, Permission::kReadCases));
  JG_ASSIGN_OR_RETURN(auto s, env_.store.GetSummaryCase(id));
  JG_RETURN_IF_ERROR(RequirePermission(env_.store, actor, Permission::kReadCases, s.department_id));
  return ViewOf(std::move(s));
}

Result<SummaryCasePage> SummaryCaseService::List(const Actor& actor, SummaryCaseQuery q, int page,
                                                 int page_size) {
  JG_RETURN_IF_ERROR(RequireRole(actor, Permission::kReadCases));
  if (q.department_id) {
    JG_RETURN_IF_ERROR(
        RequirePermission(env_.store, actor, Permission::kReadCases, q.department_id));
  } else if (ScopeOf(actor.role, Permission::kReadCases) != Scope::kAll) {
    q.department_id = actor.department_id;
  }
  SummaryCasePage out;
  out.page = std::max(page, 1);
  out.page_size = std::clamp(page_size, 1, 200);
  q.limit = out.page_size;
  q.offset = static_cast<std::int64_t>(out.page - 1) * out.page_size;
  JG_ASSIGN_OR_RETURN(out.total, env_.store.CountSummaryCases(q));
  JG_ASSIGN_OR_RETURN(auto rows, env_.store.ListSummaryCases(q));
  for (auto& s : rows) out.items.push_back(ViewOf(std::move(s)));
  return out;
}

}  // namespace jg
