// What screens read from a swap resolution: expiry (canTake), the urgent list (24 h / 48 h, Paris time), notices per family.
import { describe, expect, it } from 'vitest'
import { localDate } from '../../../src/domain/dates.ts'
import { deriveJournal } from '../../../src/domain/journal/index.ts'
import { walkOf, type Walk } from '../../../src/domain/rota/walks.ts'
import type { SignUp, WalkRef } from '../../../src/domain/signup.ts'
import {
  canTake, displayStatusOf, effectiveWalks, noticesFor, offerViews, resolveSwaps, swapJournalEvents, urgentItems, type SwapRecords,
} from '../../../src/domain/swaps/index.ts'
import { adultId, createException, familyId, lineId } from './rota-fixtures.ts'
import { offer, offerId, recordsOf, release, response, signUp, swapModel, W1, W2, W3 } from './swaps-fixtures.ts'

const HOUR = 3_600_000
/** Thursday 3 December 2026, 08:10 in Paris is 07:10 UTC (winter time, UTC+1): written out, not computed. */
const W1_START = Date.UTC(2026, 11, 3, 7, 10)
const W3_START = Date.UTC(2026, 11, 3, 15, 40)
const W2_START = Date.UTC(2026, 11, 4, 7, 10)

const views = (signUps: SignUp[], records: SwapRecords, now: number) => {
  const model = swapModel(signUps)
  const resolution = resolveSwaps(model, records, now)
  return { model, resolution, views: offerViews(model, resolution) }
}

const walksOf = (model: ReturnType<typeof swapModel>, refs: WalkRef[]): Walk[] => refs.map((ref) => walkOf(model, ref)).filter((w): w is Walk => w !== null)

const urgentAt = (signUps: SignUp[], records: SwapRecords, now: number, refs: WalkRef[] = [W1, W2, W3], exceptions = swapModel([]).exceptions) => {
  const model = { ...swapModel(signUps), exceptions }
  const resolution = resolveSwaps(model, records, now)
  const walks = effectiveWalks(model, resolution, walksOf(model, refs), now)
  return urgentItems(walks, offerViews(model, resolution), now).map((item) => ({ walk: item.walk.key.split('|').slice(1).join(' '), reasons: item.reasons }))
}

const covered = [signUp(1, 'lead', 1, W1), signUp(2, 'tail', 1, W1), signUp(1, 'lead', 1, W2), signUp(2, 'tail', 1, W2), signUp(1, 'lead', 1, W3), signUp(2, 'tail', 1, W3)]

describe('expiry: an offer can be taken until its walk starts', () => {
  const records = recordsOf([{ offer: offer(1, 1, 2) }])
  it.each([
    ['one minute before the start', W1_START - 60_000, true, 'open'],
    ['at the start', W1_START, false, 'expired'],
    ['after the start', W1_START + HOUR, false, 'expired'],
  ] as const)('%s: canTake %s, shown %s', (_label, now, can, shown) => {
    const [view] = views([signUp(1, 'lead', 1)], records, now).views
    if (view === undefined) throw new Error('no view')
    expect(view.startsAt).toBe(W1_START)
    expect(canTake(view, now)).toBe(can)
    expect(displayStatusOf(view, now)).toBe(shown)
  })

  it('a taken offer cannot be taken again, and is never shown expired', () => {
    const [view] = views([signUp(1, 'lead', 1)], recordsOf([{ offer: offer(1, 1, 2) }, { response: response(1, 3, 'take', 3) }]), W1_START - HOUR).views
    if (view === undefined) throw new Error('no view')
    expect(canTake(view, W1_START - HOUR)).toBe(false)
    expect(displayStatusOf(view, W1_START + HOUR)).toBe('taken')
  })

  it('resolution ignores the wall clock: a take synced after the start still wins', () => {
    const records = recordsOf([{ offer: offer(1, 1, 2) }, { response: response(1, 3, 'take', 3) }])
    const before = views([signUp(1, 'lead', 1)], records, W1_START - HOUR).resolution
    const after = views([signUp(1, 'lead', 1)], records, W1_START + HOUR).resolution
    expect(after.offers.get(offerId(1))?.winner?.adultId).toBe(adultId(3))
    expect(after.transfers).toEqual(before.transfers)
  })
})

describe('urgent list (Paris time)', () => {
  const open = recordsOf([{ offer: offer(1, 1, 2) }])
  it.each([
    ['48 h before an understaffed walk', [signUp(1, 'lead', 1)], W1_START - 48 * HOUR, [{ walk: '2026-12-03 aller', reasons: ['understaffed'] }]],
    ['48 h and 1 ms before', [signUp(1, 'lead', 1)], W1_START - 48 * HOUR - 1, []],
    ['at the start (started: not listed)', [signUp(1, 'lead', 1)], W1_START, []],
    ['24 h before a covered walk with an open offer', covered, W1_START - 24 * HOUR, [{ walk: '2026-12-03 aller', reasons: ['openOffer'] }]],
    ['24 h and 1 ms before a covered walk with an open offer', covered, W1_START - 24 * HOUR - 1, []],
  ] as const)('%s', (_label, signUps, now, expected) => {
    expect(urgentAt([...signUps], open, now, [W1])).toEqual(expected)
  })

  it('a slot released within 24 h is urgent as released and understaffed; further away only understaffed', () => {
    const records = recordsOf([{ offer: offer(1, 1, 2) }, { response: response(1, 3, 'take', 3) }, { release: release(1, 3, 4) }])
    expect(urgentAt(covered, records, W1_START - 20 * HOUR, [W1])).toEqual([{ walk: '2026-12-03 aller', reasons: ['released', 'understaffed'] }])
    expect(urgentAt(covered, records, W1_START - 30 * HOUR, [W1])).toEqual([{ walk: '2026-12-03 aller', reasons: ['understaffed'] }])
  })

  it('a taken offer is covered again: not urgent', () => {
    const records = recordsOf([{ offer: offer(1, 1, 2) }, { response: response(1, 3, 'take', 3) }])
    expect(urgentAt(covered, records, W1_START - HOUR, [W1])).toEqual([])
  })

  it('sorts by start time, skips cancelled walks', () => {
    const now = W1_START - 2 * HOUR
    expect(urgentAt([], open, now).map((item) => item.walk)).toEqual(['2026-12-03 aller', '2026-12-03 retour', '2026-12-04 aller'])
    const strike = [createException(1, { date: '2026-12-03', lineId: lineId(1), direction: 'retour', reason: 'strike', note: 'grève' })]
    expect(urgentAt([], open, now, [W2, W3, W1], strike).map((item) => item.walk)).toEqual(['2026-12-03 aller', '2026-12-04 aller'])
    expect(W3_START - now).toBeLessThan(48 * HOUR)
    expect(W2_START - now).toBeLessThan(48 * HOUR)
  })

  it('counts 48 h in real hours across the March time change (Monday 30 March 2026, 08:10 CEST = 06:10 UTC)', () => {
    const monday: WalkRef = { lineId: lineId(1), date: localDate('2026-03-30'), direction: 'aller' }
    const start = Date.UTC(2026, 2, 30, 6, 10)
    const records = recordsOf([])
    expect(urgentAt([], records, start - 48 * HOUR, [monday])).toHaveLength(1)
    // Saturday 08:10 in Paris (07:10 UTC, winter time) is only 47 h before: urgent; Saturday 07:09 Paris is 48 h 01 before.
    expect(urgentAt([], records, Date.UTC(2026, 2, 28, 7, 10), [monday])).toHaveLength(1)
    expect(urgentAt([], records, Date.UTC(2026, 2, 28, 6, 9), [monday])).toHaveLength(0)
  })
})

describe('notices per family', () => {
  const NOW = W1_START - 30 * HOUR
  const noticesOf = (signUps: SignUp[], records: SwapRecords, family: number, now = NOW) => {
    const { resolution, views: list } = views(signUps, records, now)
    return noticesFor(resolution, list, familyId(family), now).map((n) => [n.kind, n.other === null ? null : Number(n.other.slice(-12)), n.reason ?? null])
  }

  it('two concurrent takes: the loser is told who took it, the author who took it, the winner nothing more', () => {
    const records = recordsOf([{ offer: offer(1, 1, 2) }, { response: response(1, 3, 'take', 5, undefined, 7) }, { response: response(1, 4, 'take', 5, undefined, 2) }])
    const signUps = [signUp(1, 'lead', 1)]
    expect(noticesOf(signUps, records, 3)).toEqual([['takeLost', 4, null]])
    expect(noticesOf(signUps, records, 1)).toEqual([['offerTaken', 4, null]])
    expect(noticesOf(signUps, records, 4)).toEqual([])
  })

  it('withdrawal: before the take the taker is told "offre retirée"; after it, the author is told it was too late', () => {
    const signUps = [signUp(1, 'lead', 1)]
    expect(noticesOf(signUps, recordsOf([{ offer: offer(1, 1, 2, { withdrawnAt: 4 }) }, { response: response(1, 3, 'take', 5) }]), 3)).toEqual([['offerWithdrawn', 1, null]])
    expect(noticesOf(signUps, recordsOf([{ offer: offer(1, 1, 2, { withdrawnAt: 6 }) }, { response: response(1, 3, 'take', 5) }]), 1)).toEqual([
      ['offerTaken', 3, null], ['lateWithdrawal', 3, null],
    ])
  })

  it('pending, then expired, offers of the author', () => {
    const records = recordsOf([{ offer: offer(1, 1, 2) }])
    expect(noticesOf([signUp(1, 'lead', 1)], records, 1)).toEqual([['pendingOffer', null, null]])
    expect(noticesOf([signUp(1, 'lead', 1)], records, 1, W1_START)).toEqual([['offerExpired', null, null]])
  })

  it('trade: the target family sees the request until it answers; a decline is told to the author', () => {
    const signUps = [signUp(1, 'lead', 1, W1), signUp(2, 'tail', 1, W2)]
    const asked = recordsOf([{ offer: offer(1, 1, 2, { target: { family: 2 } }) }])
    expect(noticesOf(signUps, asked, 2)).toEqual([['tradeRequest', 1, null]])
    const declined = recordsOf([{ offer: offer(1, 1, 2, { target: { family: 2 } }) }, { response: response(1, 2, 'decline', 3) }])
    expect(noticesOf(signUps, declined, 2)).toEqual([])
    expect(noticesOf(signUps, declined, 1)).toEqual([['pendingOffer', null, null], ['declined', 2, null]])
  })

  it('trade done is told to both; a failed trade is told to both, with the reason', () => {
    const signUps = [signUp(1, 'lead', 1, W1), signUp(2, 'tail', 1, W2)]
    const done = recordsOf([{ offer: offer(1, 1, 2, { target: { family: 2, walk: W2 } }) }, { response: response(1, 2, 'accept', 3) }])
    expect(noticesOf(signUps, done, 1)).toEqual([['tradeDone', 2, null]])
    expect(noticesOf(signUps, done, 2)).toEqual([['tradeDone', 1, null]])
    const failed = recordsOf([
      { offer: offer(2, 2, 2, { walk: W2 }) }, { response: response(2, 3, 'take', 3) },
      { offer: offer(1, 1, 2, { target: { family: 2, walk: W2 } }) }, { response: response(1, 2, 'accept', 5) },
    ])
    expect(noticesOf(signUps, failed, 1)).toEqual([['pendingOffer', null, null], ['tradeFailed', 2, 'responderNoLongerHolds']])
    expect(noticesOf(signUps, failed, 2)).toEqual([['offerTaken', 3, null], ['tradeFailed', 1, 'responderNoLongerHolds']])
  })
})

describe('journal lines of the swaps', () => {
  it('offer, the winning take, the lost take and a late withdrawal, in logical order once merged with the sign-ups', () => {
    const signUps = [signUp(1, 'lead', 1)]
    const records = recordsOf([
      { offer: offer(1, 1, 2, { withdrawnAt: 7 }) }, { response: response(1, 3, 'take', 5, undefined, 7) }, { response: response(1, 4, 'take', 5, undefined, 2) },
    ])
    const { resolution } = views(signUps, records, W1_START - 30 * HOUR)
    const journal = deriveJournal({ signUps, slotSwaps: swapJournalEvents(resolution) })
    expect(journal.map((e) => [e.kind, e.adultId === undefined ? null : Number(e.adultId.slice(-12))])).toEqual([
      ['signedUp', 1], ['slotOffered', 1], ['slotTaken', 4], ['slotTakeLost', 3], ['slotOfferWithdrawn', 1],
    ])
    expect(journal.find((e) => e.kind === 'slotTaken')).toMatchObject({ slot: 'lead', otherFamilyId: familyId(1), familyId: familyId(4) })
  })
})
