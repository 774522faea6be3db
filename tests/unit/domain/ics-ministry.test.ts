// The ministry's school calendar (.ics): zero-length start events kept and used, the zones of a combined file found and
// one chosen, the spans zones share joined, malformed text refused.
import { describe, expect, it } from 'vitest'
import { parseHolidayIcs, readHolidayIcs } from '../../../src/domain/calendar/ics.ts'
import { COMBINED_EVENTS, combinedMinistryIcs, zoneBMinistryIcs } from '../../helpers/ministry-ics.ts'

const calendar = (...body: string[]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//FR', ...body, 'END:VCALENDAR'].join('\r\n')
const event = (...props: string[]) => ['BEGIN:VEVENT', ...props, 'END:VEVENT'].join('\r\n')
const day = (name: string, date: string) => `${name};VALUE=DATE:${date}`
/** The expected result: periods as [first day, last day, name]. */
const periods = (...list: [string, string, string][]) =>
  ({ ok: true, value: list.map(([start, end, label]) => ({ start, end, label })) })
const SUMMER_2029: [string, string, string] = ['2029-07-07', '2029-09-02', "Vacances d'Été"]

describe('zero-length events (DTEND = DTSTART, or no DTEND)', () => {
  it('"Début des Vacances" starts a period that the next "Rentrée scolaire des élèves" ends the day before', () => {
    const text = calendar(
      event(day('DTSTART', '20290707'), day('DTEND', '20290707'), "SUMMARY:Début des Vacances d'Été - Zone A"),
      event(day('DTSTART', '20290903'), day('DTEND', '20290903'), 'SUMMARY:Rentrée scolaire des élèves - Zone A'),
    )
    expect(parseHolidayIcs(text)).toEqual(periods(SUMMER_2029))
  })

  it('reads the same from DATE-TIME values at midnight with a TZID', () => {
    const text = calendar(
      event(
        'DTSTART;TZID=Europe/Paris:20290707T000000', 'DTEND;TZID=Europe/Paris:20290707T000000',
        "SUMMARY:Début des Vacances d'Été",
      ),
      event('DTSTART;TZID=Europe/Paris:20290903T000000', 'SUMMARY:Rentrée scolaire des élèves'),
    )
    expect(parseHolidayIcs(text)).toEqual(periods(SUMMER_2029))
  })

  it('an older one-zone file (starts without DTEND) imports without asking, the summer ended by the rentrée', () => {
    expect(readHolidayIcs(zoneBMinistryIcs())).toMatchObject({ ok: true, value: { zones: ['B'] } })
    expect(parseHolidayIcs(zoneBMinistryIcs())).toEqual(periods(
      ['2028-10-21', '2028-11-05', 'Vacances de la Toussaint'],
      ['2029-02-17', '2029-03-04', "Vacances d'hiver"],
      ['2029-07-07', '2029-09-02', "Vacances d'été"],
    ))
  })

  it('the rentrée is a school day, never a holiday; one days after a period ends makes the days between holidays', () => {
    const alone = calendar(
      event(day('DTSTART', '20280904'), 'SUMMARY:Rentrée scolaire des élèves'),
      event(day('DTSTART', '20281021'), day('DTEND', '20281106'), 'SUMMARY:Vacances de la Toussaint'),
    )
    expect(parseHolidayIcs(alone)).toEqual(periods(['2028-10-21', '2028-11-05', 'Vacances de la Toussaint']))
    // Summer given up to Tuesday 31 August (DTEND 1 September), classes resuming on Thursday 2 September: the
    // Wednesday has no school either (issue 16: a Wednesday-walking collective got a walk that day).
    const late = calendar(
      event(day('DTSTART', '20270703'), day('DTEND', '20270901'), "SUMMARY:Vacances d'Été"),
      event(day('DTSTART', '20270902'), day('DTEND', '20270902'), 'SUMMARY:Rentrée scolaire des élèves'),
    )
    expect(parseHolidayIcs(late)).toEqual(periods(['2027-07-03', '2027-09-01', "Vacances d'Été"]))
  })

  it('a start with no rentrée after it ends on 31 August; another zero-length event is one day; teachers’ are skipped', () => {
    const text = calendar(
      event(day('DTSTART', '20290521'), day('DTEND', '20290521'), 'SUMMARY:Lundi de Pentecôte'),
      event(day('DTSTART', '20290707'), day('DTEND', '20290707'), "SUMMARY:Début des Vacances d'Été"),
      event(day('DTSTART', '20290831'), day('DTEND', '20290831'), 'SUMMARY:Prérentrée des enseignants'),
      event(day('DTSTART', '20290830'), 'SUMMARY:Rentrée scolaire des enseignants'),
    )
    expect(parseHolidayIcs(text)).toEqual(periods(
      ['2029-05-21', '2029-05-21', 'Lundi de Pentecôte'],
      ['2029-07-07', '2029-08-31', "Vacances d'Été"],
    ))
  })

  it('a file of only a rentrée has nothing to import', () => {
    const rentree = calendar(event(day('DTSTART', '20280904'), 'SUMMARY:Rentrée scolaire des élèves'))
    expect(parseHolidayIcs(rentree)).toEqual({ ok: false, error: 'noEvents' })
  })
})

describe('a combined file holding several zones', () => {
  const combined = combinedMinistryIcs()

  it('lists its zones in a fixed order (A, B, C, Corse, then overseas)', () => {
    const zones = ['A', 'B', 'C', 'corse', 'guadeloupe']
    expect(readHolidayIcs(combined)).toMatchObject({ ok: true, value: { zones } })
  })

  it('imports nothing until a zone is chosen, and refuses a zone the file does not hold', () => {
    expect(parseHolidayIcs(combined)).toEqual({ ok: false, error: 'zoneRequired' })
    expect(parseHolidayIcs(combined, 'martinique')).toEqual({ ok: false, error: 'zoneRequired' })
  })

  it('zone A: only its periods, the spans it shares with other zones joined, named without the zones', () => {
    expect(parseHolidayIcs(combined, 'A')).toEqual(periods(
      ['2028-10-21', '2028-11-05', 'Vacances de la Toussaint'],
      ['2028-12-23', '2029-01-07', 'Vacances de Noël'],
      ['2029-02-10', '2029-02-25', "Vacances d'Hiver"],
      ['2029-04-14', '2029-04-29', 'Vacances de Printemps'],
      ['2029-05-10', '2029-05-13', "Pont de l'Ascension"],
      SUMMER_2029,
    ))
  })

  it('zones B and C get their own winter', () => {
    const winter = (zone: 'B' | 'C') => {
      const result = parseHolidayIcs(combined, zone)
      return result.ok ? result.value.filter((holiday) => holiday.label === "Vacances d'Hiver") : result
    }
    expect(winter('B')).toEqual([{ start: '2029-02-17', end: '2029-03-04', label: "Vacances d'Hiver" }])
    expect(winter('C')).toEqual([{ start: '2029-02-03', end: '2029-02-18', label: "Vacances d'Hiver" }])
  })

  it('Corse imports its own calendar when chosen: its winter, Lundi de Pentecôte, its earlier summer', () => {
    expect(parseHolidayIcs(combined, 'corse')).toEqual(periods(
      ['2028-10-21', '2028-11-05', 'Vacances de la Toussaint'],
      ['2028-12-23', '2029-01-07', 'Vacances de Noël'],
      ['2029-02-17', '2029-03-04', "Vacances d'Hiver"],
      ['2029-04-14', '2029-04-29', 'Vacances de Printemps'],
      ['2029-05-10', '2029-05-13', "Pont de l'Ascension"],
      ['2029-05-21', '2029-05-21', 'Lundi de Pentecôte'],
      ['2029-06-30', '2029-09-02', "Vacances d'Été"],
    ))
  })

  it('an overseas académie imports when chosen; its summer, with no rentrée in the file, runs to 31 August', () => {
    expect(parseHolidayIcs(combined, 'guadeloupe')).toEqual(periods(
      ['2028-10-20', '2028-11-04', 'Vacances de la Toussaint'],
      ['2029-02-10', '2029-02-18', 'Vacances de Carnaval'],
      ['2029-07-06', '2029-08-31', "Vacances d'Été"],
    ))
  })

  it('reads zones from LOCATION, SUMMARY or DESCRIPTION as copies spell them; an event naming none is for all', () => {
    const text = calendar(
      event(day('DTSTART', '20281021'), day('DTEND', '20281106'), 'SUMMARY:Vacances de la Toussaint'),
      event(day('DTSTART', '20290210'), day('DTEND', '20290226'), "SUMMARY:Vacances d'hiver", 'LOCATION:Zone A'),
      event(day('DTSTART', '20290217'), day('DTEND', '20290305'), "DESCRIPTION:Vacances d'hiver - Zones B et C"),
      event(day('DTSTART', '20290414'), day('DTEND', '20290430'), 'SUMMARY:Vacances de printemps – La Réunion'),
      event(
        day('DTSTART', '20290105'), day('DTEND', '20290106'), 'SUMMARY:Réunion des parents',
        'LOCATION:Salle de réunion\\, Zone A',
      ),
    )
    expect(readHolidayIcs(text)).toMatchObject({ ok: true, value: { zones: ['A', 'B', 'C', 'reunion'] } })
    expect(parseHolidayIcs(text, 'C')).toEqual(periods(
      ['2028-10-21', '2028-11-05', 'Vacances de la Toussaint'],
      ['2029-02-17', '2029-03-04', "Vacances d'hiver"],
    ))
    expect(parseHolidayIcs(text, 'reunion')).toEqual(periods(
      ['2028-10-21', '2028-11-05', 'Vacances de la Toussaint'],
      ['2029-04-14', '2029-04-29', 'Vacances de printemps'],
    ))
  })

  it('a combined file cut short or with a broken component is refused whole: nothing to import', () => {
    const invalid = { ok: false, error: 'invalidIcs' }
    expect(parseHolidayIcs(combined.slice(0, Math.floor(combined.length / 2)), 'A')).toEqual(invalid)
    expect(parseHolidayIcs(combined.replace('END:VTIMEZONE', 'END:VEVENT'), 'A')).toEqual(invalid)
    expect(readHolidayIcs(combined.slice(0, 200))).toEqual({ ok: false, error: 'invalidIcs' })
  })

  it('keeps every zero-length event of the file: each zone’s summer start and rentrée are used', () => {
    const zeroLength = COMBINED_EVENTS.filter((e) => e.start === e.end)
    expect(zeroLength.map((e) => e.what)).toContain('Rentrée scolaire des élèves')
    for (const zone of ['A', 'B', 'C'] as const) {
      const [start, end, label] = SUMMER_2029
      expect(parseHolidayIcs(combined, zone)).toMatchObject({ ok: true, value: expect.arrayContaining([{ start, end, label }]) })
    }
  })
})
