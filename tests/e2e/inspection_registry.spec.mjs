// End-to-end check of the 双随机 registries: the legal department adds an item
// to the 抽查事项清单 and edits it (version history), a stale edit is refused
// with the Chinese conflict message; the admin adds an inspector to the
// 执法检查人员名录库 qualified for that item, with an expired certificate
// (flagged) and declared conflicts of interest (one added twice → refused at the
// field, one withdrawn); the inspector role sees no edit buttons but declares a
// conflict on their own record.
//
//   JG_E2E_BASE_URL=http://127.0.0.1:8099 node tests/e2e/inspection_registry.spec.mjs
//
// Tolerates data left by other specs: the item code, certificate number and
// names are new on every run.
import { BASE, runSpec, tid, makeCreditCode, apiCall, chinaDate, pickOption, fillDate, savedOrFail } from './lib.mjs'

const LETTERS = 'ABCDEFGHJKLMNPQRTUWXY'
const rnd = (n) => Array.from({ length: n }, () => LETTERS[Math.floor(Math.random() * LETTERS.length)]).join('')
const ITEM_CODE = `Z${rnd(2)}-${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`
const ITEM_NAME = `食品经营许可事项检查（测试${ITEM_CODE}）`
const CERT = `31011${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`
const INSPECTOR = `测试检查员${rnd(3)}`
const CONFLICT_A = makeCreditCode('1')
const CONFLICT_B = makeCreditCode('2')

await runSpec('inspection_registry', async ({ page, check, shot, visible, login, logout }) => {
  await page.goto(`${BASE}/login`)
  await login('legal')

  // 1. The legal department adds an item.
  await page.locator(tid('nav-inspection-items')).click()
  await page.waitForURL('**/inspection/items')
  await page.locator(`${tid('items-table')} tr.el-table__row`).first().waitFor()
  check((await page.locator(`${tid('items-table')} tr.el-table__row`).count()) >= 8, 'the seeded items are listed')
  await page.locator(tid('items-create')).click()
  const dialog = visible(tid('item-dialog'))
  await dialog.waitFor()
  await dialog.locator(tid('item-form-code')).fill(ITEM_CODE)
  await dialog.locator(tid('item-form-name')).fill(ITEM_NAME)
  await dialog.locator(tid('item-form-sub_item')).fill('含酒类经营项目')
  await dialog.locator(`${tid('item-form-legal_basis')}`).fill('《中华人民共和国食品安全法》第一百一十条；《食品经营许可和备案管理办法》第四十一条')
  await pickOption(page, `${tid('item-dialog')} ${tid('item-form-field-department_id')} .el-select`, 'dept-option-SPXKK')
  const target = dialog.locator(`${tid('item-form-target')} input`)
  await target.click()
  await target.fill('食品经营者')
  await target.press('Enter')
  await dialog.locator(`${tid('item-form-checklist')}`).fill('许可证是否在有效期内\n经营项目是否与许可一致\n是否超范围经营酒类')
  await pickOption(page, `${tid('item-dialog')} ${tid('item-form-method')}`, 'item-method-option-on_site')
  await pickOption(page, `${tid('item-dialog')} ${tid('item-form-importance')}`, 'item-importance-option-key')
  await shot('item-dialog')
  await dialog.locator(tid('item-form-submit')).click()
  await savedOrFail(dialog, 'the item')
  const row = page.locator(`${tid('items-table')} tr.el-table__row`).filter({ hasText: ITEM_CODE })
  await row.waitFor()
  check((await row.locator(tid('item-cell-name')).innerText()) === ITEM_NAME, 'the new item is listed')
  check((await row.locator(tid('item-cell-importance')).innerText()) === '重点', 'it is a 重点 item')
  check((await row.locator(tid('item-cell-method')).innerText()) === '现场检查', 'method 现场检查')
  check((await row.locator(tid('item-cell-department')).innerText()) === '食品经营许可科', 'inspecting department 食品经营许可科')
  check((await row.locator(tid('item-cell-checklist')).innerText()) === '3 项', 'three checklist points')
  check((await row.locator(tid('item-cell-version')).innerText()) === '1', 'version 1')

  // 2. A duplicate code is refused at the field.
  await page.locator(tid('items-create')).click()
  const dup = visible(tid('item-dialog'))
  await dup.waitFor()
  await dup.locator(tid('item-form-code')).fill(ITEM_CODE)
  await dup.locator(tid('item-form-name')).fill('重复编号')
  await dup.locator(`${tid('item-form-legal_basis')}`).fill('测试')
  await pickOption(page, `${tid('item-dialog')} ${tid('item-form-field-department_id')} .el-select`, 'dept-option-SPXKK')
  const t2 = dup.locator(`${tid('item-form-target')} input`)
  await t2.click()
  await t2.fill('食品经营者')
  await t2.press('Enter')
  await dup.locator(tid('item-form-submit')).click()
  const codeErr = dup.locator(`${tid('item-form-field-code')} .el-form-item__error`)
  const anyErr = dup.locator('.el-form-item__error, .el-alert--error').first()
  await anyErr.waitFor()
  check(await codeErr.isVisible(), `a duplicate code is refused next to 事项编号: ${await anyErr.innerText()}`)
  await shot('item-duplicate-code')
  await dup.locator(tid('item-form-cancel')).click()

  // 3. An edit makes version 2; the history shows what changed.
  await row.locator(tid('item-edit')).click()
  const edit = visible(tid('item-dialog'))
  await edit.waitFor()
  check(await edit.locator(tid('item-form-code')).isDisabled(), 'the code cannot be changed')
  await edit.locator(tid('item-form-requirements')).fill('持有效执法证，熟悉食品经营许可')
  await edit.locator(tid('item-form-submit')).click()
  await savedOrFail(edit, 'the item edit')
  await row.locator(tid('item-cell-version')).filter({ hasText: /^2$/ }).waitFor()
  await row.locator(tid('item-history')).click()
  const drawer = visible(tid('item-history-drawer'))
  await drawer.waitFor()
  await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 2, tid('item-history-version'))
  check((await drawer.locator(tid('item-history-change')).innerText()).includes('检查人员要求'), 'history: version 2 changed 检查人员要求')
  await shot('item-history')
  await drawer.locator('.el-drawer__close-btn').click()

  // 4. A stale edit is refused with the Chinese conflict message.
  await row.locator(tid('item-edit')).click()
  const staleDialog = visible(tid('item-dialog'))
  await staleDialog.waitFor()
  const items = (await apiCall(page, 'GET', '/inspection-items')).body.items
  const it = items.find((x) => x.code === ITEM_CODE)
  const { id, code, version, importance_label, updated_at, updated_by, ...rest } = it
  const other = await apiCall(page, 'PUT', `/inspection-items/${id}`, { ...rest, version, name: `${ITEM_NAME}（已修订）` })
  check(other.status === 200, 'another user saved the item first')
  await staleDialog.locator(tid('item-form-name')).fill(`${ITEM_NAME}（本页）`)
  await staleDialog.locator(tid('item-form-submit')).click()
  const stale = page.locator('.el-message').filter({ hasText: '已被他人修改' })
  await stale.waitFor()
  check(true, `stale edit shows: ${await stale.innerText()}`)
  await row.locator(tid('item-cell-name')).filter({ hasText: '（已修订）' }).waitFor()
  check((await row.locator(tid('item-cell-version')).innerText()) === '3', 'the list shows the other user\'s version 3')
  await shot('item-stale-409')
  check((await page.locator(tid('nav-inspectors')).count()) === 1, 'legal sees the inspector roster in the nav')

  // 5. The admin adds an inspector qualified for the item, certificate expired.
  await logout()
  await login('admin')
  await page.goto(`${BASE}/inspection/inspectors`)
  await page.locator(tid('inspectors-table')).waitFor()
  await page.locator(tid('inspectors-create')).click()
  const idlg = visible(tid('inspector-dialog'))
  await idlg.waitFor()
  await idlg.locator(tid('inspector-form-name')).fill(INSPECTOR)
  await pickOption(page, `${tid('inspector-dialog')} ${tid('inspector-form-field-department_id')} .el-select`, 'dept-option-JQS')
  await pickOption(page, `${tid('inspector-dialog')} ${tid('inspector-form-station')}`, 'inspector-station-option-JQS')
  await idlg.locator(tid('inspector-form-certificate_no')).fill(CERT)
  await fillDate(page, tid('inspector-form-field-certificate_expires'), chinaDate(-1))
  await pickOption(page, `${tid('inspector-dialog')} ${tid('inspector-form-items')}`, `inspector-item-option-${ITEM_CODE}`)
  await idlg.locator('.el-dialog__title').click()
  await shot('inspector-dialog')
  await idlg.locator(tid('inspector-form-submit')).click()
  await savedOrFail(idlg, 'the inspector')
  const irow = page.locator(`${tid('inspectors-table')} tr.el-table__row`).filter({ hasText: CERT })
  await irow.waitFor()
  check((await irow.locator(tid('inspector-cell-name')).innerText()) === INSPECTOR, 'the inspector is listed')
  check((await irow.locator(tid('inspector-cell-station')).innerText()) === '江桥市场监管所', 'station 江桥市场监管所')
  check((await irow.locator(tid('inspector-cell-cert-state')).innerText()) === '已过期', 'the expired certificate is flagged 已过期')
  check((await irow.locator(tid('inspector-cell-items')).innerText()).includes(ITEM_CODE), 'qualified for the new item')

  // Linking to an account another record already has: 409 at the 关联账号 field.
  await irow.locator(tid('inspector-edit')).click()
  const link = visible(tid('inspector-dialog'))
  await link.waitFor()
  await pickOption(page, `${tid('inspector-dialog')} ${tid('inspector-form-user')}`, 'inspector-user-option-inspector')
  await link.locator('.el-dialog__title').click()
  await link.locator(tid('inspector-form-submit')).click()
  const userErr = link.locator(`${tid('inspector-form-field-user_id')} .el-form-item__error`)
  await userErr.waitFor()
  check(true, `an account linked to another inspector is refused at 关联账号: ${await userErr.innerText()}`)
  await link.locator(tid('inspector-form-cancel')).click()

  // Filter by the item: only qualified inspectors.
  await pickOption(page, tid('inspectors-filter-item'), `inspectors-item-option-${ITEM_CODE}`)
  await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 1, `${tid('inspectors-table')} tr.el-table__row`)
  check(true, 'filtering by the new item leaves only this inspector')

  // 6. Declared conflicts: add two, a second declaration for the same entity is refused, withdraw one.
  await irow.locator(tid('inspector-conflicts')).click()
  const cdlg = visible(tid('conflicts-dialog'))
  await cdlg.waitFor()
  for (const [code, reason] of [[CONFLICT_A, '配偶任该企业法定代表人'], [CONFLICT_B, '近两年曾在该主体任职']]) {
    await cdlg.locator(tid('conflict-form-credit_code')).fill(code)
    await cdlg.locator(tid('conflict-form-reason')).fill(reason)
    await cdlg.locator(tid('conflict-form-submit')).click()
    await cdlg.locator(tid('conflict-cell-code')).filter({ hasText: code }).waitFor()
  }
  check((await cdlg.locator(tid('conflict-cell-code')).count()) === 2, 'two conflicts declared')
  await cdlg.locator(tid('conflict-form-credit_code')).fill(CONFLICT_A)
  await cdlg.locator(tid('conflict-form-reason')).fill('重复声明')
  await cdlg.locator(tid('conflict-form-submit')).click()
  const cErr = cdlg.locator('.el-form-item__error, .el-alert--error').first()
  await cErr.waitFor()
  check(true, `a second declaration for the same entity is refused: ${await cErr.innerText()}`)
  await shot('inspector-conflicts')
  const rowA = cdlg.locator('tr.el-table__row').filter({ hasText: CONFLICT_A })
  await rowA.locator(tid('conflict-remove')).click()
  await page.locator('.el-message-box__btns .el-button--primary').click()
  await rowA.waitFor({ state: 'detached' })
  check((await cdlg.locator(tid('conflict-cell-code')).allInnerTexts()).join() === CONFLICT_B, 'after withdrawing one, one conflict is left')
  await cdlg.locator('.el-dialog__headerbtn').click()
  await irow.locator(tid('inspector-conflicts')).filter({ hasText: '1 条' }).waitFor()
  check(true, 'the roster shows 1 declared conflict')
  await shot('inspectors-list')

  // 7. The inspector role reads both registries without edit buttons.
  await logout()
  await login('inspector')
  await page.goto(`${BASE}/inspection/items`)
  await page.locator(`${tid('items-table')} tr.el-table__row`).filter({ hasText: ITEM_CODE }).waitFor()
  check((await page.locator(tid('items-create')).count()) === 0 && (await page.locator(tid('item-edit')).count()) === 0, 'inspector cannot add or edit items')
  check(await page.locator(tid('items-readonly')).isVisible(), 'inspector is told the list is kept by 法制科')
  await page.goto(`${BASE}/inspection/inspectors`)
  await page.locator(`${tid('inspectors-table')} tr.el-table__row`).filter({ hasText: CERT }).waitFor()
  check((await page.locator(tid('inspectors-create')).count()) === 0 && (await page.locator(tid('inspector-edit')).count()) === 0, 'inspector cannot add or edit inspectors')

  // The inspector's own record (赵执法, linked to this account): self-declaration, no withdrawal.
  const self = page.locator(`${tid('inspectors-table')} tr.el-table__row`).filter({ hasText: '赵执法' })
  await self.locator(tid('inspector-conflicts')).click()
  const sdlg = visible(tid('conflicts-dialog'))
  await sdlg.waitFor()
  const own = makeCreditCode('2')
  await sdlg.locator(tid('conflict-form-credit_code')).fill(own)
  await sdlg.locator(tid('conflict-form-reason')).fill('本人亲属经营')
  await sdlg.locator(tid('conflict-form-submit')).click()
  await sdlg.locator(tid('conflict-cell-code')).filter({ hasText: own }).waitFor()
  check(true, 'the inspector declares a conflict on their own record')
  check((await sdlg.locator(tid('conflict-remove')).count()) === 0, 'the inspector cannot withdraw declarations')
  await shot('inspector-self-declaration')
  await sdlg.locator('.el-dialog__headerbtn').click()
  // Someone else's record: read only.
  const otherRow = page.locator(`${tid('inspectors-table')} tr.el-table__row`).filter({ hasText: CERT })
  await otherRow.locator(tid('inspector-conflicts')).click()
  const odlg = visible(tid('conflicts-dialog'))
  await odlg.waitFor()
  check((await odlg.locator(tid('conflict-form')).count()) === 0, 'no declaration form on another inspector\'s record')
})
