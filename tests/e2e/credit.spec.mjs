// End-to-end check of penalty publicity and credit repair in the UI: a case
// decided with a fine (set up through the API) is due for publicity; staff
// publish it on the 信用公示 page; the public 行政处罚信息公示 page shows it
// without login; a repair application with every condition met is recorded
// on the 信用修复 page and approved; the record is gone from the public page.
//
//   JG_E2E_BASE_URL=http://127.0.0.1:8099 node tests/e2e/credit.spec.mjs
//
// Dates are relative to today (China time) so the 6-month minimum period has
// run; names and credit codes are new on every run.
import { BASE, runSpec, tid, makeCreditCode, apiCall, chinaDate, pickOption, fillDate, savedOrFail } from './lib.mjs'

const LETTERS = 'ABCDEFGHJKLMNPQRTUWXY'
const RUN = Array.from({ length: 4 }, () => LETTERS[Math.floor(Math.random() * LETTERS.length)]).join('')
const CODE = makeCreditCode('1')
const NAME = `信用公示测试广告公司${RUN}`

async function must(page, method, path, body, status = 200) {
  const r = await apiCall(page, method, path, body)
  if (r.status !== status) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`)
  return r.body
}

async function publicCaseNumbers(page) {
  await page.goto(`${BASE}/public/penalties`)
  await page.locator(tid('public-penalties-q')).fill(CODE)
  await page.locator(tid('public-penalties-search')).click()
  await page.waitForLoadState('networkidle')
  return page.locator(tid('public-penalty-case')).allInnerTexts()
}

await runSpec('credit', async ({ page, check, shot, login }) => {
  await page.goto(`${BASE}/login`)
  await login('admin')

  // ---- setup through the API: an entity, two officers, a case decided with a fine ----
  const jqs = (await must(page, 'GET', '/departments')).items.find((d) => d.code === 'JQS')
  const entity = await must(page, 'POST', '/entities', { credit_code: CODE, name: NAME, station_id: jqs.id }, 201)
  const officers = []
  for (let i = 0; i < 2; i++) {
    const ins = await must(page, 'POST', '/inspectors', {
      name: `公示测试员${RUN}${i}`, department_id: jqs.id, certificate_no: `沪信${RUN}${i}${Math.floor(Math.random() * 1e5)}`,
      certificate_expires: '2099-12-31',
    }, 201)
    officers.push(ins.id)
  }
  const [found, notice, decided] = [chinaDate(-330), chinaDate(-320), chinaDate(-310)]
  const lead = await must(page, 'POST', '/leads', { source: 'complaint', entity_id: entity.id, description: '发布虚假广告', found_on: found, department_id: jqs.id }, 201)
  let c = await must(page, 'POST', `/leads/${lead.id}/file`, { version: 1, on: found, officer_ids: officers, violated_law: '《中华人民共和国广告法》', violated_article: '第五十五条' }, 201)
  const step = async (body) => (c = await must(page, 'POST', `/cases/${c.id}/transitions`, { version: c.version, ...body }))
  await step({ action: 'investigate', on: found })
  await step({ action: 'submit_for_review', on: notice })
  await step({ action: 'notify', on: notice, notice_served_on: notice, statements_waived: true })
  await step({ action: 'decide', on: decided, decision: { kind: 'penalty', decided_on: decided, penalties: ['fine'], fine_fen: 2000000 } })
  check(c.stage === 'decided', `case ${c.case_number} decided with a fine of 20000 yuan through the API`)

  // ---- 信用公示: the record is due; publish it ----
  await page.goto(`${BASE}/credit/publicity`)
  const row = page.locator('.el-table__row').filter({ hasText: c.case_number })
  await row.waitFor()
  check(await row.locator(tid('publicity-cell-countdown')).isVisible(), 'the due record shows its countdown')
  await shot('publicity-due')
  await row.locator(tid('publicity-publish')).click()
  const dialog = page.locator(tid('publish-dialog')).filter({ visible: true })
  await fillDate(page, tid('publish-on'), chinaDate(-295))
  await page.locator(tid('publish-document')).fill(`沪市监嘉处罚〔${decided.slice(0, 4)}〕${RUN}号`)
  await page.locator(tid('publish-submit')).click()
  await savedOrFail(dialog, 'publication')
  await page.locator('#tab-published').click()
  const published = page.locator('.el-table__row').filter({ hasText: c.case_number })
  await published.locator(tid('publicity-cell-state')).filter({ hasText: '公示中' }).waitFor()
  check(true, 'published on the 信用公示 page: listed as 公示中')
  await shot('publicity-published')

  // ---- the public page, signed out of nothing: it is there ----
  let shown = await publicCaseNumbers(page)
  check(shown.includes(c.case_number), 'the public 行政处罚信息公示 page shows the published penalty')
  await shot('public-shown')

  // ---- 信用修复: record the application, approve it ----
  await page.goto(`${BASE}/credit/repairs`)
  await page.locator(tid('repair-apply')).click()
  const apply = page.locator(tid('apply-dialog')).filter({ visible: true })
  await apply.waitFor()
  const pub = (await must(page, 'GET', '/credit/publicity?status=published')).items.find((p) => p.case_id === c.id)
  await pickOption(page, tid('apply-publicity'), `apply-publicity-${pub.id}`)
  await page.locator(tid('apply-applicant')).fill('王经理（授权委托）')
  await page.locator(tid('apply-commitment')).fill(`承诺书-${RUN}`)
  await page.locator(tid('apply-obligations')).click()
  await page.locator(tid('apply-corrected')).click()
  await page.locator(tid('apply-submit')).click()
  await savedOrFail(apply, 'repair application')
  const repair = page.locator('.el-table__row').filter({ hasText: c.case_number })
  await repair.locator(tid('repair-cell-status')).filter({ hasText: '待审核' }).waitFor()
  check(true, 'the application is pending with every condition met')
  await repair.locator(tid('repair-approve')).click()
  const box = page.locator('.el-message-box').filter({ visible: true })
  await box.locator('.el-button--primary').click()
  await repair.locator(tid('repair-cell-status')).filter({ hasText: '准予修复' }).waitFor()
  check(true, 'approved: 准予修复')
  await shot('repair-approved')

  shown = await publicCaseNumbers(page)
  check(!shown.includes(c.case_number), 'the repaired penalty is gone from the public page')
})
