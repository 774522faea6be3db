// Owns the engine load benchmark (`npm run bench:engine`): one relay against two relays over one engine, side by side.
// Printed, never asserted. Sockets, rooms and memory (VmRSS of the relay and engine processes), fan-out latency
// (a writer's update until every OTHER socket of its room has it, across relays in engine mode) and durable ingest
// (updates acked [100, N] per second, N writers over many rooms). Relays are child processes (spawnRelay), the engine
// is Debian's redis-server or valkey-server on a unix socket (startEngine); clients are raw `ws` sockets in this
// process, so on a small machine clients, relays and engine share the same cores: the figures are for comparing.
import { spawnSync } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { parseArgs } from 'node:util'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { WebSocket } from 'ws'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import {
  MESSAGE_RELAY_ACK, MESSAGE_SYNC, SYNC_PATH_PREFIX, SYNC_STEP1, SYNC_STEP2, SYNC_UPDATE,
} from '../src/lib/relay-protocol.ts'
import { ENGINE_BINARY, startEngine, type TestEngine } from '../tests/helpers/engine.ts'
import { createTestRoom, fetchHealth, relayProtocols, spawnRelay, type ChildRelay } from '../tests/helpers/relay.ts'
import { median, percentile, withConcurrency } from './timing.ts'

const HANDSHAKE_TIMEOUT_MS = 30_000
/** Probes and acks still missing this long after a phase ended are counted as lost (and printed). */
const DRAIN_TIMEOUT_MS = 15_000
/** Rooms connected at once: enough to open thousands of sockets in seconds, few enough not to time out handshakes. */
const CONNECT_CONCURRENCY = 24
/** Fan-out writes are scheduled on this tick; each is timed from its own send, so the tick adds nothing. */
const TICK_MS = 5
const WARMUP_SECONDS = 1

interface Options {
  sockets: number
  rooms: number
  seconds: number
  runs: number
  /** Fan-out writes per second over all rooms (one in flight per room at most). */
  rate: number
  /** Concurrent ingest writers, one update in flight each. */
  writers: number
}

const readOptions = (): Options => {
  const { values } = parseArgs({
    options: {
      sockets: { type: 'string', default: '2000' },
      rooms: { type: 'string', default: '400' },
      seconds: { type: 'string', default: '4' },
      runs: { type: 'string', default: '3' },
      rate: { type: 'string', default: '200' },
      writers: { type: 'string' },
    },
  })
  const number = (name: string, text: string | undefined, min: number): number => {
    const value = Number(text)
    if (!Number.isFinite(value) || value < min) throw new Error(`--${name} must be a number >= ${min}, got "${text}"`)
    return value
  }
  const rooms = Math.round(number('rooms', values.rooms, 1))
  const sockets = Math.round(number('sockets', values.sockets, 2))
  if (sockets < 2 * rooms) throw new Error('--sockets must be at least twice --rooms: fan-out needs 2 sockets a room')
  return {
    sockets,
    rooms,
    seconds: number('seconds', values.seconds, 0.5),
    runs: Math.round(number('runs', values.runs, 1)),
    rate: number('rate', values.rate, 1),
    // By default one writer a room: every room is written to, every write fans out to the room's other sockets.
    writers: Math.round(number('writers', values.writers ?? String(rooms), 1)),
  }
}

// ---- Relays ---------------------------------------------------------------------------------------------

interface Setup {
  label: string
  relays: ChildRelay[]
  engine: TestEngine | null
}

const RELAY_ENV = {
  MAX_CONNECTIONS_PER_IP: '1000000',
  MAX_ROOM_REGISTRATIONS_PER_IP_PER_HOUR: '1000000',
  MAX_ROOM_REGISTRATIONS_PER_HOUR: '10000000',
  // Not warn: spawnRelay waits for the 'relay.listening' line, logged at info. Not debug: a line per socket.
  LOG_LEVEL: 'info',
}

/** Everything started so far, stopped at the end, on error and on Ctrl-C. */
const started: { relays: ChildRelay[]; engines: TestEngine[] } = { relays: [], engines: [] }

const startSetup = async (engineMode: boolean): Promise<Setup> => {
  if (!engineMode) {
    const relay = await spawnRelay({ env: RELAY_ENV })
    started.relays.push(relay)
    return { label: 'one relay', relays: [relay], engine: null }
  }
  const engine = await startEngine()
  started.engines.push(engine)
  const relays: ChildRelay[] = []
  for (let i = 0; i < 2; i++) {
    const relay = await spawnRelay({ env: { ...RELAY_ENV, ENGINE_URL: engine.url } })
    started.relays.push(relay)
    relays.push(relay)
  }
  return { label: 'two relays + engine', relays, engine }
}

const stopSetup = async (setup: Setup): Promise<void> => {
  for (const relay of setup.relays) {
    await relay.stop().catch((error: unknown) => console.error('relay stop failed:', error))
    started.relays = started.relays.filter((candidate) => candidate !== relay)
  }
  if (setup.engine) {
    const engine = setup.engine
    await engine.stop().catch((error: unknown) => console.error('engine stop failed:', error))
    started.engines = started.engines.filter((candidate) => candidate !== engine)
  }
}

const stopEverything = async (): Promise<void> => {
  await Promise.allSettled(started.relays.map((relay) => relay.stop()))
  await Promise.allSettled(started.engines.map((engine) => engine.stop()))
  started.relays = []
  started.engines = []
}

/** VmRSS (current) and VmHWM (peak) of a process, in KiB; zeros if it is gone. */
const memoryOf = async (pid: number | undefined): Promise<{ rss: number; peak: number }> => {
  if (pid === undefined) return { rss: 0, peak: 0 }
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '')
  const field = (name: string): number => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0)
  return { rss: field('VmRSS'), peak: field('VmHWM') }
}

interface Memory {
  /** Per relay, KiB. */
  relays: number[]
  engine: number | null
}

const measureMemory = async (setup: Setup): Promise<Memory> => ({
  relays: await Promise.all(setup.relays.map(async (relay) => (await memoryOf(relay.pid())).rss)),
  engine: setup.engine ? (await memoryOf(setup.engine.pid())).rss : null,
})

// ---- Clients --------------------------------------------------------------------------------------------

/** A fan-out write: waiting for the other sockets of its room. */
interface Probe {
  client: number
  clock: number
  sentAt: number
  writerRelay: number
  waiting: Set<Sock>
}

interface Room {
  index: number
  sockets: Sock[]
  /** The outstanding probe (one at a time per room, so a late delivery is never taken for the next one). */
  probe: Probe | null
  /** The previous probe: a second delivery of it is counted as a duplicate. */
  lastProbe: Probe | null
  nextWriter: number
}

interface Writer {
  doc: Y.Doc
  /** Frames generated ahead of the timed phase so that update encoding is not measured; sent strictly in order. */
  queue: Uint8Array[]
  queueHead: number
  inFlight: number
}

interface Sock {
  ws: WebSocket
  room: Room
  relay: number
  /** Messages (step 2, updates) sent here and not yet acked, in order: the ingest send time, or -1 for the others. */
  pending: number[]
  acked: number
  /** Separate docs for probes and ingest: each is sent strictly in order, so neither ever writes ahead of itself. */
  probeDoc: Y.Doc | null
  writer: Writer | null
}

interface PhaseStats {
  /** Per probe: until the last other socket got it. */
  complete: number[]
  /** Per delivery, split by whether the receiving socket is on the writer's relay. */
  sameRelay: number[]
  otherRelay: number[]
  lost: number
  duplicates: number
  skipped: number
  /** Ingest: acks counted inside the timed span, and their latencies. */
  acks: number
  ackLatencies: number[]
  liveGenerated: number
}

const newStats = (): PhaseStats => ({
  complete: [], sameRelay: [], otherRelay: [], lost: 0, duplicates: 0, skipped: 0, acks: 0, ackLatencies: [],
  liveGenerated: 0,
})

interface Fleet {
  rooms: Room[]
  sockets: Sock[]
  writers: Sock[]
  /** Where probes and acks of the current phase go. */
  stats: PhaseStats
  /** Ingest phase running: acks of ingest messages are counted and their writers keep sending. */
  ingesting: boolean
  failure: Error | null
  closing: boolean
}

const frameOf = (write: (encoder: encoding.Encoder) => void): Uint8Array => {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  write(encoder)
  return encoding.toUint8Array(encoder)
}

/** One Y.Map.set of a small value: the update it makes, and the writer's clock where it starts. */
const makeUpdate = (doc: Y.Doc, key: string, value: string | number): { update: Uint8Array; clock: number } => {
  const clock = Y.getState(doc.store, doc.clientID)
  // A holder, not a `let`: TypeScript cannot see the 'update' handler assign it during map.set.
  const captured: { update: Uint8Array | null } = { update: null }
  const capture = (update: Uint8Array): void => {
    captured.update = update
  }
  doc.on('update', capture)
  try {
    doc.getMap('load').set(key, value)
  } finally {
    doc.off('update', capture)
  }
  if (!captured.update) throw new Error('Y.Map.set produced no update')
  return { update: captured.update, clock }
}

const updateFrame = (update: Uint8Array): Uint8Array => frameOf((encoder) => syncProtocol.writeUpdate(encoder, update))

const covers = (probe: Probe | null, update: Uint8Array): boolean => {
  if (!probe) return false
  const meta = Y.parseUpdateMeta(update)
  const from = meta.from.get(probe.client)
  const to = meta.to.get(probe.client)
  return from !== undefined && to !== undefined && from <= probe.clock && probe.clock < to
}

const failFleet = (fleet: Fleet, error: Error): void => {
  if (!fleet.closing) fleet.failure ??= error
}

const onUpdate = (fleet: Fleet, sock: Sock, update: Uint8Array): void => {
  const { room } = sock
  if (covers(room.probe, update)) {
    const probe = room.probe!
    if (!probe.waiting.delete(sock)) {
      fleet.stats.duplicates++
      return
    }
    const ms = performance.now() - probe.sentAt
    ;(sock.relay === probe.writerRelay ? fleet.stats.sameRelay : fleet.stats.otherRelay).push(ms)
    if (probe.waiting.size === 0) {
      fleet.stats.complete.push(ms)
      room.lastProbe = probe
      room.probe = null
    }
  } else if (covers(room.lastProbe, update)) {
    fleet.stats.duplicates++
  }
}

const onAck = (fleet: Fleet, sock: Sock, count: number): void => {
  while (sock.acked < count) {
    sock.acked++
    const sentAt = sock.pending.shift()
    if (sentAt === undefined) throw new Error(`ack ${count} covers more than was sent`)
    if (sentAt < 0 || !sock.writer) continue
    sock.writer.inFlight--
    if (fleet.ingesting) {
      fleet.stats.acks++
      fleet.stats.ackLatencies.push(performance.now() - sentAt)
      pumpWriter(fleet, sock)
    }
  }
}

/**
 * Opens one socket and completes the handshake as the app does: answer the relay's step 1 with our (empty) step 2,
 * send our step 1. Ready once the relay's step 2 arrived and our step 2 is acked.
 */
const connectSock = (fleet: Fleet, url: string, protocols: string[], room: Room, relay: number): Promise<Sock> =>
  new Promise((resolve, reject) => {
    const ws = new WebSocket(url, protocols, { perMessageDeflate: false })
    const sock: Sock = { ws, room, relay, pending: [], acked: 0, probeDoc: null, writer: null }
    let ready = false
    let gotStep2 = false
    const timer = setTimeout(() => broken(new Error('handshake not done in time')), HANDSHAKE_TIMEOUT_MS)
    const checkReady = (): void => {
      if (ready || !gotStep2 || sock.acked < 1) return
      ready = true
      clearTimeout(timer)
      resolve(sock)
    }
    const broken = (error: Error): void => {
      if (ready) return failFleet(fleet, error)
      clearTimeout(timer)
      ws.terminate()
      reject(error)
    }
    ws.on('error', (error) => broken(error))
    ws.on('close', (code, reason) => broken(new Error(`socket closed ${code} ${reason.toString()}`)))
    ws.on('message', (data: Buffer) => {
      try {
        const decoder = decoding.createDecoder(data)
        const type = decoding.readVarUint(decoder)
        if (type === MESSAGE_SYNC) {
          const subtype = decoding.readVarUint(decoder)
          if (subtype === SYNC_STEP1) {
            // Our doc is empty: step 2 against any state vector is the empty update.
            ws.send(frameOf((encoder) => syncProtocol.writeSyncStep2(encoder, new Y.Doc())))
            sock.pending.push(-1)
            ws.send(frameOf((encoder) => syncProtocol.writeSyncStep1(encoder, new Y.Doc())))
          } else if (subtype === SYNC_STEP2) {
            gotStep2 = true // the room's content: not applied, nothing here depends on it (unique keys)
            checkReady()
          } else if (subtype === SYNC_UPDATE && ready) {
            onUpdate(fleet, sock, decoding.readVarUint8Array(decoder))
          }
        } else if (type === MESSAGE_RELAY_ACK) {
          onAck(fleet, sock, decoding.readVarUint(decoder))
          checkReady()
        }
        // Limits, retention, keepalive (awareness) frames: ignored.
      } catch (error) {
        broken(error instanceof Error ? error : new Error(String(error)))
      }
    })
  })

/**
 * Socket s belongs to room s % rooms. In engine mode socket k of room r goes to relay (r + k) % 2: every room is
 * split across both relays, and half the rooms are registered through each.
 */
const openFleet = async (setup: Setup, options: Options): Promise<Fleet> => {
  const fleet: Fleet = {
    rooms: [], sockets: [], writers: [], stats: newStats(), ingesting: false, failure: null, closing: false,
  }
  const { sockets, rooms } = options
  const perRoom = (r: number): number => Math.floor(sockets / rooms) + (r < sockets % rooms ? 1 : 0)
  for (let r = 0; r < rooms; r++) {
    fleet.rooms.push({ index: r, sockets: [], probe: null, lastProbe: null, nextWriter: 0 })
  }
  try {
    await withConcurrency(options.rooms, CONNECT_CONCURRENCY, async (r) => {
      const room = fleet.rooms[r]!
      const { roomId, token } = await createTestRoom()
      const relayOf = (k: number): number => (r + k) % setup.relays.length
      const open = async (k: number): Promise<void> => {
        const relay = relayOf(k)
        const url = `ws://127.0.0.1:${new URL(setup.relays[relay]!.url).port}${SYNC_PATH_PREFIX}${roomId}`
        // The first socket registers the room; the others join it once it exists (on either relay).
        const sock = await connectSock(fleet, url, relayProtocols(token, { register: k === 0, ack: true }), room, relay)
        room.sockets[k] = sock
      }
      await open(0)
      await Promise.all(Array.from({ length: perRoom(r) - 1 }, (_, i) => open(i + 1)))
    })
  } catch (error) {
    closeFleet(fleet)
    throw error
  }
  for (const room of fleet.rooms) fleet.sockets.push(...room.sockets)
  for (let w = 0; w < options.writers; w++) {
    const room = fleet.rooms[w % options.rooms]!
    const sock = room.sockets[Math.floor(w / options.rooms) % room.sockets.length]!
    if (sock.writer) continue // more writers than sockets: one each
    sock.writer = { doc: new Y.Doc(), queue: [], queueHead: 0, inFlight: 0 }
    fleet.writers.push(sock)
  }
  return fleet
}

/** Terminates every socket: at thousands of sockets a close handshake each would only slow the end down. */
const closeFleet = (fleet: Fleet): void => {
  fleet.closing = true
  for (const room of fleet.rooms) for (const sock of room.sockets) sock?.ws.terminate()
}

// ---- Phases ---------------------------------------------------------------------------------------------

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms))

const waitUntil = async (check: () => boolean, timeoutMs: number): Promise<boolean> => {
  const deadline = performance.now() + timeoutMs
  while (!check()) {
    if (performance.now() > deadline) return false
    await sleep(10)
  }
  return true
}

let probeSeq = 0

/** Sends one probe in the next free room (round robin), from the room's next socket in turn. */
const sendProbe = (fleet: Fleet, cursor: { room: number }): void => {
  for (let tries = 0; tries < fleet.rooms.length; tries++) {
    const room = fleet.rooms[cursor.room]!
    cursor.room = (cursor.room + 1) % fleet.rooms.length
    if (room.probe) continue
    const writer = room.sockets[room.nextWriter]!
    room.nextWriter = (room.nextWriter + 1) % room.sockets.length
    writer.probeDoc ??= new Y.Doc()
    const { update, clock } = makeUpdate(writer.probeDoc, `p${probeSeq++}`, Date.now())
    const frame = updateFrame(update)
    room.probe = {
      client: writer.probeDoc.clientID,
      clock,
      writerRelay: writer.relay,
      waiting: new Set(room.sockets.filter((sock) => sock !== writer)),
      sentAt: performance.now(),
    }
    writer.pending.push(-1)
    writer.ws.send(frame)
    return
  }
  fleet.stats.skipped++ // every room still has a probe out: the relays fell behind the rate
}

/** Fan-out: `rate` probes a second for `seconds`, then waits for the stragglers. */
const runFanOut = async (fleet: Fleet, rate: number, seconds: number): Promise<PhaseStats> => {
  fleet.stats = newStats()
  const stats = fleet.stats
  const cursor = { room: Math.floor(Math.random() * fleet.rooms.length) }
  const begin = performance.now()
  let sent = 0
  await new Promise<void>((done) => {
    const timer = setInterval(() => {
      const elapsed = (performance.now() - begin) / 1000
      const due = Math.floor(Math.min(elapsed, seconds) * rate)
      while (sent < due) {
        sendProbe(fleet, cursor)
        sent++
      }
      if (elapsed >= seconds) {
        clearInterval(timer)
        done()
      }
    }, TICK_MS)
  })
  await waitUntil(() => fleet.rooms.every((room) => room.probe === null), DRAIN_TIMEOUT_MS)
  for (const room of fleet.rooms) {
    if (room.probe) stats.lost += room.probe.waiting.size
    room.probe = null
  }
  // A duplicate arrives after the first copy: give it a moment, then stop parsing updates for old probes.
  await sleep(200)
  for (const room of fleet.rooms) room.lastProbe = null
  if (fleet.failure) throw fleet.failure
  return stats
}

let ingestSeq = 0

const generateFor = (writer: Writer): void => {
  const { update } = makeUpdate(writer.doc, `i${ingestSeq++}`, 'ligne-rouge 2025-03-14 Boulangerie')
  writer.queue.push(updateFrame(update))
}

const topUp = (writer: Writer, target: number): void => {
  if (writer.queueHead > 0) {
    writer.queue = writer.queue.slice(writer.queueHead)
    writer.queueHead = 0
  }
  while (writer.queue.length < target) generateFor(writer)
}

const pumpWriter = (fleet: Fleet, sock: Sock): void => {
  const writer = sock.writer!
  if (writer.inFlight > 0 || !fleet.ingesting) return
  if (writer.queueHead >= writer.queue.length) {
    generateFor(writer) // the estimate was short: generated while timed, counted in the output
    fleet.stats.liveGenerated++
  }
  const frame = writer.queue[writer.queueHead++]!
  writer.inFlight++
  sock.pending.push(performance.now())
  sock.ws.send(frame)
}

/** Ingest: every writer keeps one update in flight for `seconds`; acks inside that span count. */
const runIngest = async (fleet: Fleet, seconds: number, expectedRate: number): Promise<PhaseStats> => {
  fleet.stats = newStats()
  const stats = fleet.stats
  const perWriter = Math.ceil((expectedRate * seconds * 2) / fleet.writers.length) + 4
  for (const sock of fleet.writers) topUp(sock.writer!, perWriter)
  const begin = performance.now()
  fleet.ingesting = true
  for (const sock of fleet.writers) pumpWriter(fleet, sock)
  await sleep(seconds * 1000)
  fleet.ingesting = false
  const elapsed = (performance.now() - begin) / 1000
  const drained = await waitUntil(() => fleet.writers.every((sock) => sock.writer!.inFlight === 0), DRAIN_TIMEOUT_MS)
  if (!drained) stats.lost += fleet.writers.reduce((sum, sock) => sum + sock.writer!.inFlight, 0)
  if (fleet.failure) throw fleet.failure
  stats.acks /= elapsed // now a rate
  return stats
}

// ---- Report ---------------------------------------------------------------------------------------------

const sortedOf = (values: readonly number[]): number[] => [...values].sort((a, b) => a - b)

interface ModeResult {
  setup: Setup
  socketsOpen: number[]
  roomsLoaded: number[]
  connectSeconds: number
  idle: Memory
  loaded: Memory
  fanOut: PhaseStats[]
  ingest: PhaseStats[]
}

const runMode = async (engineMode: boolean, options: Options): Promise<ModeResult> => {
  const setup = await startSetup(engineMode)
  let fleet: Fleet | null = null
  try {
    const connectStart = performance.now()
    fleet = await openFleet(setup, options)
    const connectSeconds = (performance.now() - connectStart) / 1000
    const health = await Promise.all(setup.relays.map((relay) => fetchHealth(relay.url)))
    await sleep(500) // let the accept burst's garbage settle before reading memory
    const idle = await measureMemory(setup)
    // Warm-up: JIT, room caches, the engine's scripts; its ingest rate sizes the pre-generated queues.
    await runFanOut(fleet, options.rate, WARMUP_SECONDS)
    let expectedRate = (await runIngest(fleet, WARMUP_SECONDS, 1_000)).acks
    const fanOut: PhaseStats[] = []
    const ingest: PhaseStats[] = []
    for (let run = 0; run < options.runs; run++) {
      fanOut.push(await runFanOut(fleet, options.rate, options.seconds))
      const result = await runIngest(fleet, options.seconds, expectedRate)
      expectedRate = Math.max(expectedRate, result.acks)
      ingest.push(result)
    }
    const loaded = await measureMemory(setup)
    return {
      setup,
      socketsOpen: health.map((h) => h.connections),
      roomsLoaded: health.map((h) => h.rooms),
      connectSeconds,
      idle,
      loaded,
      fanOut,
      ingest,
    }
  } finally {
    if (fleet) closeFleet(fleet)
    await stopSetup(setup)
  }
}

const mib = (kib: number): string => (kib / 1024).toFixed(0)
const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0)
const ms = (value: number): string => (Number.isFinite(value) ? value.toFixed(value < 10 ? 2 : 1) : '-')

/** min / median / max over runs of one figure per run. */
const spread = (values: readonly number[], format: (value: number) => string): string => {
  if (values.length === 0) return '-'
  const sorted = sortedOf(values)
  if (sorted.length === 1) return format(sorted[0]!)
  return `${format(sorted[0]!)} / ${format(median(sorted))} / ${format(sorted.at(-1)!)}`
}

const ratio = (one: readonly number[], two: readonly number[]): string => {
  const value = median(two) / median(one)
  return Number.isFinite(value) ? `${value.toFixed(2)}x` : '-'
}

const report = (options: Options, one: ModeResult, two: ModeResult): void => {
  const rows: [string, string, string, string][] = []
  const row = (label: string, a: string, b: string, r = ''): void => {
    rows.push([label, a, b, r])
  }
  const perRun = (mode: ModeResult, pick: (stats: PhaseStats) => number): number[] => mode.fanOut.map(pick)
  const latency = (list: (stats: PhaseStats) => number[], q: number) => (stats: PhaseStats): number =>
    q >= 1 ? (sortedOf(list(stats)).at(-1) ?? Number.NaN) : percentile(sortedOf(list(stats)), q)
  const bothLatency = (label: string, list: (stats: PhaseStats) => number[], q: number): void => {
    const a = perRun(one, latency(list, q))
    const b = perRun(two, latency(list, q))
    row(label, spread(a, ms), spread(b, ms), ratio(a, b))
  }
  const parts = (values: readonly number[]): string => (values.length > 1 ? ` (${values.join(' + ')})` : '')
  row('sockets open (relays /healthz)', `${sum(one.socketsOpen)}`, `${sum(two.socketsOpen)}${parts(two.socketsOpen)}`)
  row('rooms loaded (relays /healthz)', `${sum(one.roomsLoaded)}`, `${sum(two.roomsLoaded)}${parts(two.roomsLoaded)}`)
  row('time to open all sockets, s', one.connectSeconds.toFixed(1), two.connectSeconds.toFixed(1),
    `${(two.connectSeconds / one.connectSeconds).toFixed(2)}x`)
  const memRow = (label: string, pick: (mode: ModeResult) => Memory): void => {
    const a = pick(one)
    const b = pick(two)
    const each = parts(b.relays.map((kib) => Number(mib(kib))))
    row(`${label}, relays RSS MiB`, mib(sum(a.relays)), `${mib(sum(b.relays))}${each}`,
      `${(sum(b.relays) / sum(a.relays)).toFixed(2)}x`)
    row(`${label}, engine RSS MiB`, '-', b.engine === null ? '-' : mib(b.engine))
  }
  memRow('after connect', (mode) => mode.idle)
  memRow('after load', (mode) => mode.loaded)
  row(`fan-out probes per run (${options.rate}/s)`, spread(perRun(one, (s) => s.complete.length), String),
    spread(perRun(two, (s) => s.complete.length), String))
  bothLatency('fan-out to all others p50 ms', (s) => s.complete, 0.5)
  bothLatency('fan-out to all others p99 ms', (s) => s.complete, 0.99)
  bothLatency('fan-out to all others max ms', (s) => s.complete, 1)
  bothLatency('  per delivery, same relay p50 ms', (s) => s.sameRelay, 0.5)
  bothLatency('  per delivery, same relay p99 ms', (s) => s.sameRelay, 0.99)
  row('  per delivery, other relay p50 ms', '-', spread(perRun(two, latency((s) => s.otherRelay, 0.5)), ms))
  row('  per delivery, other relay p99 ms', '-', spread(perRun(two, latency((s) => s.otherRelay, 0.99)), ms))
  const counts = (mode: ModeResult): string =>
    `${sum(mode.fanOut.map((s) => s.lost))} / ${sum(mode.fanOut.map((s) => s.duplicates))} / ` +
    `${sum(mode.fanOut.map((s) => s.skipped))}`
  row('  lost / duplicate deliveries / skipped', counts(one), counts(two))
  const acks = (mode: ModeResult): number[] => mode.ingest.map((s) => s.acks)
  row(`ingest, acked updates/s (${one.ingest.length > 0 ? options.writers : 0} writers)`,
    spread(acks(one), (v) => v.toFixed(0)), spread(acks(two), (v) => v.toFixed(0)), ratio(acks(one), acks(two)))
  const ackLatency = (mode: ModeResult, q: number): number[] =>
    mode.ingest.map((s) => percentile(sortedOf(s.ackLatencies), q))
  row('  update -> ack p50 ms', spread(ackLatency(one, 0.5), ms), spread(ackLatency(two, 0.5), ms),
    ratio(ackLatency(one, 0.5), ackLatency(two, 0.5)))
  row('  update -> ack p99 ms', spread(ackLatency(one, 0.99), ms), spread(ackLatency(two, 0.99), ms),
    ratio(ackLatency(one, 0.99), ackLatency(two, 0.99)))
  const live = (mode: ModeResult): string =>
    `${sum(mode.ingest.map((s) => s.lost))} / ${sum(mode.ingest.map((s) => s.liveGenerated))}`
  row('  unacked at end / generated while timed', live(one), live(two))

  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i]!.length), [' ', one.setup.label,
    two.setup.label, 'two/one'][i]!.length))
  const line = (cells: readonly string[]): string =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('   ')
  console.log(line(['', one.setup.label, two.setup.label, 'two/one']))
  for (const r of rows) console.log(line(r))
}

const fdLimit = (): number => {
  const result = spawnSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' })
  const value = Number(result.stdout.trim())
  return Number.isFinite(value) ? value : Infinity // "unlimited"
}

const EMFILE_HINT = (limit: number, sockets: number): string =>
  `open files limit (ulimit -n) is ${limit}: this process holds one descriptor per socket and so does a relay; ` +
  `raise it above ${sockets + 200} in this shell (e.g. \`ulimit -n ${Math.max(65536, sockets * 2)}\`) and run again`

const main = async (): Promise<void> => {
  const options = readOptions()
  const limit = fdLimit()
  if (options.sockets + 200 > limit) console.warn(`warning: ${EMFILE_HINT(limit, options.sockets)}`)
  if (!ENGINE_BINARY) throw new Error('no /usr/bin/valkey-server or /usr/bin/redis-server: install redis-server')
  const version = spawnSync(ENGINE_BINARY, ['--version'], { encoding: 'utf8' }).stdout.trim().split(' ').slice(0, 3)
  console.log(
    `engine load: ${options.sockets} sockets in ${options.rooms} rooms, ${options.runs} runs of ${options.seconds} s ` +
      `per measurement (after ${WARMUP_SECONDS} s warm-up); ${availableParallelism()} cores shared by clients (this ` +
      'process, raw ws), relays (child processes) and engine',
  )
  console.log(
    `  one relay: default file store, fsync per batch; two relays: ENGINE_URL on ${version.join(' ')} ` +
      '(unix socket, appendfsync always), sockets of every room alternate between the relays',
  )
  console.log(
    `  fan-out: ${options.rate} writes/s over all rooms (at most one in flight a room), from the update's send until ` +
      'every other socket of its room received it; ingest: each writer keeps one update in flight, acked [100, N]',
  )
  console.log('  cells: min / median / max over runs; two/one: ratio of medians')
  const results: ModeResult[] = []
  try {
    for (const engineMode of [false, true]) results.push(await runMode(engineMode, options))
  } catch (error) {
    const text = error instanceof Error ? `${error.message} ${(error as { code?: string }).code ?? ''}` : String(error)
    // Out of descriptors shows up in several ways: EMFILE here, a reset, or a relay closing sockets with 1013.
    const tooFew = options.sockets + 200 > limit
    if (tooFew || /EMFILE|ENFILE|ECONNRESET|socket hang up/.test(text)) {
      console.error(`hint: ${EMFILE_HINT(limit, options.sockets)}`)
    }
    throw error
  }
  report(options, results[0]!, results[1]!)
}

const cleanExit = (code: number): void => {
  void stopEverything().finally(() => process.exit(code))
}
process.once('SIGINT', () => cleanExit(130))
process.once('SIGTERM', () => cleanExit(143))

main().then(
  () => cleanExit(0),
  (error: unknown) => {
    console.error('engine load benchmark failed:', error instanceof Error ? error.message : error)
    cleanExit(1)
  },
)
