// Rendered walk-mode pieces: stops in walking order with their children, big mark buttons (pressed state), disagreements named,
// tap-to-call, the counts line, departures and arrival with their time, the emergency card's phones, arrival notices' text.
import { renderToString } from 'preact-render-to-string'
import { LocationProvider } from 'preact-iso'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { CollectiveView, DeviceIdentity, SessionIdentity, SessionState, WalkLogCommands } from '../../../src/app/api.ts'
import { localDate, TimeOfDaySchema } from '../../../src/domain/dates.ts'
import { ActorIdSchema, AdultIdSchema, ChildIdSchema, FamilyIdSchema, LineIdSchema, StopIdSchema } from '../../../src/domain/ids.ts'
import type { Line, Stop } from '../../../src/domain/line.ts'
import type { Adult, Child } from '../../../src/domain/people.ts'
import type { SignUp, WalkRef } from '../../../src/domain/signup.ts'
import { AbsenceIdSchema, NO_WALK_LOG, type Absence, type CheckIn, type WalkEvent, type WalkLogRecords } from '../../../src/domain/walk-log/records.ts'
import { createTranslate } from '../../helpers/translate.ts'
import { TodayWalk } from '../../../src/ui/components/rota/TodayWalk.tsx'
import { EmergencyCard } from '../../../src/ui/components/walk/EmergencyCard.tsx'
import { WalkScreen } from '../../../src/ui/components/walk/WalkScreen.tsx'
import { arrivalText, formatTime, summaryText } from '../../../src/ui/components/walk/walk-text.ts'
import { parseWalkParams, walkToOpen } from '../../../src/app/queries/walk.ts'
import { makeSession } from '../../helpers/make-session.ts'
import { makeView } from '../../helpers/make-view.ts'

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
const lineId = LineIdSchema.parse(uuid(1))
const marche = StopIdSchema.parse(uuid(2))
const mairie = StopIdSchema.parse(uuid(3))
const famMartin = FamilyIdSchema.parse(uuid(10))
const famNguyen = FamilyIdSchema.parse(uuid(11))
const marie = AdultIdSchema.parse(uuid(20))
const paul = AdultIdSchema.parse(uuid(21))
const sophie = AdultIdSchema.parse(uuid(22))
const actorA = ActorIdSchema.parse(uuid(30))
const actorB = ActorIdSchema.parse(uuid(31))
const lea = ChildIdSchema.parse(uuid(40))
const tom = ChildIdSchema.parse(uuid(41))
const nina = ChildIdSchema.parse(uuid(42))

const walk: WalkRef = { lineId, date: localDate('2027-03-02'), direction: 'aller' }
const line: Line = { id: lineId, name: 'Ligne Verte', colour: '#1f5f3f', directions: ['aller', 'retour'], days: [1, 2, 4, 5] }
const stop = (id: typeof marche, name: string, position: number, time: string, access: Partial<Stop['access']> = {}): Stop => ({
  id, lineId, name, position, times: { aller: time as Stop['times']['aller'] }, access: { stepFree: false, dangerousCrossing: false, note: '', ...access },
})
const stops = [stop(marche, 'Place du Marché', 1, '08:05', { dangerousCrossing: true }), stop(mairie, 'Mairie', 2, '08:15', { note: 'Attendre devant la grille' })]
const adults: Adult[] = [
  { id: marie, familyId: famMartin, firstName: 'Marie', phone: '06 11 22 33 44', charterAcceptedOn: null, insured: true },
  { id: paul, familyId: famNguyen, firstName: 'Paul', phone: '06 55 66 77 88', charterAcceptedOn: null, insured: true },
  { id: sophie, familyId: famMartin, firstName: 'Sophie', phone: '06 99 88 77 66', charterAcceptedOn: null, insured: true },
]
const child = (id: typeof lea, familyId: typeof famMartin, firstName: string, initial: string, stopId: typeof marche, support = ''): Child => ({
  id, familyId, firstName, initial, routes: { aller: { lineId, stopId } }, days: [1, 2, 4, 5], support, countsExtra: false,
})
const children = [
  child(lea, famMartin, 'Léa', 'M', marche, 'Tenir la main à la traversée'),
  child(tom, famMartin, 'Tom', 'M', mairie),
  child(nina, famNguyen, 'Nina', 'N', mairie),
]
const signUp = (adultId: typeof marie, familyId: typeof famMartin, slot: SignUp['slot'], actor: typeof actorA, clock: number): SignUp =>
  ({ ...walk, adultId, familyId, slot, status: 'active', clock, actor })
const mark = (childId: string, status: CheckIn['status'], adultId: typeof marie, actor: typeof actorA, clock: number, seen: Record<string, number> = {}): CheckIn =>
  ({ walk, childId: childId as CheckIn['childId'], status, stopId: marche, adultId, clock, actor, at: '2027-03-02T08:06:00+01:00', seen })
const event = (kind: WalkEvent['kind'], stopId: typeof marche | null, at: string, actor = actorA): WalkEvent =>
  ({ walk, kind, stopId, adultId: marie, clock: 50, actor, at, cancelled: false })

const viewWith = (log: Partial<WalkLogRecords>, absences: Absence[] = []): CollectiveView => makeView({
  profile: { name: 'Pédibus des Écureuils', school: 'École Jules Ferry', town: 'Lesparre' },
  lines: [line], stops, adults, children,
  signUps: [signUp(marie, famMartin, 'lead', actorA, 1), signUp(paul, famNguyen, 'tail', actorB, 2)],
  absences, walkLog: { absences, ...log },
})
const sessionOf = (view: CollectiveView, me: DeviceIdentity) => makeSession<SessionState & SessionIdentity & WalkLogCommands>({ view, me })
const asMarie: DeviceIdentity = { actorId: actorA, familyId: famMartin, adultId: marie }
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;|&rsquo;/g, '’').replace(/\s+/g, ' ')
const screen = (view: CollectiveView, me = asMarie) => renderToString(<WalkScreen session={sessionOf(view, me)} base="/c/room" walk={walk} />)

describe('walk screen', () => {
  it('lists the stops in walking order with their time, access notes and expected children, and the counts', () => {
    const html = screen(viewWith({}))
    const plain = text(html)
    expect(plain).toContain('Ligne Verte · Aller')
    expect(plain).toContain('Vous êtes conducteur.')
    expect(plain).toContain('0 présent · 3 à pointer')
    expect(plain.indexOf('08:05 Place du Marché')).toBeGreaterThan(-1)
    expect(plain.indexOf('08:15 Mairie')).toBeGreaterThan(plain.indexOf('08:05 Place du Marché'))
    expect(plain).toContain('Traversée dangereuse')
    expect(plain).toContain('Attendre devant la grille')
    // Léa at the first stop, with what to do; Nina and Tom at the Mairie.
    expect(plain).toMatch(/Place du Marché.*Léa M\. À pointer À faire : Tenir la main à la traversée.*Départ de Place du Marché.*Mairie.*Nina N\..*Tom M\..*Départ de Mairie.*Arrivés à l’école/)
    expect(html).toContain('aria-label="Présent : Léa M."')
    expect(html).not.toContain('aria-pressed="true"')
    expect(html).toContain('href="/c/room/trajet/' + lineId + '/2027-03-02/aller/urgence"')
    // The logbook note says its limit and counts before submit.
    expect(html).toMatch(/id="walk-log-text"[^>]*aria-describedby="walk-log-text-hint walk-log-text-limit"/)
    expect(html).toContain('0 / 500')
  })

  it('names who already walked with a child with instructions (the habitués), and says when nobody has yet', () => {
    expect(text(screen(viewWith({})))).toContain('Personne n’a encore fait le trajet avec cet enfant')
    // A walk done the week before with Léa present: Marie (lead) and Paul (tail) know her; Tom has no instructions.
    const before: WalkRef = { ...walk, date: localDate('2027-02-23') }
    const done = viewWith({
      checkIns: [{ ...mark(lea, 'present', marie, actorA, 3), walk: before }, { ...mark(tom, 'present', marie, actorA, 4), walk: before }],
      events: [{ ...event('arrived', null, '2027-02-23T08:30:00+01:00'), walk: before }],
    })
    const withBefore = { ...done, signUps: [...done.signUps, { ...signUp(paul, famNguyen, 'lead', actorB, 1), ...before }] }
    const plain = text(screen(withBefore))
    expect(plain).toMatch(/Léa M\..*Ont déjà fait le trajet avec cet enfant : Marie, Paul/)
    expect(plain.match(/Ont déjà fait le trajet/g)).toHaveLength(1)
  })

  it('calls each child’s parents by first name, with the child named for screen readers', () => {
    const html = screen(viewWith({}))
    expect(html).toContain('href="tel:0611223344" aria-label="Appeler Marie, parent de Léa M."')
    expect(html).toContain('aria-label="Appeler Sophie, parent de Léa M."')
    expect(html).toContain('aria-label="Appeler Paul, parent de Nina N."')
  })

  it('shows this phone’s own mark as pressed, and a disagreement with the adults’ names and the buttons to settle it', () => {
    const html = screen(viewWith({ checkIns: [mark(lea, 'present', marie, actorA, 5), mark(tom, 'present', marie, actorA, 6), mark(tom, 'absent', paul, actorB, 7)] }))
    const plain = text(html)
    expect(plain).toContain('Marie : présent · Paul : absent — vérifiez')
    expect(html).toMatch(/aria-pressed="true" aria-label="Présent : Léa M\."/)
    // Under a disagreement only this phone's own mark is pressed; tapping "Absent" settles it.
    expect(html).toMatch(/aria-pressed="true" aria-label="Présent : Tom M\."/)
    expect(html).toMatch(/aria-pressed="false" aria-label="Absent : Tom M\."/)
    expect(plain).toContain('1 présent · 1 absent · 1 à pointer · 1 désaccord')
  })

  it('shows another adult’s mark as the status but not as pressed on this phone', () => {
    const view = viewWith({ checkIns: [mark(lea, 'present', paul, actorB, 5)] })
    const html = screen(view)
    expect(text(html)).toMatch(/Léa M\. Présent/)
    // Not pressed: tapping "Présent" here writes Marie's own mark (confirming), never an undo of Paul's.
    expect(html).not.toContain('aria-pressed="true"')
    expect(screen(view, { actorId: actorB, familyId: famNguyen, adultId: paul })).toMatch(/aria-pressed="true" aria-label="Présent : Léa M\."/)
  })

  it('does not press a mark this phone withdrew, nor one another adult’s later mark superseded', () => {
    const cleared = screen(viewWith({ checkIns: [mark(lea, 'unmarked', marie, actorA, 8), mark(lea, 'present', paul, actorB, 5)] }))
    expect(text(cleared)).toMatch(/Léa M\. Présent/)
    expect(cleared).not.toContain('aria-pressed="true"')
    const superseded = screen(viewWith({ checkIns: [mark(lea, 'present', marie, actorA, 5), mark(lea, 'absent', paul, actorB, 7, { [actorA]: 5 })] }))
    expect(text(superseded)).toMatch(/Léa M\. Absent/)
    expect(superseded).not.toContain('aria-pressed="true"')
  })

  it('pre-fills a declared absence as "Excusé (absence signalée)" with its note', () => {
    const absence: Absence = {
      id: AbsenceIdSchema.parse(uuid(60)), childId: nina, familyId: famNguyen, from: walk.date, to: walk.date, direction: null,
      note: 'Chez le dentiste', clock: 3, actor: actorB, at: '2027-03-01T20:00:00+01:00',
    }
    const plain = text(screen(viewWith({}, [absence])))
    expect(plain).toContain('Nina N. Excusé (absence signalée)')
    expect(plain).toContain('Absence signalée : Chez le dentiste')
  })

  it('shows departures and the arrival with their time, and "Annuler" only on the phone that marked them', () => {
    const view = viewWith({ events: [event('departed', marche, '2027-03-02T08:07:00+01:00'), event('arrived', null, '2027-03-02T08:27:00+01:00')] })
    const mine = text(screen(view))
    expect(mine).toContain('Départ de Place du Marché à 8 h 07')
    expect(mine).toContain('Arrivés à 8 h 27')
    expect(mine).toContain('Départ de Mairie')
    expect(screen(view)).toContain('aria-label="Annuler l’arrivée"')
    const other = screen(view, { actorId: actorB, familyId: famNguyen, adultId: paul })
    expect(other).not.toContain('aria-label="Annuler l’arrivée"')
    expect(text(other)).toContain('Vous êtes serre-file.')
  })

  it('asks who the phone is when it has not said', () => {
    const plain = text(screen(viewWith({}), { actorId: actorA, familyId: null, adultId: null }))
    expect(plain).toContain('Dites qui vous êtes pour pointer les enfants.')
  })
})

describe('emergency card', () => {
  it('lists every child with what to do and the parents’ phones, and the adults on duty', () => {
    const html = renderToString(<EmergencyCard session={sessionOf(viewWith({}), asMarie)} base="/c/room" walk={walk} />)
    const plain = text(html)
    expect(plain).toContain('Pédibus des Écureuils')
    expect(plain).toMatch(/Léa M\..*À faire : Tenir la main à la traversée.*Marie 06 11 22 33 44.*Sophie 06 99 88 77 66/)
    expect(plain).toMatch(/Adultes du trajet.*Marie · conducteur 06 11 22 33 44.*Paul · serre-file 06 55 66 77 88/)
    expect(html).toContain(`href="/c/room/imprimer/urgence/${lineId}/2027-03-02/aller"`)
  })

  it('names an adult who gave no phone without a call link, here, on the walk screen and on the "Aujourd’hui" card', () => {
    const silent = (view: CollectiveView): CollectiveView =>
      ({ ...view, adults: view.adults.map((a) => (a.id === sophie || a.id === paul ? { ...a, phone: '' } : a)) })
    const card = renderToString(<EmergencyCard session={sessionOf(silent(viewWith({})), asMarie)} base="/c/room" walk={walk} />)
    expect(card).not.toMatch(/href="tel:"/)
    expect(text(card)).toMatch(/Sophie Pas de numéro/)
    expect(text(card)).toMatch(/Paul · serre-file Pas de numéro/)
    const walkScreen = renderToString(<WalkScreen session={sessionOf(silent(viewWith({})), asMarie)} base="/c/room" walk={walk} />)
    expect(walkScreen).not.toMatch(/href="tel:"/)
    expect(walkScreen).not.toContain('Appeler Sophie')
    expect(walkScreen).toContain('aria-label="Appeler Marie, parent de Léa M."')
    vi.stubGlobal('location', new URL('http://localhost/c/room/aujourdhui'))
    const rota = { ...walk, key: 'k', startTime: '08:00', cancellation: null, expectedChildIds: [], ratioCount: 0, requiredAdults: 2,
      lead: signUp(marie, famMartin, 'lead', actorA, 1), tail: signUp(paul, famNguyen, 'tail', actorB, 2), extras: [], waiting: [], state: 'full' } as const
    const today = renderToString(<LocationProvider><TodayWalk view={silent(viewWith({}))} walk={rota as never} /></LocationProvider>)
    vi.unstubAllGlobals()
    expect(today).not.toMatch(/href="tel:"/)
    expect(today).toContain('href="tel:0611223344"')
    expect(text(today)).toMatch(/Paul · serre-file Pas de numéro/)
  })
})

describe('walk text', () => {
  const t = createTranslate('fr')
  it('says times the French way and counts with plurals', () => {
    expect(formatTime('08:27', 'fr')).toBe('8 h 27')
    expect(formatTime('16:05', 'en')).toBe('16:05')
    expect(summaryText(t, 'fr', { present: 3, absent: 0, excused: 1, unmarked: 2, disagreements: 0 })).toBe('3 présents · 1 excusé · 2 à pointer')
  })

  it('words arrival notices for an aller and a retour', () => {
    const notice = { walk, key: 'k', childId: lea, familyId: famMartin, arrivedAt: TimeOfDaySchema.parse('08:27'), stopId: null }
    expect(arrivalText(t, 'fr', notice, 'Léa', null)).toBe('Le pédibus est arrivé à l’école à 8 h 27 avec Léa')
    expect(arrivalText(t, 'fr', { ...notice, walk: { ...walk, direction: 'retour' }, arrivedAt: TimeOfDaySchema.parse('16:52') }, 'Léa', 'Mairie'))
      .toBe('Le pédibus a déposé Léa à son arrêt (Mairie) à 16 h 52')
  })
})

describe('walk source', () => {
  it('reads a walk from its address and refuses bad segments', () => {
    expect(parseWalkParams({ lineId, date: '2027-03-02', direction: 'aller' })).toEqual(walk)
    expect(parseWalkParams({ lineId, date: '2027-02-30', direction: 'aller' })).toBeNull()
    expect(parseWalkParams({ lineId: 'x', date: '2027-03-02', direction: 'aller' })).toBeNull()
    expect(parseWalkParams({ lineId, date: '2027-03-02', direction: 'sideways' })).toBeNull()
  })

  it('opens the walk I hold that has not arrived, and lists otherwise', () => {
    const rota = { ...walk, key: 'k', startTime: null, cancellation: null, expectedChildIds: [], ratioCount: 0, requiredAdults: 2,
      lead: signUp(marie, famMartin, 'lead', actorA, 1), tail: null, extras: [], waiting: [], state: 'toFill' } as const
    const retour = { ...rota, direction: 'retour' as const, key: 'k2', lead: null }
    const morning = Date.parse('2027-03-02T07:30:00+01:00')
    expect(walkToOpen([rota as never, retour as never], marie, NO_WALK_LOG, morning)).toBe(rota)
    expect(walkToOpen([rota as never, retour as never], paul, NO_WALK_LOG, morning)).toBeNull()
    expect(walkToOpen([rota as never], marie, { ...NO_WALK_LOG, events: [event('arrived', null, '2027-03-02T08:27:00+01:00')] }, morning)).toBeNull()
  })

  it('at 16:20 opens the retour I hold, not the morning aller whose "Arrivés" was forgotten', () => {
    const aller = { ...walk, key: 'a', startTime: '08:00', cancellation: null, expectedChildIds: [], ratioCount: 0, requiredAdults: 2,
      lead: signUp(marie, famMartin, 'lead', actorA, 1), tail: null, extras: [], waiting: [], state: 'toFill' } as const
    const retour = { ...aller, direction: 'retour' as const, key: 'r', startTime: '16:30' }
    const afternoon = Date.parse('2027-03-02T16:20:00+01:00')
    expect(walkToOpen([aller as never, retour as never], marie, NO_WALK_LOG, afternoon)).toBe(retour)
    // Holding only the stale aller: nothing to open, the list shows.
    expect(walkToOpen([aller as never], marie, NO_WALK_LOG, afternoon)).toBeNull()
    // Still under way an hour after it started: it opens.
    expect(walkToOpen([aller as never, retour as never], marie, NO_WALK_LOG, Date.parse('2027-03-02T09:00:00+01:00'))).toBe(aller)
  })
})

describe('"Aujourd’hui" walk card', () => {
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })
  const rota = { ...walk, key: 'k', startTime: '08:00', cancellation: null, expectedChildIds: [], ratioCount: 0, requiredAdults: 2,
    lead: signUp(marie, famMartin, 'lead', actorA, 1), tail: null, extras: [], waiting: [], state: 'toFill' } as const
  const card = () => {
    // The router reads the page's address; there is no page in a render test.
    vi.stubGlobal('location', new URL('http://localhost/c/room/aujourdhui'))
    return renderToString(
      <LocationProvider><TodayWalk view={viewWith({})} walk={rota as never} /></LocationProvider>,
    )
  }

  it('offers "Mode trajet" on the walk’s own day', () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2027-03-02T07:30:00+01:00'))
    expect(card()).toContain('data-testid="walk-mode-open"')
  })

  it('keeps only the sheet to print for the next day’s walks shown when today has none', () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2027-03-01T18:00:00+01:00'))
    const html = card()
    expect(html).not.toContain('data-testid="walk-mode-open"')
    expect(html).toContain(`href="/c/room/imprimer/feuille/${lineId}/2027-03-02/aller"`)
  })
})
