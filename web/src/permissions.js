import { session } from './session.js'

// Mirror of the server's grant table (src/domain/permissions.cc), used only to
// hide what a role cannot do. The server enforces it regardless.
// Scope: 'all' = any record, 'own' = the user's department and its subtree.
const GRANTS = {
  'departments.read': { admin: 'all', leader: 'all', legal: 'all', staff: 'all', inspector: 'all' },
  'departments.manage': { admin: 'all' },
  'departments.edit_contact': { admin: 'all', leader: 'all', staff: 'own' },
  'users.read': { admin: 'all', leader: 'all', legal: 'all', staff: 'own' },
  'users.manage': { admin: 'all' },
  'audit.read': { admin: 'all', leader: 'all', legal: 'all' },
  'entities.read': { admin: 'all', leader: 'all', legal: 'all', staff: 'all', inspector: 'all' },
  'entities.edit': { admin: 'all', staff: 'own' },
  'entities.import': { admin: 'all' },
  'holdings.edit': { admin: 'all', staff: 'own' },
  'registrations.record': { admin: 'all', staff: 'all' },
  'inspection.read': { admin: 'all', leader: 'all', legal: 'all', staff: 'all', inspector: 'all' },
  'inspection_items.manage': { admin: 'all', legal: 'all' },
  'inspectors.manage': { admin: 'all', staff: 'own' },
  'plans.manage': { admin: 'all', legal: 'all', staff: 'own' },
  'plans.approve': { admin: 'all', leader: 'all' },
  'inspection_results.record': { admin: 'all', staff: 'own' },
  'cases.read': { admin: 'all', leader: 'all', legal: 'all', staff: 'own' },
  'cases.manage': { admin: 'all', legal: 'all', staff: 'own' },
  'cases.approve': { admin: 'all', leader: 'all' },
  'case_review.read': { admin: 'all', leader: 'all', legal: 'all', staff: 'own' },
  'case_review.manage': { admin: 'all', legal: 'all' },
  'credit.repair.approve': { admin: 'all', leader: 'all', legal: 'all' },
  'lenient_rules.manage': { admin: 'all', legal: 'all' },
}

export const ROLES = ['admin', 'leader', 'legal', 'staff', 'inspector']

// The roles holding a permission at any scope (a route's `roles`).
export function rolesWith(permission) {
  return ROLES.filter((r) => GRANTS[permission] && GRANTS[permission][r])
}

export function scopeOf(permission, role = session.user && session.user.role) {
  const g = GRANTS[permission]
  return (g && role && g[role]) || 'none'
}

// Is `target` the department `root` or one of its descendants?
export function inSubtree(departments, root, target) {
  const parent = new Map(departments.map((d) => [d.id, d.parent_id]))
  let cur = target
  for (let hops = 0; cur != null && hops <= departments.length; hops++) {
    if (cur === root) return true
    cur = parent.get(cur)
  }
  return false
}

// can('users.manage') or can('departments.edit_contact', deptId, departments)
export function can(permission, targetDepartmentId, departments) {
  const scope = scopeOf(permission)
  if (scope === 'all') return true
  if (scope !== 'own') return false
  if (targetDepartmentId === undefined) return true // "somewhere"
  const own = session.user.department_id
  if (targetDepartmentId === own) return true
  return Array.isArray(departments) && inSubtree(departments, own, targetDepartmentId)
}
