// End-to-end check of 双随机、一公开 in the UI: 江桥所 staff draft a plan (an API
// field error is shown next to its field), the leader approves it, staff publish
// the commitment, draw, replace a recused inspector, record the results (a
// problem needs its findings and gets a photo) and publish them; the public page, without login,
// shows the commitment id, the seed and the results. A stale action (the plan
// changed since the page was read) shows the Chinese conflict message.
//
//   JG_E2E_BASE_URL=http://127.0.0.1:8099 node tests/e2e/plans.spec.mjs
//
// Tolerates data left by other specs: the plan draws only from entities of a
// street made up for this run, and names are new on every run.
import { readFileSync } from 'node:fs'
import { BASE, runSpec, tid, makeCreditCode, apiCall, chinaDate, pickOption, fillDate, savedOrFail } from './lib.mjs'

// A 1×1 PNG, for the photo of a finding.
const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')
const LETTERS = 'ABCDEFGHJKLMNPQRTUWXY'
const rnd = (n) => Array.from({ length: n }, () => LETTERS[Math.floor(Math.random() * LETTERS.length)]).join('')
const RUN = rnd(4)
const TODAY = chinaDate(0)
const YEAR = TODAY.slice(0, 4)
const STREET = `测试街${RUN}`
const PLAN = `${YEAR}年江桥所食品经营者双随机抽查（测试${RUN}）`
const STALE_PLAN = `${YEAR}年并发审批测试（${RUN}）`
// Risk classes of the entities of this run: A ×3, D ×2, unclassified ×1.
const CLASSES = ['A', 'A', 'A', 'D', 'D', '']

async function waitStatus(page, label) {
  await page.locator(tid('plan-status')).filter({ hasText: label }).waitFor()
}

// Clicks a plan action and confirms it in the message box.
async function actConfirmed(page, button) {
  await page.locator(tid(button)).click()
  const box = page.locator('.plan-confirm').filter({ visible: true })
  await box.waitFor()
  await box.locator('.el-button--primary').click()
  await box.waitFor({ state: 'hidden' })
}

await runSpec('plans', async ({ page, check, shot, visible, login, logout }) => {
  await page.goto(`${BASE}/login`)
  await login('jqstaff')

  // ---- setup through the API: entities of a new street, two inspectors ----
  const depts = (await apiCall(page, 'GET', '/departments')).body.items
  const jqs = depts.find((d) => d.code === 'JQS')
  for (let i = 0; i < CLASSES.length; i++) {
    const r = await apiCall(page, 'POST', '/entities', {
      credit_code: makeCreditCode('1'), name: `抽查测试主体${RUN}-${i + 1}`, kind: 'enterprise', street: STREET, station_id: jqs.id,
      industry: 'F5221', status: 'active', risk_class: CLASSES[i], risk_classified_on: CLASSES[i] ? `${YEAR}-01-02` : '', tags: [],
    })
    if (r.status !== 201) throw new Error(`entity setup: ${r.status} ${JSON.stringify(r.body)}`)
  }
  for (let i = 0; i < 2; i++) {
    const r = await apiCall(page, 'POST', '/inspectors', {
      name: `抽查测试员${RUN}${i + 1}`, department_id: jqs.id, station_id: jqs.id,
      certificate_no: `沪测${RUN}${i}${Math.floor(Math.random() * 1e5)}`, certificate_expires: '2099-12-31', qualified_items: ['SP-001'],
    })
    if (r.status !== 201) throw new Error(`inspector setup: ${r.status} ${JSON.stringify(r.body)}`)
  }
  check(true, 'six entities of a new street and two qualified inspectors set up through the API')
  // A second plan, for the stale-action check below.
  const stale = await apiCall(page, 'POST', '/plans', {
    name: STALE_PLAN, period_from: `${YEAR}-01-01`, period_to: `${YEAR}-12-31`, lead_department_id: jqs.id,
    item_codes: ['SP-001'], population: { street: STREET }, strata: [{ stratum: 'A', count: 1 }],
    seed_mode: 'public-value', seed_source: `${YEAR}年某期福利彩票开奖号码（测试${RUN}）`,
  })
  check(stale.status === 201, `a second plan is drafted through the API (${stale.status})`)

  // ---- 1. staff draft the plan in the editor ----
  await page.locator(tid('nav-plans')).click()
  await page.waitForURL('**/inspection/plans')
  await page.locator(tid('plans-create')).click()
  const dialog = visible(tid('plan-dialog'))
  await dialog.waitFor()
  await dialog.locator(tid('plan-form-name')).fill(PLAN)
  await fillDate(page, `${tid('plan-dialog')} ${tid('plan-form-field-period_from')}`, `${YEAR}-01-01`)
  // A period running into next year: the API names the field.
  await fillDate(page, `${tid('plan-dialog')} ${tid('plan-form-field-period_to')}`, `${Number(YEAR) + 1}-01-31`)
  check((await dialog.locator(tid('plan-form-field-lead_department_id')).innerText()).includes('江桥'), 'the lead department defaults to 江桥所 for its staff')
  await pickOption(page, `${tid('plan-dialog')} ${tid('plan-form-items')}`, 'plan-item-option-SP-001')
  await dialog.locator('.el-dialog__title').click() // close the multiple select's dropdown
  await dialog.locator(tid('plan-form-street')).fill(STREET)
  await dialog.locator(tid('plan-stratum-value-A')).fill('2')
  await dialog.locator(tid('plan-stratum-ratio-D')).click()
  await dialog.locator(tid('plan-stratum-value-D')).fill('50')
  await dialog.locator(tid('plan-stratum-value-none')).fill('1')
  await dialog.locator(tid('plan-form-submit')).click()
  const periodErr = dialog.locator(`${tid('plan-form-field-period_to')} .el-form-item__error`)
  await periodErr.waitFor()
  check((await periodErr.innerText()).length > 0, `the API's error is shown at 检查结束日期: ${await periodErr.innerText()}`)
  await shot('plan-field-error')
  // The period ends today, so results can be recorded today and the deadline falls within the holiday calendar.
  await fillDate(page, `${tid('plan-dialog')} ${tid('plan-form-field-period_to')}`, TODAY)
  await shot('plan-dialog')
  await dialog.locator(tid('plan-form-submit')).click()
  await periodErr.waitFor({ state: 'detached' })
  await savedOrFail(dialog, 'the plan')
  await page.waitForURL(/\/inspection\/plans\/\d+$/)
  const planId = Number(page.url().split('/').pop())
  await waitStatus(page, '草稿')
  check((await page.locator(tid('plan-name')).innerText()) === PLAN, 'the plan page shows the new draft')
  check((await page.locator(tid('plan-strata')).innerText()).includes('D类 50%'), 'strata: D by ratio 50%')
  check((await page.locator(tid('plan-population')).innerText()).includes(STREET), 'population: the street of this run')
  check((await page.locator(tid('plan-approve')).count()) === 0, 'staff see no 审批 button')
  // A draft is edited with its version: exclude entities inspected in the last 6 months.
  await page.locator(tid('plan-edit')).click()
  await dialog.waitFor()
  const months = dialog.locator(`${tid('plan-form-field-exclude_recent_months')} input`)
  await months.fill('6')
  await months.press('Tab')
  await dialog.locator(tid('plan-form-submit')).click()
  await savedOrFail(dialog, 'the edited plan')
  await page.locator(tid('plan-exclusions')).filter({ hasText: '近6个月' }).waitFor()
  check(true, 'the edited draft excludes entities inspected in the last 6 months')
  // The list shows it with its status and publication deadline.
  await page.locator(tid('plan-back')).click()
  const listRow = page.locator(`${tid('plans-table')} tr.el-table__row`).filter({ hasText: PLAN })
  await listRow.waitFor()
  check((await listRow.locator(tid('plan-cell-status')).innerText()) === '草稿', 'the list shows 草稿')
  const due = await listRow.locator(tid('plan-cell-due')).innerText()
  check(/^\d{4}-\d{2}-\d{2}$/.test(due) || due.includes('日历未覆盖'), `the list shows the publication deadline: ${due}`)
  await shot('plans-list')
  await logout()

  // ---- 2. the leader approves; a stale approval is refused with the Chinese message ----
  await login('leader')
  await page.goto(`${BASE}/inspection/plans/${planId}`)
  await waitStatus(page, '草稿')
  check((await page.locator(tid('plan-commit')).count()) === 0 && (await page.locator(tid('plan-edit')).count()) === 0, 'the leader sees no staff actions')
  await actConfirmed(page, 'plan-approve')
  await waitStatus(page, '已审批')
  check(true, 'the leader approved the plan')

  await page.goto(`${BASE}/inspection/plans/${stale.body.id}`)
  await waitStatus(page, '草稿')
  const behind = await apiCall(page, 'POST', `/plans/${stale.body.id}/approve`, { version: stale.body.version })
  check(behind.status === 200, 'meanwhile the second plan is approved elsewhere')
  await actConfirmed(page, 'plan-approve')
  const staleMsg = page.locator('.stale-message').filter({ visible: true })
  await staleMsg.waitFor()
  check((await staleMsg.innerText()).includes('已被他人修改'), `the stale approval shows the conflict message: ${await staleMsg.innerText()}`)
  await waitStatus(page, '已审批')
  check(true, 'and the page reloads the current state')
  await shot('stale-action')
  await logout()

  // ---- 3. staff publish the commitment and draw ----
  await login('jqstaff')
  await page.goto(`${BASE}/inspection/plans/${planId}`)
  await waitStatus(page, '已审批')
  await actConfirmed(page, 'plan-commit')
  await waitStatus(page, '已公示承诺')
  const commitment = (await page.locator(tid('plan-commitment-id')).innerText()).trim()
  check(/^[0-9a-f]{64}$/.test(commitment), `the commitment id is published: ${commitment}`)
  check((await page.locator(tid('plan-commitment-text')).innerText()).includes('eligible_count: 6'), 'the commitment covers the six entities of the street')
  await actConfirmed(page, 'plan-draw')
  await waitStatus(page, '已抽取')
  const seed = (await page.locator(tid('plan-seed')).innerText()).trim()
  check(/^[0-9a-f]{64}$/.test(seed), 'the secret seed is revealed after the draw')
  const taskRows = page.locator(`${tid('plan-tasks')} tr.el-table__row`)
  await taskRows.first().waitFor()
  check((await taskRows.count()) === 4, `four entities drawn (A 2, D 50% of 2, unclassified 1): ${await taskRows.count()}`)
  const names = await page.locator(`${tid('plan-tasks')} ${tid('task-inspector-name')}`).allInnerTexts()
  check(names.length === 8 && names.every((n) => n && !n.startsWith('#')), `two inspectors per entity, by name: ${names.join('、')}`)
  check((await page.locator(tid('plan-verify-command')).innerText()).includes(`--commitment ${commitment}`), 'the verify command names the commitment')
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`${tid('plan-draw-file')} button`).click()])
  const file = readFileSync(await download.path(), 'utf8')
  check(file.includes(commitment) && file.includes(seed), 'the downloaded verification file carries the commitment and the seed')
  await shot('plan-drawn')

  // A recusal replaces one inspector by a further draw.
  const firstRow = taskRows.first()
  const before = await firstRow.locator(tid('task-inspector-name')).allInnerTexts()
  await firstRow.locator(tid('task-recuse')).first().click()
  const recusal = visible(tid('recusal-dialog'))
  await recusal.waitFor()
  await recusal.locator(tid('recusal-reason')).fill('与当事人系近亲属')
  await recusal.locator(tid('recusal-submit')).click()
  await recusal.waitFor({ state: 'hidden' })
  await page.locator(`${tid('plan-tasks')} tr.el-table__row`).first().locator(tid('task-inspector-name')).first().waitFor()
  const after = await page.locator(`${tid('plan-tasks')} tr.el-table__row`).first().locator(tid('task-inspector-name')).allInnerTexts()
  check(after.length === 2 && !after.includes(before[0]), `the recused inspector is replaced: ${before.join('、')} → ${after.join('、')}`)

  // ---- 4. results: a problem needs its findings ----
  const result = visible(tid('result-dialog'))
  for (let i = 0; i < 4; i++) {
    await page.locator(`${tid('plan-tasks')} tr.el-table__row`).nth(i).locator(tid('task-record')).click()
    await result.waitFor()
    const problem = i === 0
    await pickOption(page, `${tid('result-dialog')} ${tid('result-form-outcome')}`, problem ? 'result-outcome-option-corrected' : 'result-outcome-option-no_problem')
    if (problem) {
      await result.locator(tid('result-form-submit')).click()
      const err = result.locator(`${tid('result-form-field-findings')} .el-form-item__error`)
      await err.waitFor()
      check((await err.innerText()).includes('发现的问题'), 'a problem without findings is refused at the field')
      await result.locator(tid('result-form-findings')).fill('未按规定查验进货票据，已责令改正')
      await result.locator(tid('result-form-submit')).click()
      const sevErr = result.locator(`${tid('result-form-field-severity')} .el-form-item__error`)
      await sevErr.waitFor()
      check(true, 'a problem needs its severity')
      await result.locator(tid('result-severity-moderate')).click()
      // The checklist of SP-001, point by point: one 不符合.
      const points = result.locator(tid('result-checklist-point'))
      await points.first().waitFor()
      const n = await points.count()
      check(n >= 2, `the result form lists the item's ${n} checklist points`)
      for (let k = 0; k < n; k++) await result.locator(tid(`result-answer-${k}-${k === 1 ? 'nonconform' : 'conform'}`)).click()
      // A photo of the finding: the file's bytes as they are, listed with its thumbnail
      // (which loads only if the download answers with the image).
      await result.locator(`${tid('task-attachments')} input[type=file]`).setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: PNG_1X1 })
      const photo = result.locator(tid('attachment-item')).filter({ hasText: '现场照片.png' })
      await photo.waitFor()
      await page.waitForFunction((img) => img.complete && img.naturalWidth === 1, await photo.locator(tid('attachment-thumb')).elementHandle())
      check(true, 'a photo is uploaded and listed with its thumbnail')
      // A page passed off as a photo is refused with the reason.
      await result.locator(`${tid('task-attachments')} input[type=file]`).setInputFiles({ name: '伪装.png', mimeType: 'image/png', buffer: Buffer.from('<html><script>alert(1)</script>') })
      await result.locator(tid('attachment-error')).filter({ hasText: '只能上传' }).waitFor()
      check((await result.locator(tid('attachment-item')).count()) === 1, 'a file that is not an image or PDF is refused')
      await shot('result-dialog')
      await result.locator(tid('result-form-submit')).click()
      await err.waitFor({ state: 'detached' })
    } else {
      await result.locator(tid('result-form-submit')).click()
    }
    await savedOrFail(result, `result ${i + 1}`)
    await page.locator(`${tid('plan-tasks')} tr.el-table__row`).nth(i).locator(tid('task-cell-status')).filter({ hasText: '已检查' }).waitFor()
  }
  check((await page.locator(tid('plan-progress')).innerText()).includes('4 / 4'), 'all four inspected')
  await actConfirmed(page, 'plan-publish')
  await waitStatus(page, '结果已公示')
  check((await page.locator(tid('task-record')).count()) === 0, 'published results are final: no 录入结果')
  await shot('plan-published')

  // …but a published result can be corrected, with a note published beside it; the history keeps the first.
  const publishedRow = page.locator(`${tid('plan-tasks')} tr.el-table__row`).first()
  await publishedRow.locator(tid('task-correct')).click()
  const fixDialog = visible(tid('result-dialog'))
  await fixDialog.waitFor()
  await fixDialog.locator(tid('result-form-findings')).fill('复核补充：经营场所已整改到位')
  await fixDialog.locator(tid('result-form-submit')).click()
  await fixDialog.locator(`${tid('result-form-field-correction_note')} .el-form-item__error`).waitFor()
  check(true, 'a correction needs its note')
  await fixDialog.locator(tid('result-form-correction_note')).fill('复核后补充检查情况')
  await fixDialog.locator(tid('result-form-submit')).click()
  await fixDialog.waitFor({ state: 'hidden' })
  await publishedRow.locator(tid('task-cell-corrected')).waitFor()
  check(true, 'the corrected result is marked 已更正')
  await publishedRow.locator(tid('task-history')).click()
  const entries = page.locator(`${tid('result-history')} ${tid('result-history-entry')}`)
  await entries.nth(1).waitFor()
  check((await entries.count()) === 2, 'its history keeps the first result and the correction')
  check((await entries.nth(1).innerText()).includes('复核后补充检查情况'), 'with the note')
  const historyPhoto = page.locator(`${tid('result-history')} ${tid('attachment-item')}`)
  await historyPhoto.first().waitFor()
  check((await historyPhoto.first().innerText()).includes('现场照片.png'), "and the result's photo")
  await shot('result-history')
  await page.keyboard.press('Escape')
  await page.locator(tid('result-history')).waitFor({ state: 'hidden' })

  // The second plan takes a public random value at the draw, and is then cancelled with its reason.
  await page.goto(`${BASE}/inspection/plans/${stale.body.id}`)
  await waitStatus(page, '已审批')
  await actConfirmed(page, 'plan-commit')
  await waitStatus(page, '已公示承诺')
  await page.locator(tid('plan-draw')).click()
  const drawDialog = visible(tid('draw-dialog'))
  await drawDialog.waitFor()
  check((await drawDialog.innerText()).includes(`测试${RUN}`), 'the draw dialog names the committed source of the public value')
  await drawDialog.locator(tid('draw-seed')).fill('03 12 18 22 27 31 + 05')
  await shot('draw-public-value')
  await drawDialog.locator(tid('draw-submit')).click()
  await drawDialog.waitFor({ state: 'hidden' })
  await waitStatus(page, '已抽取')
  check((await page.locator(`${tid('plan-tasks')} tr.el-table__row`).count()) === 1, 'the public-value draw drew one A-class entity')
  await page.locator(tid('plan-cancel')).click()
  const cancelDialog = visible(tid('cancel-dialog'))
  await cancelDialog.waitFor()
  await cancelDialog.locator(tid('cancel-submit')).click()
  await cancelDialog.locator('.el-form-item__error').waitFor()
  check(true, 'a cancellation needs its reason')
  await cancelDialog.locator(tid('cancel-reason')).fill('上级部署调整')
  await cancelDialog.locator(tid('cancel-submit')).click()
  await cancelDialog.waitFor({ state: 'hidden' })
  await waitStatus(page, '已撤销')
  check((await page.locator(tid('plan-cancel-reason')).innerText()) === '上级部署调整', 'the plan is cancelled with its reason')
  check((await page.locator(tid('task-cell-status')).first().innerText()) === '已取消', 'and its open task is cancelled')

  // Stats count the run.
  await page.locator(tid('nav-plan-stats')).click()
  await page.waitForURL('**/inspection/stats')
  await page.locator(tid('stats-total-drawn')).filter({ hasText: /\d/ }).waitFor()
  check(Number(await page.locator(tid('stats-total-drawn')).innerText()) >= 4, 'the stats count the drawn entities')
  // The published plan's population estimate, with its 95% interval.
  const statsApi = (await apiCall(page, 'GET', `/inspection-stats?year=${YEAR}`)).body
  const estimate = statsApi.estimates.find((e) => e.plan_id === planId)
  check(estimate && estimate.inspected === 4 && estimate.low <= estimate.rate && estimate.rate <= estimate.high,
    `the API estimates the plan's population problem rate: ${JSON.stringify(estimate)}`)
  const shown = page.locator(tid(`stats-estimate-${planId}`))
  await shown.waitFor()
  check((await shown.innerText()) === `${(estimate.rate * 100).toFixed(2)}%`, `the page shows the estimate ${await shown.innerText()}`)
  check((await page.locator(tid(`stats-interval-${planId}`)).innerText()).includes('–'), 'and its interval')
  check((await page.locator(`${tid('stats-by-risk')} tr.el-table__row`).count()) >= 1, 'the counts by credit-risk class are listed')
  await shot('stats')

  // The inspector account sees its page of tasks.
  await logout()
  await login('inspector')
  await page.locator(tid('nav-my-tasks')).click()
  await page.waitForURL('**/inspection/tasks')
  await page.locator(tid('my-tasks-table')).waitFor()
  check(true, 'the inspector opens 我的检查任务')
  await logout()

  // ---- 5. the public page, without login ----
  await page.goto(`${BASE}/public/plans/${planId}`)
  await page.locator(tid('public-commitment-id')).waitFor()
  check(!page.url().includes('/login'), 'the public page opens without login')
  check((await page.locator(tid('public-commitment-id')).innerText()).trim() === commitment, 'it shows the commitment id published before the draw')
  check((await page.locator(tid('public-seed')).innerText()).trim() === seed, 'and the revealed seed')
  const outcomes = await page.locator(`${tid('public-results')} ${tid('public-result-outcome')}`).allInnerTexts()
  check(outcomes.length === 4 && outcomes.includes('发现问题已责令改正'), `and the four results: ${outcomes.join('、')}`)
  const corrected = page.locator(tid('public-result-corrected'))
  check((await corrected.count()) === 1 && (await corrected.innerText()).includes('复核后补充检查情况'), 'the public page shows the correction with its note')
  await shot('public-plan')
  await page.locator(tid('public-back')).click()
  await page.locator(`${tid('public-plans-table')} ${tid('public-plan-name')}`).filter({ hasText: PLAN }).waitFor()
  check(true, 'the public list shows the plan')
})
