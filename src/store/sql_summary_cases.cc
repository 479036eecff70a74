// Summary-procedure decisions (简易程序) with their officers, and the per-year
// counter that numbers them without gaps. Dates are YYYY-MM-DD text ("" = none).
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

const std::string kSummaryCols =
    "decision_number, decision_year, decision_seq, party_kind, party_name, entity_id, "
    "credit_code, department_id, place, facts, violated_law, violated_article, penalties, "
    "fine_fen, decided_on, paid_on, filed_with_department_on, updated_at, updated_by";

Params SummaryParams(const SummaryCase& s) {
  std::string penalties;
  for (auto p : s.penalties)
    penalties += (penalties.empty() ? "" : ";") + std::string(PenaltyTypeName(p));
  return {s.decision_number,
          std::int64_t{s.decision_year},
          std::int64_t{s.decision_seq},
          std::string(PartyKindName(s.party_kind)),
          s.party_name,
          OptId(s.entity_id),
          s.credit_code,
          s.department_id,
          s.place,
          s.facts,
          s.violated.law,
          s.violated.article,
          penalties,
          s.fine,
          s.decided_on.ToString(),
          DateText(s.paid_on),
          DateText(s.filed_with_department_on),
          s.updated_at,
          s.updated_by};
}

// Columns: id, version, then kSummaryCols.
SummaryCase ToSummary(const Row& r) {
  SummaryCase s;
  s.id = r.Int(0);
  s.version = r.Int(1);
  s.decision_number = r.Str(2);
  s.decision_year = static_cast<int>(r.Int(3));
  s.decision_seq = static_cast<int>(r.Int(4));
  s.party_kind = ParsePartyKind(r.Str(5)).value_or(PartyKind::kCitizen);
  s.party_name = r.Str(6);
  s.entity_id = r.OptInt(7);
  s.credit_code = r.Str(8);
  s.department_id = r.Int(9);
  s.place = r.Str(10);
  s.facts = r.Str(11);
  s.violated.law = r.Str(12);
  s.violated.article = r.Str(13);
  std::stringstream ss(r.Str(14));
  std::string p;
  while (std::getline(ss, p, ';')) {
    if (auto t = ParsePenaltyType(p)) s.penalties.push_back(*t);
  }
  s.fine = r.Int(15);
  s.decided_on = OptDate(r.Str(16)).value_or(Date());
  s.paid_on = OptDate(r.Str(17));
  s.filed_with_department_on = OptDate(r.Str(18));
  s.updated_at = r.Int(19);
  s.updated_by = r.Str(20);
  return s;
}

std::string SummaryWhere(const SummaryCaseQuery& q, Params& p) {
  std::string where = " WHERE 1 = 1";
  if (q.department_id) where += " AND department_id = " + Bind(p, *q.department_id);
  if (q.year) {
    where += " AND decided_on >= " + Bind(p, std::to_string(*q.year) + "-01-01") +
             " AND decided_on <= " + Bind(p, std::to_string(*q.year) + "-12-31");
  }
  if (q.party_kind) where += " AND party_kind = " + Bind(p, std::string(PartyKindName(*q.party_kind)));
  if (!q.party.empty()) {
    std::string like = "%" + LikeEscape(q.party) + "%";
    where += " AND (party_name LIKE " + Bind(p, like) + " ESCAPE '\\' OR credit_code LIKE " +
             Bind(p, like) + " ESCAPE '\\')";
  }
  return where;
}

}  // namespace

Result<int> SqlStore::NextSummarySequence(int year) {
  // The insert does nothing when the year's row exists; the update then takes
  // the row lock, so a concurrent writer waits for this transaction to end and
  // reads the number it left.
  JG_RETURN_IF_ERROR(Exec("INSERT INTO summary_number_counters (year, last_seq) VALUES ($1, 0) "
                          "ON CONFLICT (year) DO NOTHING",
                          {std::int64_t{year}})
                         .status());
  auto rows = Query(
      "UPDATE summary_number_counters SET last_seq = last_seq + 1 WHERE year = $1 "
      "RETURNING last_seq",
      {std::int64_t{year}});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return Internal("summary number counter missing");
  return static_cast<int>(rows->front().Int(0));
}

Result<Id> SqlStore::InsertSummaryCase(const SummaryCase& s) {
  return WithTransaction<Id>([&](SqlStore& tx) -> Result<Id> {
    auto rows = tx.Query("INSERT INTO summary_cases (" + kSummaryCols + ", version) VALUES (" +
                             Placeholders(kSummaryCols) + ", 1) RETURNING id",
                         SummaryParams(s));
    if (!rows.ok()) return Field(rows.status(), "decision_number", "当场处罚决定书编号已存在");
    Id id = rows->front().Int(0);
    for (size_t i = 0; i < s.officers.size(); ++i) {
      const auto& o = s.officers[i];
      JG_RETURN_IF_ERROR(
          tx.Exec("INSERT INTO summary_case_officers (summary_case_id, position, inspector_id, "
                  "name, certificate_no, certificate_expires) VALUES ($1, $2, $3, $4, $5, $6)",
                  {id, static_cast<std::int64_t>(i), o.inspector_id, o.officer.name,
                   o.officer.certificate_no, DateText(o.officer.certificate_expires)})
              .status());
    }
    return id;
  });
}

Result<SummaryCase> SqlStore::GetSummaryCase(Id id) {
  auto rows =
      Query("SELECT id, version, " + kSummaryCols + " FROM summary_cases WHERE id = $1", {id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return NotFound("summary_case_not_found", "当场处罚决定不存在");
  SummaryCase s = ToSummary(rows->front());
  auto off = Query(
      "SELECT inspector_id, name, certificate_no, certificate_expires FROM summary_case_officers "
      "WHERE summary_case_id = $1 ORDER BY position",
      {id});
  if (!off.ok()) return off.status();
  for (const auto& r : *off) s.officers.push_back({r.Int(0), {r.Str(1), r.Str(2), OptDate(r.Str(3))}});
  return s;
}

Result<std::vector<SummaryCase>> SqlStore::ListSummaryCases(const SummaryCaseQuery& q) {
  Params p;
  std::string sql = "SELECT id FROM summary_cases" + SummaryWhere(q, p) +
                    " ORDER BY decided_on DESC, id DESC";
  if (q.limit > 0) sql += " LIMIT " + Bind(p, q.limit) + " OFFSET " + Bind(p, q.offset);
  auto rows = Query(sql, p);
  if (!rows.ok()) return rows.status();
  std::vector<SummaryCase> out;
  for (const auto& r : *rows) {
    JG_ASSIGN_OR_RETURN(auto s, GetSummaryCase(r.Int(0)));
    out.push_back(std::move(s));
  }
  return out;
}

Result<std::int64_t> SqlStore::CountSummaryCases(const SummaryCaseQuery& q) {
  Params p;
  auto rows = Query("SELECT COUNT(*) FROM summary_cases" + SummaryWhere(q, p), p);
  if (!rows.ok()) return rows.status();
  return rows->front().Int(0);
}

}  // namespace jg::sql
