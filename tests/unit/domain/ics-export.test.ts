// The agenda file (.ics) of a family: read back with Mozilla's ical.js, a real RFC 5545 parser, never with our own import parser.
import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { familyCalendarOf, type FamilyCalendarModel } from '../../../src/domain/export/family-calendar.ts'
import { ExportedCalendarSchema, exportedCalendarOf, type ExportedCalendar } from '../../../src/domain/export/calendar-history.ts'
import { familyCalendarIcs, icsFileName, sequenceAt, type FamilyCalendar } from '../../../src/domain/calendar/ics-export.ts'
import { escapeText, foldLine } from '../../../src/domain/calendar/ics-text.ts'
import { parisToInstant } from '../../../src/domain/calendar/paris-time.ts'
import { localDate, type LocalDate, type TimeOfDay } from '../../../src/domain/dates.ts'
import type { Direction } from '../../../src/domain/line.ts'
import type { Adult, Child } from '../../../src/domain/people.ts'
import type { SignUp, Slot } from '../../../src/domain/signup.ts'
import { calendarTexts } from '../../../src/ui/components/agenda/agenda-texts.ts'
import { createTranslate } from '../../helpers/translate.ts'
import { join, replacementOffer, respond, WEEKLY } from './coordination-fixtures.ts'
import { actorId, adultId, childId, createException, createLine, createModel, createStop, familyId, lineId } from './rota-fixtures.ts'
import { offer, response } from './swaps-fixtures.ts'

const TEXTS = calendarTexts(createTranslate('fr'), 'fr')
/** Tuesday 2 March 2027, 07:00 in Paris. */
const NOW = Date.UTC(2027, 2, 2, 6, 0)
const TODAY = localDate('2027-03-02')
const PLACE = 'Place du 8 mai, côté école; entrée B'
const PHONE = '06 12 34 56 78'

const adult = (n: number, family: number, firstName: string): Adult => ({
  id: adultId(n),
  familyId: familyId(family),
  firstName,
  phone: PHONE,
  charterAcceptedOn: null,
  insured: true,
})

const child = (n: number, family: number, firstName: string): Child => ({
  id: childId(n),
  familyId: familyId(family),
  firstName,
  initial: 'M',
  routes: { aller: { lineId: lineId(1), stopId: createStop(1, 1, 1, {}).id } },
  days: [1, 2, 4, 5],
  support: 'Asthme : inhalateur dans le sac',
  countsExtra: false,
})

/** Adults 1 (Camille) and 2 (Dominique) are family 1, adult 3 (Sacha) family 2, adult 4 (Alix) family 3. */
const familyOfAdult = (n: number): number => (n <= 2 ? 1 : n - 1)

const sign = (n: number, slot: Slot, clock: number, date: string, direction: Direction = 'aller', line = 1, status: SignUp['status'] = 'active'): SignUp => ({
  lineId: lineId(line),
  date: localDate(date),
  direction,
  adultId: adultId(n),
  familyId: familyId(familyOfAdult(n)),
  slot,
  status,
  clock,
  actor: actorId(n),
})

const walk = (date: string, direction: Direction = 'aller') => ({ lineId: lineId(1), date: localDate(date), direction })

/** Adult 3 offers Tuesday 9 March; Dominique (adult 2, family 1) takes it. Camille offers Thursday 11 March; Sacha takes it. */
const takenOffer = { ...offer(1, 3, 10, { walk: walk('2027-03-09') }), familyId: familyId(2) }
const takenBySacha = { ...offer(2, 1, 12, { walk: walk('2027-03-11') }), familyId: familyId(1) }
const dominiqueTakes = { ...response(1, 2, 'take', 11), familyId: familyId(1) }
const sachaTakes = { ...response(2, 3, 'take', 13), familyId: familyId(2) }

const MODEL: FamilyCalendarModel = {
  ...createModel({
    profile: { name: 'Les Écureuils, Lyon; 3e', school: 'École Jules Ferry', town: 'Lyon' },
    lines: [createLine(1, { name: 'Ligne Verte' }), createLine(2, { name: 'Ligne Bleue', directions: ['aller'] })],
    stops: [
      { ...createStop(1, 1, 1, { aller: '08:10', retour: '16:50' }), name: PLACE },
      { ...createStop(2, 1, 2, { aller: '08:15', retour: '16:45' }), name: 'Rue des Écoles, devant la boulangerie « Au pain doré »' },
      { ...createStop(3, 1, 3, { aller: '08:25', retour: '16:35' }), name: 'École Jules Ferry' },
      { ...createStop(4, 2, 1, { aller: '08:00' }), name: 'Mairie' },
      { ...createStop(5, 2, 2, {}), name: 'Gymnase' },
    ],
    adults: [adult(1, 1, 'Camille'), adult(2, 1, 'Dominique'), adult(3, 2, 'Sacha'), adult(4, 3, 'Alix')],
    children: [child(1, 1, 'Léa'), child(2, 2, 'Noé')],
    signUps: [
      sign(1, 'lead', 1, '2027-03-01'), // yesterday: not exported
      sign(1, 'lead', 2, '2027-03-26'), // Friday before the change to summer time
      sign(1, 'lead', 3, '2027-03-29'), // Easter Monday: exported as cancelled
      sign(1, 'tail', 4, '2027-03-30'), // Tuesday after the change
      sign(2, 'lead', 5, '2027-03-30'), // two adults of the family on one walk: two events
      sign(3, 'lead', 6, '2027-03-04', 'retour'),
      sign(2, 'lead', 7, '2027-03-04', 'retour'), // waiting list: not exported
      sign(1, 'tail', 8, '2027-03-04', 'retour'),
      sign(2, 'lead', 9, '2027-03-05', 'aller', 1, 'withdrawn'), // withdrawn: exported as cancelled
      sign(3, 'lead', 9, '2027-03-09'),
      sign(1, 'lead', 10, '2027-03-11'),
      sign(1, 'lead', 11, '2027-03-12', 'aller', 2), // one timed stop: ends 45 min later
    ],
  }),
  swaps: { offers: [takenOffer, takenBySacha], responses: [dominiqueTakes, sachaTakes], releases: [] },
  coordination: { setting: WEEKLY, roster: [join(1, 1, 1), join(2, 2, 2)], offers: [], responses: [] },
}

/**
 * The same collective an hour before, as a previous export saw it: Dominique had not withdrawn from Friday 5 March
 * and Sacha had not taken Camille's Thursday 11 March.
 */
const BEFORE: FamilyCalendarModel = {
  ...MODEL,
  signUps: MODEL.signUps.map((signUp) => (signUp.date === '2027-03-05' ? { ...signUp, status: 'active' as const } : signUp)),
  swaps: { ...MODEL.swaps, responses: [dominiqueTakes] },
}

const calendarOf = (
  model: FamilyCalendarModel, now: number, previous: ExportedCalendar | null = null, today = TODAY,
): FamilyCalendar => familyCalendarOf(model, familyId(1), today, now, previous)

const exportAt = (now: number, model: FamilyCalendarModel = MODEL, previous: ExportedCalendar | null = null): string =>
  familyCalendarIcs({ ...calendarOf(model, now, previous), now, texts: TEXTS })

/** What the phone keeps of an export, read back through its stored form (JSON, then the schema the device db uses). */
const remembered = (calendar: FamilyCalendar, today = TODAY): ExportedCalendar =>
  ExportedCalendarSchema.parse(JSON.parse(JSON.stringify(exportedCalendarOf(calendar, today))))

/** The previous export, an hour before NOW, of the collective as it was then. */
const PREVIOUS = remembered(calendarOf(BEFORE, NOW - 3_600_000))

// X-WR-CALNAME is an extension that Apple and Google read as TEXT: ical.js is told so, to unescape it like any TEXT.
ICAL.design.defaultSet.property['x-wr-calname'] = { defaultType: 'text' }

const ICS = exportAt(NOW)
const calendar = new ICAL.Component(ICAL.parse(ICS))
const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component))
const eventByUid = (uid: string): ICAL.Event => {
  const found = events.find((event) => event.uid === uid)
  if (found === undefined) throw new Error(`no event ${uid}`)
  return found
}
const walkUidOf = (date: string, direction: Direction, adult: number, line = 1) => `${lineId(line)}-${date}-${direction}-${adultId(adult)}@pedibus-coop`
const periodUidOf = (start: string) => `${start}-${familyId(1)}-coordination@pedibus-coop`
const statusOf = (event: ICAL.Event): unknown => event.component.getFirstPropertyValue('status')
const eventsOf = (ics: string): ICAL.Event[] => new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((component) => new ICAL.Event(component))
const utcOf = (time: ICAL.Time): string => new Date(time.toUnixTime() * 1000).toISOString()

describe('family agenda file (.ics) read by ical.js', () => {
  it('parses as one VCALENDAR with the required calendar properties', () => {
    expect(calendar.name).toBe('vcalendar')
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0')
    expect(calendar.getFirstPropertyValue('prodid')).toMatch(/Pedibus Coop/)
    expect(calendar.getFirstPropertyValue('calscale')).toBe('GREGORIAN')
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH')
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Pédibus – Les Écureuils, Lyon; 3e')
    const zone = calendar.getFirstSubcomponent('vtimezone')
    expect(zone?.getFirstPropertyValue('tzid')).toBe('Europe/Paris')
    expect(zone?.getAllSubcomponents().map((part) => part.name).sort()).toEqual(['daylight', 'standard'])
    for (const event of events) {
      expect(event.component.getFirstPropertyValue('dtstamp')?.toString()).toBe('2027-03-02T06:00:00Z')
      expect(event.component.getFirstPropertyValue('sequence')).toBe(sequenceAt(NOW))
    }
  })

  it('has one event per walk a family adult holds from today on, and one per coordinator period', () => {
    expect(events.filter((event) => statusOf(event) === 'CONFIRMED').map((event) => event.uid).sort()).toEqual(
      [
        walkUidOf('2027-03-04', 'retour', 1),
        walkUidOf('2027-03-09', 'aller', 2), // taken from Sacha through a swap
        walkUidOf('2027-03-12', 'aller', 1, 2),
        walkUidOf('2027-03-26', 'aller', 1),
        walkUidOf('2027-03-30', 'aller', 1),
        walkUidOf('2027-03-30', 'aller', 2),
        // Weekly rotation of families 1 and 2 from 31 August 2026: family 1 has the even periods.
        periodUidOf('2027-03-01'),
        periodUidOf('2027-03-15'),
        periodUidOf('2027-03-29'),
        periodUidOf('2027-04-12'),
      ].sort(),
    )
  })

  it('holds no cancelled event on a first export: no agenda has those walks to cancel', () => {
    expect(events.filter((event) => statusOf(event) !== 'CONFIRMED').map((event) => event.uid)).toEqual([])
    const uids = events.map((event) => event.uid)
    expect(uids).not.toContain(walkUidOf('2027-03-05', 'aller', 2)) // withdrawn before any export
    expect(uids).not.toContain(walkUidOf('2027-03-11', 'aller', 1)) // given to Sacha before any export
    expect(uids).not.toContain(walkUidOf('2027-03-29', 'aller', 1)) // Easter Monday: never runs
  })

  it('marks cancelled on the next export the walks a previous export held and lost since: withdrawn, given away', () => {
    const again = eventsOf(exportAt(NOW, MODEL, PREVIOUS))
    expect(again.filter((event) => statusOf(event) === 'CANCELLED').map((event) => event.uid).sort()).toEqual(
      [
        walkUidOf('2027-03-05', 'aller', 2), // Dominique held it, then withdrew
        walkUidOf('2027-03-11', 'aller', 1), // Camille's slot taken by Sacha through a swap
      ].sort(),
    )
    const givenAway = again.find((event) => event.uid === walkUidOf('2027-03-11', 'aller', 1))
    expect(givenAway?.summary).toBe('Annulé – Pédibus – Ligne Verte, aller (conducteur)')
    expect(givenAway?.component.getFirstPropertyValue('transp')).toBe('TRANSPARENT')
    // Dominique only waited on Thursday's return, and Easter Monday never ran: no agenda had them.
    expect(again.map((event) => event.uid)).not.toContain(walkUidOf('2027-03-04', 'retour', 2))
    expect(again.map((event) => event.uid)).not.toContain(walkUidOf('2027-03-29', 'aller', 1))
  })

  it('keeps a cancellation on later exports while the walk is ahead, and forgets it once past', () => {
    const second = calendarOf(MODEL, NOW, PREVIOUS)
    const later = NOW + 60_000
    const third = eventsOf(familyCalendarIcs({ ...calendarOf(MODEL, later, remembered(second)), now: later, texts: TEXTS }))
    const cancelled = third.find((event) => event.uid === walkUidOf('2027-03-11', 'aller', 1))
    expect(cancelled && statusOf(cancelled)).toBe('CANCELLED')
    const afterwards = calendarOf(MODEL, NOW, remembered(second), localDate('2027-03-12'))
    expect(afterwards.walks.map((walk) => walk.date).filter((date) => date < '2027-03-12')).toEqual([])
    const kept = exportedCalendarOf(second, localDate('2027-03-12')).walks.map((walk) => walk.date)
    expect(kept.filter((date) => date < '2027-03-12')).toEqual([])
  })

  it('cancels, from what the phone remembers, a walk whose line was removed since the export', () => {
    const previous = remembered(calendarOf(MODEL, NOW))
    const withoutBlue: FamilyCalendarModel = {
      ...MODEL,
      lines: MODEL.lines.filter((line) => line.id !== lineId(2)),
      stops: MODEL.stops.filter((stop) => stop.lineId !== lineId(2)),
      signUps: MODEL.signUps.filter((signUp) => signUp.lineId !== lineId(2)),
    }
    const again = eventsOf(exportAt(NOW + 60_000, withoutBlue, previous))
    const gone = again.find((event) => event.uid === walkUidOf('2027-03-12', 'aller', 1, 2))
    expect(gone && statusOf(gone)).toBe('CANCELLED')
    expect(gone?.summary).toBe('Annulé – Pédibus – Ligne Bleue, aller (conducteur)')
  })

  it('lists a coordinator period handed over before any export nowhere, and cancels one handed over after', () => {
    const handedOver: FamilyCalendarModel = {
      ...MODEL,
      coordination: {
        ...MODEL.coordination,
        offers: [replacementOffer(1, 1, localDate('2027-03-15'), 30)],
        responses: [respond(1, 2, 'take', 31)],
      },
    }
    const first = eventsOf(exportAt(NOW, handedOver))
    expect(first.map((event) => event.uid)).not.toContain(periodUidOf('2027-03-15'))
    expect(first.filter((event) => statusOf(event) !== 'CONFIRMED')).toEqual([])
    const next = eventsOf(exportAt(NOW, handedOver, PREVIOUS))
    const period = next.find((event) => event.uid === periodUidOf('2027-03-15'))
    expect(period && statusOf(period)).toBe('CANCELLED')
    expect(period?.summary).toBe(`Annulé – ${TEXTS.coordinationSummary}`)
    const kept = next.find((event) => event.uid === periodUidOf('2027-03-29'))
    expect(kept && statusOf(kept)).toBe('CONFIRMED')
  })

  it('writes a SEQUENCE above the previous export’s, even when the phone’s clock went back', () => {
    const previous = remembered(calendarOf(MODEL, NOW))
    const earlier = NOW - 2 * 3_600_000
    const again = new ICAL.Component(ICAL.parse(exportAt(earlier, MODEL, previous)))
    const sequences = again.getAllSubcomponents('vevent').map((event) => event.getFirstPropertyValue('sequence'))
    expect(new Set(sequences)).toEqual(new Set([sequenceAt(NOW) + 1]))
  })

  it('keeps on the phone only a well-formed record of the export', () => {
    const good = exportedCalendarOf(calendarOf(MODEL, NOW), TODAY)
    expect(ExportedCalendarSchema.safeParse(good).success).toBe(true)
    expect(ExportedCalendarSchema.safeParse({ ...good, sequence: -1 }).success).toBe(false)
    const [first] = good.walks
    expect(first).toBeDefined()
    expect(ExportedCalendarSchema.safeParse({ ...good, walks: [{ ...first, date: '2027-02-30' }] }).success).toBe(false)
    expect(ExportedCalendarSchema.safeParse({ ...good, walks: [{ ...first, status: 'maybe' }] }).success).toBe(false)
  })

  it('times walks in Europe/Paris: 08:10 is 07:10Z before the change to summer time and 06:10Z after it', () => {
    const before = eventByUid(walkUidOf('2027-03-26', 'aller', 1))
    const after = eventByUid(walkUidOf('2027-03-30', 'aller', 1))
    expect(before.startDate.zone?.tzid).toBe('Europe/Paris')
    expect(utcOf(before.startDate)).toBe('2027-03-26T07:10:00.000Z')
    expect(utcOf(before.endDate)).toBe('2027-03-26T07:25:00.000Z')
    expect(utcOf(after.startDate)).toBe('2027-03-30T06:10:00.000Z')
    expect(utcOf(after.endDate)).toBe('2027-03-30T06:25:00.000Z')
    expect(ICS).toContain('DTSTART;TZID=Europe/Paris:20270326T081000\r\n')
  })

  it('agrees with the app’s own Paris time for every timed walk', () => {
    for (const event of events.filter((candidate) => !candidate.startDate.isDate)) {
      const { year, month, day, hour, minute } = event.startDate
      const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` as LocalDate
      const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}` as TimeOfDay
      expect(event.startDate.toUnixTime() * 1000).toBe(parisToInstant(date, time))
    }
  })

  it('names the line, direction and slot in the summary and the starting stop in the location', () => {
    const first = eventByUid(walkUidOf('2027-03-26', 'aller', 1))
    expect(first.summary).toBe('Pédibus – Ligne Verte, aller (conducteur)')
    expect(first.location).toBe(PLACE)
    expect(first.description.split('\n')).toEqual(['Camille, conducteur', 'Arrêts :', `08:10 ${PLACE}`, '08:15 Rue des Écoles, devant la boulangerie « Au pain doré »', '08:25 École Jules Ferry'])
    expect(ICS).toContain('LOCATION:Place du 8 mai\\, côté école\\; entrée B\r\n')
  })

  it('starts a return walk at its first stop on the way back, stops in walking order', () => {
    const back = eventByUid(walkUidOf('2027-03-04', 'retour', 1))
    expect(back.summary).toBe('Pédibus – Ligne Verte, retour (serre-file)')
    expect(back.location).toBe('École Jules Ferry')
    expect(utcOf(back.startDate)).toBe('2027-03-04T15:35:00.000Z')
    expect(utcOf(back.endDate)).toBe('2027-03-04T15:50:00.000Z')
    expect(back.description.split('\n').slice(2)).toEqual(['16:35 École Jules Ferry', '16:45 Rue des Écoles, devant la boulangerie « Au pain doré »', `16:50 ${PLACE}`])
  })

  it('ends a walk 45 minutes after its start when no later stop has a time', () => {
    const blue = eventByUid(walkUidOf('2027-03-12', 'aller', 1, 2))
    expect(blue.location).toBe('Mairie')
    expect(utcOf(blue.endDate)).toBe('2027-03-12T07:45:00.000Z')
    expect(blue.description).toContain('Gymnase (horaire non précisé)')
  })

  it('writes coordinator periods as all-day events with an exclusive end', () => {
    const period = eventByUid(periodUidOf('2027-03-01'))
    expect(period.startDate.isDate).toBe(true)
    expect(period.startDate.toString()).toBe('2027-03-01')
    expect(period.endDate.toString()).toBe('2027-03-08')
    expect(period.summary).toBe('Pédibus – coordination')
    expect(ICS).toContain('DTSTART;VALUE=DATE:20270301\r\n')
    expect(ICS).toContain('DTEND;VALUE=DATE:20270308\r\n')
  })

  it('keeps UIDs stable across exports and unique within one, with a growing SEQUENCE', () => {
    const later = NOW + 2 * 3_600_000
    const again = new ICAL.Component(ICAL.parse(exportAt(later, MODEL)))
    const uidsOf = (component: ICAL.Component) => component.getAllSubcomponents('vevent').map((event) => event.getFirstPropertyValue('uid'))
    const uids = uidsOf(calendar)
    expect(new Set(uids).size).toBe(uids.length)
    // Two hours later, same records: the same events, under the same UIDs.
    expect(uidsOf(again).sort()).toEqual([...uids].sort())
    expect(sequenceAt(later)).toBeGreaterThan(sequenceAt(NOW))
    expect(exportAt(NOW)).toBe(ICS)
  })

  it('brings back a walk withdrawn after an export under the same UID, cancelled', () => {
    expect(statusOf(eventByUid(walkUidOf('2027-03-26', 'aller', 1)))).toBe('CONFIRMED')
    const withdrawn: FamilyCalendarModel = {
      ...MODEL,
      signUps: MODEL.signUps.map((signUp) => (signUp.date === '2027-03-26' ? { ...signUp, status: 'withdrawn' as const, clock: 20 } : signUp)),
    }
    const again = eventsOf(exportAt(NOW + 3_600_000, withdrawn, remembered(calendarOf(MODEL, NOW))))
    const event = again.find((candidate) => candidate.uid === walkUidOf('2027-03-26', 'aller', 1))
    expect(event && statusOf(event)).toBe('CANCELLED')
    expect(event?.summary).toBe('Annulé – Pédibus – Ligne Verte, aller (conducteur)')
    const held = again.find((candidate) => candidate.uid === walkUidOf('2027-03-30', 'aller', 1))
    expect(held && statusOf(held)).toBe('CONFIRMED')
  })

  it('brings back a walk cancelled by an exception after an export under the same UID, cancelled', () => {
    expect(statusOf(eventByUid(walkUidOf('2027-03-30', 'aller', 1)))).toBe('CONFIRMED')
    const cancelled: FamilyCalendarModel = {
      ...MODEL,
      exceptions: [createException(1, { date: '2027-03-30', lineId: lineId(1), direction: 'aller', reason: 'strike', note: '' })],
    }
    const again = eventsOf(exportAt(NOW + 3_600_000, cancelled, remembered(calendarOf(MODEL, NOW))))
    for (const adult of [1, 2]) {
      const event = again.find((candidate) => candidate.uid === walkUidOf('2027-03-30', 'aller', adult))
      expect(event && statusOf(event)).toBe('CANCELLED')
    }
    const other = again.find((candidate) => candidate.uid === walkUidOf('2027-03-26', 'aller', 1))
    expect(other && statusOf(other)).toBe('CONFIRMED')
  })

  it('writes the cancelled summary in the phone’s language', () => {
    const english = familyCalendarIcs({ ...calendarOf(MODEL, NOW, PREVIOUS), now: NOW, texts: calendarTexts(createTranslate('en'), 'en') })
    const event = eventsOf(english).find((candidate) => candidate.uid === walkUidOf('2027-03-11', 'aller', 1))
    expect(event?.summary).toBe('Cancelled – Pédibus – Ligne Verte, to school (lead)')
  })

  it('folds every physical line to at most 75 octets, each ending with CRLF', () => {
    expect(ICS.endsWith('END:VCALENDAR\r\n')).toBe(true)
    const lines = ICS.split('\r\n')
    expect(lines.pop()).toBe('')
    expect(lines.some((line) => Buffer.byteLength(line, 'utf8') > 60)).toBe(true)
    for (const line of lines) {
      expect(line).not.toMatch(/[\r\n]/)
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75)
    }
    expect(ICS).not.toContain('\uFFFD')
  })

  it('holds no child’s name, support note nor phone number', () => {
    expect(ICS).not.toMatch(/Léa|Noé|Asthme|inhalateur/)
    expect(ICS).not.toContain(PHONE)
    const unfolded = ICS.replace(/\r\n /g, '')
    expect(unfolded.match(/(?:\+33 ?|\b0)[1-9](?:[ .]\d{2}){4}\b/)).toBeNull()
    expect(unfolded.match(/\b0[1-9]\d{8}\b/)).toBeNull()
  })
})

describe('ics text rules', () => {
  it('escapes backslash, semicolon, comma and line breaks, and drops control characters', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\u0007')).toBe('a\\\\b\\;c\\,d\\ne\\nf')
  })

  it('folds at 75 octets without splitting a multi-byte character or a surrogate pair', () => {
    for (const text of ['DESCRIPTION:' + 'é'.repeat(200), 'SUMMARY:' + '🚸'.repeat(60), 'X:' + 'a'.repeat(73), 'X:' + 'a'.repeat(74)]) {
      const lines = foldLine(text)
      for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75)
      for (const line of lines.slice(1)) expect(line.startsWith(' ')).toBe(true)
      expect(lines.map((line, i) => (i === 0 ? line : line.slice(1))).join('')).toBe(text)
      expect(lines.join('')).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/)
    }
    expect(foldLine('X:' + 'a'.repeat(73))).toHaveLength(1)
    expect(foldLine('X:' + 'a'.repeat(74))).toHaveLength(2)
  })

  it('names the file after the collective without accents', () => {
    expect(icsFileName('Les Écureuils, Lyon; 3e')).toBe('pedibus-les-ecureuils-lyon-3e.ics')
    expect(icsFileName('Pédibus des Lilas')).toBe('pedibus-des-lilas.ics')
    expect(icsFileName('  ')).toBe('pedibus.ics')
  })
})
