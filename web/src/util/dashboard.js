// The web page of each list a dashboard figure names (GET /api/v1/dashboard:
// every figure is { count, list, filter }); the page reads the filter from
// its URL and shows it.
const LIST_PAGES = {
  cases: '/cases',
  'summary-cases': '/summary-cases',
  'inspection-tasks': '/inspection/results',
  'credit-repairs': '/credit/repairs',
  holdings: '/holdings',
}

// Keeps empty values: street= (no street recorded) is a filter of its own.
export function linkOf(cell) {
  if (!cell || !LIST_PAGES[cell.list]) return '/dashboard'
  const parts = Object.entries(cell.filter || {}).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v ?? '')}`)
  return `${LIST_PAGES[cell.list]}${parts.length ? `?${parts.join('&')}` : ''}`
}

// 0.3943 → "39.43%"; none (no inspections) → "—".
export function pct(rate) {
  return rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(2)}%`
}

// Year on year: "↑ 17.0%", "↓ 5.0%", "持平", or null when the year before had none.
export function yoy(change) {
  if (change === null || change === undefined) return null
  const p = `${(Math.abs(change) * 100).toFixed(1)}%`
  return change > 0 ? `↑ ${p}` : change < 0 ? `↓ ${p}` : '持平'
}
