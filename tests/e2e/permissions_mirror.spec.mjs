// The web app's permission mirror (web/src/permissions.js) must say exactly
// what the server's grant table (src/domain/permissions.cc) says, for every
// permission and role: a button shown to a role the server refuses, or hidden
// from one it allows, is a bug. No browser or server needed; run-all runs it
// with the other specs.
//
//   node tests/e2e/permissions_mirror.spec.mjs
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const cc = readFileSync(path.join(root, 'src/domain/permissions.cc'), 'utf8')
const { scopeOf, ROLES } = await import(pathToFileURL(path.join(root, 'web/src/permissions.js')).href)

// case Permission::kEditHoldings: return "holdings.edit";
const names = new Map([...cc.matchAll(/case Permission::(\w+): return "([\w.]+)";/g)].map((m) => [m[1], m[2]]))
// {Role::kStaff, Permission::kEditHoldings, Scope::kOwnDepartment},
const SCOPE = { kAll: 'all', kOwnDepartment: 'own' }
const server = new Map()
for (const m of cc.matchAll(/\{Role::k(\w+), Permission::(\w+), Scope::(\w+)\}/g)) {
  const role = m[1].toLowerCase()
  server.set(`${names.get(m[2])}|${role}`, SCOPE[m[3]] || 'none')
}

let passed = 0
const failures = []
if (names.size < 10 || server.size < 20) failures.push(`could not read the grant table (${names.size} permissions, ${server.size} grants)`)
for (const permission of names.values()) {
  for (const role of ROLES) {
    const want = server.get(`${permission}|${role}`) || 'none'
    const got = scopeOf(permission, role)
    if (want === got) passed++
    else failures.push(`${permission} for ${role}: server ${want}, web ${got}`)
  }
}
for (const f of failures) console.error(`FAILED: ${f}`)
console.log(`e2e[permissions_mirror]: ${passed} passed, ${failures.length} failed (${names.size} permissions × ${ROLES.length} roles)`)
process.exitCode = failures.length ? 1 : 0
