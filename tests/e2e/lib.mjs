// Shared helpers of the e2e specs: browser launch, checks, screenshots, login,
// and GB 32100 credit codes for test data.
//
// Environment: JG_E2E_BASE_URL (default http://127.0.0.1:8099),
// JG_E2E_SCREENSHOT_DIR (default $TMPDIR/jianguan-e2e-screenshots),
// JG_E2E_CHROMIUM (default /usr/bin/chromium).
import { createRequire } from 'node:module'
import { mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
const require = createRequire(path.resolve(here, '../../web/package.json'))
const { chromium } = require('playwright-core')

export const BASE = (process.env.JG_E2E_BASE_URL || 'http://127.0.0.1:8099').replace(/\/+$/, '')
export const SHOTS = process.env.JG_E2E_SCREENSHOT_DIR || path.join(tmpdir(), 'jianguan-e2e-screenshots')
export const CHROMIUM = process.env.JG_E2E_CHROMIUM || '/usr/bin/chromium'
export const TIMEOUT = 30_000
export const DEMO_PASSWORD = 'Jianguan2024'

export const tid = (id) => `[data-testid="${id}"]`

// One spec run: a browser, a page, numbered screenshots prefixed with the spec
// name, a pass counter, and browser problems (page errors, CSP violations).
//   await runSpec('directory', async (t) => { const { page, check, shot } = t; … })
// Prints "e2e[name]: N passed, 0|1 failed" and sets the exit code.
export async function runSpec(name, body) {
  const ctx = {
    page: null,
    context: null,
    passed: 0,
    problems: [],
    shotNo: 0,
    check(cond, message) {
      if (!cond) throw new Error(message)
      ctx.passed++
      console.log(`  ok  ${message}`)
    },
    async shot(label) {
      const file = path.join(SHOTS, `${name}-${String(++ctx.shotNo).padStart(2, '0')}-${label}.png`)
      await ctx.page.screenshot({ path: file, fullPage: true })
      console.log(`  screenshot ${file}`)
    },
    visible: (sel) => ctx.page.locator(sel).filter({ visible: true }),
    async login(username, password = DEMO_PASSWORD) {
      const page = ctx.page
      await page.locator(tid('login-username')).fill(username)
      await page.locator(tid('login-password')).fill(password)
      await page.locator(tid('login-submit')).click()
      await page.locator(tid('header-user-name')).waitFor()
    },
    async logout() {
      await ctx.page.locator(tid('header-logout')).click()
      await ctx.page.locator(tid('login-username')).waitFor()
    },
  }
  mkdirSync(SHOTS, { recursive: true })
  console.log(`e2e[${name}] against ${BASE}, screenshots in ${SHOTS}`)
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  })
  let failed = false
  try {
    ctx.context = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN', acceptDownloads: true })
    const page = (ctx.page = await ctx.context.newPage())
    page.setDefaultTimeout(TIMEOUT)
    page.setDefaultNavigationTimeout(TIMEOUT)
    page.on('pageerror', (e) => ctx.problems.push(`page error: ${e.message}`))
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) ctx.problems.push(`CSP violation: ${m.text()}`)
    })
    await body(ctx)
    ctx.check(ctx.problems.length === 0, `no page errors or CSP violations${ctx.problems.length ? ': ' + ctx.problems.join(' | ') : ''}`)
  } catch (e) {
    failed = true
    if (ctx.page) await ctx.shot('FAILURE').catch(() => {})
    if (ctx.problems.length) console.error(`browser problems seen: ${ctx.problems.join(' | ')}`)
    console.error(`FAILED: ${e && e.message ? e.message : e}`)
  } finally {
    await browser.close()
  }
  console.log(`e2e[${name}]: ${ctx.passed} passed, ${failed ? 1 : 0} failed`)
  if (failed) process.exitCode = 1
  return !failed
}

// ---- GB 32100-2015 统一社会信用代码 -------------------------------------------

const CC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const CC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]

// GB 11714-1997 check character of an 8-character organisation-code body.
export function orgCheck(body8) {
  let sum = 0
  for (let i = 0; i < 8; i++) {
    const c = body8[i]
    const v = c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 55 // A=10 … Z=35
    sum += v * ORG_WEIGHTS[i]
  }
  const r = 11 - (sum % 11)
  return r === 10 ? 'X' : r === 11 ? '0' : String(r)
}

// GB 32100 check character of the first 17 characters.
export function creditCheck(first17) {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += CC_ALPHABET.indexOf(first17[i]) * CC_WEIGHTS[i]
  const r = 31 - (sum % 31)
  return CC_ALPHABET[r === 31 ? 0 : r]
}

// A valid code: authority 9 (市场监管), `kind` '1' 企业 / '2' 个体工商户 /
// '3' 农民专业合作社, division 310114 (嘉定区), random organisation-code body.
export function makeCreditCode(kind = '1', division = '310114') {
  let body = ''
  for (let i = 0; i < 8; i++) body += CC_ALPHABET[Math.floor(Math.random() * CC_ALPHABET.length)]
  const first17 = `9${kind}${division}${body}${orgCheck(body)}`
  return first17 + creditCheck(first17)
}

// The same code with a wrong final check character.
export function breakCreditCode(code) {
  const right = code[17]
  const wrong = CC_ALPHABET[(CC_ALPHABET.indexOf(right) + 1) % CC_ALPHABET.length]
  return code.slice(0, 17) + wrong
}

// RFC 4180 CSV text from rows of strings.
export function toCsv(rows) {
  const cell = (v) => (/[",\r\n]/.test(v) ? `"${String(v).replace(/"/g, '""')}"` : String(v))
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n'
}

// ---- helpers of the registry specs ------------------------------------------

// An API call made by the signed-in page (its cookie, its CSRF token from
// /auth/me). Resolves with { status, body }.
export function apiCall(page, method, path, body) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = await (await fetch('/api/v1/auth/me', { credentials: 'same-origin' })).json()
      const headers = { Accept: 'application/json', 'X-CSRF-Token': me.csrf_token }
      if (body !== undefined) headers['Content-Type'] = 'application/json'
      const r = await fetch(`/api/v1${path}`, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) })
      const text = await r.text()
      return { status: r.status, body: text ? JSON.parse(text) : null }
    },
    { method, path, body },
  )
}

// YYYY-MM-DD in China time, `offset` days from today.
export function chinaDate(offset = 0) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + offset * 86_400_000))
}

// Opens an Element Plus select (by the container's test id) and clicks the option.
export async function pickOption(page, selectSel, optionTestid) {
  await page.locator(selectSel).click()
  const option = page.locator(`[data-testid="${optionTestid}"]`).filter({ visible: true })
  await option.first().click()
}

// Types into a date picker inside `fieldSel` and confirms with Enter.
export async function fillDate(page, fieldSel, value) {
  const input = page.locator(`${fieldSel} input`).first()
  await input.click()
  await input.fill(value)
  await input.press('Enter')
}

// Waits until a dialog closes, or fails with the form's error texts.
export async function savedOrFail(dialog, what) {
  const formErr = dialog.locator('.el-form-item__error, .el-alert--error')
  await Promise.race([
    dialog.waitFor({ state: 'hidden' }),
    formErr.first().waitFor().then(async () => {
      throw new Error(`saving ${what} failed: ${(await formErr.allInnerTexts()).join('; ')}`)
    }),
  ])
}

// The text of `locator` once it contains `expected` (or after `ms`): an element
// is often shown before the data it displays has arrived, so a single read
// can see the placeholder ("共 0 条", an empty label).
export async function settledText(locator, expected, ms = 10_000) {
  const deadline = Date.now() + ms
  let text = await locator.innerText()
  while (!text.includes(expected) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100))
    text = await locator.innerText()
  }
  return text
}
