// Invite links in tests (issue 16): a real invitation created through the session (the relay keeps it), its #fragment,
// and the collective's secret opened from it as a joining phone would.
import type { CollectiveSession } from '../../src/app/api.ts'
import { parseInvite } from '../../src/app/invite.ts'
import { openInvitation } from '../../src/app/invitations.ts'
import type { InviteSecret, RoomId } from '../../src/lib/credentials.ts'
import { DEFAULT_DEVICE_DB_NAME, openDeviceStore } from '../../src/storage/device-db.ts'

/** A new invitation's link (7 days), created with the relay the session uses. */
export const inviteLinkOf = async (session: Pick<CollectiveSession, 'createInvitation'>): Promise<string> => {
  const created = await session.createInvitation(7)
  if (!created.ok) throw new Error(`invitation not created: ${created.error}`)
  return created.value.url
}

/** The #fragment of a new invitation's link. */
export const inviteFragmentOf = async (session: Pick<CollectiveSession, 'createInvitation'>): Promise<string> =>
  new URL(await inviteLinkOf(session)).hash

/** The collective's secret, opened from a new invitation with the relay at `relayUrl` (http or ws). */
export const secretOf = async (session: Pick<CollectiveSession, 'createInvitation'>, relayUrl: string): Promise<InviteSecret> => {
  const invite = parseInvite(await inviteLinkOf(session))
  if (!invite.ok || invite.value.kind !== 'key') throw new Error('not an invitation link')
  const opened = await openInvitation({ relayUrl, fetch: (url, init) => globalThis.fetch(url, init) }, invite.value.roomId, invite.value.key)
  if (!opened.ok) throw new Error(`invitation not opened: ${opened.error}`)
  return opened.value
}

/** The secret a phone stored for a collective (unit tests without a relay), read from its device database. */
export const storedSecretOf = async (namespace: string, roomId: RoomId): Promise<InviteSecret> => {
  const device = openDeviceStore(`${namespace}${DEFAULT_DEVICE_DB_NAME}`)
  const row = await device.getCollective(roomId)
  if (!row) throw new Error('no such collective on this phone')
  return row.secret
}

/** A link of the earlier format (the secret in the fragment), still read for migration. */
export const legacyFragment = (roomId: RoomId, secret: InviteSecret): string => `#r=${roomId}&s=${secret}`
