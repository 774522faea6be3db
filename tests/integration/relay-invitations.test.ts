// Invitations on the relay (issue 16): the collective's secret is kept only sealed under a one-off invite key the relay
// never sees; opened by the link's holder without a token; forgotten at expiry, revocation, renewal.
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createInviteSecret, createRoomId, deriveRoomToken, type InviteSecret, type RoomId } from '../../src/lib/credentials.ts'
import { createInviteKey, invitationIdOf, openSecret, sealSecret, type InviteKey } from '../../src/lib/invitation.ts'
import { INVITE_PATH_PREFIX, RENEW_PATH_PREFIX, TOKEN_HEADER } from '../../src/lib/relay-protocol.ts'
import { MAX_OPEN_INVITATIONS } from '../../server/invites.ts'
import { startRelay, writeKeysRaw, type RelayOptions } from '../helpers/relay.ts'

const DAY_MS = 24 * 60 * 60 * 1000
const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})
const started = async (options: RelayOptions = {}) => {
  const relay = await startRelay(options)
  cleanups.push(() => relay.stop())
  return relay
}

interface Collective { readonly roomId: RoomId; readonly secret: InviteSecret; readonly token: string }
const registered = async (wsUrl: string): Promise<Collective> => {
  const roomId = createRoomId()
  const secret = createInviteSecret()
  const token = await deriveRoomToken(roomId, secret)
  await writeKeysRaw(wsUrl, { roomId, token }, ['a'], true)
  return { roomId, secret, token }
}

const invitationBody = async (collective: Collective, key: InviteKey, days: number) => JSON.stringify({
  id: await invitationIdOf(collective.roomId, key),
  sealed: await sealSecret(collective.roomId, key, collective.secret),
  days,
})
const create = (url: string, collective: Collective, body: string, token = collective.token) =>
  fetch(`${url}${INVITE_PATH_PREFIX}${collective.roomId}`, {
    method: 'POST', headers: { [TOKEN_HEADER]: token, 'content-type': 'application/json' }, body,
  })
const openByLink = async (url: string, roomId: RoomId, key: InviteKey): Promise<{ status: number; secret: string | null }> => {
  const response = await fetch(`${url}${INVITE_PATH_PREFIX}${roomId}/${await invitationIdOf(roomId, key)}`)
  if (response.status !== 200) return { status: response.status, secret: null }
  const { sealed } = await response.json() as { sealed: string }
  return { status: 200, secret: await openSecret(roomId, key, sealed) }
}
const list = async (url: string, collective: Collective): Promise<Array<{ id: string }>> =>
  await (await fetch(`${url}${INVITE_PATH_PREFIX}${collective.roomId}`, { headers: { [TOKEN_HEADER]: collective.token } })).json() as Array<{ id: string }>
const revoke = async (url: string, collective: Collective, key: InviteKey, token = collective.token): Promise<number> =>
  (await fetch(`${url}${INVITE_PATH_PREFIX}${collective.roomId}/${await invitationIdOf(collective.roomId, key)}`, {
    method: 'DELETE', headers: { [TOKEN_HEADER]: token },
  })).status

/** Every file under `dir` holding `text`. */
const filesHolding = async (dir: string, text: string): Promise<string[]> => {
  const found: string[] = []
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && (await readFile(join(entry.parentPath, entry.name))).includes(text)) found.push(entry.name)
  }
  return found
}

describe('relay invitations', () => {
  it('keeps the secret sealed, opens it for the link without a token, lists and revokes with the token', async () => {
    const relay = await started()
    const collective = await registered(relay.wsUrl)
    const key = createInviteKey()
    const created = await create(relay.url, collective, await invitationBody(collective, key, 7))
    expect(created.status).toBe(201)
    expect(await openByLink(relay.url, collective.roomId, key)).toEqual({ status: 200, secret: collective.secret })
    expect((await list(relay.url, collective)).map((invitation) => invitation.id)).toEqual([await invitationIdOf(collective.roomId, key)])
    // Neither the secret nor the invite key is on the relay's disk.
    expect(await filesHolding(relay.dataDir, collective.secret)).toEqual([])
    expect(await filesHolding(relay.dataDir, key)).toEqual([])

    // Another key opens nothing; a stranger's token neither lists nor revokes.
    expect((await openByLink(relay.url, collective.roomId, createInviteKey())).status).toBe(404)
    const stranger = await registered(relay.wsUrl)
    expect(await revoke(relay.url, collective, key, stranger.token)).toBe(401)
    expect(await revoke(relay.url, collective, key)).toBe(204)
    expect(await revoke(relay.url, collective, key)).toBe(204) // idempotent
    expect((await openByLink(relay.url, collective.roomId, key)).status).toBe(404)
    expect(await list(relay.url, collective)).toEqual([])
    expect(relay.relay.health().counters).toMatchObject({ invitationsCreated: 1, invitationsOpened: 1, invitationsRevoked: 2 })
  })

  it('refuses a bad token (401), a bad body (400), a validity beyond 30 days or under a day (400), an unknown room (404)', async () => {
    const relay = await started()
    const collective = await registered(relay.wsUrl)
    const key = createInviteKey()
    const good = await invitationBody(collective, key, 1)
    const stranger = await registered(relay.wsUrl)
    expect((await create(relay.url, collective, good, stranger.token)).status).toBe(401)
    expect((await create(relay.url, collective, good, 'not-a-token')).status).toBe(401)
    expect((await create(relay.url, collective, '{"id":"x"}')).status).toBe(400)
    expect((await create(relay.url, collective, 'not json')).status).toBe(400)
    expect((await create(relay.url, collective, 'x'.repeat(4096))).status).toBe(413)
    expect((await create(relay.url, collective, await invitationBody(collective, key, 31))).status).toBe(400)
    expect((await create(relay.url, collective, await invitationBody(collective, key, 0))).status).toBe(400)
    const unknown = { roomId: createRoomId(), secret: collective.secret, token: collective.token }
    expect((await create(relay.url, unknown, await invitationBody(unknown, key, 1))).status).toBe(404)
    expect(await list(relay.url, collective)).toEqual([])
    const get = await fetch(`${relay.url}${INVITE_PATH_PREFIX}${collective.roomId}/not-an-id`)
    expect(get.status).toBe(404)
  })

  it(`refuses more than ${MAX_OPEN_INVITATIONS} open invitations in a room (422)`, async () => {
    const relay = await started({ env: { MAX_ROOM_REGISTRATIONS_PER_IP_PER_HOUR: '100' } })
    const collective = await registered(relay.wsUrl)
    for (let i = 0; i < MAX_OPEN_INVITATIONS; i++) {
      expect((await create(relay.url, collective, await invitationBody(collective, createInviteKey(), 1))).status).toBe(201)
    }
    expect((await create(relay.url, collective, await invitationBody(collective, createInviteKey(), 1))).status).toBe(422)
  })

  it('dates an invitation by the relay\'s clock; opens nothing after expiry, and forgets it at the next sweep', async () => {
    let now = Date.now()
    const relay = await started({ now: () => now })
    const collective = await registered(relay.wsUrl)
    const key = createInviteKey()
    const body = await invitationBody(collective, key, 7)
    const sealed = (JSON.parse(body) as { sealed: string }).sealed
    const created = await create(relay.url, collective, body)
    expect(created.status).toBe(201)
    expect(await created.json()).toMatchObject({ expiresAt: new Date(now + 7 * DAY_MS).toISOString() })
    now += 7 * DAY_MS - 1000
    expect((await openByLink(relay.url, collective.roomId, key)).status).toBe(200)
    now += 1000
    expect((await openByLink(relay.url, collective.roomId, key)).status).toBe(404)
    expect(await list(relay.url, collective)).toEqual([])
    expect(await filesHolding(relay.dataDir, sealed)).toEqual(['meta.json'])
    await relay.relay.sweepRenewedRooms()
    expect(await filesHolding(relay.dataDir, sealed)).toEqual([])
    expect(relay.relay.health().counters.invitationsExpired).toBe(1)
  })

  it('forgets the invitations of a renewed room with the room', async () => {
    const relay = await started()
    const collective = await registered(relay.wsUrl)
    const key = createInviteKey()
    expect((await create(relay.url, collective, await invitationBody(collective, key, 1))).status).toBe(201)
    const renewed = await fetch(`${relay.url}${RENEW_PATH_PREFIX}${collective.roomId}`, { method: 'POST', headers: { [TOKEN_HEADER]: collective.token } })
    expect(renewed.status).toBe(204)
    expect((await openByLink(relay.url, collective.roomId, key)).status).toBe(404)
    expect((await create(relay.url, collective, await invitationBody(collective, createInviteKey(), 1))).status).toBe(410)
  })

  it('answers a CORS preflight from an allowed origin and refuses other origins (403)', async () => {
    const relay = await started({ env: { ALLOWED_ORIGINS: 'https://app.example' } })
    const collective = await registered(relay.wsUrl)
    const path = `${relay.url}${INVITE_PATH_PREFIX}${collective.roomId}`
    const preflight = await fetch(path, {
      method: 'OPTIONS',
      headers: { Origin: 'https://app.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': TOKEN_HEADER },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET, POST, DELETE')
    const body = await invitationBody(collective, createInviteKey(), 7)
    const from = (Origin: string) => fetch(path, { method: 'POST', headers: { Origin, [TOKEN_HEADER]: collective.token }, body })
    expect((await from('https://evil.example')).status).toBe(403)
    expect((await from('https://app.example')).status).toBe(201)
  })
})
