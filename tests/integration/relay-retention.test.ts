// Retention on the relay (issue 16): a room with no stored change for ROOM_RETENTION_DAYS is deleted by the sweeper;
// from RETENTION_WARNING_DAYS before, phones that connect are told the day (MESSAGE_RETENTION); a change moves it.
import 'fake-indexeddb/auto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import * as decoding from 'lib0/decoding'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { createAppServices } from '../../src/app/services.ts'
import { MESSAGE_RETENTION } from '../../src/lib/relay-protocol.ts'
import {
  createTestRoom, openReader, startRelay, waitFor, writeKeysRaw, type InProcessRelay, type RawClient, type RelayOptions,
} from '../helpers/relay.ts'

const DAY_MS = 24 * 60 * 60 * 1000
const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})
const started = async (options: RelayOptions) => {
  const relay = await startRelay(options)
  cleanups.push(() => relay.stop())
  return relay
}

/** The day a MESSAGE_RETENTION frame said, or null when none came. */
const warnedDay = (client: RawClient): string | null => {
  for (const frame of client.received) {
    const decoder = decoding.createDecoder(frame)
    if (decoding.readVarUint(decoder) === MESSAGE_RETENTION) return decoding.readVarString(decoder)
  }
  return null
}
/** Joins, waits for the relay's first frames, leaves; what it was told. */
const visit = async (wsUrl: string, room: Awaited<ReturnType<typeof createTestRoom>>): Promise<string | null> => {
  const client = await openReader(wsUrl, room)
  await waitFor(() => client.received.length >= 2, 'relay frames')
  await new Promise((resolve) => setTimeout(resolve, 100)) // the warning reads the room's meta first
  client.ws.close()
  await client.closed
  return warnedDay(client)
}
/** The room's retention clock as its meta.json holds it. */
const writtenOnOf = async (dataDir: string, roomId: string): Promise<string | undefined> =>
  (JSON.parse(await readFile(join(dataDir, 'rooms', roomId, 'meta.json'), 'utf8')) as { writtenOn?: string }).writtenOn

/** Every room written out (a room being freed counts as in use). */
const freed = (relay: InProcessRelay): Promise<void> =>
  waitFor(() => {
    const { rooms, counters } = relay.relay.health()
    return rooms === 0 && counters.roomsFreed >= counters.roomsLoaded
  }, 'rooms written out')
const dayOf = (instant: number): string => new Date(instant).toISOString().slice(0, 10)

describe('relay retention', () => {
  it('warns from 30 days before, moves with a change, deletes after 395 days without one (token kept)', async () => {
    const start = Date.parse('2027-01-10T09:00:00.000Z')
    let now = start
    const relay = await started({ now: () => now })
    const room = await createTestRoom()
    await writeKeysRaw(relay.wsUrl, room, ['a'], true)
    // Marked once the change is stored (after the ack): polled.
    await waitFor(async () => (await writtenOnOf(relay.dataDir, room.roomId)) === '2027-01-10', 'retention clock marked')

    now = start + 364 * DAY_MS
    expect(await visit(relay.wsUrl, room)).toBeNull() // joining is no change: the clock does not move
    now = start + 366 * DAY_MS
    const deadline = dayOf(Date.parse('2027-01-10T00:00:00.000Z') + 395 * DAY_MS)
    expect(await visit(relay.wsUrl, room)).toBe(deadline)
    await freed(relay)
    expect(await relay.relay.sweepRenewedRooms()).toBe(0)

    // A change (the app's "Garder le collectif") moves the day: no warning any more.
    await writeKeysRaw(relay.wsUrl, room, ['kept'])
    expect(await visit(relay.wsUrl, room)).toBeNull()

    now += 395 * DAY_MS
    await freed(relay)
    expect(await relay.relay.sweepRenewedRooms()).toBe(1)
    const tombstone = JSON.parse(await readFile(join(relay.dataDir, 'tombstones', `${room.roomId}.json`), 'utf8')) as Record<string, unknown>
    expect(tombstone).toMatchObject({ reason: 'retention', tokenHash: expect.any(String) })
    expect(relay.relay.health().counters.roomsDeletedRetention).toBe(1)
  })

  it('never deletes a room a phone is connected to', async () => {
    let now = Date.parse('2027-01-10T09:00:00.000Z')
    const relay = await started({ now: () => now })
    const room = await createTestRoom()
    await writeKeysRaw(relay.wsUrl, room, ['a'], true)
    const reader = await openReader(relay.wsUrl, room)
    cleanups.push(async () => {
      reader.ws.close()
      await reader.closed
    })
    await waitFor(() => reader.received.length >= 2, 'joined')
    now += 400 * DAY_MS
    expect(await relay.relay.sweepRenewedRooms()).toBe(0)
  })

  it('tells the phone the day; "Garder le collectif sur le relais" moves it', async () => {
    const start = Date.parse('2027-01-10T09:00:00.000Z')
    let now = start
    const relay = await started({ now: () => now })
    const namespace = `relay-retention-${Date.now()}:`
    const phone = async () => {
      const services = await createAppServices({
        origin: 'http://127.0.0.1:1', relayUrl: relay.url, namespace,
        WebSocket: WebSocket as unknown as typeof globalThis.WebSocket, windowEvents: null, isBrowserOnline: () => true,
        disableBroadcastChannel: true, storageManager: {},
      })
      cleanups.push(async () => services.destroy())
      return services
    }
    const first = await phone()
    const created = await first.createCollective({ name: 'Pédibus des Pins', school: 'École des Pins', town: 'Mérignac', schoolPlace: '33000' })
    if (!created.ok) throw new Error('create failed')
    const opened = async (services: Awaited<ReturnType<typeof phone>>) => {
      const session = await services.openCollective(created.value)
      if (!session) throw new Error('no session')
      await waitFor(() => session.status.get().connection === 'online' && session.status.get().pending === 0, 'on the relay')
      await new Promise((resolve) => setTimeout(resolve, 100)) // the warning follows the relay's first frames
      return session
    }
    expect((await opened(first)).status.get().relayDeletesOn).toBeNull()
    first.destroy()

    // More than a year later, the phone opens the collective again: told the day, it keeps the collective.
    now = start + 370 * DAY_MS
    const later = await phone()
    const session = await opened(later)
    expect(session.status.get().relayDeletesOn).toBe(dayOf(Date.parse('2027-01-10T00:00:00.000Z') + 395 * DAY_MS))
    expect(session.keepOnRelay()).toEqual({ ok: true, value: undefined })
    await waitFor(() => session.status.get().relayDeletesOn === null, 'warning gone once the change is stored')
    await waitFor(async () => (await writtenOnOf(relay.dataDir, created.value)) === dayOf(now), 'retention clock moved')
    later.destroy()
    expect((await opened(await phone())).status.get().relayDeletesOn).toBeNull()
  })
})
