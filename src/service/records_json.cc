#include "service/records_json.h"

#include <nlohmann/json.hpp>

namespace jg {

std::string CanonicalJson(const Department& d) {
  nlohmann::json j = {{"id", d.id},         {"code", d.code},       {"name", d.name},
                      {"kind", DepartmentKindName(d.kind)},
                      {"parent_id", d.parent_id ? nlohmann::json(*d.parent_id) : nlohmann::json()},
                      {"phone", d.phone},   {"address", d.address}, {"version", d.version}};
  return j.dump();
}

std::string CanonicalJson(const User& u) {
  // Only the SM3 digest of this text is stored, so including the (salted)
  // password hash makes a password change visible without storing it.
  nlohmann::json j = {{"id", u.id},
                      {"username", u.username},
                      {"display_name", u.display_name},
                      {"role", RoleName(u.role)},
                      {"department_id", u.department_id},
                      {"disabled", u.disabled},
                      {"password_hash", u.password_hash},
                      {"version", u.version}};
  return j.dump();
}

}  // namespace jg
