// Departments, users and their sign-in sessions, in portable SQL.
#include "store/sql_store_impl.h"

namespace jg::sql {
namespace {

constexpr const char* kDepartmentCols = "id, code, name, kind, parent_id, phone, address, version";
constexpr const char* kUserCols =
    "id, username, display_name, role, department_id, disabled, password_hash, failed_logins, "
    "locked_until, created_at, version";

Department ToDepartment(const Row& r) {
  Department d;
  d.id = r.Int(0);
  d.code = r.Str(1);
  d.name = r.Str(2);
  d.kind = ParseDepartmentKind(r.Str(3)).value_or(DepartmentKind::kSection);
  d.parent_id = r.OptInt(4);
  d.phone = r.Str(5);
  d.address = r.Str(6);
  d.version = r.Int(7);
  return d;
}

User ToUser(const Row& r) {
  User u;
  u.id = r.Int(0);
  u.username = r.Str(1);
  u.display_name = r.Str(2);
  u.role = ParseRole(r.Str(3)).value_or(Role::kInspector);
  u.department_id = r.Int(4);
  u.disabled = r.Int(5) != 0;
  u.password_hash = r.Str(6);
  u.failed_logins = static_cast<int>(r.Int(7));
  u.locked_until = r.Int(8);
  u.created_at = r.Int(9);
  u.version = r.Int(10);
  return u;
}

}  // namespace

Result<std::vector<Department>> SqlStore::ListDepartments() {
  auto rows = Query(std::string("SELECT ") + kDepartmentCols + " FROM departments ORDER BY id", {});
  if (!rows.ok()) return rows.status();
  std::vector<Department> out;
  for (const auto& r : *rows) out.push_back(ToDepartment(r));
  return out;
}

Result<Department> SqlStore::GetDepartment(Id id) {
  auto rows =
      Query(std::string("SELECT ") + kDepartmentCols + " FROM departments WHERE id = $1", {id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return NotFound("department_not_found", "部门不存在");
  return ToDepartment(rows->front());
}

Result<Id> SqlStore::InsertDepartment(const Department& d) {
  auto rows = Query(
      "INSERT INTO departments (code, name, kind, parent_id, phone, address, version) "
      "VALUES ($1, $2, $3, $4, $5, $6, 1) RETURNING id",
      {d.code, d.name, std::string(DepartmentKindName(d.kind)), OptId(d.parent_id), d.phone,
       d.address});
  if (!rows.ok()) return Field(rows.status(), "code", "部门代码已存在");
  return rows->front().Int(0);
}

Status SqlStore::UpdateDepartment(const Department& d) {
  auto n = Exec(
      "UPDATE departments SET code = $1, name = $2, kind = $3, parent_id = $4, phone = $5, "
      "address = $6, version = version + 1 WHERE id = $7 AND version = $8",
      {d.code, d.name, std::string(DepartmentKindName(d.kind)), OptId(d.parent_id), d.phone,
       d.address, d.id, d.version});
  if (!n.ok()) return Field(n.status(), "code", "部门代码已存在");
  if (*n == 1) return Status::Ok();
  auto cur = GetDepartment(d.id);
  if (!cur.ok()) return cur.status();
  return Stale();
}

Result<std::vector<User>> SqlStore::ListUsers(std::optional<Id> department_id) {
  Result<std::vector<Row>> rows =
      department_id
          ? Query(std::string("SELECT ") + kUserCols +
                      " FROM users WHERE department_id = $1 ORDER BY id",
                  {*department_id})
          : Query(std::string("SELECT ") + kUserCols + " FROM users ORDER BY id", {});
  if (!rows.ok()) return rows.status();
  std::vector<User> out;
  for (const auto& r : *rows) out.push_back(ToUser(r));
  return out;
}

Result<User> SqlStore::GetUser(Id id) {
  auto rows = Query(std::string("SELECT ") + kUserCols + " FROM users WHERE id = $1", {id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return NotFound("user_not_found", "用户不存在");
  return ToUser(rows->front());
}

Result<User> SqlStore::FindUserByUsername(const std::string& username) {
  auto rows =
      Query(std::string("SELECT ") + kUserCols + " FROM users WHERE username = $1", {username});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return NotFound("user_not_found", "用户不存在");
  return ToUser(rows->front());
}

Result<Id> SqlStore::InsertUser(const User& u) {
  auto rows = Query(
      "INSERT INTO users (username, display_name, role, department_id, disabled, password_hash, "
      "failed_logins, locked_until, created_at, version) "
      "VALUES ($1, $2, $3, $4, $5, $6, 0, 0, $7, 1) RETURNING id",
      {u.username, u.display_name, std::string(RoleName(u.role)), u.department_id,
       std::int64_t{u.disabled ? 1 : 0}, u.password_hash, u.created_at});
  if (!rows.ok()) return Field(rows.status(), "username", "用户名已存在");
  return rows->front().Int(0);
}

Status SqlStore::UpdateUser(const User& u) {
  auto n = Exec(
      "UPDATE users SET display_name = $1, role = $2, department_id = $3, disabled = $4, "
      "password_hash = $5, version = version + 1 WHERE id = $6 AND version = $7",
      {u.display_name, std::string(RoleName(u.role)), u.department_id,
       std::int64_t{u.disabled ? 1 : 0}, u.password_hash, u.id, u.version});
  if (!n.ok()) return Field(n.status(), "department_id", "所属部门不存在");
  if (*n == 1) return Status::Ok();
  auto cur = GetUser(u.id);
  if (!cur.ok()) return cur.status();
  return Stale();
}

Status SqlStore::SetLoginState(Id user_id, int failed_logins, UnixSeconds locked_until) {
  auto n = Exec("UPDATE users SET failed_logins = $1, locked_until = $2 WHERE id = $3",
                {std::int64_t{failed_logins}, locked_until, user_id});
  if (!n.ok()) return n.status();
  if (*n == 0) return NotFound("user_not_found", "用户不存在");
  return Status::Ok();
}

Status SqlStore::InsertSession(const Session& s) {
  auto n = Exec(
      "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) "
      "VALUES ($1, $2, $3, $4, $5)",
      {s.token_hash, s.user_id, s.csrf_token, s.created_at, s.expires_at});
  return n.status();
}

Result<Session> SqlStore::GetSession(const std::string& token_hash) {
  auto rows = Query(
      "SELECT token_hash, user_id, csrf_token, created_at, expires_at FROM sessions "
      "WHERE token_hash = $1",
      {token_hash});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return NotFound("session_not_found", "会话不存在");
  const Row& r = rows->front();
  return Session{r.Str(0), r.Int(1), r.Str(2), r.Int(3), r.Int(4)};
}

Status SqlStore::DeleteSession(const std::string& token_hash) {
  return Exec("DELETE FROM sessions WHERE token_hash = $1", {token_hash}).status();
}

Status SqlStore::DeleteSessionsOfUser(Id user_id) {
  return Exec("DELETE FROM sessions WHERE user_id = $1", {user_id}).status();
}

Status SqlStore::DeleteExpiredSessions(UnixSeconds now) {
  return Exec("DELETE FROM sessions WHERE expires_at <= $1", {now}).status();
}
}  // namespace jg::sql
