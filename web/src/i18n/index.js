import messages from './zh-CN.js'

// t('users.editTitle', { username: 'x' }) → '编辑用户：x'. Unknown keys come back
// as the key itself so a missing string is visible rather than blank.
export function t(key, params) {
  const text = Object.prototype.hasOwnProperty.call(messages, key) ? messages[key] : key
  if (!params) return text
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m))
}

// Like t(), but returns `fallback` when the key is not defined.
export function tOr(key, fallback) {
  return Object.prototype.hasOwnProperty.call(messages, key) ? messages[key] : fallback
}
