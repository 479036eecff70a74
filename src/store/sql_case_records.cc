// Records kept with a case: issued documents and their numbering, the custody
// register of seized property with its movements, reconsideration and
// litigation. Portable SQL; dates are YYYY-MM-DD text ("" = none).
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

const std::string kDocCols =
    "case_id, kind, number, doc_year, doc_seq, generated_on, generated_at, generated_by";

CaseDocument ToDocument(const Row& r) {  // id, kDocCols[, html]
  CaseDocument d;
  d.id = r.Int(0);
  d.case_id = r.Int(1);
  d.kind = ParseDocumentKind(r.Str(2)).value_or(DocumentKind::kFilingApproval);
  d.number = r.Str(3);
  d.year = static_cast<int>(r.Int(4));
  d.sequence = static_cast<int>(r.Int(5));
  d.generated_on = DateOr(r.Str(6));
  d.generated_at = r.Int(7);
  d.generated_by = r.Str(8);
  return d;
}

const std::string kItemCols =
    "case_id, name, quantity, unit, location, custodian, seized_on, extension_approved, "
    "disposal, disposed_on, disposal_approved_by, disposal_note, updated_at, updated_by";

Params ItemParams(const SeizedItem& i) {
  return {i.case_id,
          i.name,
          i.quantity,
          i.unit,
          i.location,
          i.custodian,
          i.seized_on.ToString(),
          std::int64_t{i.extension_approved ? 1 : 0},
          i.disposal ? std::string(DisposalKindName(*i.disposal)) : std::string(),
          DateText(i.disposed_on),
          i.disposal_approved_by,
          i.disposal_note,
          i.updated_at,
          i.updated_by};
}

SeizedItem ToItem(const Row& r) {  // id, version, kItemCols
  SeizedItem i;
  i.id = r.Int(0);
  i.version = r.Int(1);
  i.case_id = r.Int(2);
  i.name = r.Str(3);
  i.quantity = r.Str(4);
  i.unit = r.Str(5);
  i.location = r.Str(6);
  i.custodian = r.Str(7);
  i.seized_on = DateOr(r.Str(8));
  i.extension_approved = r.Int(9) != 0;
  i.disposal = ParseDisposalKind(r.Str(10));
  i.disposed_on = OptDate(r.Str(11));
  i.disposal_approved_by = r.Str(12);
  i.disposal_note = r.Str(13);
  i.updated_at = r.Int(14);
  i.updated_by = r.Str(15);
  return i;
}

const std::string kReviewCols =
    "case_id, kind, filed_on, body, outcome, decided_on, note, updated_at, updated_by";

Params ReviewParams(const CaseReview& r) {
  return {r.case_id,  std::string(ReviewKindName(r.kind)), r.filed_on.ToString(), r.body,
          r.outcome,  DateText(r.decided_on),              r.note,                r.updated_at,
          r.updated_by};
}

CaseReview ToReview(const Row& r) {  // id, version, kReviewCols
  CaseReview v;
  v.id = r.Int(0);
  v.version = r.Int(1);
  v.case_id = r.Int(2);
  v.kind = ParseReviewKind(r.Str(3)).value_or(ReviewKind::kReconsideration);
  v.filed_on = DateOr(r.Str(4));
  v.body = r.Str(5);
  v.outcome = r.Str(6);
  v.decided_on = OptDate(r.Str(7));
  v.note = r.Str(8);
  v.updated_at = r.Int(9);
  v.updated_by = r.Str(10);
  return v;
}

}  // namespace

// ---- documents ----

Result<int> SqlStore::NextDocumentSequence(const std::string& kind, int year) {
  if (!bound_) return Internal("NextDocumentSequence outside a transaction");
  // The counter row is created once (a concurrent creator waits on the key and
  // then does nothing), then incremented under its row lock.
  JG_RETURN_IF_ERROR(Exec("INSERT INTO document_sequences (kind, doc_year, last_seq) VALUES "
                          "($1, $2, 0) ON CONFLICT (kind, doc_year) DO NOTHING",
                          {kind, std::int64_t{year}})
                         .status());
  auto rows = Query(
      "UPDATE document_sequences SET last_seq = last_seq + 1 WHERE kind = $1 AND doc_year = $2 "
      "RETURNING last_seq",
      {kind, std::int64_t{year}});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return Internal("document sequence row missing");
  return static_cast<int>(rows->front().Int(0));
}

Result<Id> SqlStore::InsertCaseDocument(const CaseDocument& d) {
  auto rows = Query("INSERT INTO case_documents (" + kDocCols + ", html) VALUES (" +
                        Placeholders(kDocCols + ", html") + ") RETURNING id",
                    {d.case_id, std::string(DocumentKindName(d.kind)), d.number,
                     std::int64_t{d.year}, std::int64_t{d.sequence}, d.generated_on.ToString(),
                     d.generated_at, d.generated_by, d.html});
  if (!rows.ok()) return Field(rows.status(), "number", "文书编号已存在");
  return rows->front().Int(0);
}

Result<CaseDocument> SqlStore::GetCaseDocument(Id id) {
  auto rows =
      Query("SELECT id, " + kDocCols + ", html FROM case_documents WHERE id = $1", {id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return NotFound("document_not_found", "文书不存在");
  CaseDocument d = ToDocument(rows->front());
  d.html = rows->front().Str(9);
  return d;
}

Result<std::vector<CaseDocument>> SqlStore::ListCaseDocuments(Id case_id) {
  auto rows = Query("SELECT id, " + kDocCols +
                        " FROM case_documents WHERE case_id = $1 ORDER BY id",
                    {case_id});
  if (!rows.ok()) return rows.status();
  std::vector<CaseDocument> out;
  for (const auto& r : *rows) out.push_back(ToDocument(r));
  return out;
}

// ---- seized property ----

Status SqlStore::LoadMovements(SeizedItem& item) {
  auto rows = Query(
      "SELECT id, item_id, kind, on_date, location, custodian, note, at, by_user "
      "FROM seized_item_movements WHERE item_id = $1 ORDER BY id",
      {item.id});
  if (!rows.ok()) return rows.status();
  item.movements.clear();
  for (const auto& r : *rows) {
    SeizedItemMovement m;
    m.id = r.Int(0);
    m.item_id = r.Int(1);
    m.kind = ParseMovementKind(r.Str(2)).value_or(MovementKind::kTransferred);
    m.on = DateOr(r.Str(3));
    m.location = r.Str(4);
    m.custodian = r.Str(5);
    m.note = r.Str(6);
    m.at = r.Int(7);
    m.by = r.Str(8);
    item.movements.push_back(std::move(m));
  }
  return Status::Ok();
}

Result<Id> SqlStore::InsertSeizedItem(const SeizedItem& item) {
  auto rows = Query("INSERT INTO seized_items (" + kItemCols + ", version) VALUES (" +
                        Placeholders(kItemCols) + ", 1) RETURNING id",
                    ItemParams(item));
  if (!rows.ok()) return rows.status();
  return rows->front().Int(0);
}

Result<SeizedItem> SqlStore::GetSeizedItem(Id id) {
  auto rows =
      Query("SELECT id, version, " + kItemCols + " FROM seized_items WHERE id = $1", {id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return NotFound("seized_item_not_found", "涉案物品不存在");
  SeizedItem item = ToItem(rows->front());
  JG_RETURN_IF_ERROR(LoadMovements(item));
  return item;
}

Result<std::vector<SeizedItem>> SqlStore::ListSeizedItems(Id case_id) {
  auto rows = Query("SELECT id, version, " + kItemCols +
                        " FROM seized_items WHERE case_id = $1 ORDER BY id",
                    {case_id});
  if (!rows.ok()) return rows.status();
  std::vector<SeizedItem> out;
  for (const auto& r : *rows) {
    out.push_back(ToItem(r));
    JG_RETURN_IF_ERROR(LoadMovements(out.back()));
  }
  return out;
}

Status SqlStore::UpdateSeizedItem(const SeizedItem& item) {
  Params p = ItemParams(item);
  std::string cols = kItemCols.substr(kItemCols.find("name"));
  p.erase(p.begin());  // the case is fixed
  std::string n = std::to_string(p.size() + 1);
  p.push_back(item.id);
  p.push_back(item.version);
  auto updated = Exec("UPDATE seized_items SET " + Assignments(cols) +
                          ", version = version + 1 WHERE id = $" + n + " AND version = $" +
                          std::to_string(p.size()),
                      p);
  if (!updated.ok()) return updated.status();
  if (*updated == 1) return Status::Ok();
  JG_RETURN_IF_ERROR(GetSeizedItem(item.id).status());
  return Stale();
}

Result<Id> SqlStore::InsertSeizedItemMovement(const SeizedItemMovement& m) {
  auto rows = Query(
      "INSERT INTO seized_item_movements (item_id, kind, on_date, location, custodian, note, at, "
      "by_user) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
      {m.item_id, std::string(MovementKindName(m.kind)), m.on.ToString(), m.location, m.custodian,
       m.note, m.at, m.by});
  if (!rows.ok()) return rows.status();
  return rows->front().Int(0);
}

// ---- reconsideration and litigation ----

Result<Id> SqlStore::InsertCaseReview(const CaseReview& r) {
  auto rows = Query("INSERT INTO case_reviews (" + kReviewCols + ", version) VALUES (" +
                        Placeholders(kReviewCols) + ", 1) RETURNING id",
                    ReviewParams(r));
  if (!rows.ok()) return rows.status();
  return rows->front().Int(0);
}

Result<CaseReview> SqlStore::GetCaseReview(Id id) {
  auto rows =
      Query("SELECT id, version, " + kReviewCols + " FROM case_reviews WHERE id = $1", {id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return NotFound("review_not_found", "复议、诉讼记录不存在");
  return ToReview(rows->front());
}

Result<std::vector<CaseReview>> SqlStore::ListCaseReviews(Id case_id) {
  auto rows = Query("SELECT id, version, " + kReviewCols +
                        " FROM case_reviews WHERE case_id = $1 ORDER BY filed_on, id",
                    {case_id});
  if (!rows.ok()) return rows.status();
  std::vector<CaseReview> out;
  for (const auto& r : *rows) out.push_back(ToReview(r));
  return out;
}

Status SqlStore::UpdateCaseReview(const CaseReview& r) {
  Params p = ReviewParams(r);
  std::string cols = kReviewCols.substr(kReviewCols.find("kind"));
  p.erase(p.begin());
  std::string n = std::to_string(p.size() + 1);
  p.push_back(r.id);
  p.push_back(r.version);
  auto updated = Exec("UPDATE case_reviews SET " + Assignments(cols) +
                          ", version = version + 1 WHERE id = $" + n + " AND version = $" +
                          std::to_string(p.size()),
                      p);
  if (!updated.ok()) return updated.status();
  if (*updated == 1) return Status::Ok();
  JG_RETURN_IF_ERROR(GetCaseReview(r.id).status());
  return Stale();
}

Result<std::vector<ReviewCount>> SqlStore::CountCaseReviews(int year,
                                                            std::optional<Id> department_id) {
  Params p;
  std::string where = " WHERE r.filed_on >= " + Bind(p, std::to_string(year) + "-01-01") +
                      " AND r.filed_on <= " + Bind(p, std::to_string(year) + "-12-31");
  if (department_id) where += " AND c.department_id = " + Bind(p, *department_id);
  auto rows = Query(
      "SELECT r.kind, r.outcome, COUNT(*) FROM case_reviews r JOIN cases c ON c.id = r.case_id" +
          where + " GROUP BY r.kind, r.outcome ORDER BY r.kind, r.outcome",
      p);
  if (!rows.ok()) return rows.status();
  std::vector<ReviewCount> out;
  for (const auto& r : *rows)
    out.push_back({ParseReviewKind(r.Str(0)).value_or(ReviewKind::kReconsideration), r.Str(1),
                   r.Int(2)});
  return out;
}

}  // namespace jg::sql
