import { api } from '../api/client.js'

export async function fetchDepartments() {
  const r = await api.get('/departments')
  return r.items || []
}

const KIND_ORDER = { bureau: 0, section: 1, station: 2, member_unit: 3 }

// Flat list → forest by parent_id. Each node is a shallow copy with `children`
// (omitted on leaves so el-table does not draw an expander). Orphans whose
// parent is missing become roots so nothing disappears.
export function buildTree(departments) {
  const byId = new Map(departments.map((d) => [d.id, { ...d }]))
  const roots = []
  for (const node of byId.values()) {
    const parent = node.parent_id != null ? byId.get(node.parent_id) : null
    if (parent && parent !== node) (parent.children ||= []).push(node)
    else roots.push(node)
  }
  const sort = (list) => {
    list.sort((a, b) => (KIND_ORDER[a.kind] ?? 9) - (KIND_ORDER[b.kind] ?? 9) || a.id - b.id)
    for (const n of list) if (n.children) sort(n.children)
    return list
  }
  return sort(roots)
}

export function nameMap(departments) {
  return new Map(departments.map((d) => [d.id, d.name]))
}

// IDs of `id` and all its descendants (used to stop a department from being
// moved under itself).
export function subtreeIds(departments, id) {
  const children = new Map()
  for (const d of departments) {
    if (d.parent_id == null) continue
    if (!children.has(d.parent_id)) children.set(d.parent_id, [])
    children.get(d.parent_id).push(d.id)
  }
  const out = new Set([id])
  const stack = [id]
  while (stack.length) {
    for (const c of children.get(stack.pop()) || []) {
      if (!out.has(c)) {
        out.add(c)
        stack.push(c)
      }
    }
  }
  return out
}
