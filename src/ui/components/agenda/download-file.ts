// Saves a text made on the phone as a file: a Blob behind an object URL, clicked through a temporary link (nothing leaves the phone).

/** Some browsers (iOS Safari) read the object URL after the click returns: it is released a while later. */
const REVOKE_AFTER_MS = 60_000

export const downloadTextFile = (fileName: string, text: string, type: string): void => {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.hidden = true
  document.body.append(link)
  try {
    link.click()
  } finally {
    link.remove()
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS)
  }
}
