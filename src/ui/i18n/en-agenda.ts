// English text of the "Ajouter à mon agenda" (.ics export of my family's walks and coordinator periods): every key of fr-agenda.ts.
import type { frAgenda } from './fr-agenda.ts'

export const enAgenda: Readonly<Record<keyof typeof frAgenda, string>> = {
  'agenda.title': 'Add to my calendar',
  'agenda.intro': 'A file to open with your phone’s calendar: your family’s coming walks and coordinator periods. It is made on this phone.',
  'agenda.update': 'After a change, download it again on this phone and open it: the calendar is updated. A walk of the previous file cancelled, withdrawn or given away since shows there as cancelled.',
  'agenda.privacy': 'The file holds lines, stops and times, with no phone number and no child’s name.',
  'agenda.download': 'Download the calendar file (.ics)',
  'agenda.contents': 'It will hold {items}.',
  'agenda.walks.one': '{n} walk',
  'agenda.walks.other': '{n} walks',
  'agenda.cancelled.one': '{n} cancelled walk',
  'agenda.cancelled.other': '{n} cancelled walks',
  'agenda.periods.one': '{n} coordinator period',
  'agenda.periods.other': '{n} coordinator periods',
  'agenda.empty': 'Nothing to add yet: your family has no coming walk or coordinator period.',
  'agenda.whoFirst': 'First say who you are on this phone: the file holds your family’s walks.',
  'agenda.done': 'File {file} downloaded. Open it to add it to your calendar.',
  'agenda.failed': 'The file could not be made on this phone. Try again.',

  'agenda.ics.calendarName': 'Pédibus – {collective}',
  'agenda.ics.calendarNameNone': 'Pédibus',
  'agenda.ics.summary': 'Pédibus – {line}, {direction} ({slot})',
  'agenda.ics.cancelled': 'Cancelled – {summary}',
  'agenda.ics.holder': '{name}, {slot}',
  'agenda.ics.stops': 'Stops:',
  'agenda.ics.noTime': 'no time given',
  'agenda.ics.slot.lead': 'lead',
  'agenda.ics.slot.tail': 'tail',
  'agenda.ics.slot.extra': 'extra adult',
  'agenda.ics.coordination': 'Pédibus – coordination',
  'agenda.ics.coordinationText': 'Your family coordinates the Pédibus from {start} to {end}.',
}
