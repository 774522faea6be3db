// Invite links (issue 16): `${origin}/rejoindre#r=<roomId>&i=<inviteKey>`: a one-off invite key in the fragment, never
// the collective's secret (src/lib/invitation.ts). Links of earlier versions, `#r=<roomId>&s=<secret>`, are still read:
// members who shared one keep it working until the collective is renewed, which closes its room.
import { z } from 'zod/mini'
import { parseInviteSecret, parseRoomId, type InviteSecret, type RoomId } from '../lib/credentials.ts'
import { parseInviteKey, type InviteKey } from '../lib/invitation.ts'
import { err, ok, type Result } from '../lib/result.ts'

export const INVITE_PATH = '/rejoindre'

/** What a link carries: a one-off invite key to ask the relay for, or (earlier versions) the secret itself. */
export type Invite =
  | { readonly kind: 'key'; readonly roomId: RoomId; readonly key: InviteKey }
  | { readonly kind: 'secret'; readonly roomId: RoomId; readonly secret: InviteSecret }

export const buildInviteUrl = (origin: string, roomId: RoomId, key: InviteKey): string =>
  `${origin.replace(/\/+$/, '')}${INVITE_PATH}#${new URLSearchParams({ r: roomId, i: key }).toString()}`

const MAX_FRAGMENT_LENGTH = 200

// A zod/mini transform reports a refusal by pushing its issue onto the parse payload it is given.
const checked = <T>(parse: (text: string) => T | null, name: string) =>
  z.pipe(z.string(), z.transform((text: string, ctx) =>
    parse(text) ?? (ctx.issues.push({ code: 'custom', message: name, input: text }), z.NEVER)))
const KeyFragmentSchema = z.object({ r: checked(parseRoomId, 'roomId'), i: checked(parseInviteKey, 'key') })
const SecretFragmentSchema = z.object({ r: checked(parseRoomId, 'roomId'), s: checked(parseInviteSecret, 'secret') })

/** Accepts the fragment with or without '#', or a whole invite URL (pasted by hand). */
export const parseInvite = (input: string): Result<Invite, 'invalidLink'> => {
  const text = input.trim()
  const hashAt = text.indexOf('#')
  const fragment = hashAt >= 0 ? text.slice(hashAt + 1) : text
  if (fragment.length === 0 || fragment.length > MAX_FRAGMENT_LENGTH) return err('invalidLink')
  const params = new URLSearchParams(fragment)
  const byKey = KeyFragmentSchema.safeParse({ r: params.get('r'), i: params.get('i') })
  if (byKey.success && !params.has('s')) return ok({ kind: 'key', roomId: byKey.data.r, key: byKey.data.i })
  const bySecret = SecretFragmentSchema.safeParse({ r: params.get('r'), s: params.get('s') })
  if (bySecret.success && !params.has('i')) return ok({ kind: 'secret', roomId: bySecret.data.r, secret: bySecret.data.s })
  return err('invalidLink')
}
