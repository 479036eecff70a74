// The print page of an issued case document (文书) in Chromium: a case is
// filed through the API, a 立案审批表 issued, and its page opened as a user
// would from CaseDocumentsPanel: the escaped party name shows as text, the
// print button works without inline script (the page's CSP forbids it) and is
// hidden when printing, and the page is A4.
import { BASE, apiCall, chinaDate, makeCreditCode, runSpec } from './lib.mjs'

await runSpec('case-documents', async (t) => {
  const { page, check, shot } = t
  await page.goto(`${BASE}/login`)
  await t.login('admin')

  const me = (await apiCall(page, 'GET', '/auth/me')).body.user
  const today = chinaDate()
  const stamp = Date.now().toString().slice(-6)
  const party = `文书<测试>&商店${stamp}`
  const entity = await apiCall(page, 'POST', '/entities', {
    credit_code: makeCreditCode(), name: party, legal_representative: '王<五>', address: '上海市嘉定区测试路1号',
  })
  check(entity.status === 201, `entity created (${entity.status})`)
  const officers = []
  for (const n of [1, 2]) {
    const r = await apiCall(page, 'POST', '/inspectors', {
      name: `文书办案人${n}`, department_id: me.department_id, certificate_no: `文书证-${stamp}-${n}`, certificate_expires: '2030-12-31',
    })
    check(r.status === 201, `officer ${n} registered (${r.status})`)
    officers.push(r.body.id)
  }
  const lead = await apiCall(page, 'POST', '/leads', {
    source: 'complaint', entity_id: entity.body.id, description: '销售超过保质期的食品<b>加粗</b>', found_on: today, department_id: me.department_id,
  })
  check(lead.status === 201, `lead recorded (${lead.status})`)
  const filed = await apiCall(page, 'POST', `/leads/${lead.body.id}/file`, {
    version: 1, on: today, officer_ids: officers, violated_law: '《中华人民共和国食品安全法》', violated_article: '第三十四条',
  })
  check(filed.status === 201, `case filed (${filed.status})`)
  const refused = await apiCall(page, 'POST', `/cases/${filed.body.id}/documents`, { kind: 'penalty_decision' })
  check(refused.status === 422 && refused.body.code === 'document_not_applicable' && refused.body.field === 'decision',
    `a decision document is refused before the decision, naming the field (${refused.status} ${refused.body.field})`)
  const doc = await apiCall(page, 'POST', `/cases/${filed.body.id}/documents`, { kind: 'filing_approval' })
  check(doc.status === 201 && /^沪市监嘉立〔\d{4}〕\d+号$/.test(doc.body.number), `filing approval issued as ${doc.body.number}`)

  const print = await t.context.newPage()
  print.on('pageerror', (e) => t.problems.push(`print page error: ${e.message}`))
  print.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) t.problems.push(`CSP violation: ${m.text()}`)
  })
  await print.goto(`${BASE}/api/v1/case-documents/${doc.body.id}/print`)
  check((await print.locator('h1').innerText()).includes('立案审批表'), 'the page is titled 立案审批表')
  check((await print.locator('.number').innerText()) === doc.body.number, 'the page shows the number')
  const text = await print.locator('body').innerText()
  check(text.includes(party) && text.includes('王<五>') && text.includes('<b>加粗</b>'), 'party, representative and facts show as text, escaped')
  check((await print.locator('b').count()) === 0, 'no markup from the data reached the page')
  check(await print.locator('#print').isVisible(), 'the print button shows on screen')
  const called = await print.evaluate(() => new Promise((resolve) => {
    window.print = () => resolve(true)
    document.getElementById('print').click()
    setTimeout(() => resolve(false), 2000)
  }))
  check(called, 'the print button calls window.print (script served as a file)')
  await print.setViewportSize({ width: 900, height: 1200 })
  await print.screenshot({ path: `${process.env.JG_E2E_SCREENSHOT_DIR || '/tmp'}/case-documents-print-screen.png`, fullPage: true })
  await print.emulateMedia({ media: 'print' })
  check(!(await print.locator('#print').isVisible()), 'the print button is hidden when printing')
  const pdf = await print.pdf({ format: 'A4' })
  check(pdf.length > 1000, `the page prints to an A4 PDF (${pdf.length} bytes)`)
  await print.close()
  await shot('after-print')
})
