// The effective rota after swaps: resolveWalk for sign-ups, then every swap event in (clock, actor) order.
//
// Wall clocks never order anything: every phone sorts the same records the same way, so every
// phone derives the same holders. `now` only feeds the walk state (urgent), as in resolveWalk.
// Last, a taker's own later sign-up on the same walk is superseded (see absorbSuperseded).
import type { LocalDate } from '../dates.ts'
import { resolveWalks, type RotaOptions } from '../rota/resolve.ts'
import { collectiveFirstDay, walkStateOf } from '../rota/walk-state.ts'
import type { Walk } from '../rota/walks.ts'
import type { WalkRota } from '../rota-types.ts'
import { droppedSignUps as defaultSetAside } from '../rota/signup-index.ts'
import { compareSignUps, walkKeyOf, type SignUp } from '../signup.ts'
import { keptLinesOf, setAsideAfterSwaps, touchWalksOf } from './bookings.ts'
import { applyRelease, applyResponse, applyWithdrawal } from './apply.ts'
import { createContext, seatsFor, type SwapContext, type SwapModel } from './context.ts'
import type { EffectiveWalk, OfferOutcome, SwapResolution } from './outcomes.ts'
import { compareStamps, releaseKeyOf, responseKeyOf, type Offer, type Release, type Stamp, type SwapRecords, type SwapResponse } from './records.ts'
import { endedSignUps, type EndedSignUp } from './ghosts.ts'
import { absorbSuperseded, endSignUp, tiedSeat, type WalkSeats } from './seats.ts'
import { isValidOffer } from './validity.ts'

type SwapEvent =
  | { readonly kind: 'ended'; readonly stamp: Stamp; readonly key: string; readonly ended: EndedSignUp }
  | { readonly kind: 'withdrawal'; readonly stamp: Stamp; readonly key: string; readonly offer: Offer }
  | { readonly kind: 'response'; readonly stamp: Stamp; readonly key: string; readonly response: SwapResponse }
  | { readonly kind: 'release'; readonly stamp: Stamp; readonly key: string; readonly release: Release }

/** Total order: stamp, then kind, then the record key, so even forged equal stamps sort the same everywhere. */
const compareEvents = (a: SwapEvent, b: SwapEvent): number =>
  compareStamps(a.stamp, b.stamp) || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)

const eventsOf = (records: SwapRecords, ended: readonly EndedSignUp[]): SwapEvent[] => [
  ...ended.flatMap((item): SwapEvent[] => (item.endedAt === null ? [] : [
    { kind: 'ended', stamp: item.endedAt, key: `${walkKeyOf(item.walk)}|${item.signUp.adultId}`, ended: item },
  ])),
  ...records.offers.flatMap((offer): SwapEvent[] => (offer.withdrawn ? [{ kind: 'withdrawal', stamp: offer.withdrawn, key: offer.id, offer }] : [])),
  ...records.responses.map((response): SwapEvent => ({ kind: 'response', stamp: response, key: responseKeyOf(response), response })),
  ...records.releases.map((release): SwapEvent => ({ kind: 'release', stamp: release, key: releaseKeyOf(release), release })),
]

/** Offers in logical order, so that every map and list derived from them is in the same order on every phone. */
const sortedOffers = (offers: readonly Offer[]): Offer[] => [...offers].sort((a, b) => compareStamps(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))

const registerOffers = (context: SwapContext, offers: readonly Offer[]): void => {
  for (const offer of offers) {
    const status = isValidOffer(context, offer) ? 'open' : 'invalid'
    context.offers.set(offer.id, { offer, status, winner: null, lateWithdrawal: false })
  }
}

const endSignUpIn = (context: SwapContext, ended: EndedSignUp): void => {
  const walk = seatsFor(context, ended.walk)
  if (walk !== null) context.ended.push({ walkKey: walk.base.key, vanished: endSignUp(walk, ended.signUp) })
}

/** A brought-back sign-up with no end (its entry missing here) stays where the events left it: listed, not vanished. */
const listUnended = (context: SwapContext, ended: readonly EndedSignUp[]): void => {
  for (const item of ended) {
    const walk = item.endedAt === null ? seatsFor(context, item.walk) : null
    if (walk !== null) context.ended.push({ walkKey: walk.base.key, vanished: false })
  }
}

/** An open offer whose author no longer holds the slot (given away by another offer, or withdrawn) is void. */
const finalOutcome = (context: SwapContext, offer: Offer): OfferOutcome => {
  const state = context.offers.get(offer.id)
  if (state === undefined) throw new Error('offer not registered')
  const walk = context.walks.get(walkKeyOf(offer.walk))
  const holds = walk !== undefined && walk !== null && tiedSeat(walk, offer.adultId, offer, offer.seat) !== undefined
  const status = state.status === 'open' && !holds ? 'void' : state.status
  return { offer, status, winner: state.winner, lateWithdrawal: state.lateWithdrawal }
}

const toEffective = (walk: WalkSeats, now: number, firstDay: LocalDate | null): EffectiveWalk => {
  const base = walk.base
  const [leadSeat, tailSeat, ...extraSeats] = walk.seats
  const extras = extraSeats.flatMap((seat) => (seat.holder === null ? [] : [seat.holder]))
  const lead = leadSeat?.holder ?? null
  const tail = tailSeat?.holder ?? null
  const holders = (lead === null ? 0 : 1) + (tail === null ? 0 : 1) + extras.length
  const viaSwap = walk.seats.flatMap((seat) => (seat.holder !== null && seat.via !== null ? [{ adultId: seat.holder.adultId, offerId: seat.via.offerId }] : []))
  return {
    ...base,
    lead,
    tail,
    extras,
    waiting: [...walk.waiting].sort(compareSignUps),
    state: walkStateOf(base, holders, base.requiredAdults, now, firstDay),
    released: [...walk.released],
    superseded: [...walk.superseded].sort(compareSignUps),
    viaSwap,
  }
}

/** One pass over every swap event with the given sign-ups set aside. */
const applyPass = (
  model: SwapModel, records: SwapRecords, now: number, options: RotaOptions, ended: readonly EndedSignUp[], setAside: ReadonlySet<SignUp>,
): SwapContext => {
  const families = new Map(model.adults.map((adult) => [adult.id, adult.familyId]))
  const context = createContext(model, now, options, families, ended, setAside)
  // The walks of sign-ups set aside or counted again differently from the sign-up rota are resolved here.
  const byRota = defaultSetAside(model)
  touchWalksOf(context, [...setAside].filter((signUp) => !byRota.has(signUp)))
  touchWalksOf(context, [...byRota].filter((signUp) => !setAside.has(signUp)))
  // A brought-back sign-up changes its walk even when no event names it (one with no end has none).
  touchWalksOf(context, ended.map((item) => item.signUp))
  registerOffers(context, sortedOffers(records.offers))
  for (const event of eventsOf(records, ended).sort(compareEvents)) {
    if (event.kind === 'ended') endSignUpIn(context, event.ended)
    else if (event.kind === 'withdrawal') applyWithdrawal(context, event.offer)
    else if (event.kind === 'response') applyResponse(context, event.response)
    else applyRelease(context, event.release)
  }
  listUnended(context, ended)
  for (const walk of context.walks.values()) if (walk !== null) absorbSuperseded(walk)
  return context
}

/** Passes over the events until the sign-ups set aside stand (a few at most; bounded so a forged document cannot loop). */
const MAX_PASSES = 4

/** Resolves every swap record of the collective against the sign-ups. */
export const resolveSwaps = (model: SwapModel, records: SwapRecords, now: number, options: RotaOptions = {}): SwapResolution => {
  const families = new Map(model.adults.map((adult) => [adult.id, adult.familyId]))
  const ended = endedSignUps(model.signUps, records, families)
  const offers = sortedOffers(records.offers)
  let setAside: ReadonlySet<SignUp> = defaultSetAside(model)
  let context = applyPass(model, records, now, options, ended, setAside)
  for (let pass = 1; pass < MAX_PASSES; pass++) {
    const next = setAsideAfterSwaps(context, setAside)
    if (next === null) break
    setAside = next
    context = applyPass(model, records, now, options, ended, setAside)
  }
  const firstDay = collectiveFirstDay(model)
  const walks = new Map([...context.walks].flatMap(([key, walk]) =>
    (walk === null ? [] : [[key, toEffective(walk, now, firstDay)] as const])))
  const outcomes = new Map(offers.map((offer) => [offer.id, finalOutcome(context, offer)] as const))
  return {
    walks, offers: outcomes, responses: context.responses, releases: context.releases, transfers: context.transfers, ended: context.ended,
    setAside: keptLinesOf(context, setAside),
  }
}

/** The effective form of a resolved walk: the swapped one if a swap record touched it, else the sign-up rota itself. */
export const effectiveWalkOf = (resolution: SwapResolution, rota: WalkRota): EffectiveWalk =>
  resolution.walks.get(rota.key) ?? { ...rota, released: [], superseded: [], viaSwap: [] }

/** Resolves walks from the sign-ups, then applies the swaps: what every rota screen shows (same `options` as resolveSwaps). */
export const effectiveWalks = (model: SwapModel, resolution: SwapResolution, walks: readonly Walk[], now: number, options: RotaOptions = {}): EffectiveWalk[] =>
  resolveWalks(model, walks, now, options).map((rota) => effectiveWalkOf(resolution, rota))
