#include "service/department_service.h"

#include <nlohmann/json.hpp>

#include "service/access.h"
#include "service/audit_trail.h"
#include "service/records_json.h"

namespace jg {
namespace {
Status ValidateContact(const std::string& phone, const std::string& address) {
  if (phone.size() > 40) return InvalidArgument("invalid_phone", "联系电话过长", "phone");
  for (unsigned char c : phone) {
    if (!(std::isdigit(c) || c == '-' || c == ' ' || c == '+' || c == '(' || c == ')'))
      return InvalidArgument("invalid_phone", "联系电话只能包含数字、空格和 -+()", "phone");
  }
  if (address.size() > 400) return InvalidArgument("invalid_address", "地址过长", "address");
  return Status::Ok();
}
}  // namespace

Result<std::vector<Department>> DepartmentService::List(const Actor& actor) {
  JG_RETURN_IF_ERROR(RequirePermission(env_.store, actor, Permission::kReadDepartments, std::nullopt));
  return env_.store.ListDepartments();
}

Result<Department> DepartmentService::Create(const Actor* actor, const NewDepartment& in) {
  if (actor) {
    JG_RETURN_IF_ERROR(
        RequirePermission(env_.store, *actor, Permission::kManageDepartments, std::nullopt));
  }
  JG_RETURN_IF_ERROR(ValidateDepartmentCode(in.code));
  JG_RETURN_IF_ERROR(ValidateDepartmentName(in.name));
  JG_RETURN_IF_ERROR(ValidateContact(in.phone, in.address));
  auto kind = ParseDepartmentKind(in.kind);
  if (!kind) return InvalidArgument("invalid_kind", "部门类型不存在：" + in.kind, "kind");
  if (*kind == DepartmentKind::kBureau && in.parent_id) {
    return InvalidArgument("bureau_has_parent", "局本级是部门树的根，不能有上级部门", "parent_id");
  }
  if (*kind != DepartmentKind::kBureau && !in.parent_id) {
    return InvalidArgument("required", "请选择上级部门", "parent_id");
  }
  if (in.parent_id && !env_.store.GetDepartment(*in.parent_id).ok()) {
    return InvalidArgument("parent_not_found", "上级部门不存在", "parent_id");
  }
  Department d{0, in.code, in.name, *kind, in.parent_id, in.phone, in.address, 1};
  JG_RETURN_IF_ERROR(env_.store.Transaction([&](Store& tx) -> Status {
    JG_ASSIGN_OR_RETURN(d.id, tx.InsertDepartment(d));
    nlohmann::json detail = {{"code", d.code}, {"name", d.name}};
    return AppendAudit(tx, env_.clock, actor,
                       {"department.create", "department", std::to_string(d.id), "",
                        CanonicalJson(d), detail.dump()});
  }));
  return d;
}

Result<Department> DepartmentService::Update(const Actor& actor, Id id, const DepartmentPatch& p) {
  const bool structural = p.code || p.name || p.parent_id;
  const Permission need =
      structural ? Permission::kManageDepartments : Permission::kEditDepartmentContact;
  JG_RETURN_IF_ERROR(RequireRole(actor, need));
  JG_ASSIGN_OR_RETURN(Department before, env_.store.GetDepartment(id));
  JG_RETURN_IF_ERROR(RequirePermission(env_.store, actor, need, id));
  if (p.version <= 0) return InvalidArgument("required", "缺少版本号", "version");
  Department after = before;
  after.version = p.version;
  nlohmann::json detail = nlohmann::json::object();
  if (p.code) {
    JG_RETURN_IF_ERROR(ValidateDepartmentCode(*p.code));
    after.code = *p.code;
    detail["code"] = after.code;
  }
  if (p.name) {
    JG_RETURN_IF_ERROR(ValidateDepartmentName(*p.name));
    after.name = *p.name;
    detail["name"] = after.name;
  }
  if (p.parent_id) {
    if (before.kind == DepartmentKind::kBureau)
      return InvalidArgument("bureau_has_parent", "局本级是部门树的根，不能有上级部门", "parent_id");
    JG_ASSIGN_OR_RETURN(auto all, env_.store.ListDepartments());
    bool exists = false;
    for (const auto& d : all) exists = exists || d.id == *p.parent_id;
    if (!exists) return InvalidArgument("parent_not_found", "上级部门不存在", "parent_id");
    if (IsInSubtree(all, id, *p.parent_id))
      return InvalidArgument("parent_cycle", "不能把部门移到它自己或它的下级部门之下", "parent_id");
    after.parent_id = *p.parent_id;
    detail["parent_id"] = *p.parent_id;
  }
  if (p.phone) after.phone = *p.phone, detail["phone"] = *p.phone;
  if (p.address) after.address = *p.address, detail["address"] = *p.address;
  JG_RETURN_IF_ERROR(ValidateContact(after.phone, after.address));
  JG_RETURN_IF_ERROR(env_.store.Transaction([&](Store& tx) -> Status {
    JG_RETURN_IF_ERROR(tx.UpdateDepartment(after));
    after.version = p.version + 1;
    return AppendAudit(tx, env_.clock, &actor,
                       {"department.update", "department", std::to_string(id),
                        CanonicalJson(before), CanonicalJson(after), detail.dump()});
  }));
  return after;
}

}  // namespace jg
