import { markRaw } from 'vue'
import {
  House, Setting, User, OfficeBuilding, Tickets, Shop, Search, Upload, Document, Postcard, EditPen, List, UserFilled, Aim, Calendar, Checked, DataAnalysis,
  Stamp, Notebook, Folder, Files, Memo, Finished, CreditCard, Histogram, Reading, DataBoard,
} from '@element-plus/icons-vue'
import { ROLES, rolesWith, scopeOf } from './permissions.js'

const CASE_ROLES = rolesWith('cases.read')
// The annual report is bureau-wide: who reads every department's cases.
const REPORT_ROLES = ROLES.filter((r) => scopeOf('cases.read', r) === 'all')

// The modules of the platform. Each entry becomes both a route and a navigation
// item; a new module is one more line here. `group` puts it under a sub-menu of
// GROUPS; `roles` lists who may see and open it. `hidden` routes (e.g. a
// record's page) get no navigation item; `navPath` names the item to highlight.
export const GROUPS = {
  directory: { titleKey: 'nav.directory', icon: markRaw(Shop) },
  inspection: { titleKey: 'nav.inspection', icon: markRaw(Aim) },
  enforcement: { titleKey: 'nav.enforcement', icon: markRaw(Stamp) },
  supervision: { titleKey: 'nav.supervision', icon: markRaw(Files) },
  credit: { titleKey: 'nav.credit', icon: markRaw(CreditCard) },
  system: { titleKey: 'nav.system', icon: markRaw(Setting) },
}

export const MODULES = [
  { path: '/', name: 'home', titleKey: 'nav.home', icon: markRaw(House), roles: ROLES, component: () => import('./views/HomeView.vue') },
  // 工作看板 (the first thing leaders see): who holds cases.read; a station's staff see their own department.
  { path: '/dashboard', name: 'dashboard', titleKey: 'nav.dashboard', icon: markRaw(DataBoard), roles: CASE_ROLES, component: () => import('./views/DashboardView.vue') },
  { path: '/inspection/results', name: 'inspection-results', hidden: true, navPath: '/dashboard', titleKey: 'dashboard.tasks.title', icon: markRaw(List), roles: ROLES, component: () => import('./views/InspectionResultsView.vue') },
  { path: '/entities', name: 'entities', group: 'directory', titleKey: 'nav.entities', icon: markRaw(Search), roles: ROLES, component: () => import('./views/EntitiesView.vue') },
  { path: '/entities/import', name: 'entity-import', group: 'directory', titleKey: 'nav.entityImport', icon: markRaw(Upload), roles: ['admin'], component: () => import('./views/EntityImportView.vue') },
  { path: '/entities/:id(\\d+)', name: 'entity', hidden: true, navPath: '/entities', titleKey: 'nav.entityProfile', icon: markRaw(Document), roles: ROLES, component: () => import('./views/EntityProfileView.vue') },
  { path: '/holdings', name: 'holdings', group: 'directory', titleKey: 'nav.holdings', icon: markRaw(Postcard), roles: ROLES, component: () => import('./views/HoldingsView.vue') },
  { path: '/registrations', name: 'registrations', group: 'directory', titleKey: 'nav.registrations', icon: markRaw(EditPen), roles: ROLES, component: () => import('./views/RegistrationsView.vue') },
  { path: '/inspection/items', name: 'inspection-items', group: 'inspection', titleKey: 'nav.inspectionItems', icon: markRaw(List), roles: ROLES, component: () => import('./views/InspectionItemsView.vue') },
  { path: '/inspection/inspectors', name: 'inspectors', group: 'inspection', titleKey: 'nav.inspectors', icon: markRaw(UserFilled), roles: ROLES, component: () => import('./views/InspectorsView.vue') },
  { path: '/inspection/plans', name: 'plans', group: 'inspection', titleKey: 'nav.plans', icon: markRaw(Calendar), roles: ROLES, component: () => import('./views/PlansView.vue') },
  { path: '/inspection/plans/:id(\\d+)', name: 'plan', hidden: true, navPath: '/inspection/plans', titleKey: 'nav.plan', icon: markRaw(Document), roles: ROLES, component: () => import('./views/PlanDetailView.vue') },
  { path: '/inspection/tasks', name: 'my-tasks', group: 'inspection', titleKey: 'nav.myTasks', icon: markRaw(Checked), roles: ROLES, component: () => import('./views/MyTasksView.vue') },
  { path: '/inspection/stats', name: 'plan-stats', group: 'inspection', titleKey: 'nav.planStats', icon: markRaw(DataAnalysis), roles: ROLES, component: () => import('./views/PlanStatsView.vue') },
  // 行政处罚: who holds cases.read (permissions.js); the server checks each call.
  { path: '/cases/leads', name: 'leads', group: 'enforcement', titleKey: 'nav.leads', icon: markRaw(Notebook), roles: CASE_ROLES, component: () => import('./views/LeadsView.vue') },
  { path: '/cases', name: 'cases', group: 'enforcement', titleKey: 'nav.cases', icon: markRaw(Folder), roles: CASE_ROLES, component: () => import('./views/CasesView.vue') },
  { path: '/cases/:id(\\d+)', name: 'case', hidden: true, navPath: '/cases', titleKey: 'nav.case', icon: markRaw(Document), roles: CASE_ROLES, component: () => import('./views/CaseDetailView.vue') },
  // 法制监督: case_review.read (admin, leader, legal, staff).
  { path: '/supervision/case-review', name: 'case-review', group: 'supervision', titleKey: 'nav.caseReview', icon: markRaw(Files), roles: ['admin', 'leader', 'legal', 'staff'], component: () => import('./views/CaseReviewRoundsView.vue') },
  { path: '/supervision/case-review/:id(\\d+)', name: 'case-review-round', hidden: true, navPath: '/supervision/case-review', titleKey: 'nav.caseReviewRound', icon: markRaw(Document), roles: ['admin', 'leader', 'legal', 'staff'], component: () => import('./views/CaseReviewRoundView.vue') },
  { path: '/supervision/letters', name: 'legal-letters', group: 'supervision', titleKey: 'nav.legalLetters', icon: markRaw(Memo), roles: ['admin', 'leader', 'legal', 'staff'], component: () => import('./views/LegalLettersView.vue') },
  { path: '/credit/publicity', name: 'credit-publicity', group: 'credit', titleKey: 'nav.creditPublicity', icon: markRaw(Stamp), roles: ['admin', 'leader', 'legal', 'staff'], component: () => import('./views/CreditPublicityView.vue') },
  { path: '/credit/repairs', name: 'credit-repairs', group: 'credit', titleKey: 'nav.creditRepairs', icon: markRaw(Finished), roles: ['admin', 'leader', 'legal', 'staff'], component: () => import('./views/CreditRepairsView.vue') },
  // 行政执法: who holds cases.read (web/src/permissions.js).
  { path: '/summary-cases', name: 'summary-cases', group: 'enforcement', titleKey: 'nav.summaryCases', icon: markRaw(EditPen), roles: CASE_ROLES, component: () => import('./views/SummaryCasesView.vue') },
  { path: '/cases/lenient-rules', name: 'lenient-rules', group: 'enforcement', titleKey: 'nav.lenientRules', icon: markRaw(Memo), roles: CASE_ROLES, component: () => import('./views/LenientRulesView.vue') },
  { path: '/case-stats', name: 'case-stats', group: 'enforcement', titleKey: 'nav.caseStats', icon: markRaw(Histogram), roles: CASE_ROLES, component: () => import('./views/CaseStatsView.vue') },
  // 年度法治政府建设情况报告数据 (docs/report-definitions.md).
  { path: '/reports/annual', name: 'annual-report', group: 'supervision', titleKey: 'nav.annualReport', icon: markRaw(Reading), roles: REPORT_ROLES, component: () => import('./views/AnnualReportView.vue') },
  { path: '/system/users', name: 'users', group: 'system', titleKey: 'nav.users', icon: markRaw(User), roles: ['admin', 'leader', 'legal', 'staff'], component: () => import('./views/UsersView.vue') },
  { path: '/system/departments', name: 'departments', group: 'system', titleKey: 'nav.departments', icon: markRaw(OfficeBuilding), roles: ROLES, component: () => import('./views/DepartmentsView.vue') },
  { path: '/system/audit', name: 'audit', group: 'system', titleKey: 'nav.audit', icon: markRaw(Tickets), roles: ['admin', 'leader', 'legal'], component: () => import('./views/AuditView.vue') },
]

export function visibleModules(role) {
  return MODULES.filter((m) => role && !m.hidden && m.roles.includes(role))
}

// Navigation tree for a role: top-level modules and non-empty groups, in order.
export function navFor(role) {
  const out = []
  const groups = new Map()
  for (const m of visibleModules(role)) {
    if (!m.group) {
      out.push({ ...m, key: m.path })
      continue
    }
    let g = groups.get(m.group)
    if (!g) {
      g = { key: `group:${m.group}`, group: m.group, ...GROUPS[m.group], children: [] }
      groups.set(m.group, g)
      out.push(g)
    }
    g.children.push({ ...m, key: m.path })
  }
  return out
}
