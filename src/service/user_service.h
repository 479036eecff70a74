// User accounts: list, create, edit (role, department, disable), reset password.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/accounts.h"
#include "service/service_env.h"

namespace jg {

struct NewUser {
  std::string username;
  std::string display_name;
  std::string password;
  std::string role;  // as sent; validated here
  Id department_id = 0;
};

struct UserPatch {
  std::int64_t version = 0;  // required: the version the editor saw
  std::optional<std::string> display_name;
  std::optional<std::string> role;
  std::optional<Id> department_id;
  std::optional<bool> disabled;
  std::optional<std::string> password;  // an administrator's reset
};

class UserService {
 public:
  explicit UserService(ServiceEnv env) : env_(env) {}
  Result<std::vector<User>> List(const Actor& actor, std::optional<Id> department_id);
  Result<User> Get(const Actor& actor, Id id);
  Result<User> Create(const Actor* actor, const NewUser& u);  // null actor: CLI bootstrap
  Result<User> Update(const Actor& actor, Id id, const UserPatch& patch);

 private:
  ServiceEnv env_;
};

}  // namespace jg
