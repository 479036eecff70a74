// End-to-end check of the web front-end against a running jianguan server.
//
//   JG_E2E_BASE_URL=http://127.0.0.1:8099 JG_E2E_SCREENSHOT_DIR=/tmp/shots \
//     node tests/e2e/login_admin.spec.mjs        (or: cd web && npm run test:e2e)
//
// Expects the demo accounts (password Jianguan2024); on a database where an
// earlier run left e2e.user behind it picks fresh usernames. Exits non-zero
// with a message on the first failed check. Helpers: ./lib.mjs.
import { BASE, runSpec, tid } from './lib.mjs'

const NEW_PASSWORD = 'E2eCheck2024pw'
const XSS = '<img src=x onerror=window.__xss=1>'

let page, check, shot, visible, login

function userRow(username) {
  // The username cell holds exactly the username; match it exactly so that
  // e2e.user does not also match e2e.user2.
  return page
    .locator(`${tid('users-table')} tr.el-table__row`)
    .filter({ has: page.locator(tid('user-cell-username'), { hasText: new RegExp(`^${username.replace(/\./g, '\\.')}$`) }) })
}

async function createUser({ username, displayName, role, deptCode }) {
  await page.locator(tid('users-create')).click()
  const dialog = visible(tid('user-dialog'))
  await dialog.waitFor()
  await dialog.locator(tid('user-form-username')).fill(username)
  await dialog.locator(tid('user-form-display-name')).fill(displayName)
  await dialog.locator(tid('user-form-password')).fill(NEW_PASSWORD)
  await dialog.locator(tid('user-form-role')).click()
  await visible(tid(`role-option-${role}`)).click()
  await dialog.locator(tid('user-form-dept')).click()
  await visible(tid(`dept-option-${deptCode}`)).click()
  // Let the drop-down finish closing so the screenshot shows the filled form.
  await visible('.el-select__popper').first().waitFor({ state: 'hidden' })
  await shot(`create-${username}-filled`)
  await dialog.locator(tid('user-form-submit')).click()
  const err = dialog.locator('.el-form-item__error, [data-testid="user-form-error"]')
  // Either the dialog closes (success) or it shows an error: fail with that error.
  await Promise.race([
    dialog.waitFor({ state: 'hidden' }),
    err.first().waitFor().then(async () => {
      throw new Error(`creating ${username} failed: ${(await err.allInnerTexts()).join('; ')}`)
    }),
  ])
  await userRow(username).waitFor()
}

await runSpec('login_admin', async (t) => {
  ;({ page, check, shot, visible, login } = t)
  // 1. Unauthenticated visit lands on the login page.
  await page.goto(`${BASE}/`)
  await page.locator(tid('login-username')).waitFor()
  check(new URL(page.url()).pathname === '/login', 'anonymous visit redirects to /login')
  await shot('login-page')

  // 2. A wrong password shows the server's Chinese message.
  await page.locator(tid('login-username')).fill('admin')
  await page.locator(tid('login-password')).fill('wrong-password-1')
  await page.locator(tid('login-submit')).click()
  const loginError = page.locator(tid('login-error'))
  await loginError.waitFor()
  check((await loginError.innerText()).includes('用户名或密码错误'), 'wrong password shows 用户名或密码错误')

  // 3. Admin logs in.
  await login('admin')
  check((await page.locator(tid('header-user-name')).innerText()) === '系统管理员', 'admin logged in, header shows 系统管理员')
  check((await page.locator(tid('header-title')).innerText()).includes('监管平台'), 'header shows the platform name')
  await page.locator(tid('home-welcome')).waitFor()
  await shot('admin-home')

  // 4. 用户管理.
  await page.locator(tid('nav-users')).click()
  await page.waitForURL('**/system/users')
  await userRow('admin').waitFor()
  check(await page.locator(tid('users-create')).isVisible(), 'admin sees 新建用户')
  await shot('users-list')

  // Re-running against the same database: pick fresh usernames.
  let username = 'e2e.user'
  let xssUsername = 'e2e.xss'
  if ((await userRow(username).count()) > 0) {
    const suffix = Date.now().toString(36)
    username = `e2e.user.${suffix}`
    xssUsername = `e2e.xss.${suffix}`
    console.log(`  note: e2e.user exists already (database not fresh), using ${username}`)
  }

  // 5. Create the inspector of 江桥所 through the dialog.
  await createUser({ username, displayName: '端到端', role: 'inspector', deptCode: 'JQS' })
  const row = userRow(username)
  check((await row.locator(tid('user-cell-display-name')).innerText()) === '端到端', `${username} listed with 姓名 端到端`)
  check((await row.locator(tid('user-cell-role')).innerText()) === '执法检查人员', `${username} listed with role 执法检查人员`)
  check((await row.locator(tid('user-cell-department')).innerText()) === '江桥市场监管所', `${username} listed in 江桥市场监管所`)
  check((await row.locator(tid('user-cell-status')).innerText()).includes('启用'), `${username} listed as 启用`)
  await shot('user-created')

  // 6. Stored XSS attempt in 姓名 stays text.
  await createUser({ username: xssUsername, displayName: XSS, role: 'staff', deptCode: 'JQS' })
  const xssCell = userRow(xssUsername).locator(tid('user-cell-display-name'))
  check((await xssCell.textContent()) === XSS, 'XSS payload is displayed literally')
  check((await page.locator(`${tid('users-table')} img`).count()) === 0, 'no <img> element was injected into the table')
  check((await page.evaluate(() => typeof window.__xss)) === 'undefined', 'window.__xss is undefined (payload inert)')
  await shot('xss-inert')

  // 7. Logout returns to the login page.
  await page.locator(tid('header-logout')).click()
  await page.locator(tid('login-username')).waitFor()
  check(new URL(page.url()).pathname === '/login', 'logout returns to /login')
  await shot('logged-out')

  // 8. The new inspector logs in and cannot manage users.
  await login(username, NEW_PASSWORD)
  check((await page.locator(tid('header-user-name')).innerText()) === '端到端', `${username} logged in, header shows 端到端`)
  check((await page.locator(tid('header-user-role')).innerText()) === '执法检查人员', 'header shows role 执法检查人员')
  await page.locator(tid('home-department')).filter({ hasText: '江桥市场监管所' }).waitFor()
  check(true, 'home page shows department 江桥市场监管所')
  await page.locator(tid('nav-home')).waitFor()
  check((await page.locator(tid('nav-users')).count()) === 0, 'inspector has no 用户管理 nav item')
  check((await page.locator(tid('nav-audit')).count()) === 0, 'inspector has no 审计日志 nav item')
  check(await page.locator(tid('nav-departments')).isVisible(), 'inspector sees 部门管理')
  await shot('inspector-home')
  await page.goto(`${BASE}/system/users`)
  await page.locator(tid('home-page')).waitFor()
  check((await page.locator(tid('users-create')).count()) === 0, 'inspector opening /system/users gets no 新建用户 button')
  await shot('inspector-denied')
})
