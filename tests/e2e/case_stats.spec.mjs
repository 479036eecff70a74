// End-to-end check of 简易程序 and 案件统计: jqstaff makes an on-the-spot
// decision through the form — 200.01 yuan for a citizen is refused on the fine
// field, 200.00 is accepted and numbered — sees it in the list, then opens
// 案件统计, whose summary-procedure figure links to the list filtered by year.
//
//   JG_E2E_BASE_URL=http://127.0.0.1:8099 node tests/e2e/case_stats.spec.mjs
//
// Tolerates data left by other specs: the party's name is new on every run and
// the figure is compared with the list's own total.
import { BASE, runSpec, tid, apiCall, chinaDate, settledText } from './lib.mjs'

const RUN = Math.floor(Math.random() * 1e6)
const PARTY = `当场处罚测试当事人${RUN}`

await runSpec('case_stats', async ({ page, check, shot, visible, login, logout }) => {
  await page.goto(`${BASE}/login`)
  await login('admin')
  const depts = (await apiCall(page, 'GET', '/departments')).body.items
  const jqs = depts.find((d) => d.code === 'JQS')
  const officers = []
  for (const n of [1, 2]) {
    const r = await apiCall(page, 'POST', '/inspectors', {
      name: `当场执法员${RUN}-${n}`, department_id: jqs.id, certificate_no: `沪执E2E-${RUN}-${n}`, certificate_expires: '2030-12-31',
    })
    check(r.status === 201, `inspector ${n} created (HTTP ${r.status})`)
    officers.push(r.body.id)
  }
  await logout()
  await login('jqstaff')

  await page.goto(`${BASE}/summary-cases`)
  await page.locator(tid('summary-table')).waitFor()
  await page.locator(tid('summary-create')).click()
  const dialog = visible(tid('summary-dialog'))
  await dialog.waitFor()
  await dialog.locator(tid('summary-party-name')).fill(PARTY)
  await dialog.locator(tid('summary-place')).fill('嘉定区江桥镇华江路 100 号')
  await dialog.locator(tid('summary-facts')).fill('未按规定明码标价')
  await dialog.locator(tid('summary-law')).fill('《明码标价和禁止价格欺诈规定》')
  const fine = dialog.locator(`${tid('summary-fine')} input`)
  await fine.fill('200.01')
  await fine.press('Tab')
  await dialog.locator(tid('summary-officers')).click()
  for (const n of [1, 2]) await page.locator('.el-select-dropdown__item').filter({ visible: true, hasText: `沪执E2E-${RUN}-${n}` }).click()
  await dialog.locator('.el-dialog__title').click()
  await dialog.locator(tid('summary-save')).click()
  const fineError = dialog.locator('.el-form-item__error').filter({ hasText: '200 元' })
  await fineError.waitFor()
  check(true, `200.01 yuan refused on the fine field: ${await fineError.innerText()}`)
  await shot('summary-refused')
  await fine.fill('200')
  await fine.press('Tab')
  await dialog.locator(tid('summary-save')).click()
  await dialog.waitFor({ state: 'hidden' })
  const row = page.locator(`${tid('summary-table')} tr.el-table__row`).filter({ hasText: PARTY })
  await row.waitFor()
  const number = await row.locator(tid('summary-cell-number')).innerText()
  check(/^沪市监嘉简罚〔\d{4}〕第\d{5}号$/.test(number), `decision numbered: ${number}`)
  check((await row.locator(tid('summary-cell-penalty')).innerText()).includes('200.00'), 'fine of 200.00 yuan shown')
  await shot('summary-list')

  await page.goto(`${BASE}/case-stats`)
  const value = page.locator(tid('case-stats-value-summary'))
  await value.waitFor()
  const figure = Number(await value.innerText())
  check(figure >= 1, `summary-procedure figure ${figure}`)
  await shot('case-stats')
  await value.click()
  await page.waitForURL(`**/summary-cases?**year=${chinaDate(0).slice(0, 4)}**`)
  const total = page.locator(`${tid('summary-pagination')} .el-pagination__total`)
  await total.waitFor()
  const totalText = await settledText(total, String(figure))
  check(totalText.includes(String(figure)), `the list behind the figure has ${figure} records: ${totalText}`)
})
