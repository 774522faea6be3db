// Rendered coordinator pieces: the compact line (set up or not), handover status in words and icon, "déjà pris par X", the journal's plain lines, the logbook notes.
import { renderToString } from 'preact-render-to-string'
import { describe, expect, it } from 'vitest'
import type { CollectiveView, CoordinationCommands, DeviceIdentity, SessionIdentity, SessionState } from '../../../src/app/api.ts'
import type { Handover, RosterEntry } from '../../../src/domain/coordination/index.ts'
import { localDate } from '../../../src/domain/dates.ts'
import { ActorIdSchema, FamilyIdSchema } from '../../../src/domain/ids.ts'
import { CoordinatorLine } from '../../../src/ui/components/coordination/CoordinatorLine.tsx'
import { HandoverSection } from '../../../src/ui/components/coordination/HandoverSection.tsx'
import { JournalList } from '../../../src/ui/components/coordination/JournalList.tsx'
import { collectiveJournal } from '../../../src/app/queries/journal.ts'
import { OffersSection } from '../../../src/ui/components/coordination/OffersSection.tsx'
import { LogbookSection } from '../../../src/ui/components/coordination/LogbookSection.tsx'
import { NO_WALK_LOG, type WalkNote } from '../../../src/domain/walk-log/index.ts'
import { AdultIdSchema, LineIdSchema } from '../../../src/domain/ids.ts'
import { WalkNoteIdSchema } from '../../../src/domain/walk-log/records.ts'
import { makeSession, TEST_ROOM_ID } from '../../helpers/make-session.ts'
import { makeView } from '../../helpers/make-view.ts'

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
const martin = FamilyIdSchema.parse(uuid(10))
const nguyen = FamilyIdSchema.parse(uuid(11))
const actor = ActorIdSchema.parse(uuid(30))
const line = LineIdSchema.parse(uuid(40))
const camille = AdultIdSchema.parse(uuid(41))
const logbookNote = (n: number, date: string, text: string, withdrawn = false): WalkNote => ({
  id: WalkNoteIdSchema.parse(uuid(50 + n)), walk: { lineId: line, date: localDate(date), direction: 'retour' }, text, adultId: camille, familyId: martin,
  clock: n, actor, at: `${date}T16:58:00+01:00`, ...(withdrawn ? { withdrawn: { clock: n + 10, actor, at: `${date}T17:00:00+01:00` } } : {}),
})
const roster: RosterEntry[] = [
  { familyId: martin, accepted: true, position: 1, from: localDate('2026-08-31'), clock: 1, actor },
  { familyId: nguyen, accepted: true, position: 2, from: localDate('2026-08-31'), clock: 2, actor },
]
const viewWith = (entries: RosterEntry[], notes: WalkNote[] = []): CollectiveView => makeView({
  profile: null,
  lines: [{ id: line, name: 'Ligne verte', colour: '#2e7d32', directions: ['aller', 'retour'], days: [1, 2, 4, 5] }],
  adults: [{ id: camille, familyId: martin, firstName: 'Camille', phone: '06 00 00 00 00', charterAcceptedOn: null, insured: true }],
  walkLog: { notes },
  families: [{ id: martin, displayName: 'Famille Martin' }, { id: nguyen, displayName: 'Famille Nguyen' }],
  coordination: { roster: entries },
})
const sessionOf = (view: CollectiveView, me: Partial<DeviceIdentity> = {}) =>
  makeSession<SessionState & SessionIdentity & CoordinationCommands>({ view, me: { actorId: actor, ...me } })
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim()

describe('coordinator line', () => {
  it('offers to set up the coordination when nobody is on the roster', () => {
    const html = renderToString(<CoordinatorLine session={sessionOf(viewWith([]))} />)
    expect(text(html)).toContain('Pas encore de coordination.')
    expect(html).toContain(`href="/c/${TEST_ROOM_ID}/coordination"`)
  })

  it('names this period’s and the next period’s family in words', () => {
    const html = text(renderToString(<CoordinatorLine session={sessionOf(viewWith(roster))} />))
    expect(html).toMatch(/Coordination cette semaine : Famille (Martin|Nguyen) · , ensuite : Famille (Martin|Nguyen)/)
  })
})

describe('handover', () => {
  const period = { index: 10, start: localDate('2026-11-09'), end: localDate('2026-11-15'), memberCount: 2, offerId: null }
  const handover = (status: Handover['status']): Handover => ({
    outgoing: { ...period, index: 9, start: localDate('2026-11-02'), end: localDate('2026-11-08'), coordinator: martin, base: martin },
    incoming: { ...period, coordinator: nguyen, base: nguyen },
    uncoveredWalks: [], pending: [],
    notes: [{ periodStart: period.start, familyId: martin, text: '<b>clés</b> chez Léa', clock: 3, actor, at: '2026-11-05T18:10:00+01:00' }],
    acknowledgement: status === 'acknowledged' ? { periodStart: period.start, familyId: nguyen, clock: 4, actor, at: '2026-11-06T07:45:00+01:00' } : null,
    status,
  })

  it('shows "en attente" and the ack button to the incoming family only, notes as plain text', () => {
    const view = viewWith(roster)
    const incoming = renderToString(<HandoverSection session={sessionOf(view)} view={view} handover={handover('pending')} myFamily={nguyen} />)
    expect(text(incoming)).toContain('De Famille Martin à Famille Nguyen, pour la période du lundi 9 novembre au dimanche 15 novembre.')
    expect(text(incoming)).toContain('… État : en attente')
    expect(incoming).toContain('J’ai pris connaissance')
    expect(incoming).toContain('&lt;b>clés&lt;/b> chez Léa')
    expect(text(incoming)).toContain('Famille Martin, le jeu. 5 nov. à 18:10')
    const outgoing = renderToString(<HandoverSection session={sessionOf(view)} view={view} handover={handover('pending')} myFamily={martin} />)
    expect(outgoing).not.toContain('J’ai pris connaissance')
    expect(outgoing).toContain('Note pour la famille suivante')
    // The note's limit is said and counted before submit, tied to the text area.
    expect(outgoing).toMatch(/id="handover-note"[^>]*aria-describedby="handover-note-hint handover-note-limit"/)
    expect(outgoing).toContain('0 / 500')
  })

  it('shows "lu" with who and when once acknowledged', () => {
    const view = viewWith(roster)
    const html = text(renderToString(<HandoverSection session={sessionOf(view)} view={view} handover={handover('acknowledged')} myFamily={nguyen} />))
    expect(html).toContain('✓ État : lu Lu par Famille Nguyen, le ven. 6 nov. à 07:45.')
    expect(html).not.toContain('J’ai pris connaissance')
  })
})

describe('offers and journal', () => {
  it('tells a late answer who took the period', () => {
    const view = viewWith(roster)
    const html = text(renderToString(<OffersSection session={sessionOf(view)} view={view} offers={[]} lost={[{ periodStart: localDate('2026-11-16'), winner: martin }]} myFamily={nguyen} />))
    expect(html).toContain('Votre réponse pour la période du lundi 16 novembre arrivait trop tard : déjà pris par Famille Martin.')
    expect(html).toContain('Aucune offre en cours.')
  })

  it('lists journal events as text with the author’s time and a count', () => {
    const view = viewWith(roster)
    const events = [{ kind: 'coordinatorJoined' as const, familyId: martin, periodStart: localDate('2026-08-31'), ref: 'r1', clock: 1, actor, at: '2026-08-30T20:00:00+02:00' }]
    const html = text(renderToString(<JournalList view={view} events={events} />))
    expect(html).toContain('1 événement')
    expect(html).toContain('Famille Martin accepte la coordination à partir du lundi 31 août. le dim. 30 août à 20:00')
  })
})

describe('logbook notes for the coordinator', () => {
  const notes = [
    logbookNote(1, '2026-11-19', 'Trop ancienne'),
    logbookNote(2, '2026-11-30', 'Trottoir <i>glissant</i> rue des Lilas'),
    logbookNote(3, '2026-12-02', 'Léa a oublié son cartable'),
    logbookNote(4, '2026-12-02', 'Effacée', true),
  ]

  it('lists the last 14 days’ notes, newest first, with date, line, direction and author, as plain text', () => {
    const html = renderToString(<LogbookSection view={viewWith(roster, notes)} today={localDate('2026-12-03')} />)
    expect(text(html)).toContain('Carnet de bord')
    expect([...html.matchAll(/data-testid="duty-logbook-text">([^<]*)/g)].map((match) => match[1])).toEqual(['Léa a oublié son cartable', 'Trottoir &lt;i>glissant&lt;/i> rue des Lilas'])
    expect(text(html)).toContain('mercredi 2 décembre, Ligne verte (retour), par Camille')
    expect(html).not.toContain('Trop ancienne')
    expect(html).not.toContain('Effacée')
  })

  it('says when there is no note', () => {
    expect(text(renderToString(<LogbookSection view={viewWith(roster, [notes[0] as WalkNote])} today={localDate('2026-12-03')} />))).toContain('Aucune note dans le carnet de bord ces 14 derniers jours.')
  })

  it('shows a logbook note’s text under its journal line, and a walk done', () => {
    const note = notes[1] as WalkNote
    const view = viewWith(roster, [note])
    const walk = note.walk
    const events = [
      { kind: 'walkDone' as const, familyId: martin, adultId: camille, lineId: line, walk, ref: 'walkDone|x', clock: 1, actor, at: '2026-11-30T16:52:00+01:00' },
      { kind: 'walkNote' as const, familyId: martin, adultId: camille, lineId: line, walk, ref: note.id, clock: 2, actor, at: note.at },
    ]
    const html = renderToString(<JournalList view={view} events={events} />)
    expect(text(html)).toContain('Camille (Famille Martin) marque l’arrivée du trajet : Ligne verte, lundi 30 novembre (retour).')
    expect(text(html)).toContain('Camille (Famille Martin) écrit dans le carnet de bord : Ligne verte, lundi 30 novembre (retour).')
    expect(html).toContain('Note : Trottoir &lt;i>glissant&lt;/i> rue des Lilas')
    // A note deleted since: the line stays, its text does not.
    expect(renderToString(<JournalList view={viewWith(roster, [])} events={events} />)).not.toContain('journal-note')
  })

  it('says under a walk done who was on duty and how many children walked', () => {
    const view = viewWith(roster)
    const walk = { lineId: line, date: localDate('2026-11-30'), direction: 'retour' as const }
    const done = { kind: 'walkDone' as const, familyId: martin, adultId: camille, lineId: line, walk, ref: 'walkDone|x', clock: 1, actor, at: '2026-11-30T16:52:00+01:00' }
    const removed = AdultIdSchema.parse(uuid(49))
    const html = text(renderToString(<JournalList view={view} events={[{ ...done, dutyAdultIds: [camille, removed], presentCount: 5 }]} />))
    expect(html).toContain('Trajet fait : Camille, un adulte retiré · 5 enfants')
    expect(text(renderToString(<JournalList view={view} events={[{ ...done, dutyAdultIds: [camille], presentCount: 1 }]} />))).toContain('Trajet fait : Camille · 1 enfant')
    // An event derived without the rota: no duty line.
    expect(renderToString(<JournalList view={view} events={[done]} />)).not.toContain('journal-duty')
  })

  it('the collective’s journal takes the walk’s holders from the effective rota', () => {
    const walk = { lineId: line, date: localDate('2026-11-30'), direction: 'retour' as const }
    const paul = AdultIdSchema.parse(uuid(42))
    const base = viewWith(roster)
    const view = {
      ...base,
      adults: [...base.adults, { id: paul, familyId: nguyen, firstName: 'Paul', phone: '06 00 00 00 01', charterAcceptedOn: null, insured: true }],
      signUps: [{ ...walk, adultId: paul, familyId: nguyen, slot: 'lead' as const, status: 'active' as const, clock: 3, actor }],
      walkLog: { ...NO_WALK_LOG, events: [{ walk, kind: 'arrived' as const, stopId: null, adultId: camille, clock: 9, actor, at: '2026-11-30T16:52:00+01:00', cancelled: false }] },
    } as CollectiveView
    const [done] = collectiveJournal(view, Date.parse('2026-12-01T12:00:00Z')).filter((event) => event.kind === 'walkDone')
    expect(done).toMatchObject({ dutyAdultIds: [camille, paul], presentCount: 0 })
    expect(text(renderToString(<JournalList view={view} events={done ? [done] : []} />))).toContain('Trajet fait : Camille, Paul · 0 enfant')
  })
})
