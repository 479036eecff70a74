// The public portal, as anyone sees it without signing in: search an entity
// by a two-character-plus name fragment, open its public record (basics,
// published inspection results), follow the result to the plan's draw page,
// download the verification file and check it with `jianguan verify` against
// the commitment shown on the page.
//
//   JG_E2E_BASE_URL=http://127.0.0.1:8099 JG_E2E_BIN=build/asan/src/jianguan node tests/e2e/portal.spec.mjs
//
// Setup (a plan drawn and published over two entities of a street made up for
// this run) goes through the staff API; everything checked is public.
import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { BASE, runSpec, tid, makeCreditCode, apiCall, chinaDate } from './lib.mjs'

const LETTERS = 'ABCDEFGHJKLMNPQRTUWXY'
const RUN = Array.from({ length: 4 }, () => LETTERS[Math.floor(Math.random() * LETTERS.length)]).join('')
const TODAY = chinaDate(0)
const YEAR = TODAY.slice(0, 4)
const STREET = `公示街${RUN}`
const FRAGMENT = `公示测试${RUN}`
const BIN = process.env.JG_E2E_BIN

async function ok(page, method, url, body, want = [200, 201]) {
  const r = await apiCall(page, method, url, body)
  if (!want.includes(r.status)) throw new Error(`${method} ${url}: ${r.status} ${JSON.stringify(r.body)}`)
  return r.body
}

await runSpec('portal', async ({ page, check, shot, login, logout }) => {
  if (!BIN) throw new Error('JG_E2E_BIN (the jianguan binary, for `jianguan verify`) is not set')
  await page.goto(`${BASE}/login`)

  // ---- setup through the staff API: a published plan over two entities ----
  await login('jqstaff')
  const jqs = (await ok(page, 'GET', '/departments')).items.find((d) => d.code === 'JQS')
  const codes = []
  for (let i = 1; i <= 2; i++) {
    const code = makeCreditCode('1')
    codes.push(code)
    await ok(page, 'POST', '/entities', {
      credit_code: code, name: `上海${FRAGMENT}第${i}商店有限公司`, kind: 'enterprise', street: STREET, station_id: jqs.id,
      industry: 'F5221', status: 'active', risk_class: '', risk_classified_on: '', tags: [], legal_representative: '赵公示',
    })
  }
  for (let i = 1; i <= 2; i++) {
    await ok(page, 'POST', '/inspectors', {
      name: `公示检查员${RUN}${i}`, department_id: jqs.id, station_id: jqs.id,
      certificate_no: `沪公示${RUN}${i}${Math.floor(Math.random() * 1e5)}`, certificate_expires: '2099-12-31', qualified_items: ['SP-001'],
    })
  }
  let plan = await ok(page, 'POST', '/plans', {
    name: `${YEAR}年公示页面测试抽查（${RUN}）`, period_from: `${YEAR}-01-01`, period_to: `${YEAR}-12-31`, lead_department_id: jqs.id,
    item_codes: ['SP-001'], population: { street: STREET }, strata: [{ stratum: '', count: 2 }],
  })
  await logout()
  await login('leader')
  plan = await ok(page, 'POST', `/plans/${plan.id}/approve`, { version: plan.version })
  await logout()
  await login('jqstaff')
  plan = await ok(page, 'POST', `/plans/${plan.id}/commit`, { version: plan.version })
  plan = await ok(page, 'POST', `/plans/${plan.id}/draw`, { version: plan.version })
  for (const task of (await ok(page, 'GET', `/plans/${plan.id}/tasks`)).items) {
    await ok(page, 'PUT', `/inspection-tasks/${task.id}/result`, { version: task.version, outcome: 'no_problem', inspected_on: TODAY })
  }
  plan = await ok(page, 'POST', `/plans/${plan.id}/publish`, { version: plan.version })
  check(plan.status === 'published', `a plan over two entities of ${STREET} is drawn and published through the API`)
  await logout()

  // ---- the portal, signed out ----
  await page.locator(tid('login-public-entities')).click()
  await page.waitForURL('**/public/entities')
  await page.locator(tid('portal-query')).fill('公')
  await page.locator(tid('portal-search')).click()
  await page.locator(tid('portal-error')).filter({ hasText: '请至少输入两个字' }).waitFor()
  check(true, 'a one-character query is refused with a Chinese hint')

  await page.locator(tid('portal-query')).fill(FRAGMENT)
  await page.locator(tid('portal-search')).click()
  await page.locator(tid('portal-entity-link')).nth(1).waitFor()
  const names = await page.locator(tid('portal-entity-link')).allInnerTexts()
  check(names.length === 2 && names.every((n) => n.includes(FRAGMENT)), `the name search finds both entities: ${names.join('、')}`)
  await shot('search')

  // By credit code too (lower case is accepted).
  await page.locator(tid('portal-query')).fill(codes[0].toLowerCase())
  await page.locator(tid('portal-search')).click()
  await page.locator(tid('portal-entity-link')).filter({ hasText: '第1商店' }).waitFor()
  // The previous search's two rows stay until the new answer replaces them.
  const links = page.locator(tid('portal-entity-link'))
  for (let i = 0; i < 100 && (await links.count()) !== 1; ++i) await new Promise((r) => setTimeout(r, 100))
  check((await links.count()) === 1, 'the credit-code search finds exactly that entity')

  await page.locator(tid('portal-entity-link')).click()
  await page.waitForURL(`**/public/entities/${codes[0]}`)
  await page.locator(tid('public-entity-code')).filter({ hasText: codes[0] }).waitFor()
  const inspections = page.locator(`${tid('public-entity-inspections')} .el-table__body tr`)
  await inspections.first().waitFor()
  check((await inspections.count()) === 1 && (await inspections.first().innerText()).includes('未发现问题'),
    'the public record shows the published inspection result')
  const body = await page.locator(tid('public-entity-page')).innerText()
  check(!body.includes('公示检查员') && !body.includes('风险'), 'no inspector name or risk class on the public record')
  await shot('entity')

  await page.locator(tid('public-entity-plan-link')).click()
  await page.waitForURL(`**/public/plans/${plan.id}`)
  const commitment = (await page.locator(tid('public-commitment-id')).innerText()).trim()
  check(/^[0-9a-f]{64}$/.test(commitment), `the plan page shows the commitment ${commitment.slice(0, 12)}…`)
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(tid('public-draw-file')).click()])
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'jg-portal-')), 'draw.txt')
  await download.saveAs(file)
  const verify = spawnSync(BIN, ['verify', file, '--commitment', commitment], { encoding: 'utf8' })
  check(verify.status === 0 && verify.stdout.startsWith('OK: '), `jianguan verify accepts the downloaded file: ${verify.stdout.trim()}`)
  const wrong = spawnSync(BIN, ['verify', file, '--commitment', '0'.repeat(64)], { encoding: 'utf8' })
  check(wrong.status !== 0, `and refuses it against another commitment (exit ${wrong.status})`)
  await shot('plan')
})
