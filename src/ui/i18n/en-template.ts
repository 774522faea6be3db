// English texts of templates (issue 18): "Export as a template" (settings screen) and "Create from a template".
import type { frTemplate } from './fr-template.ts'

export const enTemplate: Readonly<Record<keyof typeof frTemplate, string>> = {
  'template.export': 'Export as a template',
  'template.exportHint': 'The lines, stops, times, access notes, settings, kinds of help and the charter, so another collective can start from your organisation. No family, adult, child, sign-up or note: this file can be shared.',

  'template.createTitle': 'Create from a template',
  'template.createIntro': 'Another collective gave you its template (a “modele-pedibus-….json” file)? The new collective takes its lines, stops, times, settings and charter. You choose the name, and it gets its own invite link.',
  'template.file': 'Template file (.json)',
  'template.reading': 'Reading the template…',
  'template.found': 'Template exported on {date}. Its lines:',
  'template.foundCharter': 'It holds a charter.',
  'template.noLine': 'This template has no line: only its settings and charter will be taken.',
  'template.foundLine': '{name} — stops: {stops}',
  'template.submit': 'Create the collective from the template',
  'template.error.tooBig': 'This file is too large for a template. Nothing was created.',
  'template.error.notATemplate': 'This file is not a collective template. Choose the “modele-pedibus-….json” file made with “Export as a template”. Nothing was created.',
  'template.error.wrongVersion': 'This template comes from another version of the app, which this one cannot read. Update the app, or ask for a new template. Nothing was created.',
  'template.error.invalidLine': 'Line no. {line} of this template is damaged (name, colour, days or a stop’s times). Nothing was created: ask for a new template.',
  'template.error.invalidTemplate': 'This template is damaged (settings, kinds of help or charter). Nothing was created: ask for a new template.',
  'template.error.unreadable': 'This file could not be read. Nothing was created.',
  'template.error.storageUnavailable': 'This phone’s storage is not available. Nothing was created. Free some space or leave private browsing, then try again.',
}
