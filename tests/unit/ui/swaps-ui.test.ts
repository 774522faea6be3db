// Swap screen helpers: effective rota in the rota source, notice and urgent texts (French neutral, English), take outcomes, badge count and guard.
import { describe, expect, it, vi } from 'vitest'
import { mondayOf } from '../../../src/domain/dates.ts'
import { noticesFor, type Notice, type UrgentItem } from '../../../src/domain/swaps/index.ts'
import { weekOf } from '../../../src/app/queries/rota.ts'
import { adultsById } from '../../../src/app/queries/rota-view.ts'
import { swapStateOf } from '../../../src/app/queries/swap-state.ts'
import { badgeCount, currentNotices, eligibleTakers, offerOfHolder, requestsOf } from '../../../src/app/queries/swaps.ts'
import { applyBadge } from '../../../src/ui/components/swaps/app-badge.ts'
import { noticeText, takeOutcomeText, tradeOutcomeText, urgentText } from '../../../src/ui/components/swaps/swap-text.ts'
import { frRota } from '../../../src/ui/i18n/fr-rota.ts'
import { createTranslate } from '../../helpers/translate.ts'
import { familyId } from '../domain/rota-fixtures.ts'
import { offer, recordsOf, response, signUp, swapModel, W1, W2 } from '../domain/swaps-fixtures.ts'

const fr = createTranslate('fr')
const en = createTranslate('en')
// Tuesday 1 December 2026, 09:00 Paris: W1 (Thursday 3, 08:10) is within 48 h, not within 24 h.
const NOW = Date.parse('2026-12-01T09:00:00+01:00')

const setup = (records: ReturnType<typeof recordsOf>, signUps = [signUp(1, 'lead', 1), signUp(2, 'tail', 2)]) => {
  const model = { ...swapModel(signUps), swaps: records }
  return { model, state: swapStateOf(model, NOW), names: adultsById(model) }
}

describe('the rota source reads the effective rota', () => {
  it('shows the taker as the holder once an offer is taken, and the offer while it is open', () => {
    const open = setup(recordsOf([{ offer: offer(1, 1, 3) }]))
    const w1 = weekOf(open.model, mondayOf(W1.date), NOW).flatMap((day) => day.walks).find((walk) => walk.date === W1.date && walk.direction === 'aller')
    expect(w1?.lead?.adultId).toBe(open.model.adults[0]?.id)
    expect(w1 && offerOfHolder(open.state.offers, w1, open.model.adults[0]!.id, NOW)?.offer.kind).toBe('replacement')
    expect(w1 && eligibleTakers(w1, open.model.adults.filter((a) => a.familyId === familyId(3)), { adultId: open.model.adults[0]!.id }).map((a) => a.firstName)).toEqual(['Adulte3'])

    const taken = setup(recordsOf([{ offer: offer(1, 1, 3) }, { response: response(1, 3, 'take', 4) }]))
    const after = weekOf(taken.model, mondayOf(W1.date), NOW).flatMap((day) => day.walks).find((walk) => walk.date === W1.date && walk.direction === 'aller')
    expect(after?.lead?.adultId).toBe(taken.model.adults[2]?.id)
    expect(after && offerOfHolder(taken.state.offers, after, taken.model.adults[0]!.id, NOW)).toBeUndefined()
  })
})

describe('swap texts', () => {
  it('tells the loser "déjà pris par X" and the author "votre offre a été prise par X"', () => {
    const { model, state, names } = setup(recordsOf([{ offer: offer(1, 1, 3) }, { response: response(1, 3, 'take', 4) }, { response: response(1, 4, 'take', 5) }]))
    const loser = noticesFor(state.resolution, state.offers, familyId(4), NOW)
    expect(loser.map((n) => noticeText(fr, 'fr', n, { names, trade: false }))).toEqual(['Trajet du jeudi 3 décembre (aller) : déjà pris par Adulte3. Vos créneaux ne changent pas.'])
    const author = noticesFor(state.resolution, state.offers, familyId(1), NOW)
    expect(author.map((n) => noticeText(fr, 'fr', n, { names, trade: false }))).toContain('Votre offre a été prise par Adulte3 : Adulte3 remplace Adulte1 le jeudi 3 décembre (aller).')
    expect(loser.map((n) => noticeText(en, 'en', n, { names, trade: false }))).toEqual(['Walk on Thursday 3 December (to school): already taken by Adulte3. Your slots do not change.'])
    expect(model.swaps.offers).toHaveLength(1)
  })

  it('words a trade request with the named slot or "un de vos créneaux, au choix"', () => {
    const { state, names } = setup(recordsOf([{ offer: offer(1, 1, 3, { target: { family: 2 } }) }]))
    const requests = requestsOf(noticesFor(state.resolution, state.offers, familyId(2), NOW))
    expect(requests.map((n) => noticeText(fr, 'fr', n, { names, trade: true }))).toEqual(['Adulte1 propose un échange : son créneau du jeudi 3 décembre (aller) contre un de vos créneaux, au choix.'])
    const named = noticeText(fr, 'fr', requests[0]!, { names, trade: true, target: W2 })
    expect(named).toBe('Adulte1 propose un échange : son créneau du jeudi 3 décembre (aller) contre votre créneau du vendredi 4 décembre (aller).')
  })

  it('says who is missing on an urgent walk, with day, time and direction', () => {
    const { names } = setup(recordsOf([]))
    const walk = weekOf(swapModel([]), mondayOf(W1.date), NOW).flatMap((day) => day.walks).find((w) => w.date === W1.date && w.direction === 'aller')!
    const item = { walk: { ...walk, released: [], superseded: [], viaSwap: [] }, startsAt: 0, reasons: ['understaffed'], offerIds: [] } as UrgentItem
    expect(urgentText(fr, 'fr', item, names, [])).toBe('Urgent : personne pour conduire jeudi 3 décembre 08:10 (aller)')
    expect(urgentText(en, 'en', item, names, [])).toBe('Urgent: nobody to lead Thursday 3 December 08:10 (to school)')
  })

  it('announces the outcome of a take and of a trade answer', () => {
    const values = { holder: 'Léa', taker: 'Paul', self: true, day: 'jeudi 11 mars', direction: 'aller', winner: null }
    expect(takeOutcomeText(fr, 'taken', values)).toBe('C’est noté : vous remplacez Léa le jeudi 11 mars (aller).')
    expect(takeOutcomeText(fr, 'taken', { ...values, self: false })).toBe('C’est noté : Paul remplace Léa le jeudi 11 mars (aller).')
    expect(takeOutcomeText(fr, 'alreadyTaken', { ...values, winner: 'Marc' })).toBe('Déjà pris par Marc. Vos créneaux ne changent pas.')
    expect(takeOutcomeText(fr, 'alreadyTaken', values)).toBe('Déjà pris. Vos créneaux ne changent pas.')
    expect(tradeOutcomeText(fr, 'traded')).toBe('Échange fait : les deux créneaux ont changé de main.')
  })

  it('keeps swap French neutral in gender (no "inscrit(e)", no "·e")', () => {
    const texts = Object.entries(frRota).filter(([key]) => key.startsWith('swap.')).map(([, text]) => text)
    expect(texts.length).toBeGreaterThan(40)
    for (const text of texts) expect(text).not.toMatch(/\(e\)|·e|\.e\b|\b(seul|inscrit|prêt|sûr|remplaçante|volontaire)e?s?\b.*\b(il|elle)\b/)
  })
})

describe('the app badge', () => {
  const notice = (kind: Notice['kind']): Notice => ({ kind, offerId: offer(1, 1, 1).id, walk: W1, adultId: offer(1, 1, 1).adultId, other: null })

  it('counts urgent walks plus the requests waiting for my answer, and drops past notices', () => {
    const urgent = [{}, {}] as UrgentItem[]
    expect(badgeCount(urgent, [notice('tradeRequest'), notice('pendingOffer'), notice('takeLost')])).toBe(3)
    expect(badgeCount([], [])).toBe(0)
    expect(currentNotices([notice('takeLost')], '2026-12-04' as Notice['walk']['date'])).toEqual([])
  })

  it('sets the badge where supported, clears it at 0, and does nothing where unsupported', () => {
    const nav = { setAppBadge: vi.fn(() => Promise.resolve()), clearAppBadge: vi.fn(() => Promise.resolve()) }
    applyBadge(nav, 2)
    applyBadge(nav, 0)
    expect(nav.setAppBadge).toHaveBeenCalledWith(2)
    expect(nav.clearAppBadge).toHaveBeenCalledTimes(1)
    expect(() => applyBadge({}, 3)).not.toThrow()
    expect(() => applyBadge(undefined, 3)).not.toThrow()
    const refusing = { setAppBadge: vi.fn(() => Promise.reject(new Error('denied'))) }
    expect(() => applyBadge(refusing, 1)).not.toThrow()
  })
})
