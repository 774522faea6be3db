// English text of the exports (settings page) and of "Restore a backup" (collectives page).
import type { frExport } from './fr-export.ts'

export const enExport: Readonly<Record<keyof typeof frExport, string>> = {
  'export.title': 'Export data',
  'export.intro': 'Files made on this phone, for you to keep: nothing is sent anywhere.',
  'export.warning': 'Careful: these files hold personal data in clear (first names, phone numbers, instructions for children). Keep them private: do not share them or put them on a public site, and delete them when you no longer need them.',
  'export.family': 'My data (family)',
  'export.familyHint': 'Your family, its adults and children, their sign-ups, absences and the notes you wrote. Nothing about other families.',
  'export.familyWhoFirst': 'First say who you are on this phone ("Today" screen).',
  'export.collective': 'The whole collective (JSON)',
  'export.collectiveHint': 'A full backup: it can be restored as a new collective, from the "Collectives" screen.',
  'export.rota': 'The rota (CSV spreadsheet)',
  'export.rotaHint': 'The rota between these two dates, to open with a spreadsheet (comma-separated columns).',
  'export.from': 'From',
  'export.to': 'To',
  'export.badRange': 'Choose two dates, the second after the first.',
  'export.done': 'File {file} downloaded.',
  'export.failed': 'The file could not be made on this phone. Try again.',

  'restore.title': 'Restore a backup',
  'restore.intro': 'A "The whole collective (JSON)" file becomes a new collective on this phone, with a new invite link to send to the families.',
  'restore.file': 'Backup file (.json)',
  'restore.working': 'Restoring…',
  'restore.done': 'Collective "{name}" restored.',
  'restore.invalidExport': 'This file is not a full backup of a collective, or it is damaged. Nothing was created. Choose the "The whole collective (JSON)" file.',
  'restore.storageUnavailable': 'This phone’s storage is not available. Nothing was created. Free some space or leave private browsing, then try again.',
  'restore.tooLarge': 'This file is too large for a collective backup. Nothing was created.',
  'restore.unreadable': 'This file could not be read. Nothing was created.',
}
