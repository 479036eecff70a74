// Labels and tags of case-file sampling rounds and legal advice letters.
export const ROUND_STATUS = {
  draft: ['草拟', 'info'],
  committed: ['已公示承诺', 'warning'],
  drawn: ['已抽取', 'success'],
  cancelled: ['已撤销', 'danger'],
}
export const LETTER_STATUS = {
  draft: ['草稿', 'info'],
  issued: ['已签发', 'warning'],
  responded: ['已回复', 'success'],
}
export const GRADE_TAG = { excellent: 'success', pass: 'warning', fail: 'danger' }

export const roundStatusLabel = (s) => (ROUND_STATUS[s] || [s])[0]
export const roundStatusTag = (s) => (ROUND_STATUS[s] || [s, 'info'])[1]
export const letterStatusLabel = (s) => (LETTER_STATUS[s] || [s])[0]
export const letterStatusTag = (s) => (LETTER_STATUS[s] || [s, 'info'])[1]
