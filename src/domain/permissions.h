// Who may do what, and over which departments. The table is data (permissions.cc);
// the service layer consults it on every call, whatever the UI shows.
#pragma once

#include <string_view>
#include <vector>

#include "domain/accounts.h"

namespace jg {

enum class Permission {
  kReadDepartments,       // see the department tree
  kManageDepartments,     // create departments, move them in the tree
  kEditDepartmentContact, // edit a department's phone and address
  kReadUsers,             // list user accounts
  kManageUsers,           // create, disable, re-role users, reset passwords
  kReadAudit,             // read the audit log and verify the chain
  kReadEntities,          // search and read the directory of market entities
  kEditEntities,          // add and edit entities (scope: the station in charge)
  kImportEntities,        // bulk import into the directory
  kEditHoldings,          // record licences and other holdings (scope: the holder's station)
  kRecordRegistrations,   // record registrations at a service point
  kReadInspection,        // read the inspection item list and the inspector roster
  kManageInspectionItems, // edit the inspection item list (抽查事项清单)
  kManageInspectors,      // keep the inspector roster (scope: the inspector's department)
  kManagePlans,           // draft 双随机 plans, commit, draw, recuse, publish (scope: lead department)
  kApprovePlans,          // approve a plan before its commitment is published
  kRecordInspectionResults, // record results of tasks (scope: the plan's lead department;
                            // an inspector always may for the tasks they are assigned to)
  kReadCases,             // read enforcement leads and cases (scope: the case's department)
  kManageCases,           // record leads, move cases, record facts (scope: the department)
  kApproveCases,          // approve filing (立案 / 不予立案) and decisions (作出决定)
  kReadCaseReview,        // read case-file sampling rounds, score sheets and legal advice
                          // letters (scope: the department sampled / addressed)
  kManageCaseReview,      // run sampling rounds (commit, draw, cancel), score sampled case
                          // files, draft, issue and record responses to 法治建议书
  kApproveCreditRepair,   // approve or refuse credit repair (信用修复), ending publicity early
  kManageLenientRules,    // edit the lenient-treatment rules (免罚清单), versioned
};
std::string_view PermissionName(Permission p);

// kOwnDepartment means the actor's own department and the departments below it.
enum class Scope { kNone, kOwnDepartment, kAll };

Scope ScopeOf(Role role, Permission p);

// True when `target` is `root` or lies below it in the tree described by `departments`.
bool IsInSubtree(const std::vector<Department>& departments, Id root, Id target);

}  // namespace jg
