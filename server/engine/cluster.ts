// What one relay does to a room that the others holding it must do too (engine mode): a renewal or an archive
// freezes the room everywhere (its sockets are told), a deletion closes its sockets everywhere, a removed reader is
// cut off everywhere. Announced on one channel of the engine; each relay applies what the others announce to its own
// registry, and reads them back from the engine for the rooms it holds after its notifications were cut. Also the
// relay-wide registration limit, counted in the engine so that every relay shares it.
import { randomBytes } from 'node:crypto'
import { z } from 'zod'
import { CloseCode, ROOM_ID_PATTERN } from '../../src/lib/relay-protocol.ts'
import type { SharedRateLimiter } from '../limits.ts'
import { errorKind, type Logger } from '../log.ts'
import type { Metrics } from '../metrics.ts'
import type { RoomRegistry } from '../rooms.ts'
import type { StorageAdapter } from '../store/adapter.ts'
import { defineScript, type Engine } from './engine.ts'

const Event = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('freeze'), from: z.string(), roomId: z.string().regex(ROOM_ID_PATTERN), reason: z.enum(['renewed', 'archived']) }),
  z.object({ kind: z.literal('evict'), from: z.string(), roomId: z.string().regex(ROOM_ID_PATTERN), code: z.number().int(), reason: z.string().max(120) }),
  z.object({ kind: z.literal('closeReader'), from: z.string(), roomId: z.string().regex(ROOM_ID_PATTERN), readerId: z.string().max(64) }),
])
type Event = z.infer<typeof Event>

/** How long a relay keeps closing an evicted room's sockets it holds (the announcing relay waits for its own). */
const REMOTE_EVICT_MS = 5_000

export interface ClusterRooms extends RoomRegistry {
  destroy(): void
}

export const createClusterRooms = (
  local: RoomRegistry, engine: Engine, deps: { metrics: Metrics; log: Logger; store: StorageAdapter },
): ClusterRooms => {
  const channel = `${engine.prefix}events`
  const announce = (event: Event): void => {
    engine.commands.publish(channel, JSON.stringify(event)).catch((error: unknown) => {
      deps.log.error('cluster.announce_failed', { kind: event.kind, error: errorKind(error) })
    })
  }
  const onMessage = (from: string, message: string): void => {
    if (from !== channel) return
    let event: Event
    try {
      event = Event.parse(JSON.parse(message))
    } catch {
      return deps.log.warn('cluster.bad_event', {})
    }
    if (event.from === engine.relayId) return
    deps.metrics.increment('clusterEvents')
    if (event.kind === 'freeze') void local.freeze(event.roomId, event.reason)
    else if (event.kind === 'evict') void local.evict(event.roomId, event.code, event.reason, REMOTE_EVICT_MS)
    else local.closeReader(event.roomId, event.readerId)
  }
  /**
   * Announcements are not kept: those sent while this relay's notifications were cut are read back from the engine
   * for every room it holds (a tombstone, a renewal or an archive, the readers still filed).
   */
  const catchUp = async (roomId: string): Promise<void> => {
    const [meta, tombstone] = await Promise.all([deps.store.readMeta(roomId), deps.store.readTombstone(roomId)])
    const registeredAgain = meta !== null && Date.parse(meta.createdAt) > Date.parse(tombstone?.deletedAt ?? '')
    if (tombstone && !registeredAgain) {
      const code = tombstone.tokenHash === undefined ? CloseCode.roomMoved : CloseCode.tryAgainLater
      void local.evict(roomId, code, 'room deleted', REMOTE_EVICT_MS)
      return
    }
    const frozen = meta?.renewedAt !== undefined ? 'renewed' : meta?.archivedAt !== undefined ? 'archived' : null
    if (frozen) await local.freeze(roomId, frozen)
    local.closeReadersExcept(roomId, new Set((meta?.readers ?? []).map((reader) => reader.id)))
  }
  let connectedOnce = false
  const onReady = (): void => {
    if (!connectedOnce) {
      connectedOnce = true
      return
    }
    for (const roomId of local.loadedRoomIds()) {
      catchUp(roomId).catch((error: unknown) => deps.log.error('cluster.catch_up_failed', { error: errorKind(error) }))
    }
  }
  engine.notifications.on('message', onMessage)
  engine.notifications.on('ready', onReady)
  connectedOnce = engine.notifications.status === 'ready'
  void engine.notifications.subscribe(channel).catch((error: unknown) => {
    deps.log.error('cluster.subscribe_failed', { error: errorKind(error) })
  })

  return {
    ...local,
    async freeze(roomId, reason) {
      announce({ kind: 'freeze', from: engine.relayId, roomId, reason })
      await local.freeze(roomId, reason)
    },
    async evict(roomId, code, reason, timeoutMs) {
      announce({ kind: 'evict', from: engine.relayId, roomId, code, reason })
      return local.evict(roomId, code, reason, timeoutMs)
    },
    closeReader(roomId, readerId) {
      announce({ kind: 'closeReader', from: engine.relayId, roomId, readerId })
      local.closeReader(roomId, readerId)
    },
    destroy() {
      engine.notifications.off('message', onMessage)
      engine.notifications.off('ready', onReady)
    },
  }
}

const HOUR_MS = 60 * 60 * 1000

/** Rolling-hour count in a sorted set: drops what is older than an hour, refuses at the limit, else counts one. */
const CONSUME = defineScript(`
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', tonumber(ARGV[1]) - tonumber(ARGV[2]))
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
`)

/**
 * A limit over every relay together, per rolling hour (the relay-wide registration limit). Per-address limits stay in
 * each relay's memory: an IP address is personal data, and the engine's files are kept.
 */
export const createEngineRateLimiter = (
  engine: Engine, name: string, maxPerHour: number, now: () => number = Date.now,
): SharedRateLimiter => ({
  async tryConsume() {
    const key = `${engine.prefix}limit:${name}`
    const at = now()
    const member = `${at}-${randomBytes(6).toString('base64url')}`
    return (await engine.run(CONSUME, [key], [String(at), String(HOUR_MS), String(maxPerHour), member])) === 1
  },
})
