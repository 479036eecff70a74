import { reactive } from 'vue'
import { api, sessionChanged, setCsrfToken } from './api/client.js'

// The logged-in user, shared by every page. Small enough not to need pinia.
export const session = reactive({
  user: null,
  expiresAt: 0,
  checked: false, // /auth/me has been asked once since the page loaded
})

function apply(r) {
  if (!session.user || !r.user || session.user.id !== r.user.id) sessionChanged()
  session.user = r.user
  session.expiresAt = r.expires_at || 0
  setCsrfToken(r.csrf_token)
}

export function clearSession() {
  if (session.user) sessionChanged()
  session.user = null
  session.expiresAt = 0
  setCsrfToken('')
}

// Ask the server who we are. A 401 simply means "not logged in".
export async function loadSession() {
  try {
    apply(await api.get('/auth/me'))
  } catch (e) {
    if (e.status === 401) clearSession()
    else throw e
  } finally {
    session.checked = true
  }
}

export async function login(username, password) {
  const r = await api.post('/auth/login', { username, password })
  apply(r)
  session.checked = true
  return r.user
}

export async function logout() {
  try {
    await api.post('/auth/logout')
  } finally {
    clearSession()
  }
}

// Replace the cached user after the server returned a newer copy of it.
export function updateSessionUser(user) {
  if (session.user && user && user.id === session.user.id) session.user = user
}
