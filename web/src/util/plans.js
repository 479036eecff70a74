// 双随机、一公开 plans and tasks: statuses, outcomes, strata, deadlines and
// inspector names (tasks carry inspector ids only).
import { reactive } from 'vue'
import { t } from '../i18n/index.js'
import { api } from '../api/client.js'

export const PLAN_STATUSES = ['draft', 'approved', 'committed', 'drawn', 'published', 'cancelled']
export const OUTCOMES = ['no_problem', 'corrected', 'case_filed', 'problem_other', 'unreachable', 'not_operating', 'uncooperative']
// The outcomes that count towards the discovery rate; they need findings.
export const PROBLEM_OUTCOMES = ['corrected', 'case_filed', 'problem_other', 'uncooperative']
// Risk classes as strata; '' is the unclassified stratum.
export const STRATA = ['A', 'B', 'C', 'D', '']

export const planStatusLabel = (s) => (s ? t(`plan.status.${s}`) : '')
const STATUS_TAG = { draft: 'info', approved: 'primary', committed: 'warning', drawn: 'warning', published: 'success', cancelled: 'danger' }
export const planStatusTag = (s) => STATUS_TAG[s] || 'info'
export const outcomeLabel = (o) => (o ? t(`plan.outcome.${o}`) : '')
export const taskStatusLabel = (s) => (s ? t(`task.status.${s}`) : '')
const TASK_TAG = { assigned: 'warning', done: 'success', cancelled: 'info' }
export const taskStatusTag = (s) => TASK_TAG[s] || 'info'
export const stratumLabel = (s) => (s ? t('plan.stratumClass', { c: s }) : t('plan.stratumNone'))

// "A类 2户；D类 50%"
export function strataText(strata) {
  return (strata || [])
    .map((r) => `${stratumLabel(r.stratum)} ${r.by_ratio ? `${r.ratio_percent}%` : t('plan.households', { n: r.count })}`)
    .join('；')
}

// Results are due 20 working days after the period; late unless published or cancelled.
export function isOverdue(plan, today) {
  return !!plan.publication_due && !['published', 'cancelled'].includes(plan.status) && today > plan.publication_due
}

// ---- inspector names --------------------------------------------------------

const inspectorCache = reactive(new Map())
let loaded = null

export function loadInspectors(force = false) {
  if (!loaded || force) {
    loaded = api.get('/inspectors').then(
      (r) => {
        for (const i of r.items || []) inspectorCache.set(i.id, i)
      },
      () => {
        loaded = null
      },
    )
  }
  return loaded
}
export const inspectorName = (id) => (inspectorCache.get(id) || {}).name || `#${id}`
export const inspectorOf = (id) => inspectorCache.get(id) || null
// The roster entries linked to an account (an inspector may record their own tasks).
export const inspectorIdsOfUser = (userId) => [...inspectorCache.values()].filter((i) => i.user_id === userId).map((i) => i.id)
