// Credit publicity records, credit-list entries and credit repair
// applications, in portable SQL. Dates are YYYY-MM-DD text ("" = none).
#include <sstream>

#include "store/sql_store_impl.h"

namespace jg::sql {
namespace {
using namespace jg::credit;
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

// Fixed on insert: the case and its snapshot.
const std::string kPublicityFixed =
    "case_id, department_id, entity_id, credit_code, party_name, case_number, violated_law, "
    "violated_article, decision_kind, decided_on, penalties, fine_fen, confiscated_fen, authority";
// Changed by publishing, withdrawal and repair.
const std::string kPublicityState =
    "document_number, status, published_on, changed_on, withdrawn_on, withdrawal_reason, "
    "repaired_on, updated_at, updated_by";

Params FixedParams(const PublicityRecord& p) {
  std::string penalties;
  for (auto t : p.decision.penalties)
    penalties += (penalties.empty() ? "" : ";") + std::string(PenaltyTypeName(t));
  return {p.case_id,
          p.department_id,
          OptId(p.entity_id),
          p.credit_code,
          p.party_name,
          p.case_number,
          p.violated_law,
          p.violated_article,
          std::string(DecisionKindName(p.decision.kind)),
          p.decision.decided_on.ToString(),
          penalties,
          p.decision.fine,
          p.decision.confiscated_gains,
          p.authority};
}
Params StateParams(const PublicityRecord& p) {
  return {p.document_number,
          std::string(PublicityStatusName(p.status)),
          DateText(p.published_on),
          DateText(p.changed_on),
          DateText(p.withdrawn_on),
          p.withdrawal_reason,
          DateText(p.repaired_on),
          p.updated_at,
          p.updated_by};
}

// Columns: id, version, kPublicityFixed, kPublicityState.
PublicityRecord ToPublicity(const Row& r) {
  PublicityRecord p;
  p.id = r.Int(0);
  p.version = r.Int(1);
  p.case_id = r.Int(2);
  p.department_id = r.Int(3);
  p.entity_id = r.OptInt(4);
  p.credit_code = r.Str(5);
  p.party_name = r.Str(6);
  p.case_number = r.Str(7);
  p.violated_law = r.Str(8);
  p.violated_article = r.Str(9);
  p.decision.kind = ParseDecisionKind(r.Str(10)).value_or(DecisionKind::kPenalty);
  p.decision.decided_on = DateOr(r.Str(11));
  std::stringstream ss(r.Str(12));
  std::string t;
  while (std::getline(ss, t, ';'))
    if (auto pt = ParsePenaltyType(t)) p.decision.penalties.push_back(*pt);
  p.decision.fine = r.Int(13);
  p.decision.confiscated_gains = r.Int(14);
  p.authority = r.Str(15);
  p.document_number = r.Str(16);
  p.status = ParsePublicityStatus(r.Str(17)).value_or(PublicityStatus::kDue);
  p.published_on = OptDate(r.Str(18));
  p.changed_on = OptDate(r.Str(19));
  p.withdrawn_on = OptDate(r.Str(20));
  p.withdrawal_reason = r.Str(21);
  p.repaired_on = OptDate(r.Str(22));
  p.updated_at = r.Int(23);
  p.updated_by = r.Str(24);
  return p;
}

const std::string kListCols =
    "entity_id, list, listed_on, reason, basis, removed_on, removal_reason, updated_at, updated_by";

CreditListEntry ToListEntry(const Row& r) {
  CreditListEntry e;
  e.id = r.Int(0);
  e.version = r.Int(1);
  e.entity_id = r.Int(2);
  e.list = ParseCreditList(r.Str(3)).value_or(CreditList::kAbnormalOperation);
  e.listed_on = DateOr(r.Str(4));
  e.reason = r.Str(5);
  e.basis = r.Str(6);
  e.removed_on = OptDate(r.Str(7));
  e.removal_reason = r.Str(8);
  e.updated_at = r.Int(9);
  e.updated_by = r.Str(10);
  return e;
}

const std::string kRepairCols =
    "publicity_id, department_id, applicant, commitment_ref, applied_on, obligations_performed, "
    "violation_corrected, status, conditions, decided_on, decided_by, refusal_reason, updated_at, "
    "updated_by";

// Conditions as lines "name\tmet\tdetail\tbasis" (no tabs or newlines in them).
std::string ConditionsText(const std::vector<RepairConditionState>& cs) {
  std::string out;
  auto clean = [](std::string s) {
    for (auto& c : s)
      if (c == '\t' || c == '\n') c = ' ';
    return s;
  };
  for (const auto& c : cs)
    out += std::string(RepairConditionName(c.condition)) + "\t" + (c.met ? "1" : "0") + "\t" +
           clean(c.detail) + "\t" + clean(c.basis) + "\n";
  return out;
}
std::vector<RepairConditionState> ParseConditions(const std::string& s) {
  static const RepairCondition kAll[] = {
      RepairCondition::kMinimumPeriod,        RepairCondition::kPenaltyEligible,
      RepairCondition::kObligationsPerformed, RepairCondition::kViolationCorrected,
      RepairCondition::kNoNewPenalty,         RepairCondition::kCommitmentSubmitted,
      RepairCondition::kNotOnAbnormalList,    RepairCondition::kNotOnSeriousList};
  std::vector<RepairConditionState> out;
  std::stringstream ss(s);
  std::string line;
  while (std::getline(ss, line)) {
    std::vector<std::string> f;
    std::stringstream ls(line);
    std::string x;
    while (std::getline(ls, x, '\t')) f.push_back(x);
    f.resize(4);
    for (auto c : kAll)
      if (RepairConditionName(c) == f[0]) out.push_back({c, f[1] == "1", f[2], f[3]});
  }
  return out;
}

Params RepairParams(const CreditRepair& r) {
  return {r.publicity_id,
          r.department_id,
          r.applicant,
          r.commitment_ref,
          r.applied_on.ToString(),
          Flag(r.obligations_performed),
          Flag(r.violation_corrected),
          std::string(RepairStatusName(r.status)),
          ConditionsText(r.conditions),
          DateText(r.decided_on),
          r.decided_by,
          r.refusal_reason,
          r.updated_at,
          r.updated_by};
}

CreditRepair ToRepair(const Row& r) {
  CreditRepair x;
  x.id = r.Int(0);
  x.version = r.Int(1);
  x.publicity_id = r.Int(2);
  x.department_id = r.Int(3);
  x.applicant = r.Str(4);
  x.commitment_ref = r.Str(5);
  x.applied_on = DateOr(r.Str(6));
  x.obligations_performed = r.Int(7) != 0;
  x.violation_corrected = r.Int(8) != 0;
  x.status = ParseRepairStatus(r.Str(9)).value_or(RepairStatus::kPending);
  x.conditions = ParseConditions(r.Str(10));
  x.decided_on = OptDate(r.Str(11));
  x.decided_by = r.Str(12);
  x.refusal_reason = r.Str(13);
  x.updated_at = r.Int(14);
  x.updated_by = r.Str(15);
  return x;
}

// UPDATE … SET cols WHERE id AND version, with the stale/not-found answer.
template <typename Get>
Status VersionedUpdate(Result<std::int64_t> updated, Get get) {
  if (!updated.ok()) return updated.status();
  if (*updated == 1) return Status::Ok();
  JG_RETURN_IF_ERROR(get().status());
  return Aborted("stale_version", "记录已被他人修改，请刷新后重试");
}

}  // namespace

Result<Id> SqlStore::InsertPublicity(const PublicityRecord& p) {
  Params params = FixedParams(p);
  for (auto& v : StateParams(p)) params.push_back(std::move(v));
  const std::string cols = kPublicityFixed + ", " + kPublicityState;
  auto rows = Query("INSERT INTO credit_publicity (" + cols + ", version) VALUES (" +
                        Placeholders(cols) + ", 1) RETURNING id",
                    params);
  if (!rows.ok()) return Field(rows.status(), "case_id", "该案件已有公示记录");
  return rows->front().Int(0);
}

Result<PublicityRecord> SqlStore::GetPublicity(Id id) {
  auto rows = Query("SELECT id, version, " + kPublicityFixed + ", " + kPublicityState +
                        " FROM credit_publicity WHERE id = $1",
                    {id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return NotFound("publicity_not_found", "公示记录不存在");
  return ToPublicity(rows->front());
}

Result<std::vector<PublicityRecord>> SqlStore::ListPublicity(const PublicityQuery& q) {
  Params p;
  std::string where = " WHERE 1 = 1";
  if (q.status) where += " AND status = " + Bind(p, std::string(PublicityStatusName(*q.status)));
  if (q.department_id) where += " AND department_id = " + Bind(p, *q.department_id);
  if (!q.credit_code.empty()) where += " AND credit_code = " + Bind(p, q.credit_code);
  if (q.case_id) where += " AND case_id = " + Bind(p, *q.case_id);
  auto rows = Query("SELECT id, version, " + kPublicityFixed + ", " + kPublicityState +
                        " FROM credit_publicity" + where + " ORDER BY decided_on DESC, id DESC",
                    p);
  if (!rows.ok()) return rows.status();
  std::vector<PublicityRecord> out;
  for (const auto& r : *rows) out.push_back(ToPublicity(r));
  return out;
}

Status SqlStore::UpdatePublicity(const PublicityRecord& rec) {
  Params p = StateParams(rec);
  std::string n = std::to_string(p.size() + 1);
  p.push_back(rec.id);
  p.push_back(rec.version);
  return VersionedUpdate(Exec("UPDATE credit_publicity SET " + Assignments(kPublicityState) +
                                  ", version = version + 1 WHERE id = $" + n + " AND version = $" +
                                  std::to_string(p.size()),
                              p),
                         [&] { return GetPublicity(rec.id); });
}

Result<Id> SqlStore::InsertCreditListEntry(const CreditListEntry& e) {
  auto rows = Query("INSERT INTO credit_list_entries (" + kListCols + ", version) VALUES (" +
                        Placeholders(kListCols) + ", 1) RETURNING id",
                    {e.entity_id, std::string(CreditListName(e.list)), e.listed_on.ToString(),
                     e.reason, e.basis, DateText(e.removed_on), e.removal_reason, e.updated_at,
                     e.updated_by});
  if (!rows.ok()) return rows.status();
  return rows->front().Int(0);
}

Result<CreditListEntry> SqlStore::GetCreditListEntry(Id id) {
  auto rows = Query("SELECT id, version, " + kListCols + " FROM credit_list_entries WHERE id = $1",
                    {id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return NotFound("credit_list_entry_not_found", "名录记录不存在");
  return ToListEntry(rows->front());
}

Result<std::vector<CreditListEntry>> SqlStore::ListCreditListEntries(Id entity_id) {
  auto rows = Query("SELECT id, version, " + kListCols +
                        " FROM credit_list_entries WHERE entity_id = $1 ORDER BY listed_on DESC, "
                        "id DESC",
                    {entity_id});
  if (!rows.ok()) return rows.status();
  std::vector<CreditListEntry> out;
  for (const auto& r : *rows) out.push_back(ToListEntry(r));
  return out;
}

Status SqlStore::UpdateCreditListEntry(const CreditListEntry& e) {
  return VersionedUpdate(
      Exec("UPDATE credit_list_entries SET removed_on = $1, removal_reason = $2, updated_at = $3, "
           "updated_by = $4, version = version + 1 WHERE id = $5 AND version = $6",
           {DateText(e.removed_on), e.removal_reason, e.updated_at, e.updated_by, e.id,
            e.version}),
      [&] { return GetCreditListEntry(e.id); });
}

Result<Id> SqlStore::InsertCreditRepair(const CreditRepair& r) {
  auto rows = Query("INSERT INTO credit_repairs (" + kRepairCols + ", version) VALUES (" +
                        Placeholders(kRepairCols) + ", 1) RETURNING id",
                    RepairParams(r));
  if (!rows.ok()) return rows.status();
  return rows->front().Int(0);
}

Result<CreditRepair> SqlStore::GetCreditRepair(Id id) {
  auto rows =
      Query("SELECT id, version, " + kRepairCols + " FROM credit_repairs WHERE id = $1", {id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return NotFound("credit_repair_not_found", "信用修复申请不存在");
  return ToRepair(rows->front());
}

Result<std::vector<CreditRepair>> SqlStore::ListCreditRepairs(const RepairQuery& q) {
  Params p;
  std::string where = " WHERE 1 = 1";
  if (q.status) where += " AND status = " + Bind(p, std::string(RepairStatusName(*q.status)));
  if (q.department_id) where += " AND department_id = " + Bind(p, *q.department_id);
  if (q.publicity_id) where += " AND publicity_id = " + Bind(p, *q.publicity_id);
  if (q.decided_year) {
    where += " AND decided_on >= " + Bind(p, std::to_string(*q.decided_year) + "-01-01") +
             " AND decided_on <= " + Bind(p, std::to_string(*q.decided_year) + "-12-31");
  }
  auto rows = Query("SELECT id, version, " + kRepairCols + " FROM credit_repairs" + where +
                        " ORDER BY applied_on DESC, id DESC",
                    p);
  if (!rows.ok()) return rows.status();
  std::vector<CreditRepair> out;
  for (const auto& r : *rows) out.push_back(ToRepair(r));
  return out;
}

Status SqlStore::UpdateCreditRepair(const CreditRepair& r) {
  Params p = RepairParams(r);
  p.erase(p.begin(), p.begin() + 2);  // publicity and department are fixed
  std::string cols = kRepairCols.substr(kRepairCols.find("applicant"));
  std::string n = std::to_string(p.size() + 1);
  p.push_back(r.id);
  p.push_back(r.version);
  return VersionedUpdate(Exec("UPDATE credit_repairs SET " + Assignments(cols) +
                                  ", version = version + 1 WHERE id = $" + n + " AND version = $" +
                                  std::to_string(p.size()),
                              p),
                         [&] { return GetCreditRepair(r.id); });
}

}  // namespace jg::sql
