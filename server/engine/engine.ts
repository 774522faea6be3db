// The connection to the engine (Valkey, or Redis 7 which speaks the same protocol) in engine mode (ENGINE_URL):
// one connection for commands, one for notifications, a check at start-up that the engine syncs its append-only
// file on every write (an acknowledgement means on the engine's disk), and Lua scripts.
import { randomBytes } from 'node:crypto'
import { Command, Redis, type RedisOptions } from 'ioredis'
import { EngineConfigError, engineConnection, type EngineSettings } from './engine-url.ts'

export interface Engine {
  readonly prefix: string
  /** This process among the relays: entries it appends carry it, so it never applies its own entries twice. */
  readonly relayId: string
  readonly commands: Redis
  /** Subscriber connection (SUBSCRIBE puts a connection in a mode where nothing else may be sent on it). */
  readonly notifications: Redis
  /** Runs a Lua script; replies as Buffers. */
  run(script: Script, keys: readonly string[], args: readonly (string | Buffer)[]): Promise<unknown>
  /** Calls `listener` each time the command connection is ready again after a loss (not the first time). */
  onReconnect(listener: () => void): () => void
  destroy(): Promise<void>
}

export interface Script {
  readonly lua: string
}

export const defineScript = (lua: string): Script => ({ lua })

const BASE_OPTIONS: RedisOptions = {
  // Fail fast while the engine is unreachable: nothing queued in memory, nothing acknowledged; the room resets and
  // phones send again once it is back.
  enableOfflineQueue: false,
  maxRetriesPerRequest: 0,
  retryStrategy: (times) => Math.min(50 * times, 1_000),
  // Commands issued in one tick go in one write. (Appends and other scripts are sent at once; the engine syncs its
  // file once per event-loop turn, so appends of many rooms and relays share an fsync all the same.)
  enableAutoPipelining: true,
  connectionName: 'pedibus-relay',
  lazyConnect: true,
}

/**
 * What the engine must be set to so that a reply to a write means the write is on its disk, and stays there: an
 * engine that evicts keys when its memory is full would drop rooms it acknowledged.
 */
const REQUIRED_PERSISTENCE: Readonly<Record<string, string>> = {
  appendonly: 'yes', appendfsync: 'always', 'maxmemory-policy': 'noeviction',
}

const checkPersistence = async (redis: Redis): Promise<void> => {
  for (const [name, wanted] of Object.entries(REQUIRED_PERSISTENCE)) {
    let reply: unknown
    try {
      reply = await redis.call('CONFIG', 'GET', name)
    } catch {
      throw new EngineConfigError(`cannot read the engine's ${name} setting (CONFIG GET must be allowed)`)
    }
    const value = Array.isArray(reply) ? reply[1] : undefined
    if (value !== wanted) {
      throw new EngineConfigError(
        `the engine must run with ${name} ${wanted} (it has ${String(value)}): without it, an acknowledged write ` +
        'could be lost with the engine',
      )
    }
  }
}

export const connectEngine = async (settings: EngineSettings): Promise<Engine> => {
  const connection = engineConnection(settings.url)
  if (typeof connection === 'string') throw new EngineConfigError(`ENGINE_URL: ${connection}`)
  const commands = new Redis({ ...BASE_OPTIONS, ...connection })
  const notifications = new Redis({ ...BASE_OPTIONS, ...connection, enableAutoPipelining: false })
  // Errors surface on the commands that fail; the connection retries by itself.
  for (const redis of [commands, notifications]) redis.on('error', () => undefined)
  const listeners = new Set<() => void>()
  let readyOnce = false
  commands.on('ready', () => {
    if (readyOnce) for (const listener of listeners) listener()
    readyOnce = true
  })
  try {
    await commands.connect()
    await notifications.connect()
    await checkPersistence(commands)
  } catch (error) {
    commands.disconnect()
    notifications.disconnect()
    throw error instanceof EngineConfigError ? error : new EngineConfigError('cannot reach the engine at ENGINE_URL')
  }

  const run = async (script: Script, keys: readonly string[], args: readonly (string | Buffer)[]): Promise<unknown> => {
    // EVAL, never EVALSHA: after an engine restart a NOSCRIPT answer and its retry would reorder one relay's appends
    // (the engine caches the compiled script; sending ~500 bytes more per update costs nothing measurable here).
    // Replies as Buffers (replyEncoding null): updates are bytes, not text.
    return commands.sendCommand(new Command('EVAL', [script.lua, keys.length, ...keys, ...args], { replyEncoding: null }))
  }

  return {
    prefix: settings.prefix,
    relayId: randomBytes(9).toString('base64url'),
    commands,
    notifications,
    run,
    onReconnect(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    async destroy() {
      listeners.clear()
      await Promise.allSettled([commands.quit(), notifications.quit()])
      commands.disconnect()
      notifications.disconnect()
    },
  }
}
