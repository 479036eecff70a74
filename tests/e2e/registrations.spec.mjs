// End-to-end check of the 登记注册 page: two registrations recorded through the
// dialog (one fully electronic) at a service point of this run, seen in the
// list, on the entity's profile, and in the counts by service point and month.
//
//   JG_E2E_BASE_URL=http://127.0.0.1:8099 node tests/e2e/registrations.spec.mjs
//
// Tolerates data left by other specs: the entity and the service point's name
// are new on every run, so its count row starts at zero.
import { BASE, runSpec, tid, makeCreditCode, apiCall, chinaDate, pickOption, savedOrFail } from './lib.mjs'

const RUN = Math.floor(Math.random() * 1e6)
const NAME = `北虹桥登记测试科技有限公司${RUN}`
const CODE = makeCreditCode('1')
const POINT = `北虹桥企业登记注册服务点（测试${RUN}）`

await runSpec('registrations', async ({ page, check, shot, visible, login, logout }) => {
  await page.goto(`${BASE}/login`)
  await login('jqstaff')

  // jqstaff may record registrations anywhere but create entities only for 江桥所.
  const depts = (await apiCall(page, 'GET', '/departments')).body.items
  const jqs = depts.find((d) => d.code === 'JQS')
  const made = await apiCall(page, 'POST', '/entities', {
    credit_code: CODE, name: NAME, kind: 'enterprise', legal_representative: '李明', address: '上海市嘉定区江桥镇华江路100号',
    street: '江桥镇', station_id: jqs.id, industry: 'I6513', registered_on: chinaDate(0), status: 'active', risk_class: '', risk_classified_on: '', tags: [],
  })
  check(made.status === 201, `entity ${NAME} created (HTTP ${made.status})`)

  await page.locator(tid('nav-registrations')).click()
  await page.waitForURL('**/registrations')
  await page.locator(tid('registrations-table')).waitFor()

  async function record(kind, electronic) {
    await page.locator(tid('registrations-record')).click()
    const dialog = visible(tid('registration-dialog'))
    await dialog.waitFor()
    await dialog.locator(`${tid('registration-form-entity')} input`).fill(NAME.slice(0, 9))
    await page.locator(`[data-testid="entity-pick-option-${CODE}"]`).filter({ visible: true }).click()
    await pickOption(page, `${tid('registration-dialog')} ${tid('registration-form-kind')}`, `registration-kind-option-${kind}`)
    const point = dialog.locator(`${tid('registration-form-point')} input`)
    await point.click()
    await point.fill(POINT)
    await point.press('Enter')
    if (electronic) await dialog.locator(tid('registration-form-electronic')).click()
    await dialog.locator('.el-dialog__title').click()
    await shot(`record-${kind}`)
    await dialog.locator(tid('registration-form-submit')).click()
    await savedOrFail(dialog, `the ${kind} registration`)
  }

  // 1. A fully electronic establishment, then a change.
  await record('establishment', true)
  await record('change', false)
  await page.locator(tid('registrations-filter-point')).locator('input').fill(POINT)
  await page.locator(tid('registrations-filter-point')).locator('input').press('Enter')
  const rows = page.locator(`${tid('registrations-table')} tr.el-table__row`).filter({ hasText: NAME })
  await page.waitForFunction(({ sel, name }) => [...document.querySelectorAll(sel)].filter((r) => r.innerText.includes(name)).length === 2,
    { sel: `${tid('registrations-table')} tr.el-table__row`, name: NAME })
  const kinds = await rows.locator(tid('registration-cell-kind')).allInnerTexts()
  check(kinds.includes('设立登记') && kinds.includes('变更登记'), `list shows both registrations: ${kinds.join(',')}`)
  const est = rows.filter({ has: page.locator(tid('registration-cell-kind'), { hasText: '设立登记' }) })
  check((await est.locator(tid('registration-cell-electronic')).innerText()) === '是', 'the establishment is fully electronic')
  check((await est.locator(tid('registration-cell-point')).innerText()) === POINT, 'the service point is recorded')
  check((await est.locator(tid('registration-cell-handled')).innerText()) === chinaDate(0), 'handled today (China time)')
  await shot('registrations-list')

  // 2. The counts by service point and month.
  await page.locator('.el-tabs__item').filter({ hasText: '按服务点和月份统计' }).click()
  const countRow = page.locator(`${tid('registrations-counts-table')} tr.el-table__row`).filter({ hasText: POINT })
  await countRow.waitFor()
  check((await countRow.locator(tid('count-cell-month')).innerText()) === chinaDate(0).slice(0, 7), 'count row is this month')
  check((await countRow.locator(tid('count-cell-establishment')).innerText()) === '1', '设立登记 counted 1')
  check((await countRow.locator(tid('count-cell-change')).innerText()) === '1', '变更登记 counted 1')
  check((await countRow.locator(tid('count-cell-deregistration')).innerText()) === '0', '注销登记 counted 0')
  check((await countRow.locator(tid('count-cell-total')).innerText()) === '2', 'total 2')
  check((await countRow.locator(tid('count-cell-electronic')).innerText()) === '1', 'of which fully electronic 1')
  const totalRow = page.locator(`${tid('registrations-counts-table')} tr.el-table__row`).last()
  check((await totalRow.locator(tid('count-cell-point')).innerText()) === '合计', 'the last row is the total')
  await shot('registrations-counts')

  // 3. The entity's profile shows its registration history.
  await page.goto(`${BASE}/entities/${made.body.id}`)
  const profRows = page.locator(`${tid('entity-registrations-table')} tr.el-table__row`)
  await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 2, `${tid('entity-registrations-table')} tr.el-table__row`)
  check((await profRows.count()) === 2, 'profile lists both registrations')
  check(await page.locator(tid('entity-record-registration')).isVisible(), 'jqstaff has 记录登记 on the profile')
  await shot('profile-registrations')

  // 4. The leader reads the page without the record button.
  await logout()
  await login('leader')
  await page.goto(`${BASE}/registrations`)
  await page.locator(tid('registrations-table')).waitFor()
  check((await page.locator(tid('registrations-record')).count()) === 0, 'leader has no 记录登记')
})
