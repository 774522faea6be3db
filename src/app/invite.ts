// Invite links: `${origin}/rejoindre#r=<roomId>&s=<secret>`; the secret stays in the fragment, never sent to a server.
import { z } from 'zod/mini'
import { parseInviteSecret, parseRoomId, type InviteSecret, type RoomId } from '../lib/credentials.ts'
import { err, ok, type Result } from '../lib/result.ts'

export const INVITE_PATH = '/rejoindre'

export interface Invite {
  readonly roomId: RoomId
  readonly secret: InviteSecret
}

export const buildInviteUrl = (origin: string, invite: Invite): string =>
  `${origin.replace(/\/+$/, '')}${INVITE_PATH}#${new URLSearchParams({ r: invite.roomId, s: invite.secret }).toString()}`

const MAX_FRAGMENT_LENGTH = 200

// A zod/mini transform reports a refusal by pushing its issue onto the parse payload it is given.
const InviteFragmentSchema = z.object({
  r: z.pipe(z.string(), z.transform((text: string, ctx) =>
    parseRoomId(text) ?? (ctx.issues.push({ code: 'custom', message: 'roomId', input: text }), z.NEVER))),
  s: z.pipe(z.string(), z.transform((text: string, ctx) =>
    parseInviteSecret(text) ?? (ctx.issues.push({ code: 'custom', message: 'secret', input: text }), z.NEVER))),
})

/** Accepts the fragment with or without '#', or a whole invite URL (pasted by hand). */
export const parseInvite = (input: string): Result<Invite, 'invalidLink'> => {
  const text = input.trim()
  const hashAt = text.indexOf('#')
  const fragment = hashAt >= 0 ? text.slice(hashAt + 1) : text
  if (fragment.length === 0 || fragment.length > MAX_FRAGMENT_LENGTH) return err('invalidLink')
  const params = new URLSearchParams(fragment)
  const parsed = InviteFragmentSchema.safeParse({ r: params.get('r'), s: params.get('s') })
  return parsed.success ? ok({ roomId: parsed.data.r, secret: parsed.data.s }) : err('invalidLink')
}
