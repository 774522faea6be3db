// The home screen's urgent list: late drop-outs (open offers, released slots within 24 h) and understaffed walks within 48 h.
import { URGENT_WITHIN_MS, walkStartInstant } from '../rota/resolve.ts'
import { walkKeyOf } from '../signup.ts'
import type { OfferView } from './expiry.ts'
import type { EffectiveWalk } from './outcomes.ts'
import type { OfferId } from './records.ts'

/** A slot offered or released counts as a late drop-out this close to the start (product: "the last 24 h"). */
export const LATE_DROP_OUT_MS = 24 * 3_600_000

/** openOffer: a slot still offered; released: a slot given up and not refilled; understaffed: fewer holders than required. */
export type UrgentReason = 'openOffer' | 'released' | 'understaffed'

export interface UrgentItem {
  readonly walk: EffectiveWalk
  readonly startsAt: number
  readonly reasons: readonly UrgentReason[]
  /** Open offers on this walk, in logical order: the screen offers "je prends" on each. */
  readonly offerIds: readonly OfferId[]
}

const holdersOf = (walk: EffectiveWalk): number => (walk.lead === null ? 0 : 1) + (walk.tail === null ? 0 : 1) + walk.extras.length

/**
 * Urgent items among `walks` (the effective rota of the days shown) at `now`, soonest first.
 * Uses the state of the records now, not when they were written (that time is the author's
 * phone clock, untrusted): an offer still open 20 h before the walk is urgent whenever it was made.
 * An item stays until covered: the offer is taken, the seat refilled, the walk staffed.
 */
export const urgentItems = (walks: readonly EffectiveWalk[], offers: readonly OfferView[], now: number): UrgentItem[] => {
  const items: UrgentItem[] = []
  for (const walk of walks) {
    if (walk.cancellation !== null) continue
    const startsAt = walkStartInstant(walk)
    const untilStart = startsAt - now
    if (untilStart <= 0 || untilStart > URGENT_WITHIN_MS) continue
    const late = untilStart <= LATE_DROP_OUT_MS
    const open = offers.filter((view) => view.status === 'open' && walkKeyOf(view.offer.walk) === walk.key)
    const reasons: UrgentReason[] = []
    if (late && open.length > 0) reasons.push('openOffer')
    if (late && walk.released.length > 0) reasons.push('released')
    if (holdersOf(walk) < walk.requiredAdults) reasons.push('understaffed')
    if (reasons.length > 0) items.push({ walk, startsAt, reasons, offerIds: late ? open.map((view) => view.offer.id) : [] })
  }
  return items.sort((a, b) => a.startsAt - b.startsAt || (a.walk.key < b.walk.key ? -1 : a.walk.key > b.walk.key ? 1 : 0))
}
