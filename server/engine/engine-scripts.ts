// What the engine holds for a room and the Lua scripts that change it atomically. Per room (under one hash tag; an
// engine cluster is not supported, the scripts also touch the set of rooms): `meta` (JSON), `log` (a stream: one entry per stored update, in order, with
// the relay that stored it), `snap` (a hash: the compacted state `b` and the last log id it covers, `upTo`), `tomb`
// (the tombstone, JSON), `held` (which relays hold it now) and the channel `n` on which an append is announced. Stream ids order every update of a
// room whichever relay stored it.
import { z } from 'zod'
import { defineScript, type Engine } from './engine.ts'

export interface RoomKeys {
  /** Sorted set: the relays holding the room now, each scored with the time its claim lapses (room-feed.ts). */
  readonly holders: string
  readonly meta: string
  readonly log: string
  readonly snap: string
  readonly tomb: string
  readonly channel: string
}

export const roomKeys = (prefix: string, roomId: string): RoomKeys => {
  const base = `${prefix}{${roomId}}`
  return {
    holders: `${base}:held`, meta: `${base}:meta`, log: `${base}:log`, snap: `${base}:snap`, tomb: `${base}:tomb`,
    channel: `${base}:n`,
  }
}

/** The set of room ids with data (listRooms). */
export const roomsKey = (prefix: string): string => `${prefix}rooms`

/** The room id in a channel name of roomKeys (null for another channel). */
export const roomOfChannel = (prefix: string, channel: string): string | null => {
  const match = /^\{([A-Za-z0-9_-]+)\}:n$/.exec(channel.startsWith(prefix) ? channel.slice(prefix.length) : '')
  return match?.[1] ?? null
}

const ID_HELPERS = `
local function parse(id) local ms, seq = string.match(id, '^(%d+)-(%d+)$'); return tonumber(ms), tonumber(seq) end
local function before(a, b)
  local am, as = parse(a)
  local bm, bs = parse(b)
  return am < bm or (am == bm and as < bs)
end
`

/** Registers the room unless it exists: nil when created, else the stored meta. */
export const CREATE = defineScript(`
local existing = redis.call('GET', KEYS[1])
if existing then return existing end
redis.call('SET', KEYS[1], ARGV[1])
redis.call('SADD', KEYS[2], ARGV[2])
return false
`)

/** Replaces the meta only if it is still what the caller read (optimistic: the caller reads again and retries). */
export const SWAP_META = defineScript(`
local current = redis.call('GET', KEYS[1])
if not current then return -1 end
if current ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2])
return 1
`)

/**
 * Appends one update to the room's log, unless the room has a tombstone (it is being deleted: nothing may be stored
 * in it any more, whichever relay still holds it) or is renewed or archived (read-only, whichever relay missed the
 * announcement), and announces it. Replies the entry's id.
 */
export const APPEND = defineScript(`
if redis.call('EXISTS', KEYS[2]) == 1 then return redis.error_reply('ROOMDELETED the room is being deleted') end
local meta = redis.call('GET', KEYS[4])
if meta then
  local ok, fields = pcall(cjson.decode, meta)
  if ok and (fields.renewedAt or fields.archivedAt) then return redis.error_reply('ROOMFROZEN the room is read-only') end
end
local id = redis.call('XADD', KEYS[1], '*', 'r', ARGV[1], 'u', ARGV[2])
redis.call('SADD', KEYS[3], ARGV[3])
redis.call('PUBLISH', ARGV[4], ARGV[1])
return id
`)

/**
 * Log entries after a position, at most ARGV[2]. When a compaction trimmed the log past that position, the snapshot
 * comes first and the entries start after the id it covers. Replies {upTo, snapshot or nil, entries}.
 */
export const READ = defineScript(`${ID_HELPERS}
local upTo = redis.call('HGET', KEYS[1], 'upTo')
local snap = false
local from = ARGV[1]
if upTo and before(from, upTo) then
  snap = redis.call('HGET', KEYS[1], 'b')
  from = upTo
end
return {upTo or '0-0', snap, redis.call('XRANGE', KEYS[2], '(' .. from, '+', 'COUNT', tonumber(ARGV[2]))}
`)

/**
 * Stores a snapshot covering the log up to ARGV[1] and trims the log before ARGV[3], only if it is newer than the
 * stored one (two relays compacting at once: the later one wins, the earlier one changes nothing) and the room is
 * neither deleted nor being deleted. Replies 1 when stored.
 */
export const COMPACT = defineScript(`${ID_HELPERS}
if redis.call('EXISTS', KEYS[3]) == 1 or redis.call('EXISTS', KEYS[4]) == 0 then return 0 end
local current = redis.call('HGET', KEYS[1], 'upTo')
if current and not before(current, ARGV[1]) then return 0 end
redis.call('HSET', KEYS[1], 'b', ARGV[2], 'upTo', ARGV[1])
redis.call('XTRIM', KEYS[2], 'MINID', ARGV[3])
return 1
`)

export interface LogEntry {
  readonly id: string
  /** The relay that stored it (Engine.relayId). */
  readonly relayId: string
  readonly update: Uint8Array
}

export interface LogPage {
  /** The log id the stored snapshot covers ('0-0' when there is none). */
  readonly upTo: string
  /** Present when the log was trimmed past the position asked for: apply it first. */
  readonly snapshot: Uint8Array | null
  readonly entries: readonly LogEntry[]
}

const bytes = z.instanceof(Buffer)
const ReadReply = z.tuple([bytes, bytes.nullable(), z.array(z.tuple([bytes, z.array(bytes)]))])

const entryOf = ([id, fields]: [Buffer, Buffer[]]): LogEntry => {
  const values = new Map<string, Buffer>()
  for (let i = 0; i + 1 < fields.length; i += 2) values.set(fields[i]!.toString(), fields[i + 1]!)
  const update = values.get('u')
  if (!update) throw new Error('engine log entry without an update')
  return { id: id.toString(), relayId: values.get('r')?.toString() ?? '', update: new Uint8Array(update) }
}

export const PAGE_ENTRIES = 512

/** One page of the room's log after `position` (READ). */
export const readPage = async (engine: Engine, keys: RoomKeys, position: string): Promise<LogPage> => {
  const reply = ReadReply.parse(await engine.run(READ, [keys.snap, keys.log], [position, String(PAGE_ENTRIES)]))
  const [upTo, snapshot, entries] = reply
  return { upTo: upTo.toString(), snapshot: snapshot ? new Uint8Array(snapshot) : null, entries: entries.map(entryOf) }
}

/** The smallest stream id after `id` (XTRIM MINID keeps ids at or after it). */
export const nextId = (id: string): string => {
  const [ms, seq] = id.split('-')
  return `${ms}-${BigInt(seq ?? '0') + 1n}`
}

/** The whole room from the engine: snapshot first, then every entry after it, and the last id read. */
export const readRoom = async (
  engine: Engine, keys: RoomKeys,
): Promise<{ snapshot: Uint8Array | null; entries: LogEntry[]; position: string }> => {
  let snapshot: Uint8Array | null = null
  let entries: LogEntry[] = []
  let position = '0-0'
  for (;;) {
    const page = await readPage(engine, keys, position)
    if (page.snapshot) {
      // First page, or a compaction ran between two pages: what was read so far is in the snapshot.
      snapshot = page.snapshot
      entries = []
      position = page.upTo
    }
    entries.push(...page.entries)
    if (page.entries.length > 0) position = page.entries[page.entries.length - 1]!.id
    if (page.entries.length < PAGE_ENTRIES) return { snapshot, entries, position }
  }
}
