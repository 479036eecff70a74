// The directory of market entities (市场主体名录): field lists, labels, the
// list page's URL query, version diffs and client-side CSV files.
import { t } from '../i18n/index.js'

export const ENTITY_KINDS = ['enterprise', 'individual', 'cooperative', 'branch']
export const ENTITY_STATUSES = ['active', 'deregistered', 'revoked', 'moved_out']
export const RISK_CLASSES = ['A', 'B', 'C', 'D']

// The editable fields, in the order of the form, the profile and the CSV file.
export const ENTITY_FIELDS = [
  'credit_code', 'name', 'kind', 'legal_representative', 'address', 'street', 'station_id',
  'industry', 'registered_on', 'status', 'risk_class', 'risk_classified_on', 'tags',
]

export const fieldLabel = (f) => t(`entity.field.${f}`)
export const kindLabel = (k) => (k ? t(`entity.kind.${k}`) : '')
export const statusLabel = (s) => (s ? t(`entity.status.${s}`) : '')
export const riskLabel = (r) => (r ? r : t('entity.risk.none'))

// el-tag types: A (low risk) green … D (high risk) red; unclassified grey.
const RISK_TAG = { A: 'success', B: 'primary', C: 'warning', D: 'danger' }
export const riskTagType = (r) => RISK_TAG[r] || 'info'
const STATUS_TAG = { active: 'success', deregistered: 'info', revoked: 'danger', moved_out: 'warning' }
export const statusTagType = (s) => STATUS_TAG[s] || 'info'

export const emptyEntity = () => ({
  credit_code: '', name: '', kind: 'enterprise', legal_representative: '', address: '', street: '',
  station_id: null, industry: '', registered_on: '', status: 'active', risk_class: '', risk_classified_on: '', tags: [],
})

// The stations (市场监管所) a directory entry can be in charge of.
export const stationsOf = (departments) => departments.filter((d) => d.kind === 'station')

// ---- list page filters <-> URL query -------------------------------------

export const FILTER_KEYS = ['q', 'credit_code', 'street', 'station_id', 'kind', 'status', 'risk_class', 'tag', 'industry']
export const SORT_KEYS = ['name', 'credit_code', 'registered_on', 'updated_at']
export const PAGE_SIZES = [20, 50, 100, 200]
export const DEFAULT_PAGE_SIZE = 20

const one = (v) => (Array.isArray(v) ? v[0] : v)
const positiveInt = (v, fallback) => {
  const n = Number.parseInt(one(v), 10)
  return Number.isFinite(n) && n > 0 ? n : fallback
}

// route.query → { filters, sort, page, pageSize }; unknown or bad values are dropped.
export function stateFromQuery(query) {
  const filters = {}
  for (const k of FILTER_KEYS) filters[k] = typeof one(query[k]) === 'string' ? one(query[k]) : ''
  if (filters.station_id && !/^\d+$/.test(filters.station_id)) filters.station_id = ''
  if (filters.kind && !ENTITY_KINDS.includes(filters.kind)) filters.kind = ''
  if (filters.status && !ENTITY_STATUSES.includes(filters.status)) filters.status = ''
  if (filters.risk_class && !RISK_CLASSES.includes(filters.risk_class)) filters.risk_class = ''
  let sort = typeof one(query.sort) === 'string' ? one(query.sort) : ''
  if (!SORT_KEYS.includes(sort.replace(/^-/, ''))) sort = ''
  const pageSize = positiveInt(query.page_size, DEFAULT_PAGE_SIZE)
  return {
    filters,
    sort,
    page: positiveInt(query.page, 1),
    pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  }
}

// The reverse, leaving out defaults so shared links stay short.
export function queryFromState({ filters, sort, page, pageSize }) {
  const q = {}
  for (const k of FILTER_KEYS) {
    const v = filters[k] == null ? '' : String(filters[k]).trim()
    if (v) q[k] = v
  }
  if (sort) q.sort = sort
  if (page > 1) q.page = String(page)
  if (pageSize !== DEFAULT_PAGE_SIZE) q.page_size = String(pageSize)
  return q
}

// ---- history --------------------------------------------------------------

const sameValue = (a, b) =>
  Array.isArray(a) || Array.isArray(b) ? (a || []).join('\u0000') === (b || []).join('\u0000') : (a ?? '') === (b ?? '')

// Fields that differ between two versions (prev null → the first version).
export function changedFields(prev, cur) {
  if (!prev) return []
  return ENTITY_FIELDS.filter((f) => !sameValue(prev[f], cur[f]))
}

// A field value as text for the profile and the history (station names need
// the department list).
export function displayValue(entity, field, stationNames) {
  const v = entity[field]
  switch (field) {
    case 'kind': return kindLabel(v)
    case 'status': return statusLabel(v)
    case 'risk_class': return riskLabel(v)
    case 'station_id': return v == null ? '' : (stationNames && stationNames.get(v)) || `#${v}`
    case 'tags': return (v || []).join('；')
    default: return v == null ? '' : String(v)
  }
}

// ---- CSV files made in the browser ----------------------------------------

// The headings the import accepts, in the export's order (版本 is ignored on import).
export const IMPORT_HEADINGS = [
  '统一社会信用代码', '名称', '主体类型', '法定代表人', '住所', '街镇', '管辖所',
  '行业代码', '成立日期', '登记状态', '信用风险分类', '分类日期', '标签',
]

// A cell that a spreadsheet would run as a formula is prefixed with ' .
function csvCell(v) {
  let s = v == null ? '' : String(v)
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

export function toCsv(rows) {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n'
}

// Saves text as a file; CSV gets a UTF-8 BOM so spreadsheet programs read the Chinese.
export function downloadText(filename, text, type = 'text/csv;charset=utf-8') {
  const bom = type.startsWith('text/csv') ? '\uFEFF' : ''
  const url = URL.createObjectURL(new Blob([bom + text], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

export function templateCsv() {
  return toCsv([IMPORT_HEADINGS])
}

export function errorReportCsv(errors) {
  return toCsv([
    [t('import.colRow'), t('import.colColumn'), t('import.colValue'), t('import.colReason')],
    ...errors.map((e) => [e.row, e.column, e.value, e.reason]),
  ])
}
