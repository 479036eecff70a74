#include "service/user_service.h"

#include <nlohmann/json.hpp>

#include "service/access.h"
#include "service/audit_trail.h"
#include "service/records_json.h"

namespace jg {

Result<std::vector<User>> UserService::List(const Actor& actor, std::optional<Id> department_id) {
  if (!department_id && ScopeOf(actor.role, Permission::kReadUsers) == Scope::kOwnDepartment) {
    department_id = actor.department_id;
  }
  JG_RETURN_IF_ERROR(RequirePermission(env_.store, actor, Permission::kReadUsers, department_id));
  return env_.store.ListUsers(department_id);
}

Result<User> UserService::Get(const Actor& actor, Id id) {
  JG_ASSIGN_OR_RETURN(User u, env_.store.GetUser(id));
  if (u.id != actor.user_id) {
    JG_RETURN_IF_ERROR(
        RequirePermission(env_.store, actor, Permission::kReadUsers, u.department_id));
  }
  return u;
}

Result<User> UserService::Create(const Actor* actor, const NewUser& in) {
  if (actor) {
    JG_RETURN_IF_ERROR(
        RequirePermission(env_.store, *actor, Permission::kManageUsers, in.department_id));
  }
  JG_RETURN_IF_ERROR(ValidateUsername(in.username));
  JG_RETURN_IF_ERROR(ValidateDisplayName(in.display_name));
  JG_RETURN_IF_ERROR(ValidatePasswordStrength(in.password));
  auto role = ParseRole(in.role);
  if (!role) return InvalidArgument("invalid_role", "角色不存在：" + in.role, "role");
  if (in.department_id <= 0) return InvalidArgument("required", "请选择所属部门", "department_id");
  {
    auto d = env_.store.GetDepartment(in.department_id);
    if (!d.ok()) return InvalidArgument("department_not_found", "所属部门不存在", "department_id");
  }
  User u;
  u.username = in.username;
  u.display_name = in.display_name;
  u.role = *role;
  u.department_id = in.department_id;
  u.created_at = env_.clock.Now();
  JG_ASSIGN_OR_RETURN(u.password_hash, HashPassword(in.password, env_.password_cost));
  JG_RETURN_IF_ERROR(env_.store.Transaction([&](Store& tx) -> Status {
    JG_ASSIGN_OR_RETURN(u.id, tx.InsertUser(u));
    nlohmann::json detail = {{"username", u.username},
                             {"role", RoleName(u.role)},
                             {"department_id", u.department_id}};
    return AppendAudit(tx, env_.clock, actor,
                       {"user.create", "user", std::to_string(u.id), "", CanonicalJson(u),
                        detail.dump()});
  }));
  return u;
}

Result<User> UserService::Update(const Actor& actor, Id id, const UserPatch& p) {
  JG_RETURN_IF_ERROR(RequireRole(actor, Permission::kManageUsers));
  JG_ASSIGN_OR_RETURN(User before, env_.store.GetUser(id));
  JG_RETURN_IF_ERROR(
      RequirePermission(env_.store, actor, Permission::kManageUsers, before.department_id));
  if (p.version <= 0) return InvalidArgument("required", "缺少版本号", "version");
  User after = before;
  after.version = p.version;
  nlohmann::json detail = nlohmann::json::object();
  if (p.display_name) {
    JG_RETURN_IF_ERROR(ValidateDisplayName(*p.display_name));
    after.display_name = *p.display_name;
    detail["display_name"] = after.display_name;
  }
  if (p.role) {
    auto role = ParseRole(*p.role);
    if (!role) return InvalidArgument("invalid_role", "角色不存在：" + *p.role, "role");
    after.role = *role;
    detail["role"] = *p.role;
  }
  if (p.department_id) {
    auto d = env_.store.GetDepartment(*p.department_id);
    if (!d.ok()) return InvalidArgument("department_not_found", "所属部门不存在", "department_id");
    JG_RETURN_IF_ERROR(
        RequirePermission(env_.store, actor, Permission::kManageUsers, *p.department_id));
    after.department_id = *p.department_id;
    detail["department_id"] = after.department_id;
  }
  if (p.disabled) {
    after.disabled = *p.disabled;
    detail["disabled"] = after.disabled;
  }
  if (p.password) {
    Status s = ValidatePasswordStrength(*p.password);
    if (!s.ok()) return s;
    JG_ASSIGN_OR_RETURN(after.password_hash, HashPassword(*p.password, env_.password_cost));
    detail["password"] = "reset";
  }
  // An administrator cannot lock themselves out of administration.
  if (id == actor.user_id && (after.disabled || after.role != Role::kAdmin) &&
      before.role == Role::kAdmin) {
    return FailedPrecondition("cannot_demote_self", "不能停用自己的账号或取消自己的管理员角色",
                              after.disabled ? "disabled" : "role");
  }
  JG_RETURN_IF_ERROR(env_.store.Transaction([&](Store& tx) -> Status {
    JG_RETURN_IF_ERROR(tx.UpdateUser(after));
    // A disabled account or a reset password ends every open session.
    if (after.disabled || p.password) JG_RETURN_IF_ERROR(tx.DeleteSessionsOfUser(id));
    after.version = p.version + 1;
    return AppendAudit(tx, env_.clock, &actor,
                       {"user.update", "user", std::to_string(id), CanonicalJson(before),
                        CanonicalJson(after), detail.dump()});
  }));
  return after;
}

}  // namespace jg
