// Element Plus, imported per component so the bundle only carries what we use.
import {
  makeInstaller,
  ElAlert, ElButton, ElCard, ElContainer, ElAside, ElHeader, ElMain, ElDescriptions, ElDescriptionsItem,
  ElDialog, ElEmpty, ElForm, ElFormItem, ElIcon, ElInput, ElMenu, ElMenuItem, ElSubMenu, ElOption,
  ElSelect, ElSwitch, ElTable, ElTableColumn, ElTag, ElTreeSelect, ElLoading, ElMessage, ElMessageBox,
  ElPagination, ElTimeline, ElTimelineItem, ElProgress, ElDatePicker, ElTabs, ElTabPane, ElCheckbox, ElDrawer,
  ElTooltip, ElInputNumber, ElRadioGroup, ElRadio, ElUpload,
} from 'element-plus'
import zhCn from 'element-plus/es/locale/lang/zh-cn.mjs'

import 'element-plus/es/components/alert/style/css.mjs'
import 'element-plus/es/components/button/style/css.mjs'
import 'element-plus/es/components/card/style/css.mjs'
import 'element-plus/es/components/container/style/css.mjs'
import 'element-plus/es/components/aside/style/css.mjs'
import 'element-plus/es/components/header/style/css.mjs'
import 'element-plus/es/components/main/style/css.mjs'
import 'element-plus/es/components/descriptions/style/css.mjs'
import 'element-plus/es/components/descriptions-item/style/css.mjs'
import 'element-plus/es/components/dialog/style/css.mjs'
import 'element-plus/es/components/empty/style/css.mjs'
import 'element-plus/es/components/form/style/css.mjs'
import 'element-plus/es/components/form-item/style/css.mjs'
import 'element-plus/es/components/icon/style/css.mjs'
import 'element-plus/es/components/input/style/css.mjs'
import 'element-plus/es/components/menu/style/css.mjs'
import 'element-plus/es/components/menu-item/style/css.mjs'
import 'element-plus/es/components/sub-menu/style/css.mjs'
import 'element-plus/es/components/option/style/css.mjs'
import 'element-plus/es/components/select/style/css.mjs'
import 'element-plus/es/components/switch/style/css.mjs'
import 'element-plus/es/components/table/style/css.mjs'
import 'element-plus/es/components/table-column/style/css.mjs'
import 'element-plus/es/components/tag/style/css.mjs'
import 'element-plus/es/components/tree-select/style/css.mjs'
import 'element-plus/es/components/loading/style/css.mjs'
import 'element-plus/es/components/message/style/css.mjs'
import 'element-plus/es/components/message-box/style/css.mjs'
import 'element-plus/es/components/pagination/style/css.mjs'
import 'element-plus/es/components/timeline/style/css.mjs'
import 'element-plus/es/components/timeline-item/style/css.mjs'
import 'element-plus/es/components/progress/style/css.mjs'
import 'element-plus/es/components/date-picker/style/css.mjs'
import 'element-plus/es/components/tabs/style/css.mjs'
import 'element-plus/es/components/tab-pane/style/css.mjs'
import 'element-plus/es/components/checkbox/style/css.mjs'
import 'element-plus/es/components/drawer/style/css.mjs'
import 'element-plus/es/components/tooltip/style/css.mjs'
import 'element-plus/es/components/input-number/style/css.mjs'
import 'element-plus/es/components/radio-group/style/css.mjs'
import 'element-plus/es/components/radio/style/css.mjs'
import 'element-plus/es/components/radio-button/style/css.mjs'
import 'element-plus/es/components/checkbox-group/style/css.mjs'
import 'element-plus/es/components/upload/style/css.mjs'

export const elementPlus = makeInstaller([
  ElAlert, ElButton, ElCard, ElContainer, ElAside, ElHeader, ElMain, ElDescriptions, ElDescriptionsItem,
  ElDialog, ElEmpty, ElForm, ElFormItem, ElIcon, ElInput, ElMenu, ElMenuItem, ElSubMenu, ElOption,
  ElSelect, ElSwitch, ElTable, ElTableColumn, ElTag, ElTreeSelect, ElLoading, ElMessage, ElMessageBox,
  ElPagination, ElTimeline, ElTimelineItem, ElProgress, ElDatePicker, ElTabs, ElTabPane, ElCheckbox, ElDrawer,
  ElTooltip, ElInputNumber, ElRadioGroup, ElRadio, ElUpload,
])

export const elementOptions = { locale: zhCn }
