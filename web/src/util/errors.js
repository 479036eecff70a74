import { reactive } from 'vue'
import { ElMessage } from 'element-plus'
import { t } from '../i18n/index.js'

// Server errors for a form: `fields[name]` feeds <el-form-item :error>, `general`
// is shown above the form when the error names no field (or a field the form
// does not have).
export function useFormErrors(fieldNames) {
  const state = reactive({ fields: Object.fromEntries(fieldNames.map((f) => [f, ''])), general: '' })
  function clear() {
    for (const k of Object.keys(state.fields)) state.fields[k] = ''
    state.general = ''
  }
  function show(err) {
    clear()
    if (err && err.field && err.field in state.fields) state.fields[err.field] = err.message
    else state.general = (err && err.message) || String(err)
  }
  return { errors: state, clear, show }
}

export function isStale(err) {
  return err && err.status === 409 && err.code === 'stale_version'
}

export function toastError(err) {
  ElMessage.error(isStale(err) ? t('error.stale') : (err && err.message) || String(err))
}
