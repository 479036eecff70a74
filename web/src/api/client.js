import { t } from '../i18n/index.js'

// Thin fetch wrapper for /api/v1. Same-origin cookies carry the session; every
// non-GET request carries the CSRF token obtained from login or /auth/me.

export class ApiError extends Error {
  constructor(status, body) {
    super((body && body.message) || t('error.http', { status }))
    this.name = 'ApiError'
    this.status = status
    this.code = (body && body.code) || `http_${status}`
    this.field = (body && body.field) || null
    this.body = body // the whole error answer (e.g. import errors)
  }
}

let csrfToken = ''
let unauthorizedHandler = null
// Bumped whenever the session changes (login, logout, expiry). A 401 answering
// a request sent under an earlier session is stale: that session is already
// gone, and the answer must not end the current one or move the user away
// (e.g. a slow home-page request that returns after the user signed out and
// opened the public portal).
let sessionEpoch = 0

export function sessionChanged() {
  sessionEpoch++
}

export function setCsrfToken(token) {
  csrfToken = token || ''
}

// Called (once per failing request) when the server answers 401 to anything but
// a login attempt: the session expired or was revoked.
export function onUnauthorized(fn) {
  unauthorizedHandler = fn
}

export async function request(method, path, body) {
  const headers = { Accept: 'application/json' }
  if (method !== 'GET' && method !== 'HEAD') headers['X-CSRF-Token'] = csrfToken
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  const epoch = sessionEpoch
  let res
  try {
    res = await fetch(`/api/v1${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  } catch {
    throw new ApiError(0, { code: 'network_error', message: t('error.network') })
  }
  let data = null
  if (res.status !== 204) {
    const text = await res.text()
    if (text) {
      try {
        data = JSON.parse(text)
      } catch {
        data = null
      }
    }
  }
  if (!res.ok) {
    const err = new ApiError(res.status, data)
    if (res.status === 401 && epoch === sessionEpoch && path !== '/auth/login' && path !== '/auth/me' && unauthorizedHandler) {
      unauthorizedHandler(err)
    }
    throw err
  }
  return data
}

export const api = {
  get: (path) => request('GET', path),
  post: (path, body) => request('POST', path, body),
  patch: (path, body) => request('PATCH', path, body),
  put: (path, body) => request('PUT', path, body),
  del: (path) => request('DELETE', path),
}

export function query(params) {
  const parts = []
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue
    parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
  }
  return parts.length ? `?${parts.join('&')}` : ''
}

// POST a file's raw bytes with XMLHttpRequest (fetch cannot report upload
// progress). onProgress(fraction 0..1) is called while the body is sent.
// Resolves with the parsed JSON answer; rejects with ApiError like request().
export function upload(path, file, { contentType = 'application/octet-stream', onProgress } = {}) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    const epoch = sessionEpoch
    xhr.open('POST', `/api/v1${path}`)
    xhr.withCredentials = true
    xhr.setRequestHeader('Accept', 'application/json')
    xhr.setRequestHeader('Content-Type', contentType)
    xhr.setRequestHeader('X-CSRF-Token', csrfToken)
    if (onProgress) {
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total)
      }
      xhr.upload.onload = () => onProgress(1)
    }
    xhr.onerror = () => reject(new ApiError(0, { code: 'network_error', message: t('error.network') }))
    xhr.onload = () => {
      let data = null
      if (xhr.responseText) {
        try {
          data = JSON.parse(xhr.responseText)
        } catch {
          data = null
        }
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(data)
      const err = new ApiError(xhr.status, data)
      if (xhr.status === 401 && epoch === sessionEpoch && unauthorizedHandler) unauthorizedHandler(err)
      reject(err)
    }
    xhr.send(file)
  })
}
