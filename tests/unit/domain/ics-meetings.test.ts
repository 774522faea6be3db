// Meetings in a family's agenda file (.ics), read back with ical.js: timed in Paris, cancelled ones marked, no sealed value.
import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { familyCalendarIcs } from '../../../src/domain/calendar/ics-export.ts'
import { localDate, type TimeOfDay } from '../../../src/domain/dates.ts'
import { familyCalendarOf, type FamilyCalendarModel } from '../../../src/domain/export/family-calendar.ts'
import { createMeetingId, type Meeting } from '../../../src/domain/meeting.ts'
import { calendarTexts } from '../../../src/ui/components/agenda/agenda-texts.ts'
import { createTranslate } from '../../helpers/translate.ts'
import { WEEKLY } from './coordination-fixtures.ts'
import { createModel, familyId } from './rota-fixtures.ts'

const NOW = Date.UTC(2027, 2, 2, 6, 0)
const TODAY = localDate('2027-03-02')
const meeting = (date: string, extra: Partial<Meeting> = {}): Meeting => ({
  id: createMeetingId(), kind: 'assembly', date: localDate(date), time: '18:30' as TimeOfDay, place: 'Salle des fêtes; 1er étage',
  agenda: 'Rentrée\nAssurance', ...extra,
})
const past = meeting('2027-03-01')
const assembly = meeting('2027-03-18')
const snack = meeting('2027-03-20', { kind: 'snack', time: undefined, cancelled: true })

const MODEL: FamilyCalendarModel = {
  ...createModel({ profile: { name: 'Les Écureuils', school: 'École Jules Ferry', town: 'Lyon' } }),
  swaps: { offers: [], responses: [], releases: [] },
  coordination: { setting: WEEKLY, roster: [], offers: [], responses: [] },
  meetings: { meetings: [past, assembly, snack], replies: [] },
}

const eventsOf = (language: 'fr' | 'en') => {
  const ics = familyCalendarIcs({
    ...familyCalendarOf(MODEL, familyId(1), TODAY, NOW, null), now: NOW, texts: calendarTexts(createTranslate(language), language),
  })
  const calendar = new ICAL.Component(ICAL.parse(ics))
  return calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component))
}

describe('meetings in the family agenda file', () => {
  it('holds every meeting from today on, timed in Paris, without its place or agenda (sealed: the file leaves the app)', () => {
    const events = eventsOf('fr')
    expect(events.map((event) => event.uid)).toEqual([`meeting-${assembly.id}@pedibus-coop`, `meeting-${snack.id}@pedibus-coop`])
    const first = events[0]!
    expect(first.summary).toBe('Pédibus – assemblée du collectif')
    expect(first.location).toBeNull()
    expect(first.description).toBe('Le lieu et l’ordre du jour sont dans l’application Pédibus.')
    expect(first.startDate.toString()).toBe('2027-03-18T18:30:00')
    expect(first.startDate.zone?.tzid).toBe('Europe/Paris')
    expect(first.endDate.toString()).toBe('2027-03-18T20:00:00')
  })

  it('marks a cancelled meeting cancelled, all day when it has no time', () => {
    const cancelled = eventsOf('en')[1]!
    expect(cancelled.summary).toBe('Cancelled – Pédibus – snack')
    expect(cancelled.component.getFirstPropertyValue('status')).toBe('CANCELLED')
    expect(cancelled.startDate.isDate).toBe(true)
  })
})
