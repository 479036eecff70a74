// End-to-end check of the market-entity directory (市场主体名录) pages:
// batch import (a refused file, then a good one), search, CSV export, the
// profile, an edit and its history, and a station's staff scope.
//
//   JG_E2E_BASE_URL=http://127.0.0.1:8099 JG_E2E_SCREENSHOT_DIR=/tmp/shots \
//     node tests/e2e/directory.spec.mjs          (or: node tests/e2e/run-all.mjs)
//
// Needs the demo accounts (admin, jqstaff; password Jianguan2024) and the
// Jiading departments. Tolerates data left by earlier runs or other specs:
// credit codes are random per run and counts are compared with a baseline.
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { BASE, runSpec, tid, makeCreditCode, breakCreditCode, toCsv, settledText } from './lib.mjs'

const HEADINGS = ['统一社会信用代码', '名称', '主体类型', '法定代表人', '住所', '街镇', '管辖所', '行业代码', '成立日期', '登记状态', '信用风险分类', '分类日期', '标签']
const COOP = '上海马陆葡萄专业合作社'
const SHOP = '嘉定江桥某某食品店'
const FOOD = '南翔小笼包餐饮有限公司'
const EXTRA = '嘉定江桥新开便利店'
const NEW_ADDRESS = '上海市嘉定区马陆镇大裕村葡萄园路88号'

const codes = { coop: makeCreditCode('3'), shop: makeCreditCode('2'), food: makeCreditCode('1'), extra: makeCreditCode('2') }

function rowsFor(shopCode) {
  return [
    HEADINGS,
    [codes.coop, COOP, '农民专业合作社', '陈葡萄', '上海市嘉定区马陆镇大裕村1号', '马陆镇', 'MLS', 'A0151', '2010-06-18', '存续', 'A', '2024-03-01', '重点监管；农产品'],
    [shopCode, SHOP, '个体工商户', '李四', '上海市嘉定区江桥镇华江路2号', '江桥镇', '江桥市场监管所', 'F5223', '2019-01-02', '存续', 'B', '2024-03-01', '食品经营'],
    [codes.food, FOOD, '企业', '王五', '上海市嘉定区南翔镇古猗园路3号', '南翔镇', 'NXS', 'H6210', '2005-07-07', '存续', 'C', '2024-05-20', '重点监管;小餐饮'],
  ]
}

await runSpec('directory', async ({ page, context, check, shot, visible, login, logout }) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'jg-e2e-dir-'))
  const badFile = path.join(dir, 'entities-bad.csv')
  const goodFile = path.join(dir, 'entities-good.csv')
  writeFileSync(badFile, toCsv(rowsFor(breakCreditCode(codes.shop))))
  writeFileSync(goodFile, toCsv(rowsFor(codes.shop)))

  // Server state read through the signed-in page (GET needs no CSRF token).
  const apiTotal = (params) =>
    page.evaluate(async (qs) => {
      const r = await fetch(`/api/v1/entities?${qs}`, { credentials: 'same-origin' })
      if (!r.ok) throw new Error(`GET /entities?${qs}: HTTP ${r.status}`)
      return (await r.json()).total
    }, new URLSearchParams(params).toString())
  const listRows = () => page.locator(`${tid('entities-table')} tr.el-table__row`)
  const listTotal = async () => {
    const text = await page.locator(`${tid('entities-pagination')} .el-pagination__total`).innerText()
    return Number((text.match(/\d+/) || ['NaN'])[0])
  }
  const waitListLoaded = async () => {
    await page.locator(tid('entities-table')).waitFor()
    await page.locator(`${tid('entities-table')} .el-loading-mask`).waitFor({ state: 'hidden' }).catch(() => {})
  }
  const download = async (trigger) => {
    const [d] = await Promise.all([page.waitForEvent('download'), trigger()])
    const file = path.join(dir, d.suggestedFilename() || 'download.csv')
    await d.saveAs(file)
    return { name: d.suggestedFilename(), text: readFileSync(file, 'utf8') }
  }

  try {
    // 1. Admin sees the module with both pages.
    await page.goto(`${BASE}/login`)
    await login('admin')
    await page.locator(tid('nav-group-directory')).waitFor()
    check(await page.locator(tid('nav-entities')).isVisible(), 'admin sees 名录查询 under 市场主体名录')
    check(await page.locator(tid('nav-entity-import')).isVisible(), 'admin sees 批量导入')
    const baseTotal = await apiTotal({})
    const baseMalu = await apiTotal({ q: '马陆' })
    if (baseTotal > 0) console.log(`  note: directory not empty (${baseTotal} entities, ${baseMalu} named 马陆…), comparing with that`)

    // 2. The import page: help text and a client-side template.
    await page.locator(tid('nav-entity-import')).click()
    await page.waitForURL('**/entities/import')
    const help = await page.locator(tid('import-help')).innerText()
    check(help.includes('统一社会信用代码') && help.includes('管辖所') && help.includes('全部校验通过才会导入'), 'import help lists the headings and the all-or-nothing rule')
    const template = await download(() => page.locator(tid('import-template')).click())
    check(template.text.replace(/^\uFEFF/, '').startsWith(HEADINGS.join(',')), `template ${template.name} starts with the accepted headings`)
    await shot('import-page')

    // 3. A file with one bad credit code is refused as a whole.
    await page.locator(tid('import-file')).setInputFiles(badFile)
    check((await page.locator(tid('import-file-name')).innerText()).includes('entities-bad.csv'), 'chosen file name is shown')
    await page.locator(tid('import-run')).click()
    await page.locator(tid('import-errors-table')).waitFor()
    const errRows = page.locator(`${tid('import-errors-table')} tr.el-table__row`)
    check((await errRows.count()) === 1, 'error table lists exactly one error')
    check((await errRows.first().locator(tid('import-error-row')).innerText()) === '3', 'error names file row 3 (the 江桥 shop)')
    check((await errRows.first().locator(tid('import-error-column')).innerText()) === '统一社会信用代码', 'error names column 统一社会信用代码')
    check((await errRows.first().locator(tid('import-error-value')).innerText()) === breakCreditCode(codes.shop), 'error shows the bad value')
    check((await errRows.first().locator(tid('import-error-reason')).innerText()).includes('校验码'), 'reason explains the check character')
    check((await page.locator(tid('import-rejected-message')).innerText()).includes('未导入任何数据'), 'message says nothing was imported')
    check((await page.locator(tid('import-result')).count()) === 0, 'no success result is shown')
    const report = await download(() => page.locator(tid('import-download-errors')).click())
    check(report.text.includes('行号,列,值,原因') && report.text.includes(breakCreditCode(codes.shop)), 'downloaded error report has the heading and the bad code')
    await shot('import-refused')

    // 4. Nothing was written.
    await page.locator(tid('nav-entities')).click()
    await page.waitForURL('**/entities')
    await waitListLoaded()
    check((await listTotal()) === baseTotal, `directory still holds ${baseTotal} entities after the refused file`)
    if (baseTotal === 0) check((await page.locator(tid('entities-table')).innerText()).includes('没有符合条件的市场主体'), 'directory list is empty')
    check((await apiTotal({ credit_code: codes.coop })) === 0, 'the refused file\'s good rows were not written either')
    await shot('directory-empty')

    // 5. The good file: check first, then import.
    await page.locator(tid('nav-entity-import')).click()
    await page.waitForURL('**/entities/import')
    await page.locator(tid('import-file')).setInputFiles(goodFile)
    await page.locator(tid('import-dry-run')).click()
    await page.locator(tid('import-result')).waitFor()
    check((await page.locator(tid('import-result-message')).innerText()).includes('尚未写入'), 'dry run says nothing was written yet')
    check((await page.locator(tid('import-result-rows')).innerText()) === '3', 'dry run counted 3 rows')
    check((await page.locator(tid('import-result-inserted')).count()) === 0, 'dry run shows no insert/update counts')
    check((await apiTotal({ credit_code: codes.coop })) === 0, 'dry run wrote nothing')
    await page.locator(tid('import-run')).click()
    await page.locator(tid('import-result-message')).filter({ hasText: '导入完成' }).waitFor()
    check((await page.locator(tid('import-result-inserted')).innerText()) === '3', 'import inserted 3 entities')
    check((await page.locator(tid('import-result-updated')).innerText()) === '0', 'import updated 0 entities')
    check((await page.locator(tid('import-result-encoding')).innerText()).toUpperCase().includes('UTF-8'), 'encoding reported as UTF-8')
    check((await page.locator(tid('import-rejected')).count()) === 0, 'no error table after a good import')
    await shot('import-done')

    // 6. Search 马陆: filters go into the URL and survive a reload.
    await page.locator(tid('nav-entities')).click()
    await page.waitForURL('**/entities')
    await waitListLoaded()
    check((await listTotal()) === baseTotal + 3, `directory now holds ${baseTotal + 3} entities`)
    await page.locator(`${tid('entities-search-q')}`).fill('马陆')
    await page.locator(tid('entities-search')).click()
    await page.waitForURL((u) => new URL(u).searchParams.get('q') === '马陆')
    await waitListLoaded()
    await page.locator(tid('entity-cell-name')).filter({ hasText: COOP }).first().waitFor()
    check((await listTotal()) === baseMalu + 1, `search 马陆 finds ${baseMalu + 1} (one new)`)
    if (baseMalu === 0) {
      check((await listRows().count()) === 1, 'search 马陆 shows exactly one row')
    } else {
      // Not a fresh directory: narrow to this run's code to look at exactly our row.
      await page.locator(`${tid('entities-search-credit-code')}`).fill(codes.coop)
      await page.locator(tid('entities-search')).click()
      await page.waitForURL((u) => new URL(u).searchParams.get('credit_code') === codes.coop)
      await waitListLoaded()
      await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 1, `${tid('entities-table')} tr.el-table__row`)
    }
    const coopRow = listRows().filter({ has: page.locator(tid('entity-cell-credit-code'), { hasText: codes.coop }) })
    check((await coopRow.count()) === 1, 'the row is this run\'s cooperative')
    check((await coopRow.locator(tid('entity-cell-name')).innerText()) === COOP, `row name is ${COOP}`)
    check((await coopRow.locator(tid('entity-cell-kind')).innerText()) === '农民专业合作社', 'row kind is 农民专业合作社')
    check((await coopRow.locator(tid('entity-cell-station')).innerText()) === '马陆市场监管所', 'row station is 马陆市场监管所')
    check((await coopRow.locator(tid('entity-cell-risk')).innerText()) === 'A', 'row risk class is A')
    check(await coopRow.locator(`${tid('entity-cell-risk')}.el-tag--success`).isVisible(), 'risk A is a green tag')
    check((await coopRow.locator(tid('entity-cell-status')).innerText()) === '存续', 'row status is 存续')
    check((await coopRow.locator(tid('entity-cell-tags')).innerText()).includes('重点监管'), 'row tags include 重点监管')
    await shot('search-malu')

    const searchUrl = page.url()
    await page.reload()
    await waitListLoaded()
    check((await page.locator(`${tid('entities-search-q')}`).inputValue()) === '马陆', 'after reload the search box still holds 马陆')
    await coopRow.waitFor()
    check(new URL(page.url()).search === new URL(searchUrl).search, 'after reload the URL keeps the filters')

    // Export honours the filters.
    const exported = await download(() => page.locator(tid('entities-export')).click())
    check(exported.text.startsWith('\uFEFF统一社会信用代码,名称'), 'export is UTF-8 with BOM and Chinese headings')
    check(exported.text.includes(codes.coop) && !exported.text.includes(codes.food), 'export holds the 马陆 cooperative and not the 南翔 company')
    const workbook = await download(() => page.locator(tid('entities-export-xlsx')).click())
    check(workbook.name.endsWith('.xlsx') && workbook.text.startsWith('PK\u0003\u0004'), '导出 Excel downloads an .xlsx workbook')

    // 7. The profile.
    await coopRow.locator(tid('entity-cell-name')).click()
    await page.waitForURL(/\/entities\/\d+$/)
    const coopUrl = page.url()
    await page.locator(tid('entity-identity')).waitFor()
    check((await page.locator(tid('entity-title')).innerText()) === COOP, 'profile title is the cooperative')
    check((await page.locator(tid('entity-field-credit_code')).innerText()) === codes.coop, 'profile shows the credit code')
    check((await page.locator(tid('entity-field-kind')).innerText()) === '农民专业合作社', 'profile shows 主体类型')
    // The station's name comes with the department list, which may load after the entity.
    const coopStation = await settledText(page.locator(tid('entity-field-station_id')), '马陆市场监管所')
    check(coopStation.trim() === '马陆市场监管所', `profile shows 管辖所 by name: ${coopStation}`)
    check((await page.locator(tid('entity-field-industry')).innerText()) === 'A0151', 'profile shows 行业代码')
    check((await page.locator(tid('entity-field-registered_on')).innerText()) === '2010-06-18', 'profile shows 成立日期')
    const tags = await page.locator(tid('entity-field-tags')).innerText()
    check(tags.includes('重点监管') && tags.includes('农产品'), 'profile shows both tags (full-width ； separated in the file)')
    check((await page.locator(tid('entity-field-version')).innerText()) === '1', 'profile shows version 1')
    check((await page.locator(tid('history-item')).count()) === 1, 'history has one version before the edit')
    await shot('profile')

    // 8. Edit the address.
    await page.locator(tid('entity-edit')).click()
    const dialog = visible(tid('entity-dialog'))
    await dialog.waitFor()
    const addressInput = dialog.locator(`${tid('entity-form-address')}`)
    check((await addressInput.inputValue()) === '上海市嘉定区马陆镇大裕村1号', 'edit form is filled with the current address')
    await addressInput.fill(NEW_ADDRESS)
    await shot('edit-dialog')
    await dialog.locator(tid('entity-form-submit')).click()
    const formErr = dialog.locator('.el-form-item__error, [data-testid="entity-form-error"]')
    await Promise.race([
      dialog.waitFor({ state: 'hidden' }),
      formErr.first().waitFor().then(async () => {
        throw new Error(`saving the entity failed: ${(await formErr.allInnerTexts()).join('; ')}`)
      }),
    ])
    await page.locator(tid('entity-field-version')).filter({ hasText: /^2$/ }).waitFor()
    check((await page.locator(tid('entity-field-address')).innerText()) === NEW_ADDRESS, 'profile shows the new address')
    await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 2, tid('history-item'))
    const items = page.locator(tid('history-item'))
    check((await items.count()) === 2, 'history shows 2 versions')
    const newest = items.nth(0)
    const oldest = items.nth(1)
    check((await newest.locator(tid('history-item-version')).innerText()).includes('2'), 'newest history entry is version 2')
    check((await newest.locator(tid('history-item-source')).innerText()) === '编辑', 'version 2 source is 编辑')
    check((await newest.locator(tid('history-item-by')).innerText()).includes('admin') || (await newest.locator(tid('history-item-by')).innerText()).includes('系统管理员'), 'version 2 names the admin')
    const changed = await newest.locator(tid('history-change-field')).allInnerTexts()
    check(changed.length === 1 && changed[0] === '住所', `version 2 changed exactly 住所 (got ${changed.join(',')})`)
    check((await newest.locator(tid('history-change')).innerText()).includes(NEW_ADDRESS), 'the change shows the new address')
    check((await oldest.locator(tid('history-item-source')).innerText()) === '导入', 'version 1 source is 导入')
    await shot('profile-edited')

    // 9. jqstaff (江桥所) may edit 江桥 entities only.
    await logout()
    await login('jqstaff')
    check((await page.locator(tid('nav-entity-import')).count()) === 0, 'jqstaff has no 批量导入 nav item')
    await page.goto(coopUrl)
    await page.locator(tid('entity-identity')).waitFor()
    check((await page.locator(tid('entity-title')).innerText()) === COOP, 'jqstaff can read the 马陆 cooperative')
    check((await page.locator(tid('entity-field-address')).innerText()) === NEW_ADDRESS, 'jqstaff sees the edited address')
    check((await page.locator(tid('entity-edit')).count()) === 0, 'jqstaff has no 编辑 button on another station\'s entity')
    check((await page.locator(tid('entity-readonly')).innerText()).includes('不属于本部门管辖'), 'jqstaff is told the entity is outside their scope')
    await shot('jqstaff-other-station')

    // jqstaff adds an entity: the server's GB 32100 message appears at the field.
    await page.goto(`${BASE}/entities?credit_code=${codes.shop}`)
    await waitListLoaded()
    await page.locator(tid('entity-cell-name')).filter({ hasText: SHOP }).waitFor()
    check((await page.locator(tid('entities-create')).count()) === 1, 'jqstaff has 新增主体 (for 江桥所)')
    await page.locator(tid('entities-create')).click()
    const createDialog = visible(tid('entity-dialog'))
    await createDialog.waitFor()
    await createDialog.locator(tid('entity-form-credit_code')).fill(breakCreditCode(codes.extra))
    await createDialog.locator(tid('entity-form-name')).fill(EXTRA)
    await createDialog.locator(tid('entity-form-street')).fill('江桥镇')
    await createDialog.locator(tid('entity-form-submit')).click()
    const codeError = createDialog.locator(`${tid('entity-form-field-credit_code')} .el-form-item__error`)
    await codeError.waitFor()
    check((await codeError.innerText()).includes('校验码'), `bad credit code is explained next to the field: ${await codeError.innerText()}`)
    await shot('jqstaff-create-bad-code')
    await createDialog.locator(tid('entity-form-credit_code')).fill(codes.extra)
    await createDialog.locator(tid('entity-form-submit')).click()
    await page.waitForURL(/\/entities\/\d+$/)
    await page.locator(tid('entity-title')).filter({ hasText: EXTRA }).waitFor()
    const stationText = await settledText(page.locator(tid('entity-field-station_id')), '江桥市场监管所')
    check(stationText.trim() === '江桥市场监管所', `new entity defaults to jqstaff's station 江桥市场监管所: ${stationText}`)
    check((await page.locator(tid('history-item-source')).allInnerTexts()).join() === '新建', 'new entity history: one version, source 新建')

    // Own station: 编辑 is offered; two tabs saving the same version → 409 handled.
    await page.goto(`${BASE}/entities?credit_code=${codes.shop}`)
    await waitListLoaded()
    const shopLink = page.locator(tid('entity-cell-name')).filter({ hasText: SHOP })
    await shopLink.click()
    await page.waitForURL(/\/entities\/\d+$/)
    const shopUrl = page.url()
    await page.locator(tid('entity-identity')).waitFor()
    const shopStation = await settledText(page.locator(tid('entity-field-station_id')), '江桥市场监管所')
    check(shopStation.trim() === '江桥市场监管所', `the shop is in 江桥市场监管所: ${shopStation}`)
    check(await page.locator(tid('entity-edit')).isVisible(), 'jqstaff has 编辑 on an entity of their own station')
    await shot('jqstaff-own-station')

    await page.locator(tid('entity-edit')).click()
    const staleDialog = visible(tid('entity-dialog'))
    await staleDialog.waitFor()
    await staleDialog.locator(tid('entity-form-legal_representative')).fill('李四（本页）')
    const page2 = await context.newPage()
    await page2.goto(shopUrl)
    await page2.locator(tid('entity-edit')).click()
    const dialog2 = page2.locator(tid('entity-dialog')).filter({ visible: true })
    await dialog2.waitFor()
    await dialog2.locator(tid('entity-form-legal_representative')).fill('李四（另一页）')
    await dialog2.locator(tid('entity-form-submit')).click()
    await page2.locator(tid('entity-field-version')).filter({ hasText: /^2$/ }).waitFor()
    await page2.close()
    await staleDialog.locator(tid('entity-form-submit')).click()
    await page.locator('.el-message').filter({ hasText: '已被他人修改' }).waitFor()
    check(true, 'saving a stale version shows 已被他人修改')
    await page.locator(tid('entity-field-version')).filter({ hasText: /^2$/ }).waitFor()
    check((await page.locator(tid('entity-field-legal_representative')).innerText()) === '李四（另一页）', 'after the 409 the page shows the other tab\'s version')
    await shot('jqstaff-stale-409')

    // The import page itself is admin-only.
    await page.goto(`${BASE}/entities/import`)
    await page.locator(tid('home-page')).waitFor()
    check((await page.locator(tid('import-file')).count()) === 0, 'jqstaff opening /entities/import is sent home')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
