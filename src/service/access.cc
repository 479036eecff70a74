#include "service/access.h"

#include <string>

namespace jg {

Status RequirePermission(Store& store, const Actor& actor, Permission p,
                         std::optional<Id> target_department) {
  Scope scope = ScopeOf(actor.role, p);
  if (scope == Scope::kAll) return Status::Ok();
  if (scope == Scope::kOwnDepartment && target_department) {
    if (*target_department == actor.department_id) return Status::Ok();
    auto tree = store.ListDepartments();
    if (!tree.ok()) return tree.status();
    if (IsInSubtree(*tree, actor.department_id, *target_department)) return Status::Ok();
    return PermissionDenied("out_of_department_scope", "无权操作其他部门的记录");
  }
  return PermissionDenied("forbidden", std::string("当前角色无此权限：") +
                                           std::string(PermissionName(p)));
}

Status RequireRole(const Actor& actor, Permission p) {
  if (ScopeOf(actor.role, p) != Scope::kNone) return Status::Ok();
  return PermissionDenied("forbidden", std::string("当前角色无此权限：") +
                                           std::string(PermissionName(p)));
}

}  // namespace jg
