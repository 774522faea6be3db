// Guests added on the pavement: a first name only, on the walk's day only, and that name erased once the day is over.
//
// A guest is a child who is not in the collective (a friend walking along once): the families never agreed to be in
// the document, so it holds the least, for the least time. Its marks say `guest: true`; its first name is one entry of
// its own (`guestNames`, sealed), which any member's phone deletes once the walk's day is over (src/doc/guest-erasure.ts):
// the walk still lists and counts "1 enfant invité", and the erasure compaction takes the name off the phones and the
// relay. Marks written before 0.3 carried the name themselves: those are rewritten without it (erasedGuestEntry).
import { z } from 'zod/mini'
import type { LocalDate } from '../dates.ts'
import { FIRST_NAME_MAX } from '../people.ts'
import type { WalkRef } from '../signup.ts'
import { compareLogical } from '../record-order.ts'
import { shortText } from '../text.ts'
import { guestNameKeyOf, type CheckIn, type GuestName } from './records.ts'

/** Digits, '@', ':' or ',' say more than a first name: a phone number, an address, a health detail. */
const BEYOND_FIRST_NAME = /[0-9@:,;/]/

/** What the walk's adult types for a guest: a first name and nothing else (a strict object: no other field). */
export const GuestInputSchema = z.strictObject({
  firstName: z.pipe(
    shortText(FIRST_NAME_MAX),
    z.string().check(z.refine((text) => !BEYOND_FIRST_NAME.test(text), { message: 'firstNameOnly' })),
  ),
})
export type GuestInput = z.input<typeof GuestInputSchema>

/** A guest joins a walk of `today` only: one added to a past walk would hold a name already due for erasure. */
export const guestMayJoin = (walk: WalkRef, today: LocalDate): boolean => walk.date === today

/** A mark about a guest: named, or erased after the walk's day. */
export const isGuestEntry = (entry: Pick<CheckIn, 'guestName' | 'guest'>): boolean => entry.guestName !== undefined || entry.guest === true

/** The mark (before 0.3) still holds a guest's first name and the walk's day is over (Paris date `today`). */
export const guestNameExpired = (entry: Pick<CheckIn, 'walk' | 'guestName'>, today: LocalDate): boolean =>
  entry.guestName !== undefined && entry.walk.date < today

/** A guest's name entry whose walk's day is over (Paris date `today`): to delete. */
export const guestNameEntryExpired = (entry: Pick<GuestName, 'walk'>, today: LocalDate): boolean => entry.walk.date < today

/**
 * The first name shown for a guest on a walk: its name entry, else (marks before 0.3) the latest mark naming it; null
 * once erased.
 */
export const guestNameOn = (
  names: readonly GuestName[], entries: readonly CheckIn[], walk: WalkRef, guestId: string,
): string | null => {
  const key = guestNameKeyOf({ walk, guestId })
  const own = names.find((entry) => guestNameKeyOf(entry) === key)
  if (own !== undefined) return own.name
  return entries.filter((entry) => entry.guestName !== undefined).sort(compareLogical).at(-1)?.guestName ?? null
}

/**
 * The mark as it stays after the erasure: every field but the name, which is left out (the same clock, so the merge
 * is unchanged), and `guest: true`.
 */
export const erasedGuestEntry = <T extends { readonly guestName?: unknown }>(
  entry: T,
): T & { readonly guest: true } => {
  const erased: Record<string, unknown> = { ...entry, guest: true }
  delete erased.guestName
  return erased as T & { readonly guest: true }
}
