// Print views without a browser: the week sheet rendered to a string (holders with their family, "à pourvoir", cancellations),
import { EMPTY_PLANNING } from '../../../src/domain/planning/records.ts'
// the address parsing, the poster's stretch until the holidays, children by stop in walking order, the period's contact.
import { renderToString } from 'preact-render-to-string'
import { describe, expect, it } from 'vitest'
import type { CollectiveView } from '../../../src/app/api.ts'
import { DEFAULT_ROSTER_SETTING, type RosterEntry } from '../../../src/domain/coordination/records.ts'
import { localDate, type TimeOfDay } from '../../../src/domain/dates.ts'
import { ActorIdSchema, AdultIdSchema, ChildIdSchema, FamilyIdSchema, LineIdSchema, StopIdSchema } from '../../../src/domain/ids.ts'
import type { Line, Stop } from '../../../src/domain/line.ts'
import type { Adult, Child } from '../../../src/domain/people.ts'
import { DEFAULT_SETTINGS } from '../../../src/domain/settings.ts'
import type { SignUp } from '../../../src/domain/signup.ts'
import { NO_SWAP_RECORDS } from '../../../src/domain/swaps/records.ts'
import { NO_WALK_LOG, type Absence, AbsenceIdSchema } from '../../../src/domain/walk-log/records.ts'
import { accessText } from '../../../src/ui/components/print/PosterSheet.tsx'
import { childrenByStop, contactOn, lineDays, lineWeek, missingSlots, posterStretch } from '../../../src/app/queries/print/print-model.ts'
import { parseWalkParams, parseWeekParams } from '../../../src/app/queries/print/print-params.ts'
import { WeekSheet } from '../../../src/ui/components/print/WeekSheet.tsx'
import { createTranslate } from '../../../src/ui/i18n/translate.ts'

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
const lineId = LineIdSchema.parse(uuid(1))
const martin = FamilyIdSchema.parse(uuid(10))
const nguyen = FamilyIdSchema.parse(uuid(11))
const lea = AdultIdSchema.parse(uuid(20))
const paul = AdultIdSchema.parse(uuid(21))
const actor = ActorIdSchema.parse(uuid(30))
const stopIds = [StopIdSchema.parse(uuid(40)), StopIdSchema.parse(uuid(41)), StopIdSchema.parse(uuid(42))]
const tom = ChildIdSchema.parse(uuid(50))
const nina = ChildIdSchema.parse(uuid(51))
const ali = ChildIdSchema.parse(uuid(52))

const line: Line = { id: lineId, name: 'Ligne Verte', colour: '#1f5f3f', directions: ['aller', 'retour'], days: [1, 2, 4, 5] }
const stop = (index: number, name: string, aller: string, retour: string, access: Partial<Stop['access']> = {}): Stop => ({
  id: stopIds[index] ?? stopIds[0]!, lineId, name, position: index + 1,
  times: { aller: aller as TimeOfDay, retour: retour as TimeOfDay },
  access: { stepFree: false, dangerousCrossing: false, note: '', ...access },
})
const stops = [
  stop(0, 'Place du Marché', '08:05', '16:50'),
  stop(1, 'Rue des Lilas', '08:10', '16:45', { dangerousCrossing: true, note: 'feu piéton' }),
  stop(2, 'Parc des Pins', '08:15', '16:40', { stepFree: true }),
]
const adults: Adult[] = [
  { id: lea, familyId: martin, firstName: 'Léa', phone: '06 11 22 33 44', charterAcceptedOn: null, insured: true },
  { id: paul, familyId: nguyen, firstName: 'Paul', phone: '06 55 66 77 88', charterAcceptedOn: null, insured: true },
]
const child = (id: typeof tom, familyId: typeof martin, firstName: string, initial: string, stopIndex: number): Child => ({
  id, familyId, firstName, initial, days: [1, 2, 4, 5], support: '', countsExtra: false,
  routes: { aller: { lineId, stopId: stopIds[stopIndex]! }, retour: { lineId, stopId: stopIds[stopIndex]! } },
})
const children = [child(tom, martin, 'Tom', 'M', 0), child(nina, nguyen, 'Nina', 'N', 2), child(ali, nguyen, 'Ali', 'N', 2)]
const signUp = (date: string, direction: 'aller' | 'retour', adultId: typeof lea, familyId: typeof martin, slot: SignUp['slot'], clock: number): SignUp =>
  ({ lineId, date: localDate(date), direction, adultId, familyId, slot, status: 'active', clock, actor })
const roster: RosterEntry[] = [{ familyId: martin, accepted: true, position: 1, from: localDate('2027-03-08'), clock: 1, actor }]

const view = (part: Partial<CollectiveView> = {}): CollectiveView => ({
  profile: { name: 'Pédibus des Écureuils', school: 'École Jules Ferry', town: 'Lesparre-Médoc' },
  settings: DEFAULT_SETTINGS, lines: [line], stops, families: [{ id: martin, displayName: 'Famille Martin' }, { id: nguyen, displayName: 'Famille Nguyen' }],
  adults, children, exceptions: [], holidays: [], signUps: [signUp('2027-03-11', 'aller', lea, martin, 'lead', 1), signUp('2027-03-11', 'aller', paul, nguyen, 'tail', 2)],
  toCheck: [], schemaVersion: 1, holidayOverrides: [], swaps: NO_SWAP_RECORDS, walkLog: NO_WALK_LOG, planning: EMPTY_PLANNING,
  coordination: { setting: DEFAULT_ROSTER_SETTING, roster, offers: [], responses: [], notes: [], acks: [] },
  ...part,
})
const NOW = new Date('2027-03-02T09:00:00+01:00').getTime()
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ')

describe('the printed week of a line', () => {
  const render = (model: CollectiveView, monday: string) => {
    const days = lineWeek(model, lineId, localDate(monday), NOW)
    return text(renderToString(
      <WeekSheet line={line} monday={localDate(monday)} days={days} adults={model.adults} families={model.families}
        collective={model.profile?.name ?? null} contact={contactOn(model, localDate(monday))} today={localDate('2027-03-02')} />,
    ))
  }

  it('names each holder with their family, says "à pourvoir" for free places, and gives the collective and its contact', () => {
    const html = render(view(), '2027-03-08')
    expect(html).toContain('Ligne Verte : semaine du lundi 8 mars 2027')
    expect(html).toContain('Pédibus des Écureuils')
    expect(html).toContain('Jeudi 11 mars')
    expect(html).toContain('Conducteur : Léa (Famille Martin)')
    expect(html).toContain('Serre-file : Paul (Famille Nguyen)')
    expect(html).toContain('Serre-file : à pourvoir') // the other walks of the week
    expect(html).toContain('Départ 08:05 · 3 enfants')
    expect(html).toContain('Départ 16:40 · 3 enfants') // the retour starts at the far end of the line
    expect(html).toContain('Contact : coordination Famille Martin, 06 11 22 33 44')
    expect(html).toContain('Imprimé le mardi 2 mars 2027.')
    expect(html).not.toContain('Mercredi') // the line does not run on Wednesdays
  })

  it('says a cancelled day once, with its reason', () => {
    const html = render(view(), '2027-03-29') // Easter Monday 29 March 2027
    expect(html).toContain('Lundi 29 mars')
    expect(html.match(/Annulé : jour férié \(Lundi de Pâques\)/g)).toHaveLength(1)
  })

  it('asks for the extra places a big group needs', () => {
    const many = Array.from({ length: 17 }, (_, n) => ({ ...child(ChildIdSchema.parse(uuid(100 + n)), martin, `Enfant${n}`, 'M', 0) }))
    const rota = lineWeek(view({ children: many }), lineId, localDate('2027-03-08'), NOW)[0]?.walks.aller
    expect(rota && missingSlots(rota)).toEqual(['lead', 'tail', 'extra'])
  })
})

describe('print addresses', () => {
  it('parses a line id, a real date and a direction, and names the wrong segment', () => {
    expect(parseWeekParams({ lineId, monday: '2027-03-08' })).toEqual({ ok: true, value: { lineId, monday: '2027-03-08' } })
    expect(parseWeekParams({ lineId: 'ligne', monday: '2027-03-08' })).toEqual({ ok: false, error: 'line' })
    expect(parseWeekParams({ lineId, monday: '2027-02-30' })).toEqual({ ok: false, error: 'date' })
    expect(parseWalkParams({ lineId, date: '2027-03-11', direction: 'retour' })).toEqual({ ok: true, value: { lineId, date: '2027-03-11', direction: 'retour' } })
    expect(parseWalkParams({ lineId, date: '2027-03-11', direction: 'ailleurs' })).toEqual({ ok: false, error: 'direction' })
    expect(parseWalkParams({ lineId, date: undefined, direction: 'aller' })).toEqual({ ok: false, error: 'date' })
  })
})

describe('the stop poster', () => {
  it('covers this week until the day before the next school holidays (zone A spring: 10 April 2027)', () => {
    expect(posterStretch(view(), localDate('2027-03-02'))).toEqual({ from: '2027-03-01', to: '2027-04-09' })
  })

  it('stops after seven weeks when no holiday comes sooner', () => {
    expect(posterStretch(view(), localDate('2027-01-05'))).toEqual({ from: '2027-01-04', to: '2027-02-12' }) // winter: from Saturday 13 February
    // After the Ascension bridge, summer (3 July) is more than seven weeks away.
    expect(posterStretch(view(), localDate('2027-05-11'))).toEqual({ from: '2027-05-10', to: '2027-06-27' })
  })

  it('during holidays, starts with the week school resumes', () => {
    expect(posterStretch(view(), localDate('2027-04-14')).from).toBe('2027-04-26')
  })

  it('lists the days of the line only, and says the access of each stop', () => {
    const days = lineDays(view(), lineId, localDate('2027-03-08'), localDate('2027-03-14'), NOW)
    expect(days.map((day) => day.date)).toEqual(['2027-03-08', '2027-03-09', '2027-03-11', '2027-03-12'])
    const t = createTranslate('fr')
    expect(stops.map((s) => accessText(t, s))).toEqual(['', 'traversée dangereuse ; feu piéton', 'sans marche'])
  })
})

describe('a walk on paper', () => {
  const thursday = (model: CollectiveView, direction: 'aller' | 'retour') => {
    const rota = lineWeek(model, lineId, localDate('2027-03-08'), NOW).find((day) => day.date === '2027-03-11')?.walks[direction]
    if (!rota) throw new Error('no walk on Thursday')
    return rota
  }
  const names = (model: CollectiveView, direction: 'aller' | 'retour') =>
    childrenByStop(model, thursday(model, direction)).map((group) => [group.stop?.name ?? null, group.children.map((entry) => `${entry.label}${entry.absent ? ' (absent)' : ''}`)])

  it('lists the stops in walking order with their children; the retour walks them backwards', () => {
    expect(names(view(), 'aller')).toEqual([['Place du Marché', ['Tom M.']], ['Rue des Lilas', []], ['Parc des Pins', ['Ali N.', 'Nina N.']]])
    expect(names(view(), 'retour')).toEqual([['Parc des Pins', ['Ali N.', 'Nina N.']], ['Rue des Lilas', []], ['Place du Marché', ['Tom M.']]])
  })

  it('keeps a child declared absent on the sheet, flagged, and gathers children whose stop is gone at the end', () => {
    const absence: Absence = {
      id: AbsenceIdSchema.parse(uuid(60)), childId: nina, familyId: nguyen, from: localDate('2027-03-11'), to: localDate('2027-03-11'),
      direction: null, note: '', clock: 3, actor, at: '2027-03-02T09:00:00+01:00',
    }
    const lost = { ...child(ChildIdSchema.parse(uuid(53)), martin, 'Zoé', 'M', 0), routes: { aller: { lineId, stopId: StopIdSchema.parse(uuid(49)) } } }
    expect(names(view({ absences: [absence], children: [...children, lost] }), 'aller')).toEqual([
      ['Place du Marché', ['Tom M.']], ['Rue des Lilas', []], ['Parc des Pins', ['Ali N.', 'Nina N. (absent)']], [null, ['Zoé M.']],
    ])
  })

  it('names the coordinator of the period, or the next one before the roster starts, with a phone', () => {
    expect(contactOn(view(), localDate('2027-03-11'))).toEqual({ familyName: 'Famille Martin', phone: '06 11 22 33 44' })
    expect(contactOn(view(), localDate('2027-03-02'))).toEqual({ familyName: 'Famille Martin', phone: '06 11 22 33 44' })
    expect(contactOn(view({ coordination: { ...view().coordination, roster: [] } }), localDate('2027-03-11'))).toBeNull()
  })
})
