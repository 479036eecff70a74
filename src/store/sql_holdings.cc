// Holdings (with their kinds as data) and registrations, in portable SQL.
#include "store/sql_store_impl.h"

namespace jg::sql {
namespace {

constexpr const char* kHoldingCols =
    "h.id, h.kind, h.identifier, h.entity_id, h.valid_from, h.valid_until, h.status, h.version, "
    "h.updated_at, h.updated_by";

Holding ToHolding(const Row& r) {
  Holding h;
  h.id = r.Int(0);
  h.kind = r.Str(1);
  h.identifier = r.Str(2);
  h.entity_id = r.Int(3);
  h.valid_from = r.Str(4);
  h.valid_until = r.Str(5);
  h.status = ParseHoldingStatus(r.Str(6)).value_or(HoldingStatus::kValid);
  h.version = r.Int(7);
  h.updated_at = r.Int(8);
  h.updated_by = r.Str(9);
  return h;
}

std::vector<std::string> SplitComma(const std::string& s) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= s.size()) {
    size_t c = s.find(',', pos);
    if (c == std::string::npos) c = s.size();
    if (c > pos) out.push_back(s.substr(pos, c - pos));
    pos = c + 1;
  }
  return out;
}

}  // namespace

Result<std::vector<HoldingKind>> SqlStore::ListHoldingKinds() {
  auto rows = Query(
      "SELECT code, name, category, identifier_rule, legal_basis, attribute_keys FROM holding_kinds "
      "ORDER BY code",
      {});
  if (!rows.ok()) return rows.status();
  std::vector<HoldingKind> out;
  for (const auto& r : *rows) {
    out.push_back({r.Str(0), r.Str(1), r.Str(2), r.Str(3), r.Str(4), SplitComma(r.Str(5))});
  }
  return out;
}

Status SqlStore::WriteHoldingAttributes(const Holding& h, Id id) {
  JG_RETURN_IF_ERROR(Exec("DELETE FROM holding_attributes WHERE holding_id = $1", {id}).status());
  for (const auto& [k, v] : h.attributes) {
    auto n = Exec("INSERT INTO holding_attributes (holding_id, key, value) VALUES ($1, $2, $3)",
                  {id, k, v});
    // The same value twice under one key is one fact.
    if (!n.ok() && n.status().code() != ErrorCode::kAlreadyExists) return n.status();
  }
  return Status::Ok();
}

Status SqlStore::LoadHoldingAttributes(std::vector<Holding>& hs) {
  for (auto& h : hs) {
    auto rows = Query(
        "SELECT key, value FROM holding_attributes WHERE holding_id = $1 ORDER BY key, value", {h.id});
    if (!rows.ok()) return rows.status();
    for (const auto& r : *rows) h.attributes.emplace(r.Str(0), r.Str(1));
  }
  return Status::Ok();
}

Result<Id> SqlStore::InsertHolding(const Holding& h) {
  return WithTransaction<Id>([&](SqlStore& tx) -> Result<Id> {
    auto rows = tx.Query(
        "INSERT INTO holdings (kind, identifier, entity_id, valid_from, valid_until, status, version, "
        "updated_at, updated_by) VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $8) RETURNING id",
        {h.kind, h.identifier, h.entity_id, h.valid_from, h.valid_until,
         std::string(HoldingStatusName(h.status)), h.updated_at, h.updated_by});
    if (!rows.ok()) return Field(rows.status(), "identifier", "该证照编号已登记");
    Id id = rows->front().Int(0);
    JG_RETURN_IF_ERROR(tx.WriteHoldingAttributes(h, id));
    return id;
  });
}

Status SqlStore::UpdateHolding(const Holding& h) {
  return WithTransaction<Id>([&](SqlStore& tx) -> Result<Id> {
           auto n = tx.Exec(
               "UPDATE holdings SET identifier = $1, entity_id = $2, valid_from = $3, "
               "valid_until = $4, status = $5, updated_at = $6, updated_by = $7, "
               "version = version + 1 WHERE id = $8 AND version = $9",
               {h.identifier, h.entity_id, h.valid_from, h.valid_until,
                std::string(HoldingStatusName(h.status)), h.updated_at, h.updated_by, h.id,
                h.version});
           if (!n.ok()) return Field(n.status(), "identifier", "该证照编号已登记");
           if (*n != 1) {
             JG_RETURN_IF_ERROR(tx.GetHolding(h.id).status());
             return Stale();
           }
           JG_RETURN_IF_ERROR(tx.WriteHoldingAttributes(h, h.id));
           return h.id;
         })
      .status();
}

Result<Holding> SqlStore::GetHolding(Id id) {
  auto rows = Query(std::string("SELECT ") + kHoldingCols + " FROM holdings h WHERE h.id = $1", {id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return NotFound("holding_not_found", "证照（持有物）不存在");
  std::vector<Holding> hs{ToHolding(rows->front())};
  JG_RETURN_IF_ERROR(LoadHoldingAttributes(hs));
  return hs.front();
}

Result<HoldingPage> SqlStore::SearchHoldings(const HoldingQuery& q) {
  Params p;
  std::string where = " WHERE 1 = 1";
  if (q.entity_id) where += " AND h.entity_id = " + Bind(p, *q.entity_id);
  if (!q.kind.empty()) where += " AND h.kind = " + Bind(p, q.kind);
  if (q.status) where += " AND h.status = " + Bind(p, std::string(HoldingStatusName(*q.status)));
  if (!q.attribute_key.empty()) {
    where += " AND h.id IN (SELECT holding_id FROM holding_attributes WHERE key = " +
             Bind(p, q.attribute_key) + " AND value = " + Bind(p, q.attribute_value) + ")";
  }
  if (!q.valid_until_to.empty())
    where += " AND h.valid_until <> '' AND h.valid_until <= " + Bind(p, q.valid_until_to);
  if (!q.valid_from_from.empty()) where += " AND h.valid_from >= " + Bind(p, q.valid_from_from);
  if (!q.valid_from_to.empty()) where += " AND h.valid_from <= " + Bind(p, q.valid_from_to);
  auto count = Query("SELECT COUNT(*) FROM holdings h" + where, p);
  if (!count.ok()) return count.status();
  HoldingPage page;
  page.total = count->front().Int(0);
  const int limit = std::clamp(q.limit, 1, 10000);
  // No expiry sorts last: '' < any date, so order on (valid_until = '') first.
  auto rows = Query(std::string("SELECT ") + kHoldingCols + " FROM holdings h" + where +
                        " ORDER BY CASE WHEN h.valid_until = '' THEN 1 ELSE 0 END, h.valid_until, "
                        "h.id LIMIT " +
                        Bind(p, std::int64_t{limit}) + " OFFSET " +
                        Bind(p, std::int64_t{std::max(q.offset, 0)}),
                    p);
  if (!rows.ok()) return rows.status();
  for (const auto& r : *rows) page.items.push_back(ToHolding(r));
  JG_RETURN_IF_ERROR(LoadHoldingAttributes(page.items));
  return page;
}

Result<std::vector<LicenceIssueCount>> SqlStore::CountLicencesIssued(
    const std::string& from, const std::string& to, const std::string& business_item) {
  // valid_from is YYYY-MM-DD text, so the range compares the same on both stores.
  auto rows = Query(
      "SELECT h.kind, COUNT(*), COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM holding_attributes a "
      "WHERE a.holding_id = h.id AND a.key = 'business_items' AND a.value = $3) THEN 1 ELSE 0 END), 0) "
      "FROM holdings h JOIN holding_kinds k ON k.code = h.kind "
      "WHERE k.category = 'licence' AND h.valid_from >= $1 AND h.valid_from <= $2 "
      "GROUP BY h.kind ORDER BY h.kind " + pool_->dialect().binary_collation,
      {from, to, business_item});
  if (!rows.ok()) return rows.status();
  std::vector<LicenceIssueCount> out;
  for (const auto& r : *rows) out.push_back({r.Str(0), r.Int(1), r.Int(2)});
  return out;
}

Result<Id> SqlStore::InsertRegistration(const Registration& r) {
  auto rows = Query(
      "INSERT INTO registrations (entity_id, kind, service_point, handled_on, fully_electronic, "
      "recorded_at, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
      {r.entity_id, std::string(RegistrationKindName(r.kind)), r.service_point, r.handled_on,
       std::int64_t{r.fully_electronic ? 1 : 0}, r.recorded_at, r.recorded_by});
  if (!rows.ok()) return rows.status();
  return rows->front().Int(0);
}

Result<std::vector<Registration>> SqlStore::ListRegistrations(const RegistrationQuery& q) {
  Params p;
  std::string where = " WHERE 1 = 1";
  if (q.entity_id) where += " AND entity_id = " + Bind(p, *q.entity_id);
  if (q.kind) where += " AND kind = " + Bind(p, std::string(RegistrationKindName(*q.kind)));
  if (!q.service_point.empty()) where += " AND service_point = " + Bind(p, q.service_point);
  if (!q.from.empty()) where += " AND handled_on >= " + Bind(p, q.from);
  if (!q.to.empty()) where += " AND handled_on <= " + Bind(p, q.to);
  auto rows = Query(
      "SELECT id, entity_id, kind, service_point, handled_on, fully_electronic, recorded_at, "
      "recorded_by FROM registrations" +
          where + " ORDER BY handled_on DESC, id DESC LIMIT " +
          Bind(p, std::int64_t{std::clamp(q.limit, 1, 10000)}) + " OFFSET " +
          Bind(p, std::int64_t{std::max(q.offset, 0)}),
      p);
  if (!rows.ok()) return rows.status();
  std::vector<Registration> out;
  for (const auto& r : *rows) {
    Registration g;
    g.id = r.Int(0);
    g.entity_id = r.Int(1);
    g.kind = ParseRegistrationKind(r.Str(2)).value_or(RegistrationKind::kEstablishment);
    g.service_point = r.Str(3);
    g.handled_on = r.Str(4);
    g.fully_electronic = r.Int(5) != 0;
    g.recorded_at = r.Int(6);
    g.recorded_by = r.Str(7);
    out.push_back(std::move(g));
  }
  return out;
}

Result<std::vector<RegistrationCount>> SqlStore::CountRegistrations(const std::string& from,
                                                                    const std::string& to) {
  // handled_on is YYYY-MM-DD text: its first 7 characters are the month on both stores.
  auto rows = Query(
      "SELECT service_point, SUBSTR(handled_on, 1, 7) AS month, kind, COUNT(*), "
      "SUM(fully_electronic) FROM registrations WHERE handled_on >= $1 AND handled_on <= $2 "
      "GROUP BY service_point, SUBSTR(handled_on, 1, 7), kind "
      "ORDER BY service_point " + pool_->dialect().binary_collation + ", month, kind",
      {from, to});
  if (!rows.ok()) return rows.status();
  std::vector<RegistrationCount> out;
  for (const auto& r : *rows) {
    out.push_back({r.Str(0), r.Str(1),
                   ParseRegistrationKind(r.Str(2)).value_or(RegistrationKind::kEstablishment),
                   r.Int(3), r.Int(4)});
  }
  return out;
}

}  // namespace jg::sql
