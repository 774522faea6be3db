// The swap invariants as a checker: unit tests and the convergence harness call it on every resolution.
import { droppedSignUps } from '../rota/signup-index.ts'
import { resolveWalk } from '../rota/resolve.ts'
import { walkOf } from '../rota/walks.ts'
import { walkKeyOf, type SignUp } from '../signup.ts'
import type { SwapModel } from './context.ts'
import type { EffectiveWalk, SwapResolution, Transfer } from './outcomes.ts'
import { releaseKeyOf, responseKeyOf, type SwapRecords } from './records.ts'

const holdersOf = (walk: EffectiveWalk): SignUp[] => [walk.lead, walk.tail, ...walk.extras].flatMap((signUp) => (signUp === null ? [] : [signUp]))

const oneTakerPerOffer = (resolution: SwapResolution): string[] => {
  const wins = new Map<string, number>()
  for (const { response, result } of resolution.responses) if (result.kind === 'won') wins.set(response.offerId, (wins.get(response.offerId) ?? 0) + 1)
  const errors = [...wins].filter(([, count]) => count > 1).map(([offerId, count]) => `offer ${offerId} has ${count} effective takers`)
  for (const outcome of resolution.offers.values()) {
    const won = wins.get(outcome.offer.id) ?? 0
    if ((outcome.winner === null) !== (won === 0)) errors.push(`offer ${outcome.offer.id}: winner and won responses disagree`)
  }
  return errors
}

/** One holder per seat is structural; what can break is an adult on two seats, or holding and waiting. */
const seatsAreSound = (walk: EffectiveWalk): string[] => {
  const errors: string[] = []
  const holders = holdersOf(walk).map((signUp) => signUp.adultId)
  if (new Set(holders).size !== holders.length) errors.push(`walk ${walk.key}: an adult holds two slots`)
  if (walk.waiting.some((signUp) => holders.includes(signUp.adultId))) errors.push(`walk ${walk.key}: an adult both holds and waits`)
  if (walk.lead !== null && walk.lead.slot !== 'lead') errors.push(`walk ${walk.key}: lead seat holds a ${walk.lead.slot} entry`)
  if (walk.tail !== null && walk.tail.slot !== 'tail') errors.push(`walk ${walk.key}: tail seat holds a ${walk.tail.slot} entry`)
  return errors
}

/**
 * No place appears or disappears: holders and waiting after swaps, plus the releases applied on
 * the walk (each takes one adult off it), the superseded sign-ups and the brought-back sign-ups that
 * ended in place, minus every brought-back sign-up, equal holders and waiting from the sign-ups alone
 * (with the sign-ups the swaps count again or set aside).
 */
const seatsConserved = (model: SwapModel, resolution: SwapResolution, walk: EffectiveWalk, now: number): string[] => {
  const derived = walkOf(model, walk)
  if (derived === null) return [`walk ${walk.key}: resolved but not scheduled`]
  const base = resolveWalk(model, derived, now)
  // Extras kept despite an absence (see resolveIndexedWalk) are places too; swaps never add one.
  if (walk.extras.length > Math.max(0, base.requiredAdults - 2, base.extras.length)) return [`walk ${walk.key}: more extras than places`]
  // The swaps decide double bookings again (see bookings.ts): a sign-up counted again adds a place, one set aside removes one.
  const onWalk = (signUp: SignUp): boolean => walkKeyOf(signUp) === walk.key
  const dropped = droppedSignUps(model)
  const counted = [...dropped].filter((signUp) => onWalk(signUp) && !resolution.setAside.has(signUp)).length
  const setAside = [...resolution.setAside.keys()].filter((signUp) => onWalk(signUp) && !dropped.has(signUp)).length
  const before = [base.lead, base.tail, ...base.extras].filter((signUp) => signUp !== null).length + base.waiting.length + counted - setAside
  const releases = resolution.releases.filter(({ release, applied }) => applied && walkKeyOf(release.walk) === walk.key).length
  const ended = resolution.ended.filter((item) => item.walkKey === walk.key)
  const vanished = ended.filter((item) => item.vanished).length
  const after = holdersOf(walk).length + walk.waiting.length + releases + walk.superseded.length + vanished - ended.length
  return before === after ? [] : [`walk ${walk.key}: ${before} sign-up places became ${after}`]
}

/** A replacement moves one seat; a trade moves two, crossed, decided by the same record. */
const transfersWhole = (resolution: SwapResolution): string[] => {
  const byOffer = new Map<string, Transfer[]>()
  for (const transfer of resolution.transfers) byOffer.set(transfer.offerId, [...(byOffer.get(transfer.offerId) ?? []), transfer])
  const errors: string[] = []
  for (const [offerId, transfers] of byOffer) {
    const [first, second, ...more] = transfers
    if (first?.kind === 'replacement' && (second !== undefined || more.length > 0)) errors.push(`offer ${offerId}: replacement moved ${transfers.length} seats`)
    if (first?.kind === 'trade') {
      const crossed = second !== undefined && more.length === 0 && second.from === first.to && second.to === first.from && second.stamp === first.stamp
      if (!crossed) errors.push(`offer ${offerId}: trade did not move exactly both seats`)
    }
  }
  return errors
}

/** Every response and release has exactly one outcome: the winner, or a result the screens turn into a notice. */
const nothingSilent = (records: SwapRecords, resolution: SwapResolution): string[] => {
  const errors: string[] = []
  const answered = resolution.responses.map(({ response }) => responseKeyOf(response))
  const expected = new Set(records.responses.map(responseKeyOf))
  if (answered.length !== expected.size || answered.some((key) => !expected.has(key))) errors.push('a response has no outcome, or two')
  const released = new Set(resolution.releases.map(({ release }) => releaseKeyOf(release)))
  if (released.size !== new Set(records.releases.map(releaseKeyOf)).size) errors.push('a release has no outcome')
  if (resolution.offers.size !== new Set(records.offers.map((offer) => offer.id)).size) errors.push('an offer has no outcome')
  return errors
}

/** All violated invariants, empty when the resolution is sound. `now` must be the one given to resolveSwaps. */
export const checkSwapInvariants = (model: SwapModel, records: SwapRecords, resolution: SwapResolution, now: number): string[] => [
  ...oneTakerPerOffer(resolution),
  ...[...resolution.walks.values()].flatMap((walk) => [...seatsAreSound(walk), ...seatsConserved(model, resolution, walk, now)]),
  ...transfersWhole(resolution),
  ...nothingSilent(records, resolution),
]
