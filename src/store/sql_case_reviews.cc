// Case-file sampling rounds, their draws and samples with score sheets, and
// legal advice letters, in portable SQL. Dates are YYYY-MM-DD text.
#include "store/sql_store_impl.h"

namespace jg::sql {
namespace {
using namespace jg::case_review;

std::int64_t I(int v) { return std::int64_t{v}; }

const std::string kRoundCols =
    "year, quarter, name, by_percent, sample_count, sample_percent, sample_minimum, status, "
    "cancel_reason, created_at, created_by, updated_at, updated_by";

Params RoundParams(const Round& r) {
  return {I(r.year),
          I(r.quarter),
          r.name,
          std::int64_t{r.rule.by_percent ? 1 : 0},
          I(r.rule.count),
          I(r.rule.percent),
          I(r.rule.minimum),
          std::string(RoundStatusName(r.status)),
          r.cancel_reason,
          r.created_at,
          r.created_by,
          r.updated_at,
          r.updated_by};
}

// Columns: id, version, then kRoundCols.
Round ToRound(const Row& row) {
  Round r;
  r.id = row.Int(0);
  r.version = row.Int(1);
  r.year = static_cast<int>(row.Int(2));
  r.quarter = static_cast<int>(row.Int(3));
  r.name = row.Str(4);
  r.rule.by_percent = row.Int(5) != 0;
  r.rule.count = static_cast<int>(row.Int(6));
  r.rule.percent = static_cast<int>(row.Int(7));
  r.rule.minimum = static_cast<int>(row.Int(8));
  r.status = ParseRoundStatus(row.Str(9)).value_or(RoundStatus::kDraft);
  r.cancel_reason = row.Str(10);
  r.created_at = row.Int(11);
  r.created_by = row.Str(12);
  r.updated_at = row.Int(13);
  r.updated_by = row.Str(14);
  return r;
}

const std::string kLetterCols =
    "round_id, department_id, subject, issues, recommendations, status, number, letter_year, "
    "letter_seq, issued_on, responded_on, measures, created_at, created_by, updated_at, "
    "updated_by";

Value OptText(const std::string& s) {
  if (s.empty()) return nullptr;
  return s;
}
Value OptSeq(int v) {
  if (v == 0) return nullptr;
  return std::int64_t{v};
}

Params LetterParams(const Letter& l) {
  return {OptId(l.round_id),
          l.department_id,
          l.subject,
          l.issues,
          l.recommendations,
          std::string(LetterStatusName(l.status)),
          OptText(l.number),
          OptSeq(l.letter_year),
          OptSeq(l.letter_seq),
          l.issued_on,
          l.responded_on,
          l.measures,
          l.created_at,
          l.created_by,
          l.updated_at,
          l.updated_by};
}

Letter ToLetter(const Row& r) {
  Letter l;
  l.id = r.Int(0);
  l.version = r.Int(1);
  l.round_id = r.OptInt(2);
  l.department_id = r.Int(3);
  l.subject = r.Str(4);
  l.issues = r.Str(5);
  l.recommendations = r.Str(6);
  l.status = ParseLetterStatus(r.Str(7)).value_or(LetterStatus::kDraft);
  l.number = r.Str(8);
  l.letter_year = static_cast<int>(r.OptInt(9).value_or(0));
  l.letter_seq = static_cast<int>(r.OptInt(10).value_or(0));
  l.issued_on = r.Str(11);
  l.responded_on = r.Str(12);
  l.measures = r.Str(13);
  l.created_at = r.Int(14);
  l.created_by = r.Str(15);
  l.updated_at = r.Int(16);
  l.updated_by = r.Str(17);
  return l;
}

std::optional<Grade> ParseGrade(const std::string& s) {
  for (auto g : {Grade::kExcellent, Grade::kPass, Grade::kFail}) {
    if (GradeName(g) == s) return g;
  }
  return std::nullopt;
}

const std::string kDrawCols =
    "round_id, commitment_id, commitment_text, committed_at, committed_by, secret_seed_hex, "
    "input_file, seed_hex, draw_file, drawn_at, drawn_by";

}  // namespace

Result<std::vector<EligibleCase>> SqlStore::ListClosedCases(const std::string& from,
                                                            const std::string& to) {
  auto rows = Query(
      "SELECT c.id, c.case_year, c.case_seq, c.case_number, c.department_id, d.code, "
      "MAX(e.on_date) FROM cases c JOIN departments d ON d.id = c.department_id "
      "JOIN case_events e ON e.case_id = c.id AND e.to_stage = 'closed' "
      "WHERE c.stage = 'closed' "
      "GROUP BY c.id, c.case_year, c.case_seq, c.case_number, c.department_id, d.code "
      "HAVING MAX(e.on_date) >= $1 AND MAX(e.on_date) <= $2 "
      "ORDER BY c.case_year, c.case_seq",
      {from, to});
  if (!rows.ok()) return rows.status();
  std::vector<EligibleCase> out;
  for (const auto& r : *rows) {
    out.push_back({r.Int(0), static_cast<int>(r.Int(1)), static_cast<int>(r.Int(2)), r.Str(3),
                   r.Int(4), r.Str(5), r.Str(6)});
  }
  return out;
}

Result<Id> SqlStore::InsertReviewRound(const Round& r) {
  auto rows = Query("INSERT INTO case_review_rounds (" + kRoundCols + ", version) VALUES (" +
                        Placeholders(kRoundCols) + ", 1) RETURNING id",
                    RoundParams(r));
  if (!rows.ok()) return rows.status();
  return rows->front().Int(0);
}

Status SqlStore::UpdateReviewRound(const Round& r) {
  Params p = RoundParams(r);
  p.push_back(r.id);
  p.push_back(r.version);
  auto changed = Exec("UPDATE case_review_rounds SET " + Assignments(kRoundCols) +
                          ", version = version + 1 WHERE id = $" + std::to_string(p.size() - 1) +
                          " AND version = $" + std::to_string(p.size()),
                      p);
  if (!changed.ok()) return changed.status();
  if (*changed == 1) return Status::Ok();
  JG_RETURN_IF_ERROR(GetReviewRound(r.id).status());
  return Stale();
}

Result<Round> SqlStore::GetReviewRound(Id id) {
  auto rows =
      Query("SELECT id, version, " + kRoundCols + " FROM case_review_rounds WHERE id = $1", {id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return NotFound("round_not_found", "案卷抽查批次不存在");
  return ToRound(rows->front());
}

Result<std::vector<Round>> SqlStore::ListReviewRounds(std::optional<int> year) {
  const std::string q = "SELECT id, version, " + kRoundCols + " FROM case_review_rounds";
  const std::string order = " ORDER BY year DESC, quarter DESC, id DESC";
  auto rows = year ? Query(q + " WHERE year = $1" + order, {I(*year)}) : Query(q + order, {});
  if (!rows.ok()) return rows.status();
  std::vector<Round> out;
  for (const auto& r : *rows) out.push_back(ToRound(r));
  return out;
}

Status SqlStore::InsertReviewDraw(const RoundDraw& d) {
  return Exec("INSERT INTO case_review_draws (round_id, commitment_id, commitment_text, "
              "committed_at, committed_by, secret_seed_hex, input_file) "
              "VALUES ($1, $2, $3, $4, $5, $6, $7)",
              {d.round_id, d.commitment_id, d.commitment_text, d.committed_at, d.committed_by,
               d.secret_seed_hex, d.input_file})
      .status();
}

Result<RoundDraw> SqlStore::GetReviewDraw(Id round_id) {
  auto rows =
      Query("SELECT " + kDrawCols + " FROM case_review_draws WHERE round_id = $1", {round_id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return NotFound("draw_not_found", "该批次尚未公示抽取承诺");
  const Row& r = rows->front();
  RoundDraw d;
  d.round_id = r.Int(0);
  d.commitment_id = r.Str(1);
  d.commitment_text = r.Str(2);
  d.committed_at = r.Int(3);
  d.committed_by = r.Str(4);
  d.secret_seed_hex = r.Str(5);
  d.input_file = r.Str(6);
  d.seed_hex = r.Str(7);
  d.draw_file = r.Str(8);
  d.drawn_at = r.Int(9);
  d.drawn_by = r.Str(10);
  return d;
}

Status SqlStore::UpdateReviewDraw(const RoundDraw& d) {
  auto n = Exec("UPDATE case_review_draws SET seed_hex = $1, draw_file = $2, drawn_at = $3, "
                "drawn_by = $4 WHERE round_id = $5",
                {d.seed_hex, d.draw_file, d.drawn_at, d.drawn_by, d.round_id});
  if (!n.ok()) return n.status();
  if (*n != 1) return NotFound("draw_not_found", "该批次尚未公示抽取承诺");
  return Status::Ok();
}

Result<Id> SqlStore::InsertReviewSample(const Sample& s) {
  auto rows = Query(
      "INSERT INTO case_review_samples (round_id, case_id, case_key, department_id, closed_on, "
      "position, updated_at, updated_by, version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1) "
      "RETURNING id",
      {s.round_id, s.case_id, s.case_key, s.department_id, s.closed_on, I(s.position),
       s.updated_at, s.updated_by});
  if (!rows.ok()) return Field(rows.status(), "case_id", "该案件已在本批次中");
  return rows->front().Int(0);
}

Result<std::vector<Sample>> SqlStore::QuerySamples(const std::string& where, const Params& p) {
  auto rows = Query(
      "SELECT s.id, s.round_id, s.case_id, s.case_key, c.case_number, c.party_name, "
      "s.department_id, s.closed_on, s.position, s.scored, s.reviewer, s.reviewed_on, s.total, "
      "s.grade, s.version, s.updated_at, s.updated_by "
      "FROM case_review_samples s JOIN cases c ON c.id = s.case_id WHERE " +
          where + " ORDER BY s.round_id, s.position",
      p);
  if (!rows.ok()) return rows.status();
  std::vector<Sample> out;
  for (const auto& r : *rows) {
    Sample s;
    s.id = r.Int(0);
    s.round_id = r.Int(1);
    s.case_id = r.Int(2);
    s.case_key = r.Str(3);
    s.case_number = r.Str(4);
    s.party_name = r.Str(5);
    s.department_id = r.Int(6);
    s.closed_on = r.Str(7);
    s.position = static_cast<int>(r.Int(8));
    s.scored = r.Int(9) != 0;
    s.reviewer = r.Str(10);
    s.reviewed_on = r.Str(11);
    s.total = static_cast<int>(r.Int(12));
    s.grade = ParseGrade(r.Str(13));
    s.version = r.Int(14);
    s.updated_at = r.Int(15);
    s.updated_by = r.Str(16);
    out.push_back(std::move(s));
  }
  for (auto& s : out) {
    auto scores = Query(
        "SELECT item, points, note FROM case_review_scores WHERE sample_id = $1 ORDER BY item",
        {s.id});
    if (!scores.ok()) return scores.status();
    for (const auto& r : *scores) s.scores.push_back({r.Str(0), static_cast<int>(r.Int(1)), r.Str(2)});
    auto findings = Query(
        "SELECT item, description FROM case_review_findings WHERE sample_id = $1 "
        "ORDER BY position",
        {s.id});
    if (!findings.ok()) return findings.status();
    for (const auto& r : *findings) s.findings.push_back({r.Str(0), r.Str(1)});
  }
  return out;
}

Result<Sample> SqlStore::GetReviewSample(Id id) {
  JG_ASSIGN_OR_RETURN(auto found, QuerySamples("s.id = $1", {id}));
  if (found.empty()) return NotFound("sample_not_found", "抽查案卷不存在");
  return std::move(found.front());
}

Result<std::vector<Sample>> SqlStore::ListReviewSamples(Id round_id) {
  return QuerySamples("s.round_id = $1", {round_id});
}

Status SqlStore::UpdateReviewSample(const Sample& s) {
  return Transaction([&](Store& store) -> Status {
    auto& tx = static_cast<SqlStore&>(store);
    auto n = tx.Exec(
        "UPDATE case_review_samples SET scored = $1, reviewer = $2, reviewed_on = $3, total = $4, "
        "grade = $5, updated_at = $6, updated_by = $7, version = version + 1 "
        "WHERE id = $8 AND version = $9",
        {std::int64_t{s.scored ? 1 : 0}, s.reviewer, s.reviewed_on, I(s.total),
         s.grade ? std::string(GradeName(*s.grade)) : std::string(), s.updated_at, s.updated_by,
         s.id, s.version});
    if (!n.ok()) return n.status();
    if (*n != 1) {
      JG_RETURN_IF_ERROR(tx.GetReviewSample(s.id).status());
      return Stale();
    }
    JG_RETURN_IF_ERROR(
        tx.Exec("DELETE FROM case_review_scores WHERE sample_id = $1", {s.id}).status());
    JG_RETURN_IF_ERROR(
        tx.Exec("DELETE FROM case_review_findings WHERE sample_id = $1", {s.id}).status());
    for (const auto& sc : s.scores) {
      JG_RETURN_IF_ERROR(tx.Exec("INSERT INTO case_review_scores (sample_id, item, points, note) "
                                 "VALUES ($1, $2, $3, $4)",
                                 {s.id, sc.item, I(sc.points), sc.note})
                             .status());
    }
    for (std::size_t i = 0; i < s.findings.size(); ++i) {
      JG_RETURN_IF_ERROR(
          tx.Exec("INSERT INTO case_review_findings (sample_id, position, item, description) "
                  "VALUES ($1, $2, $3, $4)",
                  {s.id, static_cast<std::int64_t>(i), s.findings[i].item,
                   s.findings[i].description})
              .status());
    }
    return Status::Ok();
  });
}

Result<Id> SqlStore::InsertLetter(const Letter& l) {
  auto rows = Query("INSERT INTO legal_advice_letters (" + kLetterCols + ", version) VALUES (" +
                        Placeholders(kLetterCols) + ", 1) RETURNING id",
                    LetterParams(l));
  if (!rows.ok()) return Field(rows.status(), "number", "法治建议书编号已存在");
  return rows->front().Int(0);
}

Result<Letter> SqlStore::GetLetter(Id id) {
  auto rows = Query(
      "SELECT id, version, " + kLetterCols + " FROM legal_advice_letters WHERE id = $1", {id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return NotFound("letter_not_found", "法治建议书不存在");
  return ToLetter(rows->front());
}

Result<std::vector<Letter>> SqlStore::ListLetters() {
  auto rows = Query(
      "SELECT id, version, " + kLetterCols + " FROM legal_advice_letters ORDER BY id DESC", {});
  if (!rows.ok()) return rows.status();
  std::vector<Letter> out;
  for (const auto& r : *rows) out.push_back(ToLetter(r));
  return out;
}

Status SqlStore::UpdateLetter(const Letter& l) {
  Params p = LetterParams(l);
  p.push_back(l.id);
  p.push_back(l.version);
  auto n = Exec("UPDATE legal_advice_letters SET " + Assignments(kLetterCols) +
                    ", version = version + 1 WHERE id = $" + std::to_string(p.size() - 1) +
                    " AND version = $" + std::to_string(p.size()),
                p);
  if (!n.ok()) return Field(n.status(), "number", "法治建议书编号已存在");
  if (*n == 1) return Status::Ok();
  JG_RETURN_IF_ERROR(GetLetter(l.id).status());
  return Stale();
}

Result<int> SqlStore::LastLetterSequence(int year) {
  auto rows =
      Query("SELECT MAX(letter_seq) FROM legal_advice_letters WHERE letter_year = $1", {I(year)});
  if (!rows.ok()) return rows.status();
  return static_cast<int>(rows->front().OptInt(0).value_or(0));
}

}  // namespace jg::sql
