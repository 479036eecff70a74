// Enforcement leads, cases, their officers, excluded periods and events, in
// portable SQL. Dates are YYYY-MM-DD text ("" = none).
#include <algorithm>
#include <sstream>

#include "store/sql_store_impl.h"

namespace jg::sql {
namespace {
using namespace jg::enforcement;

std::string DateText(const std::optional<Date>& d) { return d ? d->ToString() : std::string(); }
std::optional<Date> OptDate(const std::string& s) {
  if (s.empty()) return std::nullopt;
  auto d = Date::Parse(s);
  if (!d.ok()) return std::nullopt;
  return *d;
}
Date DateOr(const std::string& s) { return OptDate(s).value_or(Date()); }
std::int64_t Flag(bool b) { return b ? 1 : 0; }

const std::string kLeadCols =
    "source, inspection_task_id, entity_id, credit_code, party_name, description, found_on, "
    "department_id, extension_approved, status, decline_ground, decline_reason, decided_on, "
    "updated_at, updated_by";

Params LeadParams(const Lead& l) {
  return {std::string(LeadSourceName(l.source)),
          OptId(l.inspection_task_id),
          OptId(l.entity_id),
          l.credit_code,
          l.party_name,
          l.description,
          l.found_on.ToString(),
          l.department_id,
          Flag(l.extension_approved),
          std::string(LeadStatusName(l.status)),
          l.decline_ground ? std::string(NotFilingGroundName(*l.decline_ground)) : std::string(),
          l.decline_reason,
          DateText(l.decided_on),
          l.updated_at,
          l.updated_by};
}

// The case a lead was filed into (cases.lead_id is unique, hence indexed), as
// the two columns after kLeadCols; named, or PostgreSQL finds ORDER BY id ambiguous.
const std::string kLeadCase =
    "(SELECT c.id FROM cases c WHERE c.lead_id = leads.id) AS filed_case_id, "
    "(SELECT c.case_number FROM cases c WHERE c.lead_id = leads.id) AS filed_case_number";
// id, version, then the columns of kLeadCols.
const std::size_t kLeadColCount =
    2 + 1 + static_cast<std::size_t>(std::count(kLeadCols.begin(), kLeadCols.end(), ','));

void ReadLeadCase(const Row& r, Lead& l) {
  l.case_id = r.OptInt(kLeadColCount);
  l.case_number = r.Str(kLeadColCount + 1);
}

// Columns: id, version, then kLeadCols.
Lead ToLead(const Row& r) {
  Lead l;
  l.id = r.Int(0);
  l.version = r.Int(1);
  l.source = ParseLeadSource(r.Str(2)).value_or(LeadSource::kComplaint);
  l.inspection_task_id = r.OptInt(3);
  l.entity_id = r.OptInt(4);
  l.credit_code = r.Str(5);
  l.party_name = r.Str(6);
  l.description = r.Str(7);
  l.found_on = DateOr(r.Str(8));
  l.department_id = r.Int(9);
  l.extension_approved = r.Int(10) != 0;
  l.status = ParseLeadStatus(r.Str(11)).value_or(LeadStatus::kOpen);
  l.decline_ground = ParseNotFilingGround(r.Str(12));
  l.decline_reason = r.Str(13);
  l.decided_on = OptDate(r.Str(14));
  l.updated_at = r.Int(15);
  l.updated_by = r.Str(16);
  return l;
}

const std::string kCaseCols =
    "case_number, case_year, case_seq, lead_id, entity_id, credit_code, party_name, "
    "department_id, filed_on, stage, extension_approved, notice_served_on, statements_waived, "
    "hearing_requested_on, hearing_notice_served_on, decision_kind, decided_on, penalties, "
    "fine_fen, confiscated_fen, lenient_rule_id, reduction_ground, police_unit, transferred_on, "
    "withdrawal_reason, decision_served_on, execution_completed, violated_law, violated_article, "
    "facts, updated_at, updated_by, decision_due";

std::string FactsText(const std::map<std::string, bool>& facts) {
  std::string out;
  for (const auto& [k, v] : facts) out += (out.empty() ? "" : ";") + k + "=" + (v ? "1" : "0");
  return out;
}
std::map<std::string, bool> ParseFacts(const std::string& s) {
  std::map<std::string, bool> out;
  std::stringstream ss(s);
  std::string item;
  while (std::getline(ss, item, ';')) {
    auto eq = item.find('=');
    if (eq != std::string::npos) out[item.substr(0, eq)] = item.substr(eq + 1) == "1";
  }
  return out;
}

Params CaseParams(const EnforcementCase& c) {
  const Decision empty;
  const Decision& d = c.decision ? *c.decision : empty;
  std::string penalties;
  for (auto p : d.penalties) penalties += (penalties.empty() ? "" : ";") + std::string(PenaltyTypeName(p));
  return {c.case_number,
          std::int64_t{c.case_year},
          std::int64_t{c.case_seq},
          c.lead_id,
          OptId(c.entity_id),
          c.credit_code,
          c.party_name,
          c.department_id,
          c.filed_on.ToString(),
          std::string(CaseStageName(c.stage)),
          Flag(c.extension_approved),
          DateText(c.notice_served_on),
          Flag(c.statements_waived),
          DateText(c.hearing_requested_on),
          DateText(c.hearing_notice_served_on),
          c.decision ? std::string(DecisionKindName(d.kind)) : std::string(),
          c.decision ? d.decided_on.ToString() : std::string(),
          penalties,
          d.fine,
          d.confiscated_gains,
          d.lenient_rule_id,
          d.reduction_ground,
          d.receiving_unit,
          DateText(d.transferred_on),
          d.reason,
          DateText(c.decision_served_on),
          Flag(c.execution_completed),
          c.violated.law,
          c.violated.article,
          FactsText(c.facts),
          c.updated_at,
          c.updated_by,
          DateText(c.decision_due)};
}

// Columns: id, version, then kCaseCols.
EnforcementCase ToCase(const Row& r) {
  EnforcementCase c;
  c.id = r.Int(0);
  c.version = r.Int(1);
  c.case_number = r.Str(2);
  c.case_year = static_cast<int>(r.Int(3));
  c.case_seq = static_cast<int>(r.Int(4));
  c.lead_id = r.Int(5);
  c.entity_id = r.OptInt(6);
  c.credit_code = r.Str(7);
  c.party_name = r.Str(8);
  c.department_id = r.Int(9);
  c.filed_on = DateOr(r.Str(10));
  c.stage = ParseCaseStage(r.Str(11)).value_or(CaseStage::kFiled);
  c.extension_approved = r.Int(12) != 0;
  c.notice_served_on = OptDate(r.Str(13));
  c.statements_waived = r.Int(14) != 0;
  c.hearing_requested_on = OptDate(r.Str(15));
  c.hearing_notice_served_on = OptDate(r.Str(16));
  if (auto kind = ParseDecisionKind(r.Str(17))) {
    Decision d;
    d.kind = *kind;
    d.decided_on = DateOr(r.Str(18));
    std::stringstream ss(r.Str(19));
    std::string p;
    while (std::getline(ss, p, ';')) {
      if (auto t = ParsePenaltyType(p)) d.penalties.push_back(*t);
    }
    d.fine = r.Int(20);
    d.confiscated_gains = r.Int(21);
    d.lenient_rule_id = r.Str(22);
    d.reduction_ground = r.Str(23);
    d.receiving_unit = r.Str(24);
    d.transferred_on = OptDate(r.Str(25));
    d.reason = r.Str(26);
    c.decision = std::move(d);
  }
  c.decision_served_on = OptDate(r.Str(27));
  c.execution_completed = r.Int(28) != 0;
  c.violated.law = r.Str(29);
  c.violated.article = r.Str(30);
  c.facts = ParseFacts(r.Str(31));
  c.updated_at = r.Int(32);
  c.updated_by = r.Str(33);
  c.decision_due = OptDate(r.Str(34));
  return c;
}

}  // namespace

Status SqlStore::WriteExcluded(const char* table, const char* key, Id id,
                               const std::vector<ExcludedInterval>& ex) {
  JG_RETURN_IF_ERROR(
      Exec(std::string("DELETE FROM ") + table + " WHERE " + key + " = $1", {id}).status());
  for (size_t i = 0; i < ex.size(); ++i) {
    JG_RETURN_IF_ERROR(Exec(std::string("INSERT INTO ") + table + " (" + key +
                                ", position, kind, from_on, to_on) VALUES ($1, $2, $3, $4, $5)",
                            {id, static_cast<std::int64_t>(i), ex[i].kind, ex[i].from.ToString(),
                             ex[i].to.ToString()})
                           .status());
  }
  return Status::Ok();
}

Result<std::vector<ExcludedInterval>> SqlStore::LoadExcluded(const char* table, const char* key,
                                                             Id id) {
  auto rows = Query(std::string("SELECT kind, from_on, to_on FROM ") + table + " WHERE " + key +
                        " = $1 ORDER BY position",
                    {id});
  if (!rows.ok()) return rows.status();
  std::vector<ExcludedInterval> out;
  for (const auto& r : *rows) out.push_back({r.Str(0), DateOr(r.Str(1)), DateOr(r.Str(2))});
  return out;
}

Result<Id> SqlStore::InsertLead(const Lead& l) {
  return WithTransaction<Id>([&](SqlStore& tx) -> Result<Id> {
    auto rows = tx.Query("INSERT INTO leads (" + kLeadCols + ", version) VALUES (" +
                             Placeholders(kLeadCols) + ", 1) RETURNING id",
                         LeadParams(l));
    if (!rows.ok()) return rows.status();
    Id id = rows->front().Int(0);
    JG_RETURN_IF_ERROR(tx.WriteExcluded("lead_excluded_periods", "lead_id", id, l.excluded));
    return id;
  });
}

Result<Lead> SqlStore::GetLead(Id id) {
  auto rows = Query("SELECT id, version, " + kLeadCols + ", " + kLeadCase +
                        " FROM leads WHERE id = $1",
                    {id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return NotFound("lead_not_found", "案件线索不存在");
  Lead l = ToLead(rows->front());
  ReadLeadCase(rows->front(), l);
  JG_ASSIGN_OR_RETURN(l.excluded, LoadExcluded("lead_excluded_periods", "lead_id", id));
  return l;
}

Result<std::vector<Lead>> SqlStore::ListLeads(const LeadQuery& q) {
  Params p;
  std::string where = " WHERE 1 = 1";
  if (q.department_id) where += " AND department_id = " + Bind(p, *q.department_id);
  if (q.status) where += " AND status = " + Bind(p, std::string(LeadStatusName(*q.status)));
  auto rows = Query("SELECT id, version, " + kLeadCols + ", " + kLeadCase + " FROM leads" + where +
                        " ORDER BY found_on DESC, id DESC",
                    p);
  if (!rows.ok()) return rows.status();
  std::vector<Lead> out;
  for (const auto& r : *rows) {
    out.push_back(ToLead(r));
    ReadLeadCase(r, out.back());
    JG_ASSIGN_OR_RETURN(out.back().excluded,
                        LoadExcluded("lead_excluded_periods", "lead_id", out.back().id));
  }
  return out;
}

Status SqlStore::UpdateLead(const Lead& l) {
  return WithTransaction<Id>([&](SqlStore& tx) -> Result<Id> {
           Params p = LeadParams(l);
           std::string n = std::to_string(p.size() + 1);
           p.push_back(l.id);
           p.push_back(l.version);
           auto updated = tx.Exec("UPDATE leads SET " + Assignments(kLeadCols) +
                                      ", version = version + 1 WHERE id = $" + n +
                                      " AND version = $" + std::to_string(p.size()),
                                  p);
           if (!updated.ok()) return updated.status();
           if (*updated != 1) {
             JG_RETURN_IF_ERROR(tx.GetLead(l.id).status());
             return Stale();
           }
           JG_RETURN_IF_ERROR(tx.WriteExcluded("lead_excluded_periods", "lead_id", l.id, l.excluded));
           return l.id;
         })
      .status();
}

Result<int> SqlStore::LastCaseSequence(int year) {
  auto rows = Query("SELECT MAX(case_seq) FROM cases WHERE case_year = $1", {std::int64_t{year}});
  if (!rows.ok()) return rows.status();
  return static_cast<int>(rows->front().OptInt(0).value_or(0));
}

Status SqlStore::LoadCaseChildren(EnforcementCase& c) {
  auto rows = Query(
      "SELECT inspector_id, name, certificate_no, certificate_expires FROM case_officers "
      "WHERE case_id = $1 ORDER BY position",
      {c.id});
  if (!rows.ok()) return rows.status();
  for (const auto& r : *rows)
    c.officers.push_back({r.Int(0), {r.Str(1), r.Str(2), OptDate(r.Str(3))}});
  JG_ASSIGN_OR_RETURN(c.excluded, LoadExcluded("case_excluded_periods", "case_id", c.id));
  return Status::Ok();
}

Result<Id> SqlStore::InsertCase(const EnforcementCase& c) {
  return WithTransaction<Id>([&](SqlStore& tx) -> Result<Id> {
    auto rows = tx.Query("INSERT INTO cases (" + kCaseCols + ", version) VALUES (" +
                             Placeholders(kCaseCols) + ", 1) RETURNING id",
                         CaseParams(c));
    if (!rows.ok()) return Field(rows.status(), "case_number", "案件编号已存在");
    Id id = rows->front().Int(0);
    for (size_t i = 0; i < c.officers.size(); ++i) {
      const auto& o = c.officers[i];
      JG_RETURN_IF_ERROR(
          tx.Exec("INSERT INTO case_officers (case_id, position, inspector_id, name, "
                  "certificate_no, certificate_expires) VALUES ($1, $2, $3, $4, $5, $6)",
                  {id, static_cast<std::int64_t>(i), o.inspector_id, o.officer.name,
                   o.officer.certificate_no, DateText(o.officer.certificate_expires)})
              .status());
    }
    JG_RETURN_IF_ERROR(tx.WriteExcluded("case_excluded_periods", "case_id", id, c.excluded));
    return id;
  });
}

Result<EnforcementCase> SqlStore::GetCase(Id id) {
  auto rows = Query("SELECT id, version, " + kCaseCols + " FROM cases WHERE id = $1", {id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return NotFound("case_not_found", "案件不存在");
  EnforcementCase c = ToCase(rows->front());
  JG_RETURN_IF_ERROR(LoadCaseChildren(c));
  return c;
}

namespace {
std::string YearFrom(int y) { return std::to_string(y) + "-01-01"; }
std::string YearTo(int y) { return std::to_string(y) + "-12-31"; }

// The WHERE clause of a case query; date ranges on the indexed columns.
std::string CaseWhere(const CaseQuery& q, Params& p) {
  std::string where = " WHERE 1 = 1";
  if (q.department_id) where += " AND department_id = " + Bind(p, *q.department_id);
  if (q.stage) where += " AND stage = " + Bind(p, std::string(CaseStageName(*q.stage)));
  auto year = [&](const char* col, const std::optional<int>& y) {
    if (!y) return;
    where += std::string(" AND ") + col + " >= " + Bind(p, YearFrom(*y)) + " AND " + col +
             " <= " + Bind(p, YearTo(*y));
  };
  year("filed_on", q.filed_year);
  year("closed_on", q.closed_year);
  year("decided_on", q.decided_year);
  // "YYYY-MM-01" to "YYYY-MM-31" bounds every day of the month as text.
  auto month = [&](const char* col, const std::string& m) {
    if (m.empty()) return;
    where += std::string(" AND ") + col + " >= " + Bind(p, m + "-01") + " AND " + col +
             " <= " + Bind(p, m + "-31");
  };
  month("filed_on", q.filed_month);
  month("closed_on", q.closed_month);
  if (q.decision_kind)
    where += " AND decision_kind = " + Bind(p, std::string(DecisionKindName(*q.decision_kind)));
  if (q.lenient_rule_id) where += " AND lenient_rule_id = " + Bind(p, *q.lenient_rule_id);
  if (q.reduction_ground) where += " AND reduction_ground = " + Bind(p, *q.reduction_ground);
  if (q.violated_law) where += " AND violated_law = " + Bind(p, *q.violated_law);
  if (q.review_kind || q.review_year || !q.review_outcomes.empty()) {
    where += " AND id IN (SELECT case_id FROM case_reviews WHERE 1 = 1";
    if (q.review_kind) where += " AND kind = " + Bind(p, std::string(ReviewKindName(*q.review_kind)));
    if (q.review_year)
      where += " AND filed_on >= " + Bind(p, YearFrom(*q.review_year)) + " AND filed_on <= " +
               Bind(p, YearTo(*q.review_year));
    if (!q.review_outcomes.empty()) {
      where += " AND outcome IN (";
      for (size_t i = 0; i < q.review_outcomes.size(); ++i)
        where += (i ? ", " : "") + Bind(p, q.review_outcomes[i]);
      where += ")";
    }
    where += ")";
  }
  if (q.due_from || q.due_to) where += " AND decision_due > ''";
  if (q.due_from) where += " AND decision_due >= " + Bind(p, q.due_from->ToString());
  if (q.due_to) where += " AND decision_due <= " + Bind(p, q.due_to->ToString());
  return where;
}
}  // namespace

Result<std::vector<EnforcementCase>> SqlStore::ListCases(const CaseQuery& q) {
  Params p;
  std::string sql = "SELECT id, version, " + kCaseCols + " FROM cases" + CaseWhere(q, p) +
                    " ORDER BY filed_on DESC, id DESC";
  if (q.limit > 0) sql += " LIMIT " + Bind(p, q.limit) + " OFFSET " + Bind(p, q.offset);
  auto rows = Query(sql, p);
  if (!rows.ok()) return rows.status();
  std::vector<EnforcementCase> out;
  for (const auto& r : *rows) {
    out.push_back(ToCase(r));
    JG_RETURN_IF_ERROR(LoadCaseChildren(out.back()));
  }
  return out;
}

Result<std::int64_t> SqlStore::CountCases(const CaseQuery& q) {
  Params p;
  auto rows = Query("SELECT COUNT(*) FROM cases" + CaseWhere(q, p), p);
  if (!rows.ok()) return rows.status();
  return rows->front().Int(0);
}

Result<std::vector<Id>> SqlStore::CasesWithoutDecisionDue(int limit) {
  auto rows = Query("SELECT id FROM cases WHERE decision_due IS NULL ORDER BY id LIMIT $1",
                    {std::int64_t{limit}});
  if (!rows.ok()) return rows.status();
  std::vector<Id> out;
  for (const auto& r : *rows) out.push_back(r.Int(0));
  return out;
}

Status SqlStore::SetCaseDecisionDue(Id id, const std::optional<Date>& due) {
  auto n = Exec("UPDATE cases SET decision_due = $1 WHERE id = $2", {DateText(due), id});
  if (!n.ok()) return n.status();
  if (*n != 1) return NotFound("case_not_found", "案件不存在");
  return Status::Ok();
}

Status SqlStore::UpdateCase(const EnforcementCase& c) {
  return WithTransaction<Id>([&](SqlStore& tx) -> Result<Id> {
           // Number, year, sequence and lead are fixed on filing: write them as they are.
           Params p = CaseParams(c);
           std::string cols = kCaseCols.substr(kCaseCols.find("entity_id"));
           p.erase(p.begin(), p.begin() + 4);
           std::string n = std::to_string(p.size() + 1);
           p.push_back(c.id);
           p.push_back(c.version);
           auto updated = tx.Exec("UPDATE cases SET " + Assignments(cols) +
                                      ", version = version + 1 WHERE id = $" + n +
                                      " AND version = $" + std::to_string(p.size()),
                                  p);
           if (!updated.ok()) return updated.status();
           if (*updated != 1) {
             JG_RETURN_IF_ERROR(tx.GetCase(c.id).status());
             return Stale();
           }
           JG_RETURN_IF_ERROR(tx.WriteExcluded("case_excluded_periods", "case_id", c.id, c.excluded));
           return c.id;
         })
      .status();
}

Result<Id> SqlStore::InsertCaseEvent(const CaseEvent& e) {
  auto rows = Query(
      "INSERT INTO case_events (case_id, from_stage, to_stage, action, on_date, by_user, note, at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
      {e.case_id, std::string(CaseStageName(e.from)), std::string(CaseStageName(e.to)),
       std::string(CaseActionName(e.action)), e.on.ToString(), e.by, e.note, e.at});
  if (!rows.ok()) return rows.status();
  // The day of 结案 is kept on the case for closed_year and the statistics.
  if (e.action == CaseAction::kClose) {
    JG_RETURN_IF_ERROR(
        Exec("UPDATE cases SET closed_on = $1 WHERE id = $2", {e.on.ToString(), e.case_id})
            .status());
  }
  return rows->front().Int(0);
}

Result<std::vector<CaseEvent>> SqlStore::ListCaseEvents(Id case_id) {
  auto rows = Query(
      "SELECT id, case_id, from_stage, to_stage, action, on_date, by_user, note, at "
      "FROM case_events WHERE case_id = $1 ORDER BY id",
      {case_id});
  if (!rows.ok()) return rows.status();
  std::vector<CaseEvent> out;
  for (const auto& r : *rows) {
    CaseEvent e;
    e.id = r.Int(0);
    e.case_id = r.Int(1);
    e.from = ParseCaseStage(r.Str(2)).value_or(CaseStage::kClue);
    e.to = ParseCaseStage(r.Str(3)).value_or(CaseStage::kFiled);
    e.action = ParseCaseAction(r.Str(4)).value_or(CaseAction::kFile);
    e.on = DateOr(r.Str(5));
    e.by = r.Str(6);
    e.note = r.Str(7);
    e.at = r.Int(8);
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace jg::sql
