import { createApp } from 'vue'
import { ElMessage } from 'element-plus'
import App from './App.vue'
import { router } from './router.js'
import { elementPlus, elementOptions } from './plugins/element.js'
import { onUnauthorized } from './api/client.js'
import { clearSession, session } from './session.js'
import { t } from './i18n/index.js'
import './styles.css'

document.title = t('app.title')

// Session expired or revoked while the app was open: back to the login page.
onUnauthorized((err) => {
  const wasLoggedIn = !!session.user
  clearSession()
  // Public pages (portal, login) need no session: stay where the user is.
  const here = router.currentRoute.value
  if (here.name !== 'login' && !here.meta.open) {
    if (wasLoggedIn) ElMessage.warning(err.code === 'session_expired' ? t('error.sessionExpired') : err.message)
    router.replace({ name: 'login', query: { redirect: router.currentRoute.value.fullPath } })
  }
})

const app = createApp(App)
app.use(elementPlus, elementOptions)
app.use(router)
app.mount('#app')
