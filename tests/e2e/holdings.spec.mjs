// End-to-end check of the 许可证照 pages: a food operation licence (食品经营许可证,
// with the 含酒类 business item) added from an entity's profile through the
// kind-driven dialog, the field-level error for a bad JY number, the licence on
// the profile, in the list (filtered by business item) and in the 即将到期 list
// with its days-left tag; a stale edit refused with the Chinese conflict
// message; and a read-only role without the buttons.
//
//   JG_E2E_BASE_URL=http://127.0.0.1:8099 node tests/e2e/holdings.spec.mjs
//
// Tolerates data left by other specs: the entity, its credit code and the
// licence number are new on every run, and rows are found by them.
import { BASE, runSpec, tid, makeCreditCode, apiCall, chinaDate, pickOption, fillDate, savedOrFail } from './lib.mjs'

const NAME = `嘉定江桥证照测试餐饮店${Math.floor(Math.random() * 1e6)}`
const CODE = makeCreditCode('2')
// JY + business form 2 (餐饮服务) + 13 random digits.
const JY = `JY2${String(Math.floor(Math.random() * 1e13)).padStart(13, '0')}`

await runSpec('holdings', async ({ page, check, shot, visible, login, logout }) => {
  await page.goto(`${BASE}/login`)
  await login('admin')

  // The holder: a 江桥 individual business, made through the API.
  const depts = (await apiCall(page, 'GET', '/departments')).body.items
  const jqs = depts.find((d) => d.code === 'JQS')
  const made = await apiCall(page, 'POST', '/entities', {
    credit_code: CODE, name: NAME, kind: 'individual', legal_representative: '张三', address: '上海市嘉定区江桥镇金沙江西路1号',
    street: '江桥镇', station_id: jqs.id, industry: 'H6210', registered_on: '2020-05-01', status: 'active', risk_class: '', risk_classified_on: '', tags: [],
  })
  check(made.status === 201, `entity ${NAME} created (HTTP ${made.status})`)
  const entityId = made.body.id

  // 1. The profile has a holdings section with an add button.
  await page.goto(`${BASE}/entities/${entityId}`)
  await page.locator(tid('entity-holdings')).waitFor()
  check((await page.locator(tid('entity-holdings')).innerText()).includes('该主体暂无证照'), 'profile: no holdings yet')
  check((await page.locator(tid('entity-registrations')).innerText()).includes('暂无登记注册记录'), 'profile: registration history section is there')
  await page.locator(tid('entity-add-holding')).click()
  const dialog = visible(tid('holding-dialog'))
  await dialog.waitFor()

  // 2. The kind's attributes come from /holding-kinds.
  await pickOption(page, `${tid('holding-dialog')} ${tid('holding-form-kind')}`, 'holding-kind-option-food_operation_licence')
  await dialog.locator(tid('holding-form-field-attr-business_items')).waitFor()
  check((await dialog.locator(tid('holding-form-field-attr-business_items')).innerText()).includes('经营项目'), 'food licence shows its 经营项目 attribute')
  check((await dialog.locator(tid('holding-form-field-attr-business_form')).innerText()).includes('主体业态'), 'food licence shows its 主体业态 attribute')
  check((await dialog.locator(tid('holding-form-legal-basis')).innerText()).includes('食品安全法'), 'the kind\'s legal basis is shown')
  check(await dialog.locator(`${tid('holding-form-entity')} input`).isDisabled(), 'the holder is fixed to the profile\'s entity')

  // 3. A bad JY number: the server's message appears at the field.
  await dialog.locator(tid('holding-form-identifier')).fill('JY4123')
  await fillDate(page, tid('holding-form-field-valid_from'), chinaDate(-355))
  await fillDate(page, tid('holding-form-field-valid_until'), chinaDate(10))
  await pickOption(page, `${tid('holding-dialog')} ${tid('holding-form-attr-business_form')}`, 'holding-attr-option-business_form-餐饮服务经营者')
  await page.keyboard.press('Escape').catch(() => {})
  await pickOption(page, `${tid('holding-dialog')} ${tid('holding-form-attr-business_items')}`, 'holding-attr-option-business_items-热食类食品制售')
  await page.locator(tid('holding-attr-option-business_items-含酒类')).filter({ visible: true }).click()
  await dialog.locator('.el-dialog__title').click()
  await dialog.locator(tid('holding-form-submit')).click()
  const idError = dialog.locator(`${tid('holding-form-field-identifier')} .el-form-item__error`)
  await idError.waitFor()
  check((await idError.innerText()).includes('JY'), `bad licence number is explained at the field: ${await idError.innerText()}`)
  await shot('holding-bad-number')

  // 4. The right number saves.
  await dialog.locator(tid('holding-form-identifier')).fill(JY)
  await shot('holding-dialog')
  await dialog.locator(tid('holding-form-submit')).click()
  await savedOrFail(dialog, 'the holding')
  const profileRow = page.locator(`${tid('entity-holdings-table')} tr.el-table__row`).filter({ hasText: JY })
  await profileRow.waitFor()
  check((await profileRow.locator(tid('holding-cell-kind')).innerText()) === '食品经营许可证', 'profile lists the 食品经营许可证')
  const attrs = await profileRow.locator(tid('holding-cell-attributes')).innerText()
  check(attrs.includes('含酒类') && attrs.includes('热食类食品制售'), `profile shows the business items: ${attrs}`)
  check((await profileRow.locator(tid('holding-cell-status')).innerText()) === '有效', 'status 有效')
  check((await profileRow.locator(tid('holding-cell-valid-until')).innerText()) === chinaDate(10), 'valid until shown')
  check((await profileRow.locator(tid('holding-cell-expiry-state')).innerText()) === '即将到期', 'profile flags it 即将到期')
  await shot('profile-holdings')

  // 5. The 即将到期/已过期 list, with the days left.
  await page.locator(tid('nav-holdings')).click()
  await page.waitForURL('**/holdings')
  await page.locator('.el-tabs__item').filter({ hasText: '即将到期/已过期' }).click()
  const expRow = page.locator(`${tid('holdings-expiring-table')} tr.el-table__row`).filter({ hasText: JY })
  await expRow.waitFor()
  check((await expRow.locator(tid('holding-cell-days-left')).innerText()) === '剩 10 天', `expiring list: ${await expRow.locator(tid('holding-cell-days-left')).innerText()}`)
  check((await expRow.locator(tid('holding-cell-holder')).innerText()) === NAME, 'expiring list names the holder')
  check(page.url().includes('tab=expiring'), 'the tab is kept in the URL')
  await shot('holdings-expiring')

  // 6. The list, filtered by 经营项目 含酒类 and the holder.
  await page.locator('.el-tabs__item').filter({ hasText: '证照列表' }).click()
  await page.locator(tid('holdings-filter-item')).fill('含酒类')
  await page.locator(`${tid('holdings-filter-holder')} input`).fill(NAME.slice(0, 8))
  await page.locator(`[data-testid="entity-pick-option-${CODE}"]`).filter({ visible: true }).click()
  await page.waitForURL((u) => new URL(u).searchParams.get('item') === '含酒类' && new URL(u).searchParams.get('entity_id') === String(entityId))
  const listRow = page.locator(`${tid('holdings-table')} tr.el-table__row`).filter({ hasText: JY })
  await listRow.waitFor()
  await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 1, `${tid('holdings-table')} tr.el-table__row`)
  check(true, 'list filtered by 含酒类 and the holder shows exactly this licence')
  await shot('holdings-list')

  // 7. A stale edit: someone else saves first; ours is refused with the message.
  await listRow.locator(tid('holding-edit')).click()
  const editDialog = visible(tid('holding-dialog'))
  await editDialog.waitFor()
  const current = (await apiCall(page, 'GET', `/holdings?entity_id=${entityId}`)).body.items[0]
  const other = await apiCall(page, 'PUT', `/holdings/${current.id}`, {
    version: current.version, identifier: current.identifier, entity_id: entityId, valid_from: current.valid_from,
    valid_until: chinaDate(20), status: 'valid', attributes: current.attributes,
  })
  check(other.status === 200, 'another user saved the licence first')
  await editDialog.locator(tid('holding-form-submit')).click()
  const stale = page.locator('.el-message').filter({ hasText: '已被他人修改' })
  await stale.waitFor()
  check((await stale.innerText()).includes('已载入最新版本'), `the stale edit shows the Chinese conflict message: ${await stale.innerText()}`)
  await listRow.locator(tid('holding-cell-valid-until')).filter({ hasText: chinaDate(20) }).waitFor()
  check(true, 'the list reloaded the other user\'s version')
  await shot('holding-stale-409')

  // 8. The inspector role reads but has no add/edit buttons.
  await logout()
  await login('inspector')
  await page.goto(`${BASE}/entities/${entityId}`)
  await page.locator(`${tid('entity-holdings-table')} tr.el-table__row`).filter({ hasText: JY }).waitFor()
  check((await page.locator(tid('entity-add-holding')).count()) === 0, 'inspector has no 新增证照 on the profile')
  check((await page.locator(tid('holding-edit')).count()) === 0, 'inspector has no 编辑 on holdings')
  await page.goto(`${BASE}/holdings`)
  await page.locator(tid('holdings-table')).waitFor()
  check((await page.locator(tid('holdings-create')).count()) === 0, 'inspector has no 新增证照 on the list')
})
