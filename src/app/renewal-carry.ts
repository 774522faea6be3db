// After a renewal (issue 16): the changes a phone still waited to send to the old room, written onto the renewed copy.
//
// Renewing closes the old room at once (the relay deletes it): a phone that was offline then keeps its unsent changes
// in its copy of the old room. When it joins the renewed collective with the new invitation, the copy's document names
// the room it was copied from (src/doc/renewal.ts); the session then hands this phone's old copy and waiting changes
// here, and the places they wrote are written again on the copy, their personal values sealed under the new key.
import type * as Y from 'yjs'
import { changedPlaces, writePlaces, type ChangedPlace, type ValueCopy } from '../doc/rebuild.ts'
import type { InviteSecret, RoomId } from '../lib/credentials.ts'
import { deriveSealKey } from '../lib/seal.ts'
import { resealing } from './generation.ts'
import type { ArchivedHandoff } from './session.ts'

/** Writes places of another document onto the session's own (a local change: it goes to the relay like any edit). */
export type RenewalWrite = (from: Y.Doc, places: readonly ChangedPlace[], copy: ValueCopy) => void

/** Writes onto `into` what `handoff` still waited to send; resolves with how many places were written. */
export const carryRenewedChanges = async (
  handoff: ArchivedHandoff,
  previous: { readonly id: RoomId; readonly secret: InviteSecret },
  next: { readonly id: RoomId; readonly secret: InviteSecret },
  into: RenewalWrite,
): Promise<number> => {
  const places = changedPlaces(handoff.doc, handoff.pending)
  if (places.length === 0) return 0
  const copy = resealing(await deriveSealKey(previous.id, previous.secret), await deriveSealKey(next.id, next.secret))
  into(handoff.doc, places, copy)
  return places.length
}

/** A RenewalWrite onto `doc`. */
export const writeOnto = (doc: Y.Doc): RenewalWrite => (from, places, copy) => writePlaces(from, doc, places, copy)
