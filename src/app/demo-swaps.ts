// The demo collective's swap and coordinator examples: one open replacement offer and a roster of three families.
import type * as Y from 'yjs'
import * as edit from '../doc/mutations.ts'
import { readCollective } from '../doc/read.ts'
import { authorTime } from '../doc/clock.ts'
import { instantToParisDate } from '../domain/calendar/paris-time.ts'
import { DEFAULT_ROSTER_SETTING } from '../domain/coordination/records.ts'
import { addDays } from '../domain/dates.ts'
import { createActorId, type FamilyId } from '../domain/ids.ts'
import { resolveWalks, walkStartInstant } from '../domain/rota/resolve.ts'
import { deriveWalks } from '../domain/rota/walks.ts'

const DAY_MS = 86_400_000

/** Written after the sign-ups: an offer on a walk three or more days ahead by a lead of another family than `me`, and a roster. */
export const fillDemoSwaps = (doc: Y.Doc, now: number, me: FamilyId): void => {
  const model = readCollective(doc)
  const today = instantToParisDate(now)
  const at = authorTime(now)
  const walks = deriveWalks(model, today, addDays(today, 21)).filter((walk) => walk.cancellation === null && walkStartInstant(walk) - now > 3 * DAY_MS)
  const offered = resolveWalks(model, walks, now).find((walk) => walk.lead !== null && walk.lead.familyId !== me)
  if (offered?.lead) {
    const { lead } = offered
    edit.writeOffer(doc, { kind: 'replacement', walk: offered, adultId: lead.adultId, familyId: lead.familyId, actor: lead.actor, at })
  }
  const members = [me, ...model.families.map((family) => family.id).filter((id) => id !== me)].slice(0, 3)
  members.forEach((familyId, index) => {
    edit.writeRosterEntry(doc, { familyId, accepted: true, position: index + 1, from: DEFAULT_ROSTER_SETTING.startsOn, actor: createActorId(), at })
  })
}
