import { t } from '../i18n/index.js'

// Penalty publicity states (server: CreditService::ViewOf) and how they look.
export const PUBLICITY_FILTERS = ['due', 'overdue', 'published', 'ending_soon', 'ended', 'withdrawn', 'repaired']

export function stateLabel(s) {
  return t(`credit.state.${s}`)
}

export function stateTag(s) {
  return { due: 'warning', overdue: 'danger', published: 'success', ended: 'info', withdrawn: 'info', repaired: '' }[s] || 'info'
}

// Countdown colour: red when overdue or due today, orange when approaching.
export function countdownTag(cd) {
  if (!cd) return 'info'
  if (cd.state === 'overdue' || cd.state === 'due_today') return 'danger'
  if (cd.state === 'approaching') return 'warning'
  return 'success'
}

export function countdownText(cd) {
  if (!cd) return ''
  return cd.remaining < 0 ? t('credit.overdueBy', { n: -cd.remaining }) : t('credit.remaining', { n: cd.remaining })
}

export function yuan(fen) {
  return (fen / 100).toFixed(2).replace(/\.00$/, '')
}

// "罚款 20000 元；没收违法所得" from a publicity record.
export function penaltiesText(p) {
  return (p.penalty_labels || []).map((l, i) => (p.penalties[i] === 'fine' ? t('credit.fine', { amount: yuan(p.fine_fen) }) : l)).join('；')
}

export function repairStatusLabel(s) {
  return t(`credit.repairStatus.${s}`)
}
