// End-to-end check of enforcement in the UI: 江桥所 staff record a lead (a date
// in the future is refused with the server's message at its field); the leader
// files it with two officers (an expired certificate is refused, naming the
// officer); the case then moves through 调查 → 法制审核 → 告知 → 决定 (a fine,
// the party having waived statements) → 送达 → 执行 → 结案 entirely through the
// case page, checking the stage and the timeline at each step, the server's
// Chinese refusal of an incomplete step (no notice date, the statement window
// still open, execution not completed), who sees which step, and a stale save
// of the particulars that keeps what was typed.
//
//   JG_E2E_BASE_URL=http://127.0.0.1:8099 node tests/e2e/cases.spec.mjs
//
// Tolerates data left by other specs: names and descriptions are new on every run.
import { BASE, runSpec, tid, makeCreditCode, apiCall, chinaDate, pickOption, fillDate, savedOrFail } from './lib.mjs'

const LETTERS = 'ABCDEFGHJKLMNPQRTUWXY'
const rnd = (n) => Array.from({ length: n }, () => LETTERS[Math.floor(Math.random() * LETTERS.length)]).join('')
const RUN = rnd(4)
const TODAY = chinaDate(0)
const PARTY = `嘉定区某食品店（测试${RUN}）`
const DESCRIPTION = `群众举报销售标签瑕疵食品（测试${RUN}）`
const LATE_PARTY = `嘉定区某超市（测试${RUN}）`
const MINOR_DESC = `价签不规范，已当场改正（测试${RUN}）`

await runSpec('cases', async ({ page, check, shot, visible, login, logout }) => {
  await page.goto(`${BASE}/login`)
  await login('jqstaff')

  // ---- setup through the API: two officers with valid certificates, one expired ----
  const depts = (await apiCall(page, 'GET', '/departments')).body.items
  const jqs = depts.find((d) => d.code === 'JQS')
  const officers = []
  for (const [i, expires] of ['2099-12-31', '2099-12-31', '2020-01-31'].entries()) {
    const r = await apiCall(page, 'POST', '/inspectors', {
      name: `办案测试员${RUN}${i + 1}`, department_id: jqs.id, station_id: jqs.id,
      certificate_no: `沪市监执测${RUN}${i}${Math.floor(Math.random() * 1e5)}`, certificate_expires: expires, qualified_items: ['SP-001'],
    })
    if (r.status !== 201) throw new Error(`inspector setup: ${r.status} ${JSON.stringify(r.body)}`)
    officers.push(r.body)
  }
  const [valid1, valid2, expired] = officers
  check(true, 'two officers with valid certificates and one with an expired certificate set up through the API')
  // A lead found 40 days ago: its 15 working days have run out.
  const late = await apiCall(page, 'POST', '/leads', {
    source: 'inspection_finding', party_name: LATE_PARTY, description: `超期线索（测试${RUN}）`, found_on: chinaDate(-40), department_id: jqs.id,
  })
  check(late.status === 201, `a lead found 40 days ago is recorded through the API (${late.status})`)
  const minor = await apiCall(page, 'POST', '/leads', {
    source: 'complaint', party_name: `嘉定区某便利店（测试${RUN}）`, description: MINOR_DESC, found_on: TODAY, department_id: jqs.id,
  })
  check(minor.status === 201, `a third lead, to be declined, is recorded through the API (${minor.status})`)
  // Periods reaching into a year the shipped working-day calendar does not cover cannot be computed; the page says so.
  const lateOverdue = late.body.filing_deadline.state === 'overdue'

  // ---- 1. staff record a lead ----
  await page.locator(tid('nav-leads')).click()
  await page.waitForURL('**/cases/leads')
  check((await page.locator(tid('nav-cases')).count()) === 1, 'the menu has 案件线索 and 案件办理')
  await page.locator(tid('leads-create')).click()
  const leadDialog = visible(tid('lead-dialog'))
  await leadDialog.waitFor()
  await pickOption(page, `${tid('lead-dialog')} ${tid('lead-form-source')}`, 'lead-source-option-complaint')
  await leadDialog.locator(tid('lead-form-party-free')).click()
  await leadDialog.locator(tid('lead-form-party-name')).fill(PARTY)
  await leadDialog.locator(tid('lead-form-credit-code')).fill(makeCreditCode('2'))
  await leadDialog.locator(tid('lead-form-description')).fill(DESCRIPTION)
  check((await leadDialog.locator(tid('lead-form-field-department_id')).innerText()).includes('江桥'), 'the department defaults to 江桥所 for its staff')
  // A lead found tomorrow: the server refuses it at 发现日期.
  await fillDate(page, `${tid('lead-dialog')} ${tid('lead-form-field-found_on')}`, chinaDate(1))
  await leadDialog.locator(tid('lead-form-submit')).click()
  const foundErr = leadDialog.locator(`${tid('lead-form-field-found_on')} .el-form-item__error`)
  await foundErr.waitFor()
  check((await foundErr.innerText()).includes('不能晚于今天'), `the server's error is shown at 发现日期: ${await foundErr.innerText()}`)
  await shot('lead-field-error')
  await fillDate(page, `${tid('lead-dialog')} ${tid('lead-form-field-found_on')}`, TODAY)
  await leadDialog.locator(tid('lead-form-submit')).click()
  await savedOrFail(leadDialog, 'the lead')
  const leadRow = page.locator(`${tid('leads-table')} tr.el-table__row`).filter({ hasText: DESCRIPTION })
  await leadRow.waitFor()
  check((await leadRow.locator(tid('lead-cell-status')).innerText()) === '待核查', 'the new lead is listed as 待核查')
  const leadCountdown = await leadRow.locator(tid('deadline-countdown')).innerText()
  if (leadCountdown !== '期限无法计算') {
    check(/剩余 1[45] 个工作日/.test(leadCountdown), `its filing deadline counts down 15 working days: ${leadCountdown}`)
    check((await leadRow.locator(tid('deadline-countdown')).getAttribute('class')).includes('el-tag--success'), 'a running deadline is green')
  } else {
    check(true, 'its filing deadline falls in a year the working-day calendar does not cover yet: 期限无法计算')
  }
  if (lateOverdue) {
    const lateRow = page.locator(`${tid('leads-table')} tr.el-table__row`).filter({ hasText: LATE_PARTY })
    const lateTag = lateRow.locator(tid('deadline-countdown'))
    check((await lateTag.innerText()).startsWith('已超期') && (await lateTag.getAttribute('class')).includes('el-tag--danger'), `an overdue lead is red: ${await lateTag.innerText()}`)
  }
  check((await leadRow.locator(tid('lead-file')).count()) === 0, 'staff see no 立案 button (cases.approve)')
  await shot('leads-list')
  await logout()

  // ---- 2. the leader declines one lead (第二十条) and files the other with two officers ----
  await login('leader')
  await page.goto(`${BASE}/cases/leads`)
  await leadRow.waitFor()
  await page.locator(`${tid('leads-table')} tr.el-table__row`).filter({ hasText: MINOR_DESC }).locator(tid('lead-decline')).click()
  const declineDialog = visible(tid('lead-decline-dialog'))
  await declineDialog.waitFor()
  await declineDialog.locator(tid('lead-decline-ground-other')).click()
  await declineDialog.locator(tid('lead-decision-submit')).click()
  const explanationErr = declineDialog.locator(`${tid('lead-decline-field-explanation')} .el-form-item__error`)
  await explanationErr.waitFor()
  check((await explanationErr.innerText()).length > 0, `"other" without an explanation is refused at 说明: ${await explanationErr.innerText()}`)
  await declineDialog.locator(tid('lead-decline-explanation')).fill('举报内容经核查不属实')
  await declineDialog.locator(tid('lead-decision-submit')).click()
  await savedOrFail(declineDialog, '不予立案')
  const declined = (await apiCall(page, 'GET', `/leads/${minor.body.id}`)).body
  check(declined.status === 'declined' && declined.decline_ground === 'other', 'the lead is declined with its ground')
  await page.locator(`${tid('leads-table')} tr.el-table__row`).filter({ hasText: MINOR_DESC }).waitFor({ state: 'detached' })
  await leadRow.locator(tid('lead-file')).click()
  const fileDialog = visible(tid('lead-file-dialog'))
  await fileDialog.waitFor()
  // Picks an officer in the multiple select, then closes its dropdown.
  async function pickOfficer(o) {
    const option = page.locator(tid(`lead-file-officer-${o.id}`)).filter({ visible: true })
    await fileDialog.locator(`${tid('lead-file-officers')} input`).fill(o.name) // filterable: narrows the list to this officer
    await option.waitFor()
    await option.click()
    await fileDialog.locator('.el-dialog__title').click()
    await fileDialog.locator(`${tid('lead-file-officers')} .el-tag`).filter({ hasText: o.name }).waitFor()
  }
  await pickOfficer(valid1)
  await pickOfficer(expired)
  const expiredOption = page.locator(tid(`lead-file-officer-${expired.id}`))
  check((await expiredOption.textContent()).includes('已过期'), 'the officer list marks the expired certificate')
  await fileDialog.locator(tid('lead-file-law')).fill('《中华人民共和国食品安全法》')
  await fileDialog.locator(tid('lead-file-article')).fill('第一百二十五条第二款')
  await fileDialog.locator(tid('lead-decision-submit')).click()
  const officerErr = fileDialog.locator(`${tid('lead-file-field-officer_ids')} .el-form-item__error`)
  await officerErr.waitFor()
  const officerMsg = await officerErr.innerText()
  check(officerMsg.includes(expired.name), `the server refuses the expired certificate, naming the officer: ${officerMsg}`)
  await shot('file-expired-officer')
  // Swap the expired officer for a valid one.
  await fileDialog.locator(`${tid('lead-file-officers')} .el-tag`).filter({ hasText: expired.name }).locator('.el-tag__close').click()
  await pickOfficer(valid2)
  check((await fileDialog.locator(`${tid('lead-file-officers')} .el-tag`).count()) === 2, 'two valid officers are chosen')
  await fileDialog.locator(tid('lead-decision-submit')).click()
  await page.waitForURL(/\/cases\/\d+$/)
  const caseId = Number(page.url().split('/').pop())
  const stage = page.locator(tid('case-stage'))
  const events = page.locator(tid('case-event'))
  async function expectStep(label, n) {
    await stage.filter({ hasText: new RegExp(`^${label}$`) }).waitFor()
    await page.locator(`${tid('case-event')}:nth-child(${n})`).waitFor()
    const count = await events.count()
    const last = await events.nth(count - 1).locator(tid('case-event-action')).innerText()
    check(count === n, `stage ${label}; the timeline has ${n} event(s), the last: ${last}`)
    return last
  }
  check((await expectStep('立案', 1)) === '立案', 'the first event is 立案')
  const caseNumber = await page.locator(tid('case-number')).innerText()
  check(/^沪市监嘉处〔\d{4}〕第\d{6}号$/.test(caseNumber), `the case is numbered: ${caseNumber}`)
  check((await page.locator(tid('case-officer')).allInnerTexts()).join(' ').includes(valid2.name), 'the officers are on the case')
  const countdown = await page.locator(`${tid('case-deadline')} ${tid('deadline-countdown')}`).innerText()
  // 90 days may end in a year the shipped working-day calendar does not cover yet: the page says so.
  const uncovered = countdown === '期限无法计算' && (await page.locator(`${tid('case-deadline')} ${tid('deadline-error')}`).innerText()).includes('工作日历')
  check(/^剩余 (89|90) 日$/.test(countdown) || uncovered, `the 90-day decision period counts down: ${countdown}`)
  check((await page.locator(tid('case-act-investigate')).count()) === 0, 'the leader does not see 开始调查 (cases.manage)')
  check((await page.locator(tid('case-act-withdraw')).count()) === 1, 'the leader sees 撤销立案 (cases.approve)')
  check((await page.locator(tid('case-hidden-actions')).innerText()).includes('开始调查'), 'and is told who else may act')
  await shot('case-filed')
  await logout()

  // ---- 3. staff investigate, submit for review, and notify ----
  await login('jqstaff')
  await page.goto(`${BASE}/cases/${caseId}`)
  await expectStep('立案', 1)
  const actionDialog = visible(tid('case-action-dialog'))
  async function act(action, fill) {
    await page.locator(tid(`case-act-${action}`)).click()
    await actionDialog.waitFor()
    if (fill) await fill()
    await actionDialog.locator(tid('case-action-submit')).click()
  }
  async function refused(field) {
    const err = actionDialog.locator(`${tid(`case-action-field-${field}`)} .el-form-item__error`)
    await err.waitFor()
    return err.innerText()
  }
  await act('investigate')
  await savedOrFail(actionDialog, '开始调查')
  await expectStep('调查', 2)
  check((await page.locator(tid('case-act-decide')).count()) === 0, 'staff do not see 作出决定 (cases.approve)')

  // The particulars: facts for the lenient rules; a stale save keeps what was typed.
  await page.locator('.el-tabs__item').filter({ hasText: '案件信息' }).click()
  const particulars = page.locator(tid('case-particulars'))
  await particulars.locator(tid('case-fact-minor_violation-yes')).click()
  await particulars.locator(tid('case-fact-no_harm-yes')).click()
  const current = (await apiCall(page, 'GET', `/cases/${caseId}`)).body
  const behind = await apiCall(page, 'PUT', `/cases/${caseId}`, {
    version: current.version, violated_law: '《中华人民共和国食品安全法》', violated_article: '第一百二十五条第二款', facts: { first_violation: true },
  })
  check(behind.status === 200, 'meanwhile someone else saves the particulars')
  await particulars.locator(tid('case-info-save')).click()
  await particulars.locator(tid('case-particulars-stale')).waitFor()
  check((await page.locator('.stale-message').filter({ visible: true }).innerText()).includes('已被他人修改'), 'the stale save shows the conflict message')
  check((await particulars.locator(`${tid('case-fact-no_harm-yes')}.is-active`).count()) === 1, 'and the facts typed are kept')
  await particulars.locator(tid('case-info-save')).click()
  await page.locator('.el-message--success').filter({ hasText: '已保存' }).last().waitFor()
  const sh05 = page.locator(`${tid('lenient-table')} tr.el-table__row`).filter({ hasText: 'SH-05' })
  await sh05.waitFor()
  check((await sh05.locator(tid('lenient-cell-verdict')).innerText()) === '待查明', 'rule SH-05 is suggested, pending 及时改正')
  await shot('case-particulars')
  await page.locator('.el-tabs__item').filter({ hasText: '时间线' }).click()

  await act('submit_for_review')
  await savedOrFail(actionDialog, '提交法制审核')
  await expectStep('法制审核', 3)
  // 告知 without the date the notice was served: the server's refusal at the field.
  await act('notify')
  const noticeMsg = await refused('notice_served_on')
  check(noticeMsg.includes('告知'), `告知 without the notice date is refused at its field: ${noticeMsg}`)
  await shot('notify-refused')
  await fillDate(page, `${tid('case-action-dialog')} ${tid('case-action-field-notice_served_on')}`, TODAY)
  await actionDialog.locator(tid('case-action-submit')).click()
  await savedOrFail(actionDialog, '告知')
  await expectStep('告知', 4)
  await logout()

  // ---- 4. the leader decides: a fine; the statement window first refuses ----
  await login('leader')
  await page.goto(`${BASE}/cases/${caseId}`)
  await expectStep('告知', 4)
  await act('decide', async () => {
    await actionDialog.locator(tid('decision-kind-penalty')).click()
    await actionDialog.locator(tid('decision-penalty-warning')).click()
    await actionDialog.locator(tid('decision-penalty-fine')).click()
    await actionDialog.locator(tid('decision-fine')).fill('5000.50')
    await actionDialog.locator(tid('decision-reason')).fill('销售标签不符合规定的食品')
  })
  const windowMsg = await refused('on')
  check(windowMsg.includes('届满前不能作出决定'), `deciding inside the statement window is refused: ${windowMsg}`)
  await shot('decide-refused')
  await actionDialog.locator(tid('case-action-statements-waived')).click()
  await actionDialog.locator(tid('case-action-submit')).click()
  await savedOrFail(actionDialog, '作出决定')
  await expectStep('决定', 5)
  const decision = await page.locator(tid('case-decision')).innerText()
  check(decision.includes('给予行政处罚') && decision.includes('罚款 5000.50 元') && decision.includes('警告'), `the decision is shown: ${decision}`)
  const stopped = await page.locator(`${tid('case-deadline')} ${tid('deadline-countdown')}`).innerText()
  check(stopped === '期限已停止计算', `the decision period no longer counts down once decided: ${stopped}`)
  const fine = (await apiCall(page, 'GET', `/cases/${caseId}`)).body.decision.fine_fen
  check(fine === 500050, `the fine is sent in fen: ${fine}`)
  await shot('case-decided')
  await logout()

  // ---- 5. staff serve, execute and close ----
  await login('jqstaff')
  await page.goto(`${BASE}/cases/${caseId}`)
  await expectStep('决定', 5)
  // Meanwhile someone else changes the case: the step is refused as stale, the
  // page reloads the case, and the date typed stays for a second try.
  await act('serve', async () => {
    await fillDate(page, `${tid('case-action-dialog')} ${tid('case-action-field-decision_served_on')}`, TODAY)
    const now = (await apiCall(page, 'GET', `/cases/${caseId}`)).body
    const other = await apiCall(page, 'PUT', `/cases/${caseId}`, {
      version: now.version, violated_law: now.violated_provision.law, violated_article: now.violated_provision.article, facts: now.facts,
    })
    if (other.status !== 200) throw new Error(`concurrent change: ${other.status} ${JSON.stringify(other.body)}`)
  })
  await actionDialog.locator(tid('case-action-stale')).waitFor()
  check((await page.locator('.stale-message').filter({ visible: true }).last().innerText()).includes('已被他人修改'), 'a stale step shows the conflict message')
  check((await actionDialog.locator(`${tid('case-action-field-decision_served_on')} input`).inputValue()) === TODAY, 'and keeps the date typed')
  await shot('serve-stale')
  await actionDialog.locator(tid('case-action-submit')).click()
  await savedOrFail(actionDialog, '送达')
  await expectStep('送达', 6)
  await act('execute')
  await savedOrFail(actionDialog, '执行')
  await expectStep('执行', 7)
  await act('close')
  const execMsg = await refused('execution_completed')
  check(execMsg.includes('不能结案'), `closing before the execution is complete is refused: ${execMsg}`)
  await actionDialog.locator(tid('case-action-execution-completed')).click()
  await actionDialog.locator(tid('case-action-submit')).click()
  await savedOrFail(actionDialog, '结案')
  await expectStep('结案', 8)
  const actions = (await events.locator(tid('case-event-action')).allInnerTexts()).join(' → ')
  check(actions === '立案 → 开始调查 → 提交法制审核 → 告知 → 作出决定 → 送达 → 执行 → 结案', `the timeline: ${actions}`)
  check((await page.locator('[data-testid^="case-act-"]').count()) === 0, 'a closed case offers no further step')
  await shot('case-closed')

  // ---- 5b. the decision (行政处罚决定书) is issued and printed from the 文书 tab ----
  await page.locator(`${tid('case-tabs')} #tab-documents`).click()
  await page.locator(tid('case-documents-panel')).waitFor()
  await page.locator(tid('case-documents-kind')).click()
  await page.locator('.el-select-dropdown__item').filter({ visible: true }).filter({ hasText: /^行政处罚决定书$/ }).click()
  await page.locator(tid('case-documents-basis')).fill('《中华人民共和国食品安全法》第一百二十四条第一款')
  await page.locator(tid('case-documents-generate')).click()
  const docNumber = page.locator(tid('case-documents-number')).first()
  await docNumber.waitFor()
  const number = (await docNumber.innerText()).trim()
  check(/〔\d{4}〕\d+号$/.test(number), `the decision is issued with its number: ${number}`)
  const [printed] = await Promise.all([
    page.context().waitForEvent('page'),
    page.locator(tid('case-documents-print')).first().click(),
  ])
  await printed.waitForLoadState()
  const sheet = await printed.locator('body').innerText()
  check(sheet.includes('行政处罚决定书') && sheet.includes(number) && sheet.includes(PARTY),
    'the print page is the decision with its number and the party')
  check(sheet.includes('伍仟元伍角'), 'the fine is written in Chinese capital numerals (伍仟元伍角)')
  await printed.pdf({ path: `${process.env.JG_E2E_SCREENSHOT_DIR || '/tmp'}/cases-decision.pdf`, format: 'A4' }).catch(() => {})
  await printed.screenshot({ path: `${process.env.JG_E2E_SCREENSHOT_DIR || '/tmp'}/cases-decision.png`, fullPage: true })
  await printed.close()

  // ---- 6. the list and the lead link to the case ----
  await page.locator(tid('nav-cases')).click()
  await page.waitForURL('**/cases')
  const caseRow = page.locator(`${tid('cases-table')} tr.el-table__row`).filter({ hasText: caseNumber })
  await caseRow.waitFor()
  check((await caseRow.locator(tid('case-cell-stage')).innerText()) === '结案', 'the case list shows 结案')
  check((await caseRow.locator(tid('case-cell-party')).innerText()) === PARTY, 'with the party')
  await shot('cases-list')
  await page.goto(`${BASE}/cases/leads`)
  await pickOption(page, tid('leads-filter-status'), 'leads-status-option-filed')
  const filedRow = page.locator(`${tid('leads-table')} tr.el-table__row`).filter({ hasText: DESCRIPTION })
  await filedRow.waitFor()
  check((await filedRow.locator(tid('lead-cell-case')).innerText()) === caseNumber, 'the filed lead links to its case')
  await page.goto(`${BASE}/`)
  await page.locator(tid('home-case-reminders')).waitFor()
  check(true, 'the home page has the 办案期限提醒 card')
  if (lateOverdue) {
    const reminder = page.locator(tid('home-reminder-lead')).filter({ hasText: LATE_PARTY })
    await reminder.waitFor()
    check((await reminder.locator(tid('deadline-countdown')).innerText()).startsWith('已超期'), 'it lists the overdue lead')
    await shot('home')
    await reminder.locator(tid('home-reminder-link')).click()
    await page.waitForURL('**/cases/leads')
    check(true, 'which links to the leads')
  } else {
    await shot('home')
  }
})
