#include "domain/accounts.h"

#include <algorithm>
#include <cctype>

#include "domain/utf8.h"

namespace jg {

std::string_view DepartmentKindName(DepartmentKind k) {
  switch (k) {
    case DepartmentKind::kBureau: return "bureau";
    case DepartmentKind::kSection: return "section";
    case DepartmentKind::kStation: return "station";
    case DepartmentKind::kMemberUnit: return "member_unit";
  }
  return "section";
}

std::optional<DepartmentKind> ParseDepartmentKind(std::string_view s) {
  for (auto k : {DepartmentKind::kBureau, DepartmentKind::kSection, DepartmentKind::kStation,
                 DepartmentKind::kMemberUnit}) {
    if (DepartmentKindName(k) == s) return k;
  }
  return std::nullopt;
}

std::string_view RoleName(Role r) {
  switch (r) {
    case Role::kAdmin: return "admin";
    case Role::kLeader: return "leader";
    case Role::kLegal: return "legal";
    case Role::kStaff: return "staff";
    case Role::kInspector: return "inspector";
  }
  return "staff";
}

const std::vector<Role>& AllRoles() {
  static const std::vector<Role> kAll = {Role::kAdmin, Role::kLeader, Role::kLegal, Role::kStaff,
                                         Role::kInspector};
  return kAll;
}

std::optional<Role> ParseRole(std::string_view s) {
  for (Role r : AllRoles()) {
    if (RoleName(r) == s) return r;
  }
  return std::nullopt;
}

Status ValidateUsername(std::string_view u) {
  if (u.size() < 3 || u.size() > 32)
    return InvalidArgument("invalid_username", "用户名长度须为 3–32 个字符", "username");
  bool ok = std::all_of(u.begin(), u.end(), [](unsigned char c) {
    return std::islower(c) || std::isdigit(c) || c == '_' || c == '.' || c == '-';
  });
  if (!ok || !std::islower(static_cast<unsigned char>(u[0])))
    return InvalidArgument("invalid_username",
                           "用户名须以小写字母开头，只能包含小写字母、数字、下划线、点和连字符",
                           "username");
  return Status::Ok();
}

Status ValidateDisplayName(std::string_view name) {
  if (!IsValidUtf8(name)) return InvalidArgument("invalid_utf8", "姓名不是有效的 UTF-8 文本", "display_name");
  size_t n = Utf8Length(name);
  if (n < 1 || n > 40) return InvalidArgument("invalid_display_name", "姓名长度须为 1–40 个字", "display_name");
  return Status::Ok();
}

Status ValidatePasswordStrength(std::string_view p) {
  if (!IsValidUtf8(p)) return InvalidArgument("invalid_utf8", "密码不是有效的 UTF-8 文本", "password");
  if (p.size() < 10) return InvalidArgument("weak_password", "密码至少 10 个字符", "password");
  if (p.size() > 128) return InvalidArgument("invalid_password", "密码最多 128 个字符", "password");
  bool letter = false, digit = false;
  for (unsigned char c : p) {
    if (std::isalpha(c)) letter = true;
    if (std::isdigit(c)) digit = true;
  }
  if (!letter || !digit)
    return InvalidArgument("weak_password", "密码须同时包含字母和数字", "password");
  return Status::Ok();
}

Status ValidateDepartmentCode(std::string_view code) {
  if (code.empty() || code.size() > 16)
    return InvalidArgument("invalid_department_code", "部门代码长度须为 1–16 个字符", "code");
  bool ok = std::all_of(code.begin(), code.end(), [](unsigned char c) {
    return std::isupper(c) || std::isdigit(c) || c == '_';
  });
  if (!ok) return InvalidArgument("invalid_department_code", "部门代码只能包含大写字母、数字和下划线", "code");
  return Status::Ok();
}

Status ValidateDepartmentName(std::string_view name) {
  if (!IsValidUtf8(name)) return InvalidArgument("invalid_utf8", "部门名称不是有效的 UTF-8 文本", "name");
  size_t n = Utf8Length(name);
  if (n < 2 || n > 60) return InvalidArgument("invalid_department_name", "部门名称长度须为 2–60 个字", "name");
  return Status::Ok();
}

}  // namespace jg
