// What other relays store in the rooms this relay holds: each append is announced on the room's channel (APPEND),
// and a relay following the room reads the log from the last id it has (READ), in order, skipping its own entries.
// A relay that fell behind a compaction's trim gets the snapshot first, then the entries after it. Announcements
// missed while the engine was unreachable are made up for by reading every followed room again once it is back.
// A relay following a room also claims it in the room's `held` set (renewed every few minutes, lapsing if the relay
// dies), so that another relay's sweeper never deletes a room in use here.
import type { Engine } from './engine.ts'
import { PAGE_ENTRIES, readPage, roomKeys, roomOfChannel, type LogEntry } from './engine-scripts.ts'

export interface FeedPage {
  /** The room's snapshot, when the log was trimmed past what this relay had read: apply it first. */
  readonly snapshot: Uint8Array | null
  /** Entries other relays stored, in log order. */
  readonly entries: readonly LogEntry[]
}

interface Follower {
  position: string
  readonly deliver: (page: FeedPage) => void
  reading: boolean
  again: boolean
  stopped: boolean
}

export interface RoomFeed {
  /** Where loadUpdates stopped reading the room: following starts after it. */
  setPosition(roomId: string, position: string): void
  follow(roomId: string, deliver: (page: FeedPage) => void): () => void
  isFollowing(roomId: string): boolean
  /** Another relay's claim on the room has not lapsed. */
  heldElsewhere(roomId: string): Promise<boolean>
  /** Drops the position a load left for a room that is not followed (its load failed after reading it). */
  forget(roomId: string): void
  destroy(): void
}

/** How often a relay renews its claims on the rooms it holds, and how long a claim lasts (a dead relay's lapse). */
const CLAIM_RENEW_MS = 5 * 60 * 1000
const CLAIM_MS = 3 * CLAIM_RENEW_MS

/** A failed read (engine unreachable) is tried again after this long, and at once when the engine is back. */
const RETRY_MS = 500

export const createRoomFeed = (engine: Engine): RoomFeed => {
  const positions = new Map<string, string>()
  const followers = new Map<string, Follower>()
  const retries = new Set<ReturnType<typeof setTimeout>>()
  let destroyed = false

  const retryLater = (roomId: string, follower: Follower): void => {
    const timer = setTimeout(() => {
      retries.delete(timer)
      void read(roomId, follower)
    }, RETRY_MS)
    retries.add(timer)
  }

  const read = async (roomId: string, follower: Follower): Promise<void> => {
    if (follower.reading) {
      follower.again = true
      return
    }
    follower.reading = true
    try {
      do {
        follower.again = false
        const page = await readPage(engine, roomKeys(engine.prefix, roomId), follower.position)
        if (follower.stopped) return
        if (page.snapshot) follower.position = page.upTo
        const last = page.entries[page.entries.length - 1]
        if (last) follower.position = last.id
        const entries = page.entries.filter((entry) => entry.relayId !== engine.relayId)
        if (page.snapshot || entries.length > 0) follower.deliver({ snapshot: page.snapshot, entries })
        if (page.entries.length === PAGE_ENTRIES) follower.again = true
      } while (follower.again && !follower.stopped)
    } catch {
      if (!follower.stopped && !destroyed) retryLater(roomId, follower)
    } finally {
      follower.reading = false
    }
  }

  const onMessage = (channel: string, message: string): void => {
    if (message === engine.relayId) return // this relay's own append: applied already
    const roomId = roomOfChannel(engine.prefix, channel)
    const follower = roomId === null ? undefined : followers.get(roomId)
    if (roomId !== null && follower) void read(roomId, follower)
  }
  /** Back after a loss: claims renewed (one may have failed while it was away) and every followed room read again. */
  const readAll = (): void => {
    claim([...followers.keys()])
    for (const [roomId, follower] of followers) void read(roomId, follower)
  }
  /** The notifications are back: subscribed again to every followed room, then read (in that order, as follow()). */
  const resume = (): void => {
    const channels = [...followers.keys()].map((roomId) => roomKeys(engine.prefix, roomId).channel)
    if (channels.length > 0) void engine.notifications.subscribe(...channels).then(readAll, readAll)
  }
  engine.notifications.on('message', onMessage)
  // Resubscribed by the client after a loss; announcements sent meanwhile are lost: read every room again.
  engine.notifications.on('ready', resume)
  const stopReconnect = engine.onReconnect(readAll)

  const claim = (roomIds: readonly string[]): void => {
    const until = String(Date.now() + CLAIM_MS)
    for (const roomId of roomIds) {
      const key = roomKeys(engine.prefix, roomId).holders
      void engine.commands.multi().zadd(key, until, engine.relayId).pexpire(key, CLAIM_MS).exec().catch(() => undefined)
    }
  }
  const renewClaims = setInterval(() => claim([...followers.keys()]), CLAIM_RENEW_MS)
  renewClaims.unref()

  /** Stops following; the claim goes too unless a new follower of the room takes over (a room loaded again). */
  const stopFollower = (roomId: string, options: { only?: Follower; replaced?: boolean } = {}): void => {
    const follower = followers.get(roomId)
    if (!follower || (options.only && follower !== options.only)) return
    follower.stopped = true
    followers.delete(roomId)
    if (options.replaced) return
    const keys = roomKeys(engine.prefix, roomId)
    void engine.notifications.unsubscribe(keys.channel).catch(() => undefined)
    void engine.commands.zrem(keys.holders, engine.relayId).catch(() => undefined)
  }

  return {
    setPosition(roomId, position) {
      positions.set(roomId, position)
    },
    follow(roomId, deliver) {
      stopFollower(roomId, { replaced: true })
      const follower: Follower = { position: positions.get(roomId) ?? '0-0', deliver, reading: false, again: false, stopped: false }
      positions.delete(roomId)
      followers.set(roomId, follower)
      claim([roomId])
      const channel = roomKeys(engine.prefix, roomId).channel
      // Subscribed first, then read: an entry appended in between is announced or read, never missed.
      engine.notifications.subscribe(channel).then(() => read(roomId, follower), () => read(roomId, follower))
      return () => stopFollower(roomId, { only: follower })
    },
    isFollowing: (roomId) => followers.has(roomId),
    async heldElsewhere(roomId) {
      const holders = await engine.commands.zrangebyscore(roomKeys(engine.prefix, roomId).holders, Date.now(), '+inf')
      return holders.some((relayId) => relayId !== engine.relayId)
    },
    forget(roomId) {
      if (!followers.has(roomId)) positions.delete(roomId)
    },
    destroy() {
      destroyed = true
      clearInterval(renewClaims)
      for (const timer of retries) clearTimeout(timer)
      retries.clear()
      for (const follower of followers.values()) follower.stopped = true
      followers.clear()
      engine.notifications.off('message', onMessage)
      engine.notifications.off('ready', resume)
      stopReconnect()
    },
  }

}
