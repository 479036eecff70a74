// Runs every tests/e2e/*.spec.mjs, one after another, against the same server
// (JG_E2E_BASE_URL etc. are passed through; see lib.mjs). Each spec tolerates
// the data the previous ones left. A failing spec does not stop the others;
// the exit status is 1 if any failed.
//
//   JG_E2E_BASE_URL=http://127.0.0.1:8099 JG_E2E_SCREENSHOT_DIR=/tmp/shots node tests/e2e/run-all.mjs
//   node tests/e2e/run-all.mjs directory          (only specs whose file name contains "directory")
//   JG_E2E_PART=1/2 node tests/e2e/run-all.mjs     (every second spec, from the second: make test
//                                                   runs part 0/2 on SQLite and 1/2 on PostgreSQL)
import { readdirSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
const filters = process.argv.slice(2)
const specs = readdirSync(here)
  .filter((f) => f.endsWith('.spec.mjs'))
  .filter((f) => filters.length === 0 || filters.some((w) => f.includes(w)))
  .sort()
  .filter((_, i, all) => {
    const m = /^(\d+)\/(\d+)$/.exec(process.env.JG_E2E_PART || '')
    if (!m) return true
    // Specs that need no server (the permission mirror) run in every part.
    return all[i].startsWith('permissions_mirror') || i % Number(m[2]) === Number(m[1])
  })

if (specs.length === 0) {
  console.error(`e2e: no spec matches ${filters.join(' ')}`)
  process.exit(1)
}

const failed = []
for (const spec of specs) {
  console.log(`\n=== ${spec}`)
  const r = spawnSync(process.execPath, [path.join(here, spec)], { stdio: 'inherit', env: process.env })
  if (r.status !== 0) failed.push(`${spec} (${r.signal ? `signal ${r.signal}` : `exit ${r.status}`})`)
}
console.log(`\ne2e: ${specs.length - failed.length} of ${specs.length} spec files passed${failed.length ? `; FAILED: ${failed.join(', ')}` : ''}`)
process.exit(failed.length ? 1 : 0)
