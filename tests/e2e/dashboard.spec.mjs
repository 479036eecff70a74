// End-to-end check of 工作看板: admin seeds a case filed today for 江桥所
// through the API; the leader signs in and lands on the dashboard, whose
// 立案 figure equals the API's count and opens the case list filtered by
// the year, with the filter shown and as many cases listed as the figure
// says; the 双随机 figure opens the inspection records with its filter; a
// station's staff see their own department's figures; ?year= opens a given
// year and picking one keeps it in the address.
//
//   JG_E2E_BASE_URL=http://127.0.0.1:8099 node tests/e2e/dashboard.spec.mjs
//
// Tolerates data left by other specs: figures are compared with the API and
// the lists' own totals, never with fixed numbers.
import { BASE, runSpec, tid, apiCall, chinaDate, settledText } from './lib.mjs'

const RUN = Math.floor(Math.random() * 1e6)
const YEAR = chinaDate(0).slice(0, 4)

await runSpec('dashboard', async ({ page, check, shot, login, logout }) => {
  await page.goto(`${BASE}/login`)
  await login('admin')
  const depts = (await apiCall(page, 'GET', '/departments')).body.items
  const jqs = depts.find((d) => d.code === 'JQS')
  const officers = []
  for (const n of [1, 2]) {
    const r = await apiCall(page, 'POST', '/inspectors', {
      name: `看板办案人${RUN}-${n}`, department_id: jqs.id, certificate_no: `看板证-${RUN}-${n}`, certificate_expires: '2030-12-31',
    })
    check(r.status === 201, `officer ${n} registered (HTTP ${r.status})`)
    officers.push(r.body.id)
  }
  const today = chinaDate(0)
  const lead = await apiCall(page, 'POST', '/leads', {
    source: 'complaint', party_name: `看板当事人${RUN}`, description: '看板测试线索', found_on: today, department_id: jqs.id,
  })
  check(lead.status === 201, `lead recorded (HTTP ${lead.status})`)
  const filed = await apiCall(page, 'POST', `/leads/${lead.body.id}/file`, { version: 1, on: today, officer_ids: officers })
  check(filed.status === 201, `case filed today (HTTP ${filed.status})`)
  const api = (await apiCall(page, 'GET', `/dashboard?year=${YEAR}`)).body
  const expected = api.cases.filed.current.count
  check(expected >= 1, `the API counts ${expected} case(s) filed in ${YEAR}`)
  await logout()

  // The leader opens on the dashboard.
  await login('leader')
  await page.waitForURL('**/dashboard')
  check(true, 'the leader lands on the dashboard after signing in')
  const value = page.locator(tid('dashboard-value-filed'))
  await value.waitFor()
  const figure = Number(await value.innerText())
  check(figure === expected, `立案 figure ${figure} equals the API's ${expected}`)
  await page.locator(`${tid('dashboard-chart-cases-month')} canvas`).first().waitFor()
  check(true, 'the monthly charts are drawn (canvas)')
  await shot('dashboard')

  await value.click()
  await page.waitForURL(`**/cases?filed_year=${YEAR}`)
  const drill = page.locator(tid('cases-drill'))
  await drill.waitFor()
  check((await drill.innerText()).includes(`立案年度：${YEAR}`), `the case list shows the filter: ${await drill.innerText()}`)
  const count = page.locator(tid('cases-count'))
  await count.filter({ hasText: `共 ${figure} 件` }).waitFor()
  check(true, `the list behind the figure has ${figure} cases`)
  await page.locator(`${tid('cases-table')} tr.el-table__row`).filter({ hasText: `看板当事人${RUN}` }).first().waitFor()
  check(true, 'the seeded case is among them')
  await shot('cases-drill')

  // The 双随机 figure opens the inspection records with its filter.
  await page.goto(`${BASE}/dashboard`)
  const inspected = page.locator(tid('dashboard-value-inspected'))
  await inspected.waitFor()
  const n = Number(await inspected.innerText())
  await inspected.click()
  await page.waitForURL('**/inspection/results?**counted=inspected**')
  await page.locator(tid('inspection-results-drill')).filter({ hasText: '统计项：已检查' }).waitFor()
  await page.locator(tid('inspection-results-total')).filter({ hasText: `共 ${n} 条` }).waitFor()
  check(true, `the inspection records behind the figure: ${n}`)
  await shot('inspection-drill')

  // ?year= opens a given year's dashboard (the link make demo prints), and
  // picking a year keeps it in the address.
  const prev = String(Number(YEAR) - 1)
  await page.goto(`${BASE}/dashboard?year=${prev}`)
  await page.locator(tid('dashboard-year')).filter({ hasText: prev }).waitFor()
  const prevApi = (await apiCall(page, 'GET', `/dashboard?year=${prev}`)).body
  await page.locator(tid('dashboard-value-filed')).filter({ hasText: new RegExp(`^${prevApi.cases.filed.current.count}$`) }).waitFor()
  check(true, `?year=${prev} opens that year's dashboard (${prevApi.cases.filed.current.count} filed)`)
  await page.locator(tid('dashboard-year')).click()
  await page.locator(tid(`dashboard-year-option-${YEAR}`)).click()
  await page.waitForURL(`**/dashboard?year=${YEAR}`)
  await page.locator(tid('dashboard-value-filed')).filter({ hasText: new RegExp(`^${expected}$`) }).waitFor()
  check(true, `picking ${YEAR} puts it in the address and shows its figures`)
  await logout()

  // A station's staff: their own department, no department picker.
  await login('jqstaff')
  await page.goto(`${BASE}/dashboard`)
  const scope = page.locator(tid('dashboard-scope'))
  await scope.waitFor()
  const scopeText = await settledText(scope, jqs.name)
  check(scopeText.includes(jqs.name), `staff see their department: ${scopeText}`)
  const mine = (await apiCall(page, 'GET', `/dashboard?year=${YEAR}`)).body
  check(mine.department_id === jqs.id, 'the API scopes staff to 江桥所')
  const staffFigure = page.locator(tid('dashboard-value-filed'))
  await staffFigure.waitFor()
  check(Number(await staffFigure.innerText()) === mine.cases.filed.current.count, `staff's 立案 figure is their department's: ${mine.cases.filed.current.count}`)
  await shot('dashboard-staff')
  check((await page.locator(tid('dashboard-department')).count()) === 0, 'no department picker for staff')
})
