// The swaps' lines of the collective journal (src/domain/journal): offers, withdrawals and each response's outcome.
import type { OnBehalf } from '../on-behalf.ts'
import type { SlotSwapJournalEvent, SlotSwapJournalKind } from '../journal/events.ts'
import type { ResponseResult, SwapResolution } from './outcomes.ts'
import { responseKeyOf, type Offer } from './records.ts'

/** Every response that did not win is a lost take for the journal; the notices (notices.ts) say why. Invalid ones go to "to check", not here. */
const kindOf = (offer: Offer, result: ResponseResult): SlotSwapJournalKind | null => {
  if (result.kind === 'won') return offer.kind === 'trade' ? 'slotTraded' : 'slotTaken'
  if (result.kind === 'declined') return 'slotDeclined'
  return result.kind === 'invalid' ? null : 'slotTakeLost'
}

/** The on-behalf mark of a record, only when it has one (events keep no undefined field). */
const behalf = (onBehalf: OnBehalf | undefined): { onBehalf?: OnBehalf } => (onBehalf === undefined ? {} : { onBehalf })

const offerEvents = (offer: Offer): SlotSwapJournalEvent[] => {
  const base = { familyId: offer.familyId, adultId: offer.adultId, lineId: offer.walk.lineId, walk: offer.walk }
  const offered: SlotSwapJournalEvent = {
    ...base, kind: 'slotOffered', ref: offer.id, clock: offer.clock, actor: offer.actor, at: offer.at, ...behalf(offer.onBehalf),
  }
  if (offer.withdrawn === undefined) return [offered]
  const { clock, actor, at, onBehalf } = offer.withdrawn
  return [offered, { ...base, kind: 'slotOfferWithdrawn', ref: `${offer.id}|withdrawn`, clock, actor, at, ...behalf(onBehalf) }]
}

/** The journal lines of the swaps, in resolution order; the journal sorts them with the rest. Releases have no journal kind yet. */
export const swapJournalEvents = (resolution: SwapResolution): SlotSwapJournalEvent[] => {
  const events = [...resolution.offers.values()].flatMap(({ offer, status }) => (status === 'invalid' ? [] : offerEvents(offer)))
  for (const { response, result } of resolution.responses) {
    const offer = resolution.offers.get(response.offerId)?.offer
    const kind = offer === undefined ? null : kindOf(offer, result)
    if (offer === undefined || kind === null) continue
    const slot = resolution.transfers.find((t) => t.offerId === offer.id && t.to === response.adultId)?.slot
    events.push({
      kind,
      familyId: response.familyId,
      otherFamilyId: offer.familyId,
      adultId: response.adultId,
      lineId: offer.walk.lineId,
      walk: offer.walk,
      ...(slot === undefined ? {} : { slot }),
      ref: responseKeyOf(response),
      clock: response.clock,
      actor: response.actor,
      at: response.at,
      ...behalf(response.onBehalf),
    })
  }
  return events
}
