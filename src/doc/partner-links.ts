// The collective's partner links (issue 18) in the shared document: flat map `partnerLinks`, one entry per link keyed
// by its partner room id, each value ONE sealed string (the collective's key, bound to `partnerLinks/<id>/link`)
// holding the link's label, its partner room's write secret and its read key, so any member's phone can publish the
// summary, show the link again and revoke it; the relay reads none of it. A revoked entry keeps no secret.
// Outside the record-kind registry on purpose: not exported, not carried to a renewal's copy or a new generation
// (their partner links must be made again), never shown "to check" (an entry that does not open is skipped).
import { z } from 'zod/mini'
import type * as Y from 'yjs'
import { openText, sealText } from '../lib/seal.ts'
import { sealKeyOf, SealKeyMissingError } from './codec.ts'
import { ChangeOrigin } from './keys.ts'

export const MAP_PARTNER_LINKS = 'partnerLinks'

const PartnerLinkSchema = z.object({
  label: z.string().check(z.minLength(1), z.maxLength(60)),
  createdAt: z.number(),
  /** The family of the member who made it (an id, never a name); null when made before choosing a family. */
  createdBy: z.nullable(z.string().check(z.maxLength(64))),
  revokedAt: z.nullable(z.number()),
  /** Absent once revoked. */
  writeSecret: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/))),
  readKey: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/))),
})
export type StoredPartnerLink = z.output<typeof PartnerLinkSchema> & { readonly roomId: string }

const contextOf = (roomId: string): string => `${MAP_PARTNER_LINKS}/${roomId}/link`
const origin = new ChangeOrigin('partnerLinks')

/** Every link that opens under the collective's key, newest first. */
export const readPartnerLinks = (doc: Y.Doc): StoredPartnerLink[] => {
  const key = sealKeyOf(doc)
  if (key === undefined) return []
  const links: StoredPartnerLink[] = []
  doc.getMap<unknown>(MAP_PARTNER_LINKS).forEach((value, roomId) => {
    const opened = openText(key, contextOf(roomId), value)
    if (!opened.ok) return
    try {
      const parsed = PartnerLinkSchema.safeParse(JSON.parse(opened.value))
      if (parsed.success) links.push({ ...parsed.data, roomId })
    } catch {
      // Not JSON: skipped, like a value that does not open.
    }
  })
  return links.sort((a, b) => b.createdAt - a.createdAt)
}

/** Writes the link whole (sealed), in one transaction. */
export const writePartnerLink = (doc: Y.Doc, link: StoredPartnerLink): void => {
  const key = sealKeyOf(doc)
  if (key === undefined) throw new SealKeyMissingError(contextOf('…'))
  const { roomId, ...fields } = link
  const value = sealText(key, contextOf(roomId), JSON.stringify(PartnerLinkSchema.parse(fields)))
  doc.transact(() => doc.getMap<unknown>(MAP_PARTNER_LINKS).set(roomId, value), origin)
}

/** Watches the map: `listener` after each change to it (here or from another phone). */
export const observePartnerLinks = (doc: Y.Doc, listener: () => void): (() => void) => {
  const map = doc.getMap<unknown>(MAP_PARTNER_LINKS)
  const observer = (): void => listener()
  map.observe(observer)
  return () => map.unobserve(observer)
}
