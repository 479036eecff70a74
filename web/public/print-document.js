// The print button of an issued document (served as a file: the document
// pages allow no inline script).
document.addEventListener('DOMContentLoaded', () => {
  const button = document.getElementById('print')
  if (button) button.addEventListener('click', () => window.print())
})
