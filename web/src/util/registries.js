// Holdings (许可证照), registrations (登记注册) and the 双随机 registries:
// labels, dates in China time, holder names, and the kind-driven attributes.
import { reactive } from 'vue'
import { t, tOr } from '../i18n/index.js'
import { api } from '../api/client.js'

export const HOLDING_STATUSES = ['valid', 'suspended', 'revoked', 'cancelled']
export const REGISTRATION_KINDS = ['establishment', 'change', 'deregistration']
export const ITEM_METHODS = ['on_site', 'documentary', 'online_monitoring', 'sampling']
export const ITEM_IMPORTANCE = ['key', 'general']

export const holdingStatusLabel = (s) => (s ? t(`holding.status.${s}`) : '')
const HOLDING_STATUS_TAG = { valid: 'success', suspended: 'warning', revoked: 'danger', cancelled: 'info' }
export const holdingStatusTag = (s) => HOLDING_STATUS_TAG[s] || 'info'
export const registrationKindLabel = (k) => (k ? t(`registration.kind.${k}`) : '')
export const importanceLabel = (i) => (i ? t(`item.importance.${i}`) : '')

// The API answers the method as its Chinese label and accepts label or code.
export const methodLabel = (m) => tOr(`item.method.${m}`, m || '')
export const methodCode = (m) => ITEM_METHODS.find((c) => c === m || t(`item.method.${c}`) === m) || ''

// ---- kinds are data: attributes come from the kind's attribute_keys --------

export const attrLabel = (key) => tOr(`holding.attr.${key}`, key)
export const attrSuggestions = (key) => {
  const s = tOr(`holding.attrSuggest.${key}`, '')
  return s ? s.split(',') : []
}
export const identifierRuleHint = (rule) => tOr(`holding.rule.${rule}`, '')

// Every attribute may hold several values; one value goes as a string.
export function attributesBody(keys, values) {
  const out = {}
  for (const k of keys) {
    const v = (values[k] || []).map((x) => String(x).trim()).filter(Boolean)
    if (v.length === 1) out[k] = v[0]
    else if (v.length > 1) out[k] = v
  }
  return out
}

// "经营项目：热食类食品制售、含酒类；主体业态：…"
export function attributesText(attributes) {
  return Object.entries(attributes || {})
    .map(([k, v]) => `${attrLabel(k)}：${(Array.isArray(v) ? v : [v]).join('、')}`)
    .join('；')
}

// ---- dates: the bureau works in China time ---------------------------------

export function todayChina() {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())
}

export function daysBetween(from, to) {
  const a = Date.UTC(...from.split('-').map((x, i) => Number(x) - (i === 1 ? 1 : 0)))
  const b = Date.UTC(...to.split('-').map((x, i) => Number(x) - (i === 1 ? 1 : 0)))
  return Math.round((b - a) / 86_400_000)
}

// { text, type } for a holding's validity, or null without an expiry.
export function expiryTag(h, today = todayChina()) {
  if (!h.valid_until) return null
  const left = daysBetween(today, h.valid_until)
  if (left < 0) return { text: t('holdings.expiredDays', { days: -left }), type: 'danger', state: 'expired' }
  if (left === 0) return { text: t('holdings.dueToday'), type: 'danger', state: 'expiring' }
  return { text: t('holdings.daysLeft', { days: left }), type: h.expiry_state === 'expiring' ? 'warning' : 'info', state: h.expiry_state || '' }
}

// ---- holder names (holdings and registrations carry only entity_id) --------

const entityCache = reactive(new Map())
const pending = new Map()

export function entityName(id) {
  const e = entityCache.get(id)
  return e ? e.name : ''
}
export const cachedEntity = (id) => entityCache.get(id) || null

export function rememberEntity(e) {
  if (e && e.id) entityCache.set(e.id, { id: e.id, name: e.name, credit_code: e.credit_code, station_id: e.station_id })
}

export async function loadEntityNames(ids) {
  const missing = [...new Set(ids)].filter((id) => id && !entityCache.has(id))
  await Promise.all(
    missing.map((id) => {
      if (!pending.has(id)) {
        pending.set(id, api.get(`/entities/${id}`).then(rememberEntity, () => {}).finally(() => pending.delete(id)))
      }
      return pending.get(id)
    }),
  )
}

export async function fetchHoldingKinds() {
  const r = await api.get('/holding-kinds')
  return r.items || []
}
