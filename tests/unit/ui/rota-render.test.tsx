// Rendered walk cards: states shown by word and icon (not colour alone), named sign-up buttons, my own place withdrawable, reasons for cancellations.
import { renderToString } from 'preact-render-to-string'
import { describe, expect, it } from 'vitest'
import type { DeviceIdentity, RotaCommands, SessionIdentity, SessionState, SwapCommands } from '../../../src/app/api.ts'
import { localDate } from '../../../src/domain/dates.ts'
import { ActorIdSchema, AdultIdSchema, FamilyIdSchema, LineIdSchema } from '../../../src/domain/ids.ts'
import type { Adult } from '../../../src/domain/people.ts'
import type { WalkRota } from '../../../src/domain/rota-types.ts'
import { walkKeyOf, type SignUp } from '../../../src/domain/signup.ts'
import { WaitingNoticeList } from '../../../src/ui/components/rota/WaitingNotices.tsx'
import { walkCard } from '../../helpers/walk-card.tsx'
import { makeSession } from '../../helpers/make-session.ts'
import { makeView } from '../../helpers/make-view.ts'

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
const line = LineIdSchema.parse(uuid(1))
const famA = FamilyIdSchema.parse(uuid(10))
const famB = FamilyIdSchema.parse(uuid(11))
const lea = AdultIdSchema.parse(uuid(20))
const paul = AdultIdSchema.parse(uuid(21))
const actorA = ActorIdSchema.parse(uuid(30))
const actorB = ActorIdSchema.parse(uuid(31))
const zoe = AdultIdSchema.parse(uuid(22))
const adults: Adult[] = [
  { id: lea, familyId: famA, firstName: 'Léa', phone: '0600000000', charterAcceptedOn: null, insured: true },
  { id: paul, familyId: famB, firstName: 'Paul', phone: '0600000001', charterAcceptedOn: null, insured: true },
  { id: zoe, familyId: famB, firstName: 'Zoé', phone: '0600000002', charterAcceptedOn: null, insured: true },
]
const view = makeView({ profile: null, adults })
const sessionAs = (me: DeviceIdentity) => makeSession<SessionState & SessionIdentity & RotaCommands & SwapCommands>({ view, me })
const asPaul = sessionAs({ actorId: actorB, familyId: famB, adultId: paul })

const ref = { lineId: line, date: localDate('2027-03-04'), direction: 'aller' as const }
const signUp = (adultId: typeof lea, familyId: typeof famA, actor: typeof actorA, slot: SignUp['slot'], clock: number): SignUp =>
  ({ ...ref, adultId, familyId, slot, status: 'active', clock, actor })
const walk = (part: Partial<WalkRota>): WalkRota => ({
  ...ref, key: walkKeyOf(ref), startTime: null, cancellation: null, expectedChildIds: [], ratioCount: 0, requiredAdults: 2,
  lead: null, tail: null, extras: [], waiting: [], state: 'toFill', ...part,
})
const byId = new Map(adults.map((a) => [a.id, a]))
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')

describe('walk card', () => {
  it('says "Urgent" and "À pourvoir" in words, and names each sign-up button', () => {
    const html = renderToString(walkCard(asPaul, walk({ state: 'urgent', lead: signUp(lea, famA, actorA, 'lead', 1) }), byId))
    expect(text(html)).toContain('⚠ Urgent')
    expect(text(html)).toContain('Conducteur Léa')
    expect(text(html)).toContain('À pourvoir')
    expect(text(html)).toContain('Serre-file ! À pourvoir S’inscrire , jeudi 4 mars (aller)')
    expect(html).not.toContain('Me retirer') // Léa's place is not mine
  })

  it('says "Personne" for an empty place of a walk that started, never "À pourvoir"', () => {
    const started = walk({ state: 'understaffed', lead: signUp(lea, famA, actorA, 'lead', 1) })
    const html = text(renderToString(walkCard(asPaul, started, byId, true)))
    expect(html).toContain('Conducteur Léa')
    expect(html).toContain('Serre-file Personne')
    expect(html).not.toContain('pourvoir')
    expect(html).not.toContain('S’inscrire')
    const before = text(renderToString(walkCard(asPaul, walk({ state: 'beforeCollective' }), byId, true)))
    expect(before).toContain('Conducteur Personne')
    expect(before).not.toContain('pourvoir')
  })

  it('offers to withdraw my own place, and lists the waiting list', () => {
    const html = renderToString(
      walkCard(asPaul, walk({ state: 'toFill', lead: signUp(paul, famB, actorB, 'lead', 1), waiting: [signUp(lea, famA, actorA, 'lead', 2)] }), byId),
    )
    expect(text(html)).toContain('Paul (vous)')
    expect(html).toContain('aria-label="Me retirer : Paul, conducteur, jeudi 4 mars (aller)"')
    expect(text(html)).toContain('Liste d’attente')
    expect(text(html)).toMatch(/Léa \(conducteur\)/)
  })

  it('offers "Retirer Paul", not "Me retirer", to another adult of Paul’s family', () => {
    const asZoe = sessionAs({ actorId: actorA, familyId: famB, adultId: zoe })
    const html = renderToString(walkCard(asZoe, walk({ lead: signUp(paul, famB, actorB, 'lead', 1) }), byId))
    expect(text(html)).toContain('Retirer Paul')
    expect(html).toContain('aria-label="Retirer Paul, conducteur, jeudi 4 mars (aller)"')
    expect(html).not.toContain('Me retirer')
  })

  it('shows a cancelled walk with its reason and no place to take', () => {
    const html = renderToString(
      walkCard(asPaul, walk({ state: 'cancelled', cancellation: { kind: 'exception', reason: 'strike', note: '' } }), byId),
    )
    expect(text(html)).toContain('Annulé : grève')
    expect(html).not.toContain('S’inscrire')
  })

  it('takes no sign-up on a past walk', () => {
    const html = renderToString(walkCard(asPaul, walk({ lead: signUp(paul, famB, actorB, 'lead', 1) }), byId, true))
    expect(text(html)).toContain('Passé')
    expect(html).not.toContain('S’inscrire')
    expect(html).not.toContain('Me retirer')
  })

  it('renders waiting notices in a polite live region', () => {
    const html = renderToString(<WaitingNoticeList notices={[{ key: 'k', date: localDate('2027-03-04'), direction: 'aller', reason: 'taken', holders: ['Léa'] }]} />)
    expect(html).toMatch(/aria-live="polite"/)
    expect(text(html)).toContain('Votre inscription au trajet du jeudi 4 mars (aller) n’a pas été retenue : la place était déjà prise par Léa.')
  })

  it('gives every notice a "Masquer ce message" button described by its text, (none in a static rendering)', () => {
    const gone = [{ walk: ref, adultId: paul, adultName: 'Paul', lineName: 'Ligne des Pins' }]
    const notice = { key: 'waiting|k', date: localDate('2027-03-04'), direction: 'aller' as const, reason: 'taken' as const, holders: ['Léa'] }
    const html = renderToString(<WaitingNoticeList notices={[notice]} gone={gone} onDismiss={() => undefined} />)
    expect(html.match(/aria-label="Masquer ce message"/g)).toHaveLength(2)
    expect(html).toContain('aria-describedby="waiting-notice-0"')
    expect(html).toContain('id="waiting-notice-0"')
    expect(html).toContain('aria-describedby="gone-notice-0"')
    expect(renderToString(<WaitingNoticeList notices={[notice]} />)).not.toContain('Masquer')
  })

  it('renders a walk that no longer runs with a named "Retirer" button', () => {
    const gone = [{ walk: ref, adultId: paul, adultName: 'Paul', lineName: 'Ligne des Pins' }]
    const html = renderToString(<WaitingNoticeList notices={[]} gone={gone} onWithdraw={() => undefined} />)
    expect(text(html)).toContain('Le trajet du jeudi 4 mars (aller, ligne « Ligne des Pins ») n’a plus lieu : votre inscription n’est plus active.')
    expect(html).toContain('aria-label="Retirer l’inscription de Paul, jeudi 4 mars (aller)"')
    expect(html).toMatch(/aria-live="polite"/)
  })
})
