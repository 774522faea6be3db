// Rendered swap parts: an offered slot keeps its holder with "cherche un remplaçant", "Prendre" named for its slot, "Trop tard" after the start, urgent items on the home block.
import { renderToString } from 'preact-render-to-string'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { RotaCommands, SessionIdentity, SessionState, SwapCommands } from '../../../src/app/api.ts'
import { mondayOf } from '../../../src/domain/dates.ts'
import { weekOf } from '../../../src/app/queries/rota.ts'
import { adultsById } from '../../../src/app/queries/rota-view.ts'
import { walkCard } from '../../helpers/walk-card.tsx'
import { SwapHome } from '../../../src/ui/components/swaps/SwapHome.tsx'
import { actorId, adultId, familyId } from '../domain/rota-fixtures.ts'
import { offer, recordsOf, signUp, swapModel, W1 } from '../domain/swaps-fixtures.ts'
import { makeSession } from '../../helpers/make-session.ts'
import { makeView } from '../../helpers/make-view.ts'

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')
const model = swapModel([signUp(1, 'lead', 1), signUp(2, 'tail', 2)])
const view = makeView({ ...model, swaps: recordsOf([{ offer: offer(1, 1, 3) }]) })
const sessionAs = (n: number) => makeSession<SessionState & SessionIdentity & RotaCommands & SwapCommands>({
  view, me: { actorId: actorId(n), familyId: familyId(n), adultId: adultId(n) },
})
const cardOf = (n: number, now: number) => {
  const walk = weekOf(view, mondayOf(W1.date), now).flatMap((day) => day.walks).find((w) => w.date === W1.date && w.direction === 'aller')
  if (!walk) throw new Error('no walk')
  return text(renderToString(walkCard(sessionAs(n), walk, adultsById(view))))
}

// Wednesday 2 December 2026, 12:00 Paris: W1 (Thursday 3, 08:10) starts within 24 h.
const NOON_BEFORE = Date.parse('2026-12-02T12:00:00+01:00')
const AFTER_START = Date.parse('2026-12-03T08:30:00+01:00')

describe('swap parts rendered', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(NOON_BEFORE)
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('keeps the holder shown with "cherche un remplaçant", and offers "Retirer l’offre" to the author', () => {
    const html = cardOf(1, NOON_BEFORE)
    expect(html).toContain('Adulte1 (vous) ⇄ cherche un remplaçant')
    expect(html).toContain('Retirer l’offre')
    expect(html).not.toContain('Je cherche un remplaçant : Adulte1')
  })

  it('gives another family one "Prendre" named for the slot, and "Trop tard" once the walk started', () => {
    const html = renderToString(walkCard(sessionAs(3), weekOf(view, mondayOf(W1.date), NOON_BEFORE).flatMap((d) => d.walks).find((w) => w.date === W1.date && w.direction === 'aller')!, adultsById(view)))
    expect(html).toContain('aria-label="Prendre le créneau : Adulte1, conducteur, jeudi 3 décembre (aller)"')
    vi.setSystemTime(AFTER_START)
    expect(cardOf(3, AFTER_START)).toContain('Trop tard : le trajet a commencé')
  })

  it('puts the late offer at the top of everyone’s home, with a link to the walk, and lists it with "Prendre"', () => {
    const html = text(renderToString(<SwapHome session={sessionAs(3)} base="/c/room" />))
    expect(html).toContain('⚠ Urgent : Adulte1 cherche un remplaçant jeudi 3 décembre 08:10 (aller) Voir le trajet')
    expect(html).toContain('Créneaux proposés')
    expect(html).toContain('Prendre')
    const author = text(renderToString(<SwapHome session={sessionAs(1)} base="/c/room" />))
    expect(author).toContain('En attente : Adulte1 cherche un remplaçant pour le jeudi 3 décembre (aller) et en reste responsable.')
    expect(author).toContain('Mon prochain trajet')
  })
})
