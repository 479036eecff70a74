// The annual report page (法制监督 › 年度报告数据): a leader opens this year's
// report, finds the cases-filed figure (at least the case filed by this run),
// follows its link to the case list filtered by filing year and sees exactly
// that many cases; the page prints without the app around it (print media)
// and its .xlsx downloads. Staff are refused by the server.
//
//   JG_E2E_BASE_URL=http://127.0.0.1:8099 node tests/e2e/annual_report.spec.mjs
//
// Tolerates data left by other specs: the figure is compared with the list's
// own total, and the run's case only sets a lower bound.
import { BASE, runSpec, tid, apiCall, chinaDate, makeCreditCode } from './lib.mjs'

const RUN = Math.floor(Math.random() * 1e6)
const TODAY = chinaDate(0)
const YEAR = TODAY.slice(0, 4)
// JY + business form 1 + 13 random digits: a food licence issued today with 含酒类.
const JY = `JY1${String(Math.floor(Math.random() * 1e13)).padStart(13, '0')}`

await runSpec('annual_report', async ({ page, check, shot, login, logout }) => {
  await page.goto(`${BASE}/login`)
  await login('admin')
  const depts = (await apiCall(page, 'GET', '/departments')).body.items
  const jqs = depts.find((d) => d.code === 'JQS')
  const officers = []
  for (const n of [1, 2]) {
    const r = await apiCall(page, 'POST', '/inspectors', {
      name: `报告办案人${RUN}-${n}`, department_id: jqs.id, certificate_no: `沪执报告-${RUN}-${n}`, certificate_expires: '2030-12-31',
    })
    check(r.status === 201, `officer ${n} registered (${r.status})`)
    officers.push(r.body.id)
  }
  const lead = await apiCall(page, 'POST', '/leads', {
    source: 'complaint', party_name: `年度报告测试当事人${RUN}`, description: '投诉', found_on: TODAY, department_id: jqs.id,
  })
  check(lead.status === 201, `lead recorded (${lead.status})`)
  const entity = await apiCall(page, 'POST', '/entities', {
    credit_code: makeCreditCode('2'), name: `年度报告测试商店${RUN}`, kind: 'individual', legal_representative: '李四', address: '上海市嘉定区江桥镇某路1号',
    street: '江桥镇', station_id: jqs.id, industry: 'F5223', registered_on: '2020-05-01', status: 'active', risk_class: '', risk_classified_on: '', tags: [],
  })
  check(entity.status === 201, `entity created (${entity.status})`)
  const licence = await apiCall(page, 'POST', '/holdings', {
    kind: 'food_operation_licence', identifier: JY, entity_id: entity.body.id, valid_from: TODAY,
    attributes: { business_form: '食品销售经营者', business_items: ['预包装食品销售', '含酒类'] },
  })
  check(licence.status === 201, `food licence with 含酒类 issued today (${licence.status} ${JSON.stringify(licence.body.field || '')})`)
  await logout()
  await login('leader')
  const filed = await apiCall(page, 'POST', `/leads/${lead.body.id}/file`, { version: 1, on: TODAY, officer_ids: officers })
  check(filed.status === 201, `case filed today (${filed.status})`)

  // The menu entry and the page for this year.
  await page.locator(tid('nav-group-supervision')).click()
  await page.locator(tid('nav-annual-report')).click()
  await page.waitForURL('**/reports/annual**')
  await page.locator(tid('report-year')).click()
  await page.locator(tid(`report-year-option-${YEAR}`)).filter({ visible: true }).click()
  await page.waitForURL(`**/reports/annual?year=${YEAR}`)
  const value = page.locator(tid('report-value-cases_filed'))
  await value.waitFor()
  await page.locator(tid('report-section-review')).waitFor()
  // The page first shows the default year; wait for the chosen year's report to replace it.
  await page.locator(tid('report-heading')).filter({ hasText: `${YEAR}年度` }).waitFor({ timeout: 10_000 }).catch(() => {})
  const heading = await page.locator(tid('report-heading')).innerText()
  check(heading.includes(`${YEAR}年度法治政府建设情况报告数据`), `heading: ${heading}`)
  const figure = Number(await value.innerText())
  check(figure >= 1, `cases filed in ${YEAR}: ${figure}`)
  const rate = await page.locator(tid('report-value-discovery_rate')).innerText()
  check(rate === '—' || /^\d+\.\d\d%$/.test(rate), `discovery rate shown as a percentage: ${rate}`)
  await shot('report')

  // Print: the report alone, the navigation hidden.
  await page.emulateMedia({ media: 'print' })
  check(!(await page.locator('.layout-aside').isVisible()), 'navigation hidden when printing')
  check(!(await page.locator(tid('report-print')).isVisible()), 'toolbar hidden when printing')
  await shot('report-print')
  await page.emulateMedia({ media: 'screen' })

  // The workbook downloads.
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(tid('report-download-xlsx')).click()])
  check(download.suggestedFilename().endsWith('.xlsx'), `xlsx downloaded: ${download.suggestedFilename()}`)

  // The figure opens exactly its records.
  await value.click()
  await page.waitForURL(`**/cases?filed_year=${YEAR}`)
  await page.locator(tid('cases-drill')).waitFor()
  await page.locator(tid('cases-count')).filter({ hasText: `共 ${figure} 件` }).waitFor({ timeout: 10_000 }).catch(() => {})
  const count = await page.locator(tid('cases-count')).innerText()
  check(count.includes(`共 ${figure} 件`), `the list behind the figure has ${figure} cases: ${count}`)
  const row = page.locator(`${tid('cases-table')} tr.el-table__row`).filter({ hasText: `年度报告测试当事人${RUN}` })
  check((await row.count()) === 1 || figure > 50, 'the case of this run is in the list')
  await shot('report-cases')

  // The 含酒类 figure opens the holdings list with its filters, holding exactly that many licences.
  await page.goto(`${BASE}/reports/annual?year=${YEAR}`)
  const alcohol = page.locator(tid('report-value-food_licences_alcohol'))
  await alcohol.waitFor()
  const licences = Number(await alcohol.innerText())
  check(licences >= 1, `food licences with 含酒类 issued in ${YEAR}: ${licences}`)
  await alcohol.click()
  await page.waitForURL('**/holdings?**')
  const url = decodeURIComponent(page.url())
  check(url.includes('kind=food_operation_licence') && url.includes('item=含酒类') && url.includes(`issued_from=${YEAR}-01-01`), `holdings list filtered: ${url}`)
  // The pager shows 共 0 条 until the list has loaded: wait for the figure's count.
  const listed = page.locator(`${tid('holdings-pagination')} .el-pagination__total`)
  await listed.filter({ hasText: `共 ${licences} 条` }).waitFor({ timeout: 10_000 }).catch(() => {})
  check((await listed.innerText()).includes(String(licences)), `the list behind the figure has ${licences} licences: ${await listed.innerText()}`)
  await shot('report-holdings')

  // Staff: the server refuses the bureau-wide report.
  await logout()
  await login('jqstaff')
  const refused = await apiCall(page, 'GET', `/reports/annual?year=${YEAR}`)
  check(refused.status === 403, `staff refused (${refused.status})`)
})
