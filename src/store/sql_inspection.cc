// The inspection item list and the inspector roster, in portable SQL.
#include <map>

#include "store/sql_store_impl.h"

namespace jg::sql {
namespace {

constexpr const char* kItemCols =
    "code, name, sub_item, legal_basis, department_id, target, checklist, method, importance, "
    "inspector_requirements, active, updated_at, updated_by";

constexpr const char* kInspectorCols =
    "id, user_id, name, department_id, station_id, certificate_no, certificate_expires, "
    "available_from, available_to, active, version, updated_at, updated_by";

// Columns of kItemCols starting at `at`.
InspectionItem ToItem(const Row& r, size_t at) {
  InspectionItem i;
  i.code = r.Str(at + 0);
  i.name = r.Str(at + 1);
  i.sub_item = r.Str(at + 2);
  i.legal_basis = r.Str(at + 3);
  i.department_id = r.OptInt(at + 4);
  i.target = r.Str(at + 5);
  i.checklist = SplitOn(r.Str(at + 6), '\n');
  i.method = ParseInspectionMethod(r.Str(at + 7)).value_or(InspectionMethod::kOnSite);
  i.importance = ParseImportance(r.Str(at + 8)).value_or(Importance::kGeneral);
  i.inspector_requirements = r.Str(at + 9);
  i.active = r.Int(at + 10) != 0;
  i.updated_at = r.Int(at + 11);
  i.updated_by = r.Str(at + 12);
  return i;
}

Params ItemParams(const InspectionItem& i) {
  return {i.code,
          i.name,
          i.sub_item,
          i.legal_basis,
          OptId(i.department_id),
          i.target,
          JoinWith(i.checklist, '\n'),
          std::string(InspectionMethodName(i.method)),
          std::string(ImportanceName(i.importance)),
          i.inspector_requirements,
          std::int64_t{i.active ? 1 : 0},
          i.updated_at,
          i.updated_by};
}

Inspector ToInspector(const Row& r) {
  Inspector i;
  i.id = r.Int(0);
  i.user_id = r.OptInt(1);
  i.name = r.Str(2);
  i.department_id = r.Int(3);
  i.station_id = r.OptInt(4);
  i.certificate_no = r.Str(5);
  i.certificate_expires = r.Str(6);
  i.available_from = r.Str(7);
  i.available_to = r.Str(8);
  i.active = r.Int(9) != 0;
  i.version = r.Int(10);
  i.updated_at = r.Int(11);
  i.updated_by = r.Str(12);
  return i;
}

}  // namespace

// ---- inspection items ----

Status SqlStore::WriteInspectionItemVersion(const InspectionItem& item, Id id) {
  Params p = {id, item.version};
  for (auto& v : ItemParams(item)) p.push_back(std::move(v));
  return Exec(std::string("INSERT INTO inspection_item_versions (item_id, version, ") + kItemCols +
                  ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
              p)
      .status();
}

Result<std::vector<InspectionItem>> SqlStore::ListInspectionItems(bool include_inactive) {
  auto rows = Query(std::string("SELECT id, version, ") + kItemCols + " FROM inspection_items" +
                        (include_inactive ? "" : " WHERE active = 1") + " ORDER BY code " +
                        pool_->dialect().binary_collation + ", id",
                    {});
  if (!rows.ok()) return rows.status();
  std::vector<InspectionItem> out;
  for (const auto& r : *rows) {
    InspectionItem i = ToItem(r, 2);
    i.id = r.Int(0);
    i.version = r.Int(1);
    out.push_back(std::move(i));
  }
  return out;
}

Result<InspectionItem> SqlStore::GetInspectionItem(Id id) {
  auto rows = Query(std::string("SELECT id, version, ") + kItemCols +
                        " FROM inspection_items WHERE id = $1",
                    {id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return NotFound("inspection_item_not_found", "抽查事项不存在");
  InspectionItem i = ToItem(rows->front(), 2);
  i.id = id;
  i.version = rows->front().Int(1);
  return i;
}

Result<Id> SqlStore::InsertInspectionItem(const InspectionItem& in) {
  return WithTransaction<Id>([&](SqlStore& tx) -> Result<Id> {
    auto rows = tx.Query(std::string("INSERT INTO inspection_items (") + kItemCols +
                             ", version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, "
                             "$12, $13, 1) RETURNING id",
                         ItemParams(in));
    if (!rows.ok()) return Field(rows.status(), "code", "该事项编码已存在");
    Id id = rows->front().Int(0);
    InspectionItem v = in;
    v.version = 1;
    JG_RETURN_IF_ERROR(tx.WriteInspectionItemVersion(v, id));
    return id;
  });
}

Status SqlStore::UpdateInspectionItem(const InspectionItem& in) {
  return WithTransaction<Id>([&](SqlStore& tx) -> Result<Id> {
           auto cur = tx.GetInspectionItem(in.id);
           if (!cur.ok()) return cur.status();
           Params p = ItemParams(in);
           p.erase(p.begin());  // the code stays as created
           p.push_back(in.id);
           p.push_back(in.version);
           auto n = tx.Exec(
               "UPDATE inspection_items SET name = $1, sub_item = $2, legal_basis = $3, "
               "department_id = $4, target = $5, checklist = $6, method = $7, importance = $8, "
               "inspector_requirements = $9, active = $10, updated_at = $11, updated_by = $12, "
               "version = version + 1 WHERE id = $13 AND version = $14",
               p);
           if (!n.ok()) return n.status();
           if (*n != 1) return Stale();
           InspectionItem v = in;
           v.code = cur->code;
           v.version = in.version + 1;
           JG_RETURN_IF_ERROR(tx.WriteInspectionItemVersion(v, in.id));
           return in.id;
         })
      .status();
}

Result<std::vector<InspectionItem>> SqlStore::ListInspectionItemVersions(Id id) {
  auto rows = Query(std::string("SELECT version, ") + kItemCols +
                        " FROM inspection_item_versions WHERE item_id = $1 ORDER BY version DESC",
                    {id});
  if (!rows.ok()) return rows.status();
  std::vector<InspectionItem> out;
  for (const auto& r : *rows) {
    InspectionItem i = ToItem(r, 1);
    i.id = id;
    i.version = r.Int(0);
    out.push_back(std::move(i));
  }
  return out;
}

// ---- inspectors ----

Status SqlStore::WriteInspectorQualifications(const Inspector& i, Id id) {
  JG_RETURN_IF_ERROR(
      Exec("DELETE FROM inspector_qualifications WHERE inspector_id = $1", {id}).status());
  for (const auto& code : i.qualified_items) {
    auto n = Exec("INSERT INTO inspector_qualifications (inspector_id, item_code) VALUES ($1, $2)",
                  {id, code});
    if (!n.ok()) {
      if (n.status().code() == ErrorCode::kFailedPrecondition)
        return FailedPrecondition("inspection_item_not_found", "抽查事项不存在：" + code,
                                  "qualified_items");
      return n.status();
    }
  }
  return Status::Ok();
}

Status SqlStore::LoadInspectorDetails(std::vector<Inspector>& is) {
  if (is.empty()) return Status::Ok();
  std::map<Id, Inspector*> by_id;
  for (auto& i : is) by_id[i.id] = &i;
  // One inspector: its own rows; a list: the whole (small) roster's rows at once.
  const bool one = is.size() == 1;
  const Params p = one ? Params{is.front().id} : Params{};
  const std::string where = one ? " WHERE inspector_id = $1" : "";
  auto quals = Query("SELECT inspector_id, item_code FROM inspector_qualifications" + where +
                         " ORDER BY inspector_id, item_code " + pool_->dialect().binary_collation,
                     p);
  if (!quals.ok()) return quals.status();
  for (const auto& r : *quals) {
    if (auto it = by_id.find(r.Int(0)); it != by_id.end())
      it->second->qualified_items.push_back(r.Str(1));
  }
  auto conflicts = Query("SELECT inspector_id, credit_code, reason, declared_on "
                         "FROM inspector_conflicts" +
                             where + " ORDER BY inspector_id, credit_code " +
                             pool_->dialect().binary_collation,
                         p);
  if (!conflicts.ok()) return conflicts.status();
  for (const auto& r : *conflicts) {
    if (auto it = by_id.find(r.Int(0)); it != by_id.end())
      it->second->conflicts.push_back({r.Str(1), r.Str(2), r.Str(3)});
  }
  return Status::Ok();
}

Result<std::vector<Inspector>> SqlStore::ListInspectors(const InspectorQuery& q) {
  Params p;
  std::string where = " WHERE 1 = 1";
  if (q.department_id) where += " AND department_id = " + Bind(p, *q.department_id);
  if (q.station_id) where += " AND station_id = " + Bind(p, *q.station_id);
  if (!q.item_code.empty())
    where += " AND id IN (SELECT inspector_id FROM inspector_qualifications WHERE item_code = " +
             Bind(p, q.item_code) + ")";
  if (q.user_id) where += " AND user_id = " + Bind(p, *q.user_id);
  if (q.active_only) where += " AND active = 1";
  auto rows = Query(std::string("SELECT ") + kInspectorCols + " FROM inspectors" + where +
                        " ORDER BY department_id, name " + pool_->dialect().binary_collation +
                        ", id",
                    p);
  if (!rows.ok()) return rows.status();
  std::vector<Inspector> out;
  for (const auto& r : *rows) out.push_back(ToInspector(r));
  JG_RETURN_IF_ERROR(LoadInspectorDetails(out));
  return out;
}

Result<Inspector> SqlStore::GetInspector(Id id) {
  auto rows =
      Query(std::string("SELECT ") + kInspectorCols + " FROM inspectors WHERE id = $1", {id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return NotFound("inspector_not_found", "执法检查人员不存在");
  std::vector<Inspector> one{ToInspector(rows->front())};
  JG_RETURN_IF_ERROR(LoadInspectorDetails(one));
  return std::move(one.front());
}

namespace {
// The unique keys of the roster, checked first so the clash names its field
// (a failed statement would end a PostgreSQL transaction).
Status CheckInspectorKeys(Connection& c, const Inspector& i) {
  auto cert = c.Query("SELECT id FROM inspectors WHERE certificate_no = $1 AND id <> $2",
                      {i.certificate_no, i.id});
  if (!cert.ok()) return cert.status();
  if (!cert->empty())
    return AlreadyExists("unique_violation", "该执法证号已在名录中", "certificate_no");
  if (i.user_id) {
    auto user = c.Query("SELECT id FROM inspectors WHERE user_id = $1 AND id <> $2",
                        {*i.user_id, i.id});
    if (!user.ok()) return user.status();
    if (!user->empty())
      return AlreadyExists("unique_violation", "该用户已关联其他执法检查人员", "user_id");
  }
  return Status::Ok();
}
}  // namespace

Result<Id> SqlStore::InsertInspector(const Inspector& i) {
  return WithTransaction<Id>([&](SqlStore& tx) -> Result<Id> {
    Inspector probe = i;
    probe.id = 0;
    JG_RETURN_IF_ERROR(CheckInspectorKeys(*tx.bound_, probe));
    auto rows = tx.Query(
        "INSERT INTO inspectors (user_id, name, department_id, station_id, certificate_no, "
        "certificate_expires, available_from, available_to, active, version, updated_at, "
        "updated_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1, $10, $11) RETURNING id",
        {OptId(i.user_id), i.name, i.department_id, OptId(i.station_id), i.certificate_no,
         i.certificate_expires, i.available_from, i.available_to, std::int64_t{i.active ? 1 : 0},
         i.updated_at, i.updated_by});
    if (!rows.ok()) return Field(rows.status(), "certificate_no", "该执法证号已在名录中");
    Id id = rows->front().Int(0);
    JG_RETURN_IF_ERROR(tx.WriteInspectorQualifications(i, id));
    return id;
  });
}

Status SqlStore::UpdateInspector(const Inspector& i) {
  return WithTransaction<Id>([&](SqlStore& tx) -> Result<Id> {
           JG_RETURN_IF_ERROR(tx.GetInspector(i.id).status());
           JG_RETURN_IF_ERROR(CheckInspectorKeys(*tx.bound_, i));
           auto n = tx.Exec(
               "UPDATE inspectors SET user_id = $1, name = $2, department_id = $3, "
               "station_id = $4, certificate_no = $5, certificate_expires = $6, "
               "available_from = $7, available_to = $8, active = $9, updated_at = $10, "
               "updated_by = $11, version = version + 1 WHERE id = $12 AND version = $13",
               {OptId(i.user_id), i.name, i.department_id, OptId(i.station_id), i.certificate_no,
                i.certificate_expires, i.available_from, i.available_to,
                std::int64_t{i.active ? 1 : 0}, i.updated_at, i.updated_by, i.id, i.version});
           if (!n.ok()) return Field(n.status(), "certificate_no", "该执法证号已在名录中");
           if (*n != 1) return Stale();
           JG_RETURN_IF_ERROR(tx.WriteInspectorQualifications(i, i.id));
           return i.id;
         })
      .status();
}

Status SqlStore::AddInspectorConflict(Id inspector_id, const InspectorConflict& c) {
  return WithTransaction<Id>([&](SqlStore& tx) -> Result<Id> {
           JG_RETURN_IF_ERROR(tx.GetInspector(inspector_id).status());
           auto n = tx.Exec(
               "INSERT INTO inspector_conflicts (inspector_id, credit_code, reason, declared_on) "
               "VALUES ($1, $2, $3, $4)",
               {inspector_id, c.credit_code, c.reason, c.declared_on});
           if (!n.ok()) return Field(n.status(), "credit_code", "已申报对该市场主体回避");
           return inspector_id;
         })
      .status();
}

Status SqlStore::RemoveInspectorConflict(Id inspector_id, const std::string& credit_code) {
  auto n = Exec("DELETE FROM inspector_conflicts WHERE inspector_id = $1 AND credit_code = $2",
                {inspector_id, credit_code});
  if (!n.ok()) return n.status();
  if (*n == 0) return NotFound("conflict_not_found", "没有该回避申报");
  return Status::Ok();
}

}  // namespace jg::sql
