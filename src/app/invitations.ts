// Invitations against the relay (issue 16): create one (a one-off invite key, the secret sealed under it), list and
// revoke a collective's open invitations, and open the secret an invite link leads to.
import { z } from 'zod/mini'
import { deriveRoomToken, type InviteSecret, type RoomId } from '../lib/credentials.ts'
import {
  createInviteKey, invitationIdOf, openSecret, parseInvitationId, sealSecret, type InvitationId, type InviteKey,
} from '../lib/invitation.ts'
import { INVITE_PATH_PREFIX, TOKEN_HEADER } from '../lib/relay-protocol.ts'
import { err, ok, type Result } from '../lib/result.ts'
import type { InvitationDays, InvitationError, InvitationInfo, OpenInvitationError } from './api.ts'
import type { RelayFetch } from './env.ts'
import { buildInviteUrl } from './invite.ts'

export interface InvitationDeps {
  readonly relayUrl: string
  readonly origin: string
  readonly fetch: RelayFetch
}

/** `wss://host/sync` or `https://host/...` -> `https://host/invite/<roomId>[/<id>]`. */
const inviteUrl = (relayUrl: string, roomId: RoomId, id?: InvitationId): string => {
  const url = new URL(relayUrl)
  const protocol = url.protocol === 'wss:' || url.protocol === 'https:' ? 'https:' : 'http:'
  return `${protocol}//${url.host}${INVITE_PATH_PREFIX}${roomId}${id === undefined ? '' : `/${id}`}`
}

const InfoSchema = z.object({ id: z.string(), createdAt: z.string(), expiresAt: z.string() })
const toInfo = (raw: z.infer<typeof InfoSchema>): InvitationInfo | null => {
  const id = parseInvitationId(raw.id)
  const createdAt = Date.parse(raw.createdAt)
  const expiresAt = Date.parse(raw.expiresAt)
  return id === null || !Number.isFinite(createdAt) || !Number.isFinite(expiresAt) ? null : { id, createdAt, expiresAt }
}

const refusal = (status: number): InvitationError =>
  status === 422 ? 'tooMany' : status >= 500 || status === 429 ? 'offline' : 'refused'

const call = async (deps: InvitationDeps, url: string, init: Parameters<RelayFetch>[1]) => {
  try {
    return await deps.fetch(url, init)
  } catch {
    return null
  }
}

/** A new invitation for `days`; its link holds the room id and the invite key only. */
export const createInvitation = async (
  deps: InvitationDeps, roomId: RoomId, secret: InviteSecret, days: InvitationDays,
): Promise<Result<{ readonly url: string; readonly invitation: InvitationInfo }, InvitationError>> => {
  const key = createInviteKey()
  const id = await invitationIdOf(roomId, key)
  // The relay dates it by its own clock: a phone's may be wrong.
  const body = JSON.stringify({ id, sealed: await sealSecret(roomId, key, secret), days })
  const headers = { [TOKEN_HEADER]: await deriveRoomToken(roomId, secret), 'content-type': 'application/json' }
  const response = await call(deps, inviteUrl(deps.relayUrl, roomId), { method: 'POST', headers, body })
  if (response === null) return err('offline')
  if (response.status !== 201) return err(refusal(response.status))
  const parsed = InfoSchema.safeParse(await response.json?.().catch(() => null))
  const invitation = parsed.success ? toInfo(parsed.data) : null
  if (invitation === null || invitation.id !== id) return err('refused')
  return ok({ url: buildInviteUrl(deps.origin, roomId, key), invitation })
}

/** The collective's open invitations (ids and dates only: their keys were never kept), soonest expiry first. */
export const listInvitations = async (
  deps: InvitationDeps, roomId: RoomId, secret: InviteSecret,
): Promise<Result<readonly InvitationInfo[], InvitationError>> => {
  const headers = { [TOKEN_HEADER]: await deriveRoomToken(roomId, secret) }
  const response = await call(deps, inviteUrl(deps.relayUrl, roomId), { method: 'GET', headers })
  if (response === null) return err('offline')
  if (response.status !== 200) return err(refusal(response.status))
  const parsed = z.array(InfoSchema).safeParse(await response.json?.().catch(() => null))
  if (!parsed.success) return err('refused')
  const infos = parsed.data.flatMap((raw) => toInfo(raw) ?? [])
  return ok(infos.sort((a, b) => a.expiresAt - b.expiresAt))
}

/** Revokes an invitation: its link opens nothing from now on. */
export const revokeInvitation = async (
  deps: InvitationDeps, roomId: RoomId, secret: InviteSecret, id: InvitationId,
): Promise<Result<void, InvitationError>> => {
  const headers = { [TOKEN_HEADER]: await deriveRoomToken(roomId, secret) }
  const response = await call(deps, inviteUrl(deps.relayUrl, roomId, id), { method: 'DELETE', headers })
  if (response === null) return err('offline')
  return response.status === 204 ? ok(undefined) : err(refusal(response.status))
}

/** The collective's secret an invite link leads to, asked of the relay by the invitation's id. */
export const openInvitation = async (
  deps: Pick<InvitationDeps, 'relayUrl' | 'fetch'>, roomId: RoomId, key: InviteKey,
): Promise<Result<InviteSecret, OpenInvitationError>> => {
  const response = await call({ ...deps, origin: '' }, inviteUrl(deps.relayUrl, roomId, await invitationIdOf(roomId, key)), {
    method: 'GET', headers: {},
  })
  if (response === null || response.status >= 500 || response.status === 429) return err('offline')
  if (response.status !== 200) return err('expired')
  const parsed = z.object({ sealed: z.string() }).safeParse(await response.json?.().catch(() => null))
  const secret = parsed.success ? await openSecret(roomId, key, parsed.data.sealed) : null
  // A sealed secret that does not open under the link's key: a forged or damaged answer, never trusted.
  return secret === null ? err('invalidLink') : ok(secret)
}
