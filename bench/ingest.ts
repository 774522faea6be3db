// Owns the durable-ingest benchmark (`npm run bench:ingest`, also run by `npm run bench`): small updates per second
// our relay stores durably (acked after its fsync) next to the stock in-memory @y/websocket-server 0.1.1.
// Printed, never asserted. It depends only on the wire protocol (src/lib/relay-protocol.ts) and on
// createRelay/parseConfig, so it keeps working when the relay's storage is rewritten.
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer, type IncomingMessage } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setupWSConnection } from '@y/websocket-server/utils'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { WebSocket, WebSocketServer } from 'ws'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { parseConfig } from '../server/config.ts'
import { createRelay } from '../server/relay.ts'
import { createInviteSecret, createRoomId, deriveRoomToken } from '../src/lib/credentials.ts'
import {
  ACK_PROTOCOL,
  MESSAGE_RELAY_ACK,
  MESSAGE_ROOM_MOVED,
  MESSAGE_SYNC,
  REGISTER_PROTOCOL,
  SUBPROTOCOL,
  SYNC_PATH_PREFIX,
  SYNC_STEP1,
  SYNC_STEP2,
  SYNC_UPDATE,
  TOKEN_PROTOCOL_PREFIX,
} from '../src/lib/relay-protocol.ts'
import { median, percentile, withConcurrency } from './timing.ts'

const HANDSHAKE_TIMEOUT_MS = 15_000
const DRAIN_TIMEOUT_MS = 30_000
const CLOSE_TIMEOUT_MS = 10_000
/** Rooms opened at once: hundreds of simultaneous upgrades would measure the accept path, not ingest. */
const CONNECT_CONCURRENCY = 20

type Kind = 'ours' | 'stock'

interface Settings {
  repeats: number
  seconds: number
  messages: number
  warmupSeconds: number
  warmupMessages: number
  scenarios: string
}

interface Scenario {
  key: string
  label: string
  rooms: number
  socketsPerRoom: number
  inFlight: number
}

const SCENARIOS: readonly Scenario[] = [
  { key: 'A', label: '1 room, 1 in flight (fsync latency-bound)', rooms: 1, socketsPerRoom: 1, inFlight: 1 },
  { key: 'B', label: '1 room, 32 in flight (4 sockets x 8)', rooms: 1, socketsPerRoom: 4, inFlight: 32 },
  { key: 'C', label: '20 rooms, 32 in flight (1 socket/room, 2 or 1)', rooms: 20, socketsPerRoom: 1, inFlight: 32 },
  { key: 'D', label: '200 rooms, 256 in flight (1 socket/room, 2 or 1)', rooms: 200, socketsPerRoom: 1, inFlight: 256 },
]

// ---- Servers --------------------------------------------------------------------------------------------

interface RoomAddress {
  url: string
  protocols: string[]
}

interface Server {
  kind: Kind
  openRoom(): Promise<RoomAddress>
  close(): Promise<void>
}

const startOurs = async (): Promise<Server> => {
  const dataDir = await mkdtemp(join(tmpdir(), 'pedibus-ingest-'))
  try {
    const config = parseConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      // Hundreds of sockets and rooms from 127.0.0.1: the per-IP limits would refuse them.
      MAX_CONNECTIONS_PER_IP: '100000',
      MAX_ROOM_REGISTRATIONS_PER_IP_PER_HOUR: '100000',
    })
    if (!config.ok) throw new Error(config.error)
    const relay = await withTimeout(createRelay(config.value), CLOSE_TIMEOUT_MS, 'createRelay()')
    return {
      kind: 'ours',
      async openRoom() {
        const roomId = createRoomId()
        const token = await deriveRoomToken(roomId, createInviteSecret())
        return {
          url: `ws://127.0.0.1:${relay.port}${SYNC_PATH_PREFIX}${roomId}`,
          protocols: [SUBPROTOCOL, `${TOKEN_PROTOCOL_PREFIX}${token}`, REGISTER_PROTOCOL, ACK_PROTOCOL],
        }
      },
      async close() {
        try {
          await withTimeout(relay.close(), CLOSE_TIMEOUT_MS, 'relay.close()')
        } finally {
          await rm(dataDir, { recursive: true, force: true })
        }
      },
    }
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true })
    throw error
  }
}

/** As bench/run.ts starts it: setupWSConnection, no persistence (YPERSISTENCE unset), so RAM only. */
const startStock = async (): Promise<Server> => {
  const server = createServer()
  const wss = new WebSocketServer({ server })
  wss.on('connection', (ws: WebSocket, req: IncomingMessage) => setupWSConnection(ws, req))
  await withTimeout(
    new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done())),
    CLOSE_TIMEOUT_MS,
    'stock server listen',
  )
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  let rooms = 0
  // The stock server keeps every doc in a module-level map forever: unique names keep scenarios apart.
  const prefix = `ingest-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`
  return {
    kind: 'stock',
    openRoom: async () => ({ url: `ws://127.0.0.1:${port}/${prefix}-${rooms++}`, protocols: [] }),
    async close() {
      for (const client of wss.clients) client.terminate()
      await withTimeout(new Promise<void>((done) => wss.close(() => done())), CLOSE_TIMEOUT_MS, 'stock wss.close()')
      await withTimeout(new Promise<void>((done) => server.close(() => done())), CLOSE_TIMEOUT_MS, 'stock close()')
    },
  }
}

// ---- Clients --------------------------------------------------------------------------------------------

/** A generated update, ready to send. startClock: the sender's clock where its struct starts (stock echoes). */
interface Outgoing {
  frame: Uint8Array
  startClock: number
}

interface Sent {
  startClock: number
  sentAt: number
}

interface Client {
  ws: WebSocket
  doc: Y.Doc
  window: number
  /** Generated ahead of the timed phase so update encoding is not measured; sent strictly in order. */
  queue: Outgoing[]
  queueHead: number
  inFlight: Sent[]
}

/** The active phase of a fleet: where ingestions and failures go. */
interface PhaseSink {
  ingested(client: Client, sent: Sent): void
  fail(error: Error): void
}

interface Fleet {
  kind: Kind
  clients: Client[]
  phase: PhaseSink | null
  closing: boolean
  /** Set once a socket failed outside a phase; the next phase rejects with it. */
  failure: Error | null
}

const fail = (fleet: Fleet, error: Error): void => {
  if (fleet.closing) return
  fleet.failure ??= error
  fleet.phase?.fail(error)
}

/** Start clock of `client`'s structs in an update, or -1. One client per update in practice: read the header. */
const ownStartClock = (update: Uint8Array, client: number): number => {
  const decoder = decoding.createDecoder(update)
  const groups = decoding.readVarUint(decoder)
  if (groups === 0) return -1
  if (groups > 1) return Y.parseUpdateMeta(update).from.get(client) ?? -1
  decoding.readVarUint(decoder) // number of structs
  if (decoding.readVarUint(decoder) !== client) return -1
  return decoding.readVarUint(decoder)
}

const syncFrame = (write: (encoder: encoding.Encoder) => void): Uint8Array => {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  write(encoder)
  return encoding.toUint8Array(encoder)
}

/**
 * Opens one socket and completes the handshake: answer the server's step 1 with our step 2 (message 1 of
 * the ack count) and send our step 1. Ready when the server's step 2 arrived and, for ours, step 2 is acked.
 */
const connectClient = (fleet: Fleet, address: RoomAddress, window: number): Promise<Client> =>
  new Promise((resolve, reject) => {
    const ws = new WebSocket(address.url, address.protocols, { perMessageDeflate: false })
    const client: Client = { ws, doc: new Y.Doc(), window, queue: [], queueHead: 0, inFlight: [] }
    let ready = false
    let gotStep2 = false
    let acked = 0 // ours: step-2/update messages acked on this connection, our step 2 included
    const timer = setTimeout(() => reject(new Error(`${fleet.kind}: handshake not done in time`)), HANDSHAKE_TIMEOUT_MS)
    const checkReady = (): void => {
      if (ready || !gotStep2 || (fleet.kind === 'ours' && acked < 1)) return
      ready = true
      clearTimeout(timer)
      resolve(client)
    }
    const broken = (error: Error): void => {
      if (ready) fail(fleet, error)
      else {
        clearTimeout(timer)
        reject(error)
      }
    }
    ws.on('error', (error) => broken(new Error(`${fleet.kind}: socket error: ${error.message}`)))
    ws.on('close', (code, reason) => broken(new Error(`${fleet.kind}: socket closed ${code} ${reason.toString()}`)))
    ws.on('message', (data: Buffer) => {
      try {
        const decoder = decoding.createDecoder(data)
        const type = decoding.readVarUint(decoder)
        if (type === MESSAGE_SYNC) {
          const subtype = decoding.readVarUint(decoder)
          if (subtype === SYNC_STEP1) {
            const stateVector = decoding.readVarUint8Array(decoder)
            ws.send(syncFrame((encoder) => syncProtocol.writeSyncStep2(encoder, client.doc, stateVector)))
            ws.send(syncFrame((encoder) => syncProtocol.writeSyncStep1(encoder, client.doc)))
          } else if (subtype === SYNC_STEP2) {
            gotStep2 = true // the room's content: not applied, our updates never depend on it (unique keys)
            checkReady()
          } else if (subtype === SYNC_UPDATE && fleet.kind === 'stock') {
            // The stock server broadcasts every applied update to all connections of the room, the sender
            // included, in order: our struct coming back means that message and all before it were taken in.
            const start = ownStartClock(decoding.readVarUint8Array(decoder), client.doc.clientID)
            while (start >= 0 && client.inFlight.length > 0 && client.inFlight[0]!.startClock <= start) {
              fleet.phase?.ingested(client, client.inFlight.shift()!)
            }
          }
          // Ours: other sockets' updates in the room (we never get our own back); ignored.
        } else if (type === MESSAGE_RELAY_ACK && fleet.kind === 'ours') {
          const count = decoding.readVarUint(decoder)
          while (acked < count) {
            acked++
            if (acked === 1) continue // our step 2
            const sent = client.inFlight.shift()
            if (!sent) throw new Error(`ack ${count} covers more than was sent`)
            fleet.phase?.ingested(client, sent)
          }
          checkReady()
        } else if (type === MESSAGE_ROOM_MOVED) {
          throw new Error('room moved (renewed room): nothing is stored')
        }
        // Awareness (the relay's keepalive) and other types: ignored.
      } catch (error) {
        broken(new Error(`${fleet.kind}: ${error instanceof Error ? error.message : String(error)}`))
      }
    })
  })

let frameBytes = 0
let updateBytes = 0
let generated = 0

/** Tops a client's queue up to `target` unsent messages: one Y.Map.set of a unique key each, from its own doc. */
const topUp = (client: Client, target: number): void => {
  if (client.queueHead > 0) {
    client.queue = client.queue.slice(client.queueHead)
    client.queueHead = 0
  }
  const { doc } = client
  const map = doc.getMap<Record<string, string | number>>('ingest')
  // A holder, not a `let`: TypeScript cannot see the 'update' handler assign it during map.set.
  const captured: { update: Uint8Array | null } = { update: null }
  const capture = (update: Uint8Array): void => {
    captured.update = update
  }
  doc.on('update', capture)
  try {
    while (client.queue.length < target) {
      const seq = generated++
      const startClock = Y.getState(doc.store, doc.clientID)
      // Shaped like the app's walk entries: ids, a day, a stop and a few small fields.
      map.set(`w-${doc.clientID.toString(36)}-${seq}`, {
        day: '2025-03-14',
        line: 'ligne-rouge',
        stop: 'Boulangerie',
        child: `c-${seq % 60}`,
        by: `parent-${seq % 70}`,
        at: 1_741_939_200_000 + seq,
      })
      const update = captured.update
      if (update === null) throw new Error('Y.Map.set produced no update')
      captured.update = null
      const frame = syncFrame((encoder) => syncProtocol.writeUpdate(encoder, update))
      updateBytes += update.length
      frameBytes += frame.length
      client.queue.push({ frame, startClock })
    }
  } finally {
    doc.off('update', capture)
  }
}

/** Opens the scenario's rooms; windows split the in-flight total as evenly as possible (e.g. 2 or 1). */
const openFleet = async (server: Server, scenario: Scenario): Promise<Fleet> => {
  const fleet: Fleet = { kind: server.kind, clients: [], phase: null, closing: false, failure: null }
  const sockets = scenario.rooms * scenario.socketsPerRoom
  const windowOf = (index: number): number =>
    Math.floor(scenario.inFlight / sockets) + (index < scenario.inFlight % sockets ? 1 : 0)
  try {
    await withConcurrency(scenario.rooms, CONNECT_CONCURRENCY, async (room) => {
      const address = await server.openRoom()
      const base = room * scenario.socketsPerRoom
      // The first socket registers the room; the others join it once it exists.
      fleet.clients[base] = await connectClient(fleet, address, windowOf(base))
      await Promise.all(
        Array.from({ length: scenario.socketsPerRoom - 1 }, async (_, i) => {
          fleet.clients[base + i + 1] = await connectClient(fleet, address, windowOf(base + i + 1))
        }),
      )
    })
  } catch (error) {
    await closeFleet(fleet)
    throw error
  }
  return fleet
}

const closeFleet = async (fleet: Fleet): Promise<void> => {
  fleet.closing = true
  fleet.phase = null
  await Promise.all(
    fleet.clients
      .filter((client) => client !== undefined)
      .map(async ({ ws }) => {
        if (ws.readyState === ws.CLOSED) return
        const closed = new Promise<void>((done) => ws.once('close', () => done()))
        ws.close(1000)
        try {
          await withTimeout(closed, CLOSE_TIMEOUT_MS, 'client close')
        } catch {
          ws.terminate()
        }
      }),
  )
}

// ---- Phases ---------------------------------------------------------------------------------------------

interface PhaseResult {
  messages: number
  seconds: number
}

/**
 * Sends until `budget` messages are ingested or `durationMs` has passed, whichever comes first; each socket
 * keeps up to its window in flight. The rate counts what was ingested inside that span; messages still in flight
 * at the end are then waited for (not counted), so the next phase starts from an idle server.
 */
const runPhase = (fleet: Fleet, budget: number, durationMs: number, latencies: number[] | null): Promise<PhaseResult> =>
  new Promise((resolve, reject) => {
    if (fleet.failure) return reject(fleet.failure)
    // Generous per-socket queues: a fast socket may take more than its share of the budget.
    const totalWindow = fleet.clients.reduce((sum, client) => sum + client.window, 0)
    for (const client of fleet.clients) {
      topUp(client, Math.ceil((2 * budget * client.window) / totalWindow) + client.window)
    }
    let sent = 0
    let counted = 0
    let outstanding = 0
    let result: PhaseResult | null = null
    let drainTimer: ReturnType<typeof setTimeout> | null = null
    const started = performance.now()

    const pump = (client: Client): void => {
      while (result === null && sent < budget && client.inFlight.length < client.window) {
        const next = client.queue[client.queueHead]
        if (!next) return // queue ran dry: the other sockets carry the rest
        client.queueHead++
        client.inFlight.push({ startClock: next.startClock, sentAt: performance.now() })
        client.ws.send(next.frame)
        sent++
        outstanding++
      }
    }
    const end = (error: Error | null): void => {
      clearTimeout(timer)
      if (drainTimer) clearTimeout(drainTimer)
      fleet.phase = null
      if (error) reject(error)
      else resolve(result!)
    }
    const stop = (): void => {
      if (result !== null) return
      result = { messages: counted, seconds: (performance.now() - started) / 1000 }
      if (outstanding === 0) return end(null)
      drainTimer = setTimeout(
        () => end(new Error(`${fleet.kind}: ${outstanding} messages still in flight ${DRAIN_TIMEOUT_MS} ms after`)),
        DRAIN_TIMEOUT_MS,
      )
    }
    const timer = setTimeout(stop, durationMs)
    fleet.phase = {
      ingested(client, message) {
        outstanding--
        if (result !== null) {
          if (outstanding === 0) end(null)
          return
        }
        latencies?.push(performance.now() - message.sentAt)
        counted++
        if (counted >= budget) stop()
        else pump(client)
      },
      fail: (error) => end(error),
    }
    for (const client of fleet.clients) pump(client)
    if (sent === 0) end(new Error(`${fleet.kind}: nothing to send`))
  })

// ---- Main -----------------------------------------------------------------------------------------------

const readSettings = (): Settings => {
  const number = (name: string, fallback: number, min: number): number => {
    const text = process.env[name]
    if (text === undefined || text === '') return fallback
    const value = Number(text)
    if (!Number.isFinite(value) || value < min) throw new Error(`${name} must be a number >= ${min}, got "${text}"`)
    return value
  }
  const scenarios = (process.env.INGEST_SCENARIOS ?? 'ABCD').toUpperCase()
  if (!/^[ABCD]+$/.test(scenarios)) throw new Error(`INGEST_SCENARIOS must be letters among ABCD, got "${scenarios}"`)
  return {
    repeats: Math.round(number('INGEST_REPEATS', 5, 1)),
    seconds: number('INGEST_SECONDS', 2, 0.05),
    messages: Math.round(number('INGEST_MESSAGES', 5_000, 1)),
    warmupSeconds: number('INGEST_WARMUP_SECONDS', 0.5, 0),
    warmupMessages: Math.round(number('INGEST_WARMUP_MESSAGES', 1_000, 0)),
    scenarios,
  }
}

const withTimeout = <T>(promise: Promise<T>, ms: number, what: string): Promise<T> => {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

const rate = (value: number): string => (value >= 10_000 ? value.toFixed(0) : value.toPrecision(4)).padStart(7)

const summary = (rates: readonly number[]): string => {
  if (rates.length === 0) return '   (not run)          '
  const sorted = [...rates].sort((a, b) => a - b)
  return `${rate(sorted[0]!)} / ${rate(median(sorted))} / ${rate(sorted.at(-1)!)}`
}

interface ScenarioResult {
  rates: Record<Kind, number[]>
  latencies: number[]
}

const runScenario = async (scenario: Scenario, settings: Settings): Promise<ScenarioResult> => {
  const rates: Record<Kind, number[]> = { ours: [], stock: [] }
  const latencies: number[] = []
  const servers: Server[] = []
  const fleets: Fleet[] = []
  try {
    // A fresh relay and data dir per scenario: compaction of the previous scenario's rooms never overlaps.
    // INGEST_SERVERS=ours (or stock) runs one side only: to profile it with --cpu-prof.
    const only = process.env.INGEST_SERVERS
    if (only !== 'stock') servers.push(await startOurs())
    if (only !== 'ours') servers.push(await startStock())
    for (const server of servers) fleets.push(await openFleet(server, scenario))
    const budget = settings.messages
    const durationMs = settings.seconds * 1000
    if (settings.warmupMessages > 0 && settings.warmupSeconds > 0) {
      for (const fleet of fleets) await runPhase(fleet, settings.warmupMessages, settings.warmupSeconds * 1000, null)
    }
    for (let repeat = 0; repeat < settings.repeats; repeat++) {
      // Alternate who goes first: page cache, JIT and GC debt from the previous phase hit both equally.
      const order = repeat % 2 === 0 ? fleets : [...fleets].reverse()
      for (const fleet of order) {
        const result = await runPhase(fleet, budget, durationMs, fleet.kind === 'ours' ? latencies : null)
        rates[fleet.kind].push(result.messages / result.seconds)
      }
    }
  } finally {
    await Promise.all(fleets.map(closeFleet))
    for (const server of servers) await server.close()
  }
  return { rates, latencies }
}

const main = async (): Promise<void> => {
  const settings = readSettings()
  console.log(
    `durable ingest, messages/s as min / median / max of ${settings.repeats} repeats ` +
      `(${settings.seconds} s or ${settings.messages} messages each, whichever first, after a warm-up of ` +
      `${settings.warmupSeconds} s or ${settings.warmupMessages} messages); loopback, servers and clients in one ` +
      'process',
  )
  console.log('  ours: "ingested" = covered by the relay\'s durable ack [100, N] (stored and fsync\'d, /tmp data dir)')
  console.log(
    '  stock @y/websocket-server 0.1.1 (RAM only): "ingested" = the echo of the update back to its sender ' +
      '(it broadcasts to every socket of the room, sender included)',
  )
  const scenarios = SCENARIOS.filter((scenario) => settings.scenarios.includes(scenario.key))
  const results: string[] = []
  for (const scenario of scenarios) {
    const { rates, latencies } = await runScenario(scenario, settings)
    const ratio = median(rates.ours) / median(rates.stock)
    // Each repeat runs both back to back: the ratio within a pair cancels the machine's drift between repeats.
    const paired = rates.ours.map((rate, i) => rate / (rates.stock[i] ?? NaN)).filter(Number.isFinite)
    const pairs = paired.length > 0 ? `   paired ${[...paired].sort((a, b) => a - b).map((r) => r.toFixed(2)).join(' ')}` +
      ` (median ${median(paired).toFixed(3)}x)` : ''
    results.push(
      `  ${scenario.key} ${scenario.label.padEnd(49)} ours ${summary(rates.ours)}   stock ${summary(rates.stock)}` +
        `   ours/stock ${ratio.toFixed(3)}x${pairs}`,
    )
    if (scenario.key === 'A') {
      const sorted = [...latencies].sort((a, b) => a - b)
      results.push(
        `    A, ours update -> durable ack: p50 ${percentile(sorted, 0.5).toFixed(2)} ms   ` +
          `p99 ${percentile(sorted, 0.99).toFixed(2)} ms   (${sorted.length} messages)`,
      )
    }
    console.log(results.splice(0).join('\n'))
  }
  if (generated > 0) {
    console.log(
      `  messages: one Y.Map.set of a small object each, ${(updateBytes / generated).toFixed(0)} bytes of update, ` +
        `${(frameBytes / generated).toFixed(0)} bytes per websocket frame (averages)`,
    )
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('ingest benchmark failed:', error instanceof Error ? error.message : error)
    process.exit(1)
  },
)
