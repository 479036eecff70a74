import { createRouter, createWebHistory } from 'vue-router'
import { session, loadSession } from './session.js'
import { MODULES } from './modules.js'
import { t } from './i18n/index.js'
import MainLayout from './layouts/MainLayout.vue'
import LoginView from './views/LoginView.vue'

const routes = [
  { path: '/login', name: 'login', component: LoginView, meta: { public: true } },
  // The public pages of 双随机、一公开: open to anyone, signed in or not.
  { path: '/public/entities', name: 'public-entities', component: () => import('./views/PublicEntitiesView.vue'), meta: { open: true, titleKey: 'portal.searchTitle' } },
  { path: '/public/entities/:code', name: 'public-entity', component: () => import('./views/PublicEntityView.vue'), meta: { open: true, titleKey: 'portal.entityTitle' } },
  { path: '/public/plans', name: 'public-plans', component: () => import('./views/PublicPlansView.vue'), meta: { open: true, titleKey: 'public.plansTitle' } },
  { path: '/public/plans/:id(\\d+)', name: 'public-plan', component: () => import('./views/PublicPlanView.vue'), meta: { open: true, titleKey: 'public.planTitle' } },
  { path: '/public/penalties', name: 'public-penalties', component: () => import('./views/PublicPenaltiesView.vue'), meta: { open: true, titleKey: 'nav.publicPenalties' } },
  {
    path: '/',
    component: MainLayout,
    children: [
      ...MODULES.map((m) => ({
        path: m.path === '/' ? '' : m.path.slice(1),
        name: m.name,
        component: m.component,
        meta: { roles: m.roles, titleKey: m.titleKey, navPath: m.navPath },
      })),
      { path: ':pathMatch(.*)*', name: 'not-found', component: () => import('./views/NotFoundView.vue') },
    ],
  },
]

export const router = createRouter({ history: createWebHistory('/'), routes })

// Where a sign-in lands without a redirect: leaders open on the dashboard
// (工作看板), everyone else on the home page.
export function landingPage() {
  return session.user && session.user.role === 'leader' ? '/dashboard' : '/'
}

// Only same-site paths are accepted as a post-login destination.
export function safeRedirect(r) {
  return typeof r === 'string' && r.startsWith('/') && !r.startsWith('//') && !r.startsWith('/login') ? r : landingPage()
}

router.beforeEach(async (to) => {
  if (to.meta.open) return true
  if (!session.checked) {
    try {
      await loadSession()
    } catch {
      // Server unreachable: treat as logged out; the login page shows the error on submit.
    }
  }
  if (to.meta.public) {
    return session.user ? safeRedirect(to.query.redirect) : true
  }
  if (!session.user) {
    return to.fullPath === '/' ? { name: 'login' } : { name: 'login', query: { redirect: to.fullPath } }
  }
  if (to.meta.roles && !to.meta.roles.includes(session.user.role)) {
    return { name: 'home', query: { denied: '1' } }
  }
  return true
})

router.afterEach((to) => {
  const title = to.meta.titleKey ? `${t(to.meta.titleKey)} - ${t('app.title')}` : t('app.title')
  document.title = title
})
