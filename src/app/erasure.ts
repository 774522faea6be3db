// What any member's phone erases from the shared document on its own (issue 16): guests' first names once the walk's
// day is over, and a support note left under a withdrawn agreement. The session runs it after every change from
// outside (the disk at load, the relay, another tab); its own change then compacts the stored log and the relay's room.
import type * as Y from 'yjs'
import { eraseExpiredGuestNames } from '../doc/guest-erasure.ts'
import { eraseWithheldSupport } from '../doc/support-erasure.ts'
import { instantToParisDate } from '../domain/calendar/paris-time.ts'

/** How many records were rewritten (0: nothing written, no transaction). `now`: the session's clock (epoch ms). */
export const eraseAfterDayOrWithdrawal = (doc: Y.Doc, now: number): number =>
  eraseExpiredGuestNames(doc, instantToParisDate(now)) + eraseWithheldSupport(doc)
