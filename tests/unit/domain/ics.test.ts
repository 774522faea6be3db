// ICS import of holidays: folded lines, CRLF, exclusive DTEND, other components ignored, garbage never throws.
import { describe, expect, it } from 'vitest'
import { MAX_ICS_CHARS, parseHolidayIcs } from '../../../src/domain/calendar/ics.ts'
import { seededRandom } from '../../helpers/seeded-random.ts'

const calendar = (...body: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//FR', ...body, 'END:VCALENDAR'].join('\r\n')
const event = (...props: string[]) => ['BEGIN:VEVENT', ...props, 'END:VEVENT'].join('\r\n')

describe('parseHolidayIcs', () => {
  it('reads a date event with an exclusive DTEND as an inclusive period', () => {
    const text = calendar(event('UID:1', 'DTSTART;VALUE=DATE:20271023', 'DTEND;VALUE=DATE:20271108', 'SUMMARY:Vacances de la Toussaint'))
    expect(parseHolidayIcs(text)).toEqual({ ok: true, value: [{ start: '2027-10-23', end: '2027-11-07', label: 'Vacances de la Toussaint' }] })
  })

  it('unfolds folded lines (CRLF and LF, space or tab) and unescapes text', () => {
    const text = calendar(event('DTSTART;VALUE=DATE:20280212', 'DTEND;VALUE=DATE:20280228', 'SUMMARY:Vacances d\'hiver\\, zo', ' ne A')).replace(/\r\n/g, '\n')
    const folded = calendar(event('DTSTART;VALUE=DATE:2028', '\t0212', 'DTEND;VALUE=DATE:20280228', 'SUMMARY:Hiver'))
    expect(parseHolidayIcs(text)).toEqual({ ok: true, value: [{ start: '2028-02-12', end: '2028-02-27', label: "Vacances d'hiver, zone A" }] })
    expect(parseHolidayIcs(folded)).toMatchObject({ ok: true, value: [{ start: '2028-02-12', end: '2028-02-27' }] })
  })

  it('a date event without DTEND lasts one day; DURATION counts days', () => {
    const text = calendar(event('DTSTART;VALUE=DATE:20280526', 'SUMMARY:Pont'), event('DTSTART;VALUE=DATE:20280701', 'DURATION:P2W', 'SUMMARY:Été'))
    expect(parseHolidayIcs(text)).toEqual({
      ok: true,
      value: [
        { start: '2028-05-26', end: '2028-05-26', label: 'Pont' },
        { start: '2028-07-01', end: '2028-07-14', label: 'Été' },
      ],
    })
  })

  it('reads UTC date-times in Paris time (22:00Z is the next day in Paris in winter)', () => {
    const text = calendar(event('DTSTART:20271022T220000Z', 'DTEND:20271107T230000Z', 'SUMMARY:Toussaint'))
    expect(parseHolidayIcs(text)).toMatchObject({ ok: true, value: [{ start: '2027-10-23', end: '2027-11-07' }] })
  })

  it('ignores other components, alarms inside events, and events without a usable start', () => {
    const text = calendar(
      'BEGIN:VTODO', 'DTSTART;VALUE=DATE:20280101', 'SUMMARY:Faire les courses', 'END:VTODO',
      event('DTSTART;VALUE=DATE:20280408', 'DTEND;VALUE=DATE:20280424', 'SUMMARY:Printemps', 'BEGIN:VALARM', 'SUMMARY:Rappel', 'TRIGGER:-P1D', 'END:VALARM'),
      event('DTSTART;VALUE=DATE:20281345', 'SUMMARY:Date impossible'),
      event('SUMMARY:Sans date'),
      event('DTSTART;VALUE=DATE:20280110', 'DTEND;VALUE=DATE:20280105', 'SUMMARY:Fin avant début'),
    )
    expect(parseHolidayIcs(text)).toEqual({ ok: true, value: [{ start: '2028-04-08', end: '2028-04-23', label: 'Printemps' }] })
  })

  it('gives a default label, removes duplicates and sorts by start', () => {
    const a = event('DTSTART;VALUE=DATE:20280408', 'DTEND;VALUE=DATE:20280424')
    const b = event('DTSTART;VALUE=DATE:20280212', 'DTEND;VALUE=DATE:20280228', 'SUMMARY:Hiver')
    expect(parseHolidayIcs(calendar(a, b, a))).toEqual({
      ok: true,
      value: [
        { start: '2028-02-12', end: '2028-02-27', label: 'Hiver' },
        { start: '2028-04-08', end: '2028-04-23', label: 'Vacances' },
      ],
    })
  })

  it('says noEvents for a calendar without a usable event', () => {
    expect(parseHolidayIcs(calendar())).toEqual({ ok: false, error: 'noEvents' })
    expect(parseHolidayIcs(calendar(event('SUMMARY:rien')))).toEqual({ ok: false, error: 'noEvents' })
  })

  it.each([
    ['empty text', ''],
    ['not a calendar', 'hello world'],
    ['JSON', '{"BEGIN":"VCALENDAR"}'],
    ['unterminated', 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20280101'],
    ['mismatched END', 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VCALENDAR'],
  ])('says invalidIcs for %s', (_name, text) => {
    expect(parseHolidayIcs(text)).toEqual({ ok: false, error: 'invalidIcs' })
  })

  it('refuses input over the size bound and values that are not text', () => {
    expect(parseHolidayIcs(calendar(event('DTSTART;VALUE=DATE:20280101'), 'X-PAD:' + 'x'.repeat(MAX_ICS_CHARS)))).toEqual({ ok: false, error: 'invalidIcs' })
    expect(parseHolidayIcs(undefined)).toEqual({ ok: false, error: 'invalidIcs' })
    expect(parseHolidayIcs(42)).toEqual({ ok: false, error: 'invalidIcs' })
  })

  it('never throws on random garbage built from ICS fragments (seeded)', () => {
    const seed = Number(process.env.ICS_SEED ?? 5545)
    const random = seededRandom(seed)
    const pieces = ['BEGIN:', 'END:', 'VCALENDAR', 'VEVENT', 'VALARM', 'DTSTART', ';VALUE=DATE', ':', '2027', '1332', 'T', 'Z', '\r\n', '\n ', '"', ';', '\\', 'é', '\u0000', 'SUMMARY:', 'DURATION:P', 'W']
    for (let round = 0; round < 500; round += 1) {
      const text = Array.from({ length: Math.floor(random() * 60) }, () => pieces[Math.floor(random() * pieces.length)]).join('')
      const result = parseHolidayIcs(text)
      expect(typeof result.ok, `seed ${seed}, round ${round}: ${JSON.stringify(text)}`).toBe('boolean')
    }
  })
})
