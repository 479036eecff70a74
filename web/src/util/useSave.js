import { ref } from 'vue'
import { ElMessage } from 'element-plus'
import { t } from '../i18n/index.js'
import { isStale, useFormErrors } from './errors.js'

// The save step every record dialog shares:
//   const { errors, clear, busy, save } = useSave(emit, ['name', 'code'])
//   save(() => api.put(`/x/${id}`, body), { created: false })
// While the request runs `busy` is true (a second click is ignored). On success:
// a toast, the dialog closes (`update:modelValue` false) and `saved` is emitted
// with the answer. On 409 stale_version the dialog closes and `stale` is emitted:
// the page reloads the record and tells the user with staleWarning(). Any other
// error is shown next to the field it names (errors.fields[f]) or above the form
// (errors.general) and the dialog stays open.
export function useSave(emit, fieldNames) {
  const { errors, clear, show } = useFormErrors(fieldNames)
  const busy = ref(false)

  async function save(request, { created = false } = {}) {
    if (busy.value) return null
    busy.value = true
    try {
      const saved = await request()
      ElMessage.success(created ? t('common.created') : t('common.saved'))
      emit('update:modelValue', false)
      emit('saved', saved)
      return saved
    } catch (e) {
      if (isStale(e)) {
        emit('update:modelValue', false)
        emit('stale', e)
      } else {
        show(e)
      }
      return null
    } finally {
      busy.value = false
    }
  }

  // Marks empty required fields; true when none is missing.
  function requireFields(values) {
    for (const [f, v] of Object.entries(values)) {
      const empty = v == null || (typeof v === 'string' && !v.trim()) || (Array.isArray(v) && !v.length)
      if (empty) errors.fields[f] = t('common.required')
    }
    return !Object.values(errors.fields).some(Boolean)
  }

  return { errors, clear, showError: show, busy, save, requireFields }
}

// The page's side of a stale save: the Chinese conflict message, then a reload.
export function staleWarning(message = t('error.staleReloaded')) {
  ElMessage({ type: 'warning', message, customClass: 'stale-message', duration: 6000 })
}
