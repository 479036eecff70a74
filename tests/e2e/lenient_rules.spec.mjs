// The lenient-treatment rules (免罚清单) in the UI: the legal department adds
// a rule, edits it with a reason (a further condition), reads the history with
// the change, and retires it; staff see the list but no edit button. The rule
// is new on every run, so the shipped rules the other specs cite stay as they are.
//
//   JG_E2E_BASE_URL=http://127.0.0.1:8099 node tests/e2e/lenient_rules.spec.mjs
import { BASE, runSpec, tid, savedOrFail } from './lib.mjs'

const ID = `JDT-${String(Math.floor(Math.random() * 900) + 100)}`

await runSpec('lenient_rules', async ({ page, check, shot, login, logout }) => {
  await page.goto(`${BASE}/login`)
  await login('legal')
  await page.goto(`${BASE}/cases/lenient-rules`)
  await page.locator(tid('lenient-cell-id')).filter({ hasText: 'SH-01' }).waitFor()
  check(true, 'the shipped list is shown (SH-01)')

  // ---- a new rule ----
  await page.locator(tid('lenient-create')).click()
  const dialog = page.locator(tid('lenient-dialog')).filter({ visible: true })
  await dialog.locator(tid('lenient-form-id')).fill(ID)
  await dialog.locator(tid('lenient-form-list')).fill('嘉定区局补充清单（浏览器测试）')
  await dialog.locator(tid('lenient-form-law')).fill('《中华人民共和国产品质量法》')
  await dialog.locator(tid('lenient-form-article')).fill('第二十七条')
  await dialog.locator(tid('lenient-form-conduct')).fill('产品标识不规范，初次违法')
  await dialog.locator(tid('lenient-fact-first_violation')).click()
  await dialog.locator(tid('lenient-form-basis')).fill('《中华人民共和国行政处罚法》第三十三条第一款')
  await dialog.locator(tid('lenient-form-submit')).click()
  await dialog.locator('.el-form-item__error').filter({ hasText: '必填' }).first().waitFor()
  check(true, 'saving without a reason is refused next to the field')
  await dialog.locator(tid('lenient-form-reason')).fill('局务会审议通过')
  await dialog.locator(tid('lenient-form-submit')).click()
  await savedOrFail(dialog, 'the new rule')
  await page.locator(tid('lenient-filter')).fill(ID)
  const row = page.locator('.el-table__row').filter({ hasText: ID })
  await row.waitFor()
  check((await row.locator(tid('lenient-cell-version')).innerText()) === '1', `${ID} is listed at version 1`)

  // ---- an edit with its reason ----
  await row.locator(tid('lenient-edit')).click()
  await dialog.locator(tid('lenient-fact-corrected_in_time')).click()
  await dialog.locator(tid('lenient-form-reason')).fill('补充及时改正条件')
  await dialog.locator(tid('lenient-form-submit')).click()
  await savedOrFail(dialog, 'the edit')
  await row.locator(tid('lenient-cell-version')).filter({ hasText: '2' }).waitFor()
  const conditions = await row.locator(tid('lenient-cell-conditions')).innerText()
  check(conditions.includes('初次违法') && conditions.includes('及时改正'), `the edit shows both conditions: ${conditions}`)

  await row.locator(tid('lenient-history')).click()
  const drawer = page.locator(tid('lenient-history-drawer'))
  await drawer.locator(tid('lenient-history-version')).nth(1).waitFor()
  check((await drawer.locator(tid('lenient-history-version')).count()) === 2, 'the history has two versions')
  const reasons = await drawer.locator(tid('lenient-history-reason')).allInnerTexts()
  check(reasons[0].includes('补充及时改正条件') && reasons[1].includes('局务会审议通过'), 'each version shows its reason, newest first')
  const change = await drawer.locator(tid('lenient-history-change')).first().innerText()
  check(change.includes('适用条件') && change.includes('及时改正'), `the change is spelt out: ${change}`)
  await shot('history')
  await page.keyboard.press('Escape')
  await drawer.waitFor({ state: 'hidden' })

  // ---- retire it ----
  await row.locator(tid('lenient-edit')).click()
  await dialog.locator(tid('lenient-form-retired')).click()
  await dialog.locator(tid('lenient-form-reason')).fill('测试结束停用')
  await dialog.locator(tid('lenient-form-submit')).click()
  await savedOrFail(dialog, 'the retirement')
  await row.waitFor({ state: 'detached' })
  await page.locator(tid('lenient-show-retired')).click()
  await row.locator(tid('lenient-cell-retired')).waitFor()
  check(true, 'a retired rule leaves the list and comes back, marked, with 显示已停用规则')

  // ---- staff read, without editing ----
  await logout()
  await login('jqstaff')
  await page.goto(`${BASE}/cases/lenient-rules`)
  await page.locator(tid('lenient-cell-id')).first().waitFor()
  check((await page.locator(tid('lenient-edit')).count()) === 0 && (await page.locator(tid('lenient-create')).count()) === 0,
    'staff see the rules without edit or create buttons')
})
