// Starts the real relay for tests: in-process (startRelay) or as a child process (spawnRelay, for SIGKILL),
// always on 127.0.0.1 port 0 with a temporary data dir removed on stop. Also builds subprotocol lists.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { createInviteSecret, createRoomId, deriveRoomToken, type RoomId, type RoomToken } from '../../src/lib/credentials.ts'
import {
  ACK_PROTOCOL, MESSAGE_RELAY_ACK, MESSAGE_SYNC, REGISTER_PROTOCOL, SUBPROTOCOL, SYNC_STEP1, SYNC_STEP2, SYNC_UPDATE,
  TOKEN_PROTOCOL_PREFIX,
} from '../../src/lib/relay-protocol.ts'
import { parseConfig } from '../../server/config.ts'
import { createLogger, type LogLine } from '../../server/log.ts'
import { createRelay, type Relay } from '../../server/relay.ts'
import { decodeRecords } from '../../server/store/records.ts'
import { decodeWalBatch } from '../../server/store/wal.ts'

export interface RelayOptions {
  /** Reused as is and not removed on stop; by default a fresh temp dir that is removed. */
  dataDir?: string
  staticDir?: string
  /** Extra environment settings (MAX_PAYLOAD, KEEPALIVE_MS, ...). */
  env?: Record<string, string>
  /** The sweeper's clock (in-process only): tests make rooms old without waiting. */
  now?: () => number
}

export interface StartedRelay {
  /** http://127.0.0.1:PORT */
  url: string
  /** ws://127.0.0.1:PORT/sync (append `/<roomId>`; the stock WebsocketProvider does it) */
  wsUrl: string
  dataDir: string
  stop(): Promise<void>
}

export interface InProcessRelay extends StartedRelay {
  relay: Relay
  /** Every log line the relay wrote (at debug level). */
  logs: LogLine[]
}

export interface ChildRelay extends StartedRelay {
  /** Sends a signal and resolves with the exit code (null if killed by the signal). */
  kill(signal?: NodeJS.Signals): Promise<number | null>
  /** Starts the child again on the same port and data dir (after kill). */
  restart(): Promise<void>
  /** stdout lines of the current child, parsed. */
  logs: LogLine[]
  /** Process id of the current child (undefined before it started); for reading its memory from /proc. */
  pid(): number | undefined
}

const REPO_ROOT = resolve(import.meta.dirname, '../..')

/** Subprotocols a client offers for a room: [SUBPROTOCOL, token, register?, ack?]. */
export const relayProtocols = (token: string, options: { register?: boolean; ack?: boolean } = {}): string[] => [
  SUBPROTOCOL,
  `${TOKEN_PROTOCOL_PREFIX}${token}`,
  ...(options.register ? [REGISTER_PROTOCOL] : []),
  ...(options.ack ? [ACK_PROTOCOL] : []),
]

const tempDataDir = async (): Promise<string> => mkdtemp(join(tmpdir(), 'pedibus-relay-'))

const baseEnv = (dataDir: string, options: RelayOptions): Record<string, string> => ({
  PORT: '0',
  HOST: '127.0.0.1',
  DATA_DIR: dataDir,
  STATIC_DIR: options.staticDir ?? join(REPO_ROOT, 'dist'),
  LOG_LEVEL: 'debug',
  ...options.env,
})

export const startRelay = async (options: RelayOptions = {}): Promise<InProcessRelay> => {
  const ownsDir = options.dataDir === undefined
  const dataDir = options.dataDir ?? (await tempDataDir())
  const config = parseConfig(baseEnv(dataDir, options))
  if (!config.ok) throw new Error(config.error)
  const logs: LogLine[] = []
  const relay = await createRelay(config.value, {
    logger: createLogger(config.value.logLevel, (line) => logs.push(line)),
    now: options.now,
  })
  let stopped: Promise<void> | null = null
  return {
    relay,
    logs,
    url: relay.url,
    wsUrl: `ws://127.0.0.1:${relay.port}/sync`,
    dataDir,
    stop() {
      stopped ??= relay.close().then(() => (ownsDir ? rm(dataDir, { recursive: true, force: true }) : undefined))
      return stopped
    },
  }
}

const STARTUP_TIMEOUT_MS = 20_000

export const spawnRelay = async (options: RelayOptions = {}): Promise<ChildRelay> => {
  const ownsDir = options.dataDir === undefined
  const dataDir = options.dataDir ?? (await tempDataDir())
  let port = 0
  let child: ChildProcess | null = null
  let exited: Promise<number | null> = Promise.resolve(null)
  const handle: ChildRelay = {
    url: '',
    wsUrl: '',
    dataDir,
    logs: [],
    pid: () => child?.pid,
    async kill(signal = 'SIGKILL') {
      const current = child
      if (!current || current.exitCode !== null || current.signalCode !== null) return exited
      current.kill(signal)
      // A child that ignores a gentle signal is killed after 10 s, so a test never hangs on it.
      const timer = signal === 'SIGKILL' ? null : setTimeout(() => current.kill('SIGKILL'), 10_000)
      const code = await exited
      if (timer) clearTimeout(timer)
      return code
    },
    async restart() {
      await handle.kill('SIGKILL')
      await start()
    },
    async stop() {
      await handle.kill('SIGTERM')
      if (ownsDir) await rm(dataDir, { recursive: true, force: true })
    },
  }

  const start = async (): Promise<void> => {
    handle.logs = []
    const env = { ...process.env, ...baseEnv(dataDir, options), PORT: String(port) }
    const spawned = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
    child = spawned
    exited = new Promise((done) => spawned.once('exit', (code) => done(code)))
    let stderr = ''
    spawned.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000)
    })
    const listening = new Promise<number>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`relay child did not start in time: ${stderr}`)), STARTUP_TIMEOUT_MS)
      createInterface({ input: spawned.stdout! }).on('line', (text) => {
        const line = parseLine(text)
        if (!line) return
        handle.logs.push(line)
        if (line.event === 'relay.listening' && typeof line.port === 'number') {
          clearTimeout(timer)
          done(line.port)
        }
      })
      void exited.then((code) => {
        clearTimeout(timer)
        fail(new Error(`relay child exited (${code}) before listening: ${stderr}`))
      })
    })
    try {
      port = await listening
    } catch (error) {
      // Never leave a half-started relay behind (it would keep its port and temp dir).
      spawned.kill('SIGKILL')
      throw error
    }
    handle.url = `http://127.0.0.1:${port}`
    handle.wsUrl = `ws://127.0.0.1:${port}/sync`
  }

  await start()
  return handle
}

const parseLine = (text: string): LogLine | null => {
  try {
    const value: unknown = JSON.parse(text)
    if (value && typeof value === 'object' && 'event' in value && typeof value.event === 'string') return value as LogLine
  } catch {
    // not a log line
  }
  return null
}

// ---- Clients for relay tests -------------------------------------------------------------------------

export interface TestRoom {
  roomId: RoomId
  token: RoomToken
}

/** A fresh room id and its token, as the app derives them. */
export const createTestRoom = async (): Promise<TestRoom> => {
  const roomId = createRoomId()
  return { roomId, token: await deriveRoomToken(roomId, createInviteSecret()) }
}

/** Polls `check` until true; bounded in time, throws naming `what` on timeout. */
export const waitFor = async (
  check: () => boolean | Promise<boolean>,
  what = 'condition',
  timeoutMs = 10_000,
): Promise<void> => {
  const deadline = Date.now() + timeoutMs
  for (let attempt = 0; attempt < 100_000; attempt++) {
    if (await check()) return
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((done) => setTimeout(done, 20))
  }
  throw new Error(`gave up waiting for ${what}`)
}

/** The stock y-websocket client, as the app uses it (no BroadcastChannel, our subprotocols). */
export const connectProvider = (
  wsUrl: string,
  room: TestRoom,
  options: { doc?: Y.Doc; register?: boolean; ack?: boolean } = {},
): WebsocketProvider =>
  new WebsocketProvider(wsUrl, room.roomId, options.doc ?? new Y.Doc(), {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    protocols: relayProtocols(room.token, { register: options.register, ack: options.ack }),
    disableBc: true,
  })

export interface RawClient {
  ws: WebSocket
  /** Binary frames received, in order. */
  received: Uint8Array[]
  /** Resolves with the close code and reason once the socket is closed. */
  closed: Promise<{ code: number; reason: string }>
}

/** A bare `ws` client on /sync/<path>: for protocol-level tests (acks, refusals, garbage). */
export const openRawClient = (
  wsUrl: string,
  path: string,
  protocols: string[],
  headers: Record<string, string> = {},
): Promise<RawClient> =>
  new Promise((resolveOpen, rejectOpen) => {
    const ws = new WebSocket(`${wsUrl}/${path}`, protocols, { headers })
    const received: Uint8Array[] = []
    const closed = new Promise<{ code: number; reason: string }>((done) =>
      ws.once('close', (code, reason) => done({ code, reason: reason.toString() })),
    )
    ws.on('error', () => undefined)
    ws.on('message', (data: Buffer) => received.push(new Uint8Array(data)))
    ws.once('open', () => resolveOpen({ ws, received, closed }))
    ws.once('unexpected-response', () => rejectOpen(new Error('upgrade refused')))
    void closed.then(() => rejectOpen(new Error('closed before open')))
  })

/** A sync message: [MESSAGE_SYNC][subtype: 0 step 1, 1 step 2, 2 update][varuint8array payload]. */
export const syncFrame = (subtype: number, payload: Uint8Array): Uint8Array => {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  encoding.writeVarUint(encoder, subtype)
  encoding.writeVarUint8Array(encoder, payload)
  return encoding.toUint8Array(encoder)
}

/** The highest relay ack ([100, N]) among `frames`: how many messages of the connection are stored. */
export const lastAck = (frames: readonly Uint8Array[]): number => {
  let ack = 0
  for (const frame of frames) {
    const decoder = decoding.createDecoder(frame)
    if (decoding.readVarUint(decoder) === MESSAGE_RELAY_ACK) ack = Math.max(ack, decoding.readVarUint(decoder))
  }
  return ack
}

/** [type, subtype?] of each frame, for order checks: `sync0` for a sync step 1, `101` for MESSAGE_ROOM_MOVED. */
export const frameKinds = (frames: readonly Uint8Array[]): string[] =>
  frames.map((frame) => {
    const decoder = decoding.createDecoder(frame)
    const type = decoding.readVarUint(decoder)
    return type === MESSAGE_SYNC ? `sync${decoding.readVarUint(decoder)}` : String(type)
  })

/** A frame holding just a message type (MESSAGE_ROOM_MOVED, MESSAGE_ROOM_ARCHIVED). */
export const isBareFrame = (frame: Uint8Array, type: number): boolean => frame.length === 1 && frame[0] === type

/** Applies every sync step 2 / update the relay sent to a fresh doc. */
export const docFromFrames = (frames: readonly Uint8Array[]): Y.Doc => {
  const doc = new Y.Doc()
  for (const frame of frames) {
    const decoder = decoding.createDecoder(frame)
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) continue
    const subtype = decoding.readVarUint(decoder)
    if (subtype === SYNC_STEP2 || subtype === SYNC_UPDATE) Y.applyUpdate(doc, decoding.readVarUint8Array(decoder))
  }
  return doc
}

/** An update from an unrelated client: a key the room never had. */
export const foreignUpdate = (key: string): Uint8Array => {
  const doc = new Y.Doc()
  doc.getMap('m').set(key, key)
  return Y.encodeStateAsUpdate(doc)
}

/** A raw client (acks offered) that asks for the whole document: sync step 1 with an empty state vector. */
export const openReader = async (wsUrl: string, room: TestRoom, { register = false } = {}): Promise<RawClient> => {
  const client = await openRawClient(wsUrl, room.roomId, relayProtocols(room.token, { register, ack: true }))
  client.ws.send(syncFrame(SYNC_STEP1, Y.encodeStateVector(new Y.Doc())))
  return client
}

/** Writes `keys` as one update each through a raw client and waits for the relay's ack of all of them. */
export const writeKeysRaw = async (wsUrl: string, room: TestRoom, keys: string[], register = false): Promise<void> => {
  const client = await openRawClient(wsUrl, room.roomId, relayProtocols(room.token, { register, ack: true }))
  const doc = new Y.Doc()
  doc.on('update', (update: Uint8Array) => client.ws.send(syncFrame(SYNC_UPDATE, update)))
  for (const key of keys) doc.getMap('m').set(key, key)
  await waitFor(() => lastAck(client.received) === keys.length, `ack of ${keys.length} updates`)
  client.ws.close()
  await client.closed
}

/** Lets the relay process whatever a socket sent: a full round trip on that same socket (step 1 -> step 2). */
export const roundTrip = async (client: RawClient): Promise<void> => {
  const before = client.received.length
  client.ws.send(syncFrame(SYNC_STEP1, Y.encodeStateVector(new Y.Doc())))
  const answered = (): boolean => frameKinds(client.received.slice(before)).includes(`sync${SYNC_STEP2}`)
  await waitFor(answered, 'round trip')
}

/** GET /healthz, parsed. */
export const fetchHealth = async (url: string): Promise<{ rooms: number; connections: number; counters: Record<string, number> }> => {
  const response = await fetch(`${url}/healthz`)
  const body: unknown = await response.json()
  if (!body || typeof body !== 'object' || !('rooms' in body) || !('counters' in body)) throw new Error('bad /healthz body')
  return body as { rooms: number; connections: number; counters: Record<string, number> }
}

/** Update records the relay's write-ahead log still holds (its segments are pre-filled with zeros: sizes say nothing). */
export const walRecordCount = async (dataDir: string): Promise<number> => {
  const dir = join(dataDir, 'wal')
  let count = 0
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const bytes = await readFile(join(dir, name)).catch(() => null) // a segment deleted meanwhile holds nothing
    if (!bytes) continue
    for (const payload of decodeRecords(bytes).records) {
      if (payload.length === 0) break
      count += decodeWalBatch(payload).length
    }
  }
  return count
}
