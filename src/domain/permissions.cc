#include "domain/permissions.h"

#include <unordered_map>

namespace jg {

std::string_view PermissionName(Permission p) {
  switch (p) {
    case Permission::kReadDepartments: return "departments.read";
    case Permission::kManageDepartments: return "departments.manage";
    case Permission::kEditDepartmentContact: return "departments.edit_contact";
    case Permission::kReadUsers: return "users.read";
    case Permission::kManageUsers: return "users.manage";
    case Permission::kReadAudit: return "audit.read";
    case Permission::kReadEntities: return "entities.read";
    case Permission::kEditEntities: return "entities.edit";
    case Permission::kImportEntities: return "entities.import";
    case Permission::kEditHoldings: return "holdings.edit";
    case Permission::kRecordRegistrations: return "registrations.record";
    case Permission::kReadInspection: return "inspection.read";
    case Permission::kManageInspectionItems: return "inspection_items.manage";
    case Permission::kManageInspectors: return "inspectors.manage";
    case Permission::kManagePlans: return "plans.manage";
    case Permission::kApprovePlans: return "plans.approve";
    case Permission::kRecordInspectionResults: return "inspection_results.record";
    case Permission::kReadCases: return "cases.read";
    case Permission::kManageCases: return "cases.manage";
    case Permission::kApproveCases: return "cases.approve";
    case Permission::kReadCaseReview: return "case_review.read";
    case Permission::kManageCaseReview: return "case_review.manage";
    case Permission::kApproveCreditRepair: return "credit.repair.approve";
    case Permission::kManageLenientRules: return "lenient_rules.manage";
  }
  return "";
}

namespace {
struct Grant {
  Role role;
  Permission permission;
  Scope scope;
};

// The grant table. Anything not listed is denied.
constexpr Grant kGrants[] = {
    {Role::kAdmin, Permission::kReadDepartments, Scope::kAll},
    {Role::kAdmin, Permission::kManageDepartments, Scope::kAll},
    {Role::kAdmin, Permission::kEditDepartmentContact, Scope::kAll},
    {Role::kAdmin, Permission::kReadUsers, Scope::kAll},
    {Role::kAdmin, Permission::kManageUsers, Scope::kAll},
    {Role::kAdmin, Permission::kReadAudit, Scope::kAll},
    {Role::kAdmin, Permission::kReadEntities, Scope::kAll},
    {Role::kAdmin, Permission::kEditEntities, Scope::kAll},
    {Role::kAdmin, Permission::kImportEntities, Scope::kAll},
    {Role::kAdmin, Permission::kEditHoldings, Scope::kAll},
    {Role::kAdmin, Permission::kRecordRegistrations, Scope::kAll},

    {Role::kLeader, Permission::kReadDepartments, Scope::kAll},
    {Role::kLeader, Permission::kEditDepartmentContact, Scope::kAll},
    {Role::kLeader, Permission::kReadUsers, Scope::kAll},
    {Role::kLeader, Permission::kReadAudit, Scope::kAll},
    {Role::kLeader, Permission::kReadEntities, Scope::kAll},

    // The legal department supervises enforcement across the bureau (法制监督).
    {Role::kLegal, Permission::kReadDepartments, Scope::kAll},
    {Role::kLegal, Permission::kReadUsers, Scope::kAll},
    {Role::kLegal, Permission::kReadAudit, Scope::kAll},
    {Role::kLegal, Permission::kReadEntities, Scope::kAll},

    // A section or station keeps its own contact details and sees its own people.
    {Role::kStaff, Permission::kReadDepartments, Scope::kAll},
    {Role::kStaff, Permission::kEditDepartmentContact, Scope::kOwnDepartment},
    {Role::kStaff, Permission::kReadUsers, Scope::kOwnDepartment},
    // The directory is read bureau-wide; a station keeps the entities it is in charge of.
    {Role::kStaff, Permission::kReadEntities, Scope::kAll},
    {Role::kStaff, Permission::kEditEntities, Scope::kOwnDepartment},
    {Role::kStaff, Permission::kEditHoldings, Scope::kOwnDepartment},
    // Registration is done at any service point of the bureau.
    {Role::kStaff, Permission::kRecordRegistrations, Scope::kAll},

    {Role::kInspector, Permission::kReadDepartments, Scope::kAll},
    {Role::kInspector, Permission::kReadEntities, Scope::kAll},

    // The 双随机 registries are read by everyone; the legal department keeps the
    // item list, and each department keeps its own inspectors on the roster.
    {Role::kAdmin, Permission::kReadInspection, Scope::kAll},
    {Role::kAdmin, Permission::kManageInspectionItems, Scope::kAll},
    {Role::kAdmin, Permission::kManageLenientRules, Scope::kAll},
    {Role::kAdmin, Permission::kManageInspectors, Scope::kAll},
    {Role::kLeader, Permission::kReadInspection, Scope::kAll},
    {Role::kLegal, Permission::kReadInspection, Scope::kAll},
    {Role::kLegal, Permission::kManageInspectionItems, Scope::kAll},
    {Role::kLegal, Permission::kManageLenientRules, Scope::kAll},
    {Role::kStaff, Permission::kReadInspection, Scope::kAll},
    {Role::kStaff, Permission::kManageInspectors, Scope::kOwnDepartment},
    {Role::kInspector, Permission::kReadInspection, Scope::kAll},
    // 双随机 plans: sections and stations plan for their own department, the
    // legal department (which coordinates 双随机 for the bureau) for any; a
    // leader approves.
    {Role::kAdmin, Permission::kManagePlans, Scope::kAll},
    {Role::kAdmin, Permission::kApprovePlans, Scope::kAll},
    {Role::kAdmin, Permission::kRecordInspectionResults, Scope::kAll},
    {Role::kLeader, Permission::kApprovePlans, Scope::kAll},
    {Role::kLegal, Permission::kManagePlans, Scope::kAll},
    {Role::kStaff, Permission::kManagePlans, Scope::kOwnDepartment},
    {Role::kStaff, Permission::kRecordInspectionResults, Scope::kOwnDepartment},
    // Enforcement cases: a section or station handles its own cases; the legal
    // department supervises them all (法制审核); a leader approves filing and
    // decisions (《市场监督管理行政处罚程序规定》第二十条、第五十七条).
    {Role::kAdmin, Permission::kReadCases, Scope::kAll},
    {Role::kAdmin, Permission::kManageCases, Scope::kAll},
    {Role::kAdmin, Permission::kApproveCases, Scope::kAll},
    {Role::kLeader, Permission::kReadCases, Scope::kAll},
    {Role::kLeader, Permission::kApproveCases, Scope::kAll},
    {Role::kLegal, Permission::kReadCases, Scope::kAll},
    {Role::kLegal, Permission::kManageCases, Scope::kAll},
    {Role::kStaff, Permission::kReadCases, Scope::kOwnDepartment},
    {Role::kStaff, Permission::kManageCases, Scope::kOwnDepartment},
    // Case-file sampling (案卷抽查) and 法治建议书 are the legal department's
    // supervision of enforcement; leaders read it all, a section or station
    // sees its own sampled cases and the letters addressed to it.
    {Role::kAdmin, Permission::kReadCaseReview, Scope::kAll},
    {Role::kAdmin, Permission::kManageCaseReview, Scope::kAll},
    {Role::kLeader, Permission::kReadCaseReview, Scope::kAll},
    {Role::kLegal, Permission::kReadCaseReview, Scope::kAll},
    {Role::kLegal, Permission::kManageCaseReview, Scope::kAll},
    {Role::kStaff, Permission::kReadCaseReview, Scope::kOwnDepartment},
    // Credit repair ends penalty publicity early: decided by the head or the
    // legal department (《市场监督管理信用修复管理办法》), never by the station
    // that recorded the application.
    {Role::kAdmin, Permission::kApproveCreditRepair, Scope::kAll},
    {Role::kLeader, Permission::kApproveCreditRepair, Scope::kAll},
    {Role::kLegal, Permission::kApproveCreditRepair, Scope::kAll},
};
}  // namespace

Scope ScopeOf(Role role, Permission p) {
  for (const Grant& g : kGrants) {
    if (g.role == role && g.permission == p) return g.scope;
  }
  return Scope::kNone;
}

bool IsInSubtree(const std::vector<Department>& departments, Id root, Id target) {
  std::unordered_map<Id, std::optional<Id>> parent;
  for (const auto& d : departments) parent[d.id] = d.parent_id;
  Id cur = target;
  for (size_t hops = 0; hops <= departments.size(); ++hops) {
    if (cur == root) return true;
    auto it = parent.find(cur);
    if (it == parent.end() || !it->second) return false;
    cur = *it->second;
  }
  return false;  // a cycle: never grant
}

}  // namespace jg
