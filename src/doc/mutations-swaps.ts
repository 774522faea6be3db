// Swap records: offers, responses (take / accept / decline) and releases, each a flat entry written whole in one named transaction.
//
// Like sign-ups (see mutations-signups.ts), every value is a plain JSON object, never a nested
// Y.Map: a write replaces the entry atomically, and each entry has a single author (an offer's
// withdrawal is its author rewriting the whole entry). Who wins is derived by src/domain/swaps.
import type * as Y from 'yjs'
import { z } from 'zod/mini'
import type { ActorId, AdultId, FamilyId } from '../domain/ids.ts'
import type { OnBehalf } from '../domain/on-behalf.ts'
import { WalkRefSchema, type WalkRef } from '../domain/signup.ts'
import {
  createOfferId, releaseKeyOf, responseKeyOf, SeatClaimSchema, type Offer, type OfferId, type Release, type SeatClaim,
  type SwapResponse,
} from '../domain/swaps/records.ts'
import { authorTime, nextSharedClock } from './clock.ts'
import { MAP_OFFERS, MAP_RELEASES, MAP_RESPONSES, Origin, safeMap, type ChangeOrigin } from './keys.ts'
import { storedEntry } from './mutations-signups.ts'
import { isPlainObject } from './read-util.ts'

/** Sets one flat entry in one transaction; false when the map is damaged (another Yjs type under its name). */
export const putEntry = (doc: Y.Doc, mapName: string, key: string, value: Record<string, unknown>, origin: ChangeOrigin): boolean => {
  const map = safeMap(doc, mapName)
  if (map === null) return false
  doc.transact(() => map.set(key, value), origin)
  return true
}

/** A stored entry as written (unvalidated), or undefined. */
export const storedValue = (doc: Y.Doc, mapName: string, key: string): Record<string, unknown> | undefined => {
  const value = safeMap(doc, mapName)?.get(key)
  return isPlainObject(value) ? value : undefined
}

/** Plain JSON only: drops undefined fields, which Yjs would refuse or store oddly. */
const plain = (record: object): Record<string, unknown> =>
  Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined))

/** The author's identity and local time of a write. */
export interface Authored {
  readonly actor: ActorId
  /** authorTime(now) of the author's phone; now on this device when absent. */
  readonly at?: string
  /** Made by another member at the family's request (domain/on-behalf.ts); kept in the record as written. */
  readonly onBehalf?: OnBehalf
}

export interface OfferWrite extends Authored {
  readonly kind: Offer['kind']
  readonly walk: WalkRef
  readonly adultId: AdultId
  readonly familyId: FamilyId
  readonly target?: { readonly familyId: FamilyId; readonly walk?: WalkRef }
}

/** The adult's active sign-up on the walk as a seat claim (see SeatClaimSchema), or undefined. */
const seatClaimOf = (doc: Y.Doc, walk: WalkRef | undefined, adultId: AdultId): SeatClaim | undefined => {
  const entry = walk === undefined ? undefined : storedEntry(doc, walk, adultId)
  const claim = SeatClaimSchema.safeParse(entry)
  return entry?.status === 'active' && claim.success ? { slot: claim.data.slot, clock: claim.data.clock, actor: claim.data.actor } : undefined
}

/** Writes a new offer under a fresh id, with the sign-up it gives away; null when the document is damaged. */
export const writeOffer = (doc: Y.Doc, write: OfferWrite): OfferId | null => {
  const id = createOfferId()
  const { at, target, walk, ...rest } = write
  const offer = plain({
    ...rest, id, walk: { ...walk }, target: target === undefined ? undefined : plain({ ...target, walk: target.walk && { ...target.walk } }),
    seat: seatClaimOf(doc, walk, write.adultId), clock: nextSharedClock(doc), at: at ?? authorTime(Date.now()),
  })
  return putEntry(doc, MAP_OFFERS, id, offer, write.kind === 'trade' ? Origin.proposeTrade : Origin.offerSlot) ? id : null
}

/** Rewrites the author's offer with `withdrawn` added; false when there is no such entry or it is withdrawn already. */
export const writeOfferWithdrawal = (doc: Y.Doc, offerId: OfferId, author: Authored): boolean => {
  const current = storedValue(doc, MAP_OFFERS, offerId)
  if (current === undefined || current.withdrawn !== undefined) return false
  const withdrawn = plain({
    clock: nextSharedClock(doc), actor: author.actor, at: author.at ?? authorTime(Date.now()),
    onBehalf: author.onBehalf && { ...author.onBehalf },
  })
  return putEntry(doc, MAP_OFFERS, offerId, { ...current, withdrawn }, Origin.withdrawOffer)
}

export interface ResponseWrite extends Authored {
  readonly offerId: OfferId
  readonly adultId: AdultId
  readonly familyId: FamilyId
  readonly kind: SwapResponse['kind']
  readonly gives?: WalkRef
}

const OfferTargetSchema = z.object({ target: z.object({ walk: WalkRefSchema }) })

/** The walk a trade accept gives: the one it names, else the one the offer asks for. */
const acceptedWalk = (doc: Y.Doc, write: ResponseWrite): WalkRef | undefined => {
  if (write.kind !== 'accept') return undefined
  if (write.gives !== undefined) return write.gives
  const offer = OfferTargetSchema.safeParse(storedValue(doc, MAP_OFFERS, write.offerId))
  return offer.success ? offer.data.target.walk : undefined
}

/** The adult's answer to an offer (one entry per offer and adult: a later answer replaces it); an accept claims the seat it gives. */
export const writeResponse = (doc: Y.Doc, write: ResponseWrite): boolean => {
  const { at, gives, ...rest } = write
  const seat = seatClaimOf(doc, acceptedWalk(doc, write), write.adultId)
  const response = plain({ ...rest, gives: gives && { ...gives }, seat, clock: nextSharedClock(doc), at: at ?? authorTime(Date.now()) })
  return putEntry(doc, MAP_RESPONSES, responseKeyOf(write), response, write.kind === 'take' ? Origin.takeOffer : Origin.answerTrade)
}

export interface ReleaseWrite extends Authored {
  readonly offerId: OfferId
  readonly adultId: AdultId
  readonly familyId: FamilyId
  readonly walk: WalkRef
}

/** The adult gives up the slot received through the offer. */
export const writeRelease = (doc: Y.Doc, write: ReleaseWrite): boolean => {
  const { at, walk, ...rest } = write
  const release: Omit<Release, 'lineId'> = { ...rest, walk: { ...walk }, clock: nextSharedClock(doc), at: at ?? authorTime(Date.now()) }
  return putEntry(doc, MAP_RELEASES, releaseKeyOf(write), plain(release), Origin.releaseSlot)
}
