// Unix seconds → local "YYYY-MM-DD HH:mm:ss".
export function formatTime(sec) {
  if (!sec) return ''
  const d = new Date(sec * 1000)
  const p = (n) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`
}
