// The department tree: the bureau, its sections and stations, and the member
// units of the joint meeting.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/accounts.h"
#include "service/service_env.h"

namespace jg {

struct NewDepartment {
  std::string code;
  std::string name;
  std::string kind;
  std::optional<Id> parent_id;
  std::string phone;
  std::string address;
};

struct DepartmentPatch {
  std::int64_t version = 0;
  std::optional<std::string> code;
  std::optional<std::string> name;
  std::optional<Id> parent_id;
  std::optional<std::string> phone;
  std::optional<std::string> address;
};

class DepartmentService {
 public:
  explicit DepartmentService(ServiceEnv env) : env_(env) {}
  Result<std::vector<Department>> List(const Actor& actor);
  Result<Department> Create(const Actor* actor, const NewDepartment& d);  // null: CLI/seed
  // Contact details (phone, address) need departments.edit_contact over the
  // department; anything else needs departments.manage.
  Result<Department> Update(const Actor& actor, Id id, const DepartmentPatch& p);

 private:
  ServiceEnv env_;
};

}  // namespace jg
