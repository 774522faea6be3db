// Rendered coordinator pieces: the compact line (set up or not), handover status in words and icon, "déjà pris par X", the journal's plain lines.
import { renderToString } from 'preact-render-to-string'
import { describe, expect, it } from 'vitest'
import type { CollectiveSession, CollectiveView, DeviceIdentity } from '../../../src/app/api.ts'
import { DEFAULT_ROSTER_SETTING, type Handover, type RosterEntry } from '../../../src/domain/coordination/index.ts'
import { localDate } from '../../../src/domain/dates.ts'
import { ActorIdSchema, FamilyIdSchema } from '../../../src/domain/ids.ts'
import { DEFAULT_SETTINGS } from '../../../src/domain/settings.ts'
import { NO_SWAP_RECORDS } from '../../../src/domain/swaps/index.ts'
import { createStore } from '../../../src/lib/store.ts'
import { CoordinatorLine } from '../../../src/ui/components/coordination/CoordinatorLine.tsx'
import { HandoverSection } from '../../../src/ui/components/coordination/HandoverSection.tsx'
import { JournalList } from '../../../src/ui/components/coordination/JournalList.tsx'
import { OffersSection } from '../../../src/ui/components/coordination/OffersSection.tsx'

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
const martin = FamilyIdSchema.parse(uuid(10))
const nguyen = FamilyIdSchema.parse(uuid(11))
const actor = ActorIdSchema.parse(uuid(30))
const roster: RosterEntry[] = [
  { familyId: martin, accepted: true, position: 1, from: localDate('2026-08-31'), clock: 1, actor },
  { familyId: nguyen, accepted: true, position: 2, from: localDate('2026-08-31'), clock: 2, actor },
]
const viewWith = (entries: RosterEntry[]): CollectiveView => ({
  profile: null, settings: DEFAULT_SETTINGS, lines: [], stops: [], adults: [], children: [], exceptions: [], holidays: [], holidayOverrides: [], signUps: [],
  families: [{ id: martin, displayName: 'Famille Martin' }, { id: nguyen, displayName: 'Famille Nguyen' }],
  swaps: NO_SWAP_RECORDS,
  coordination: { setting: DEFAULT_ROSTER_SETTING, roster: entries, offers: [], responses: [], notes: [], acks: [] },
  toCheck: [], schemaVersion: 1,
}) as unknown as CollectiveView
const sessionOf = (view: CollectiveView, me: Partial<DeviceIdentity> = {}): CollectiveSession =>
  ({ id: 'room', view: createStore(view), me: createStore({ actorId: actor, familyId: null, adultId: null, ...me }) }) as unknown as CollectiveSession
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim()

describe('coordinator line', () => {
  it('offers to set up the coordination when nobody is on the roster', () => {
    const html = renderToString(<CoordinatorLine session={sessionOf(viewWith([]))} />)
    expect(text(html)).toContain('Pas encore de coordination.')
    expect(html).toContain('href="/c/room/coordination"')
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
