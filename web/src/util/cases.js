// Enforcement leads (线索) and cases (案件): the codes the API uses, their
// labels, countdown colours, money in yuan ↔ fen, and error fields mapped onto
// the forms that show them.
import { t } from '../i18n/index.js'

export const LEAD_SOURCES = ['complaint', 'inspection_finding', 'sampling_failure', 'transfer']
export const LEAD_STATUSES = ['open', 'filed', 'declined']
export const NOT_FILING_GROUNDS = ['minor_corrected_no_harm', 'first_violation_minor_harm', 'no_fault', 'other']
export const CASE_STAGES = ['filed', 'investigation', 'legal_review', 'notice', 'hearing', 'decided', 'served', 'execution', 'closed', 'withdrawn']
export const EXCLUDED_KINDS = ['testing', 'right_holder_identification', 'suspension', 'hearing', 'public_notice', 'ordered_refund']
// The kinds each period allows (data/enforcement-deadlines.csv); the server refuses others.
export const LEAD_EXCLUDED_KINDS = ['testing', 'right_holder_identification']
export const DECISION_KINDS = ['penalty', 'reduced_penalty', 'no_penalty', 'transfer_to_police']
export const PENALTY_TYPES = [
  'warning', 'circulated_criticism', 'fine', 'confiscate_illegal_gains', 'confiscate_illegal_goods', 'suspend_licence',
  'lower_qualification', 'revoke_licence', 'restrict_activities', 'order_suspension', 'order_closure', 'restrict_employment',
]
// The facts the lenient rules test (data/lenient-rules.csv conditions).
export const LENIENT_FACTS = [
  'first_violation', 'minor_violation', 'corrected_in_time', 'no_harm', 'minor_harm', 'no_fault', 'eliminated_harm',
  'coerced', 'confessed', 'meritorious_cooperation', 'lawful_source', 'small_value', 'own_media_only',
]

export const leadSourceLabel = (s) => (s ? t(`lead.source.${s}`) : '')
export const leadStatusLabel = (s) => (s ? t(`lead.status.${s}`) : '')
const LEAD_STATUS_TAG = { open: 'warning', filed: 'success', declined: 'info' }
export const leadStatusTag = (s) => LEAD_STATUS_TAG[s] || 'info'
export const groundLabel = (g) => (g ? t(`lead.ground.${g}`) : '')
// The 90-day decision period runs until the case is decided (第六十四条).
const DECISION_PENDING = ['filed', 'investigation', 'legal_review', 'notice', 'hearing']
export const decisionPending = (stage) => DECISION_PENDING.includes(stage)
export const stageLabel = (s) => (s ? t(`case.stage.${s}`) : '')
const STAGE_TAG = { closed: 'success', withdrawn: 'info', decided: 'primary', served: 'primary', execution: 'primary' }
export const stageTag = (s) => STAGE_TAG[s] || 'warning'
export const excludedKindLabel = (k) => (k ? t(`case.excluded.${k}`) : '')
export const decisionKindLabel = (k) => (k ? t(`case.decisionKind.${k}`) : '')
export const penaltyLabel = (p) => (p ? t(`case.penalty.${p}`) : '')
export const factLabel = (f) => (f ? t(`case.fact.${f}`) : '')

// Countdown colours: green while running, orange approaching or due today, red overdue.
const COUNTDOWN_TAG = { ok: 'success', approaching: 'warning', due_today: 'warning', overdue: 'danger' }
export const countdownTag = (period) => (period && COUNTDOWN_TAG[period.state]) || 'info'

// "剩余 5 个工作日" / "今日到期" / "已超期 3 日"; unit: 'working_days' | 'days'.
export function countdownText(period, unit) {
  if (!period) return ''
  if (!period.due) return t('deadline.unknown')
  if (!period.state) return t('deadline.stopped')
  const u = t(`deadline.unit.${unit}`)
  if (period.state === 'due_today') return t('deadline.dueToday')
  if (period.state === 'overdue') return t('deadline.overdue', { n: -period.remaining, u })
  return t('deadline.remaining', { n: period.remaining, u })
}

// Money: the user types yuan (up to 2 decimals); the API counts fen.
export function yuanToFen(text) {
  const s = String(text ?? '').trim()
  if (!/^\d+(\.\d{1,2})?$/.test(s)) return null
  const [whole, frac = ''] = s.split('.')
  return Number(whole) * 100 + Number((frac + '00').slice(0, 2))
}
export function fenToYuan(fen) {
  if (fen == null) return ''
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`
}

// The API names a list element's field "excluded_periods[1].to" or
// "officer_ids[0]"; the form shows it at the list.
export function formField(field) {
  if (!field) return field
  return field.replace(/\[\d+\](\..*)?$/, '')
}
