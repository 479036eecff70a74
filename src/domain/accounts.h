// Departments, roles and user accounts: who may do what, and where.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/clock.h"
#include "domain/status.h"

namespace jg {

using Id = std::int64_t;

// The bureau is the root; sections and stations belong to it; the member units
// of the joint meeting (联席会议成员单位) are external departments that take
// part in joint random inspections.
enum class DepartmentKind { kBureau, kSection, kStation, kMemberUnit };
std::string_view DepartmentKindName(DepartmentKind k);
std::optional<DepartmentKind> ParseDepartmentKind(std::string_view s);

struct Department {
  Id id = 0;
  std::string code;  // short stable code, e.g. "JQS" for 江桥所
  std::string name;
  DepartmentKind kind = DepartmentKind::kSection;
  std::optional<Id> parent_id;
  std::string phone;
  std::string address;
  std::int64_t version = 1;
};

enum class Role { kAdmin, kLeader, kLegal, kStaff, kInspector };
std::string_view RoleName(Role r);
std::optional<Role> ParseRole(std::string_view s);
const std::vector<Role>& AllRoles();

struct User {
  Id id = 0;
  std::string username;
  std::string display_name;
  Role role = Role::kStaff;
  Id department_id = 0;
  bool disabled = false;
  std::string password_hash;  // argon2id, libsodium's encoded form; never leaves the service layer
  int failed_logins = 0;
  UnixSeconds locked_until = 0;
  UnixSeconds created_at = 0;
  std::int64_t version = 1;
};

struct Session {
  std::string token_hash;  // SM3 of the cookie value; the raw token is never stored
  Id user_id = 0;
  std::string csrf_token;
  UnixSeconds created_at = 0;
  UnixSeconds expires_at = 0;
};

// What an authenticated caller is, as the service layer sees it.
struct Actor {
  Id user_id = 0;
  std::string username;
  Role role = Role::kStaff;
  Id department_id = 0;
};

// Validation of the fields a human types. Each failure names the field.
Status ValidateUsername(std::string_view username);
Status ValidateDisplayName(std::string_view name);
Status ValidatePasswordStrength(std::string_view password);
Status ValidateDepartmentCode(std::string_view code);
Status ValidateDepartmentName(std::string_view name);

}  // namespace jg
