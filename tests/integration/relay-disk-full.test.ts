// Owns the relay's behaviour when its data dir's filesystem is full (ENOSPC): an ack still means "stored".
//
// Reported defect: with the disk full the relay kept the room in memory (updates are applied before they are
// stored) and closed the writers; once space came back, writers that reconnected were told by the relay's
// sync step 1 that it already had their failed updates, so they never sent them again, and the updates they
// wrote next were stored and acknowledged but cannot be integrated without the missing ones: 675 acknowledged
// updates were missing when the room was reloaded.
//
// What must hold, checked here against a real child relay on a small tmpfs (and, in a second test, with an
// injected ENOSPC, for machines where that is all one can do):
// - once space is back, every acknowledged write is present for a fresh client, both when the room is reloaded
//   without a restart and after SIGKILL + restart;
// - writers' unacknowledged changes are sent again when they reconnect and end up stored: with clients that
//   re-send only what the relay's sync step 1 says it lacks (the stock y-websocket client) as well as with
//   clients that re-send every unacknowledged update as is.
//
// Writers are raw `ws` clients doing the y-websocket handshake themselves (one update message per key), so the
// message number of every key on every connection is known exactly; the stock client is only the fresh reader.
// A passive "keeper" socket per room keeps the room loaded across the failures, as an idle phone would.
import { execFile } from 'node:child_process'
import { mkdtemp, open, rm, writeFile, type FileHandle } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import * as decoding from 'lib0/decoding'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket, type RawData } from 'ws'
import * as Y from 'yjs'
import { MESSAGE_RELAY_ACK, MESSAGE_SYNC, SYNC_STEP1, SYNC_STEP2, SYNC_UPDATE } from '../../src/lib/relay-protocol.ts'
import {
  connectProvider, createTestRoom, fetchHealth, relayProtocols, spawnRelay, syncFrame, waitFor, type ChildRelay,
  type TestRoom,
} from '../helpers/relay.ts'
import { seedFromEnv, seededRandom } from '../helpers/seeded-random.ts'

const run = promisify(execFile)

const SEED = seedFromEnv('DISK_FULL_SEED', 20260607)
const MAP = 'writes'
const TMPFS_SIZE = '8m'
/** Phases of the write stream (ms): before the disk fills, while it is full, after space is back. */
const WARMUP_MS = 1_000
const FULL_MS = 3_000
const SPACE_BACK_MS = 1_500
/** One key per writer every few ms, at most this many unacknowledged messages in flight per connection. */
const WRITE_INTERVAL_MS = 5
const WINDOW = 64
/** A key gets a large value this often (fills the disk faster, and large appends fail first on a full tmpfs). */
const LARGE_VALUE_RATE = 0.2
const LARGE_VALUE_MIN = 2_048
const LARGE_VALUE_MAX = 10_240
/** Reconnect delay after a close: fixed part + seeded jitter; the number of sockets per writer is bounded. */
const RECONNECT_MIN_MS = 50
const RECONNECT_JITTER_MS = 150
const MAX_LINKS_PER_WRITER = 200
const SETTLE_TIMEOUT_MS = 8_000

type Policy = 'stock' | 'resend'

interface Link {
  readonly ws: WebSocket
  /** Message i (0-based) of this connection -> the key indices it carries (acked once ack count > i). */
  readonly sent: number[][]
  acked: number
  /** Our step 2 was sent: new keys go out one update message each. */
  ready: boolean
}

/** Figures shared by every writer of a test. */
interface Tally {
  readonly closeCodes: Record<string, number>
}

/**
 * A write-only phone: sets unique keys `<name>-<i>` in its own Y.Doc, one transaction (= one update message) per
 * key; does the y-websocket handshake itself (replies to the relay's step 1 with a step 2 of what the relay
 * lacks, counted as message 1), reads acks, reconnects when closed. Broadcasts from others are ignored: its
 * doc holds only its own keys, so its step 2 re-sends only its own writes.
 * - 'stock' re-sends only through that step 2, exactly like the stock y-websocket client;
 * - 'resend' also re-sends, as is, every update the relay never acknowledged but claims to have in its step 1.
 */
class Writer {
  readonly doc = new Y.Doc()
  readonly updates: Uint8Array[] = []
  /** Key index -> end of its clock range (keys are written in order: key i covers [end(i-1), end(i))). */
  readonly clockEnds: number[] = []
  readonly acked = new Set<number>()
  /** Keys the relay's step 1 claimed while they had never been acknowledged (a stock client never re-sends them). */
  readonly claimedUnacked = new Set<number>()
  links = 0
  /** Messages sent on connections that closed before acknowledging them. */
  unackedMessages = 0
  stopped = false
  private link: Link | null = null
  private lastUpdate: Uint8Array | null = null

  constructor(
    readonly name: string,
    readonly policy: Policy,
    readonly room: TestRoom,
    private readonly wsUrl: () => string,
    private readonly random: () => number,
    private readonly tally: Tally,
  ) {
    this.doc.on('update', (update: Uint8Array) => {
      this.lastUpdate = update
    })
  }

  get written(): number {
    return this.updates.length
  }

  keyOf(index: number): string {
    return `${this.name}-${index}`
  }

  /** Connected, handshake done, every message of this connection acknowledged. */
  idle(): boolean {
    const link = this.link
    return link !== null && link.ready && link.ws.readyState === WebSocket.OPEN && link.acked === link.sent.length
  }

  connect(): void {
    if (this.stopped || this.links >= MAX_LINKS_PER_WRITER) return
    this.links++
    const ws = new WebSocket(`${this.wsUrl()}/${this.room.roomId}`, relayProtocols(this.room.token, { ack: true }))
    const link: Link = { ws, sent: [], acked: 0, ready: false }
    this.link = link
    ws.on('error', () => undefined) // a close always follows; its code is what we record
    ws.on('message', (data: RawData) => this.receive(link, toBytes(data)))
    ws.once('close', (code: number) => {
      this.tally.closeCodes[code] = (this.tally.closeCodes[code] ?? 0) + 1
      this.unackedMessages += link.sent.length - link.acked
      if (this.link === link) this.link = null
      if (this.stopped || code >= 4400) return // 44xx: refused for good, reconnecting cannot help
      setTimeout(() => this.connect(), RECONNECT_MIN_MS + this.random() * RECONNECT_JITTER_MS)
    })
  }

  /** Closes the socket on purpose; the close handler reconnects unless stopped. */
  disconnect(): void {
    this.link?.ws.close(1000)
  }

  /** Writes the next key if connected and the window allows; returns whether it wrote. */
  tryWrite(): boolean {
    const link = this.link
    if (!link || !link.ready || link.ws.readyState !== WebSocket.OPEN) return false
    if (link.sent.length - link.acked >= WINDOW) return false
    const index = this.written
    const large = this.random() < LARGE_VALUE_RATE
    const largeLength = LARGE_VALUE_MIN + Math.floor(this.random() * (LARGE_VALUE_MAX - LARGE_VALUE_MIN))
    const value = large ? randomText(this.random, largeLength) : `v${index}`
    this.lastUpdate = null
    this.doc.getMap(MAP).set(this.keyOf(index), value)
    if (!this.lastUpdate) throw new Error('a map set produced no update')
    this.updates.push(this.lastUpdate)
    this.clockEnds.push(Y.getState(this.doc.store, this.doc.clientID))
    this.send(link, syncFrame(SYNC_UPDATE, this.lastUpdate), [index])
    return true
  }

  private send(link: Link, frame: Uint8Array, keys: number[]): void {
    link.sent.push(keys)
    link.ws.send(frame)
  }

  private receive(link: Link, bytes: Uint8Array): void {
    const decoder = decoding.createDecoder(bytes)
    const type = decoding.readVarUint(decoder)
    if (type === MESSAGE_RELAY_ACK) {
      const count = Math.min(decoding.readVarUint(decoder), link.sent.length)
      for (let i = link.acked; i < count; i++) for (const key of link.sent[i]!) this.acked.add(key)
      link.acked = Math.max(link.acked, count)
      return
    }
    if (type !== MESSAGE_SYNC || decoding.readVarUint(decoder) !== SYNC_STEP1 || link.ready) return
    // The relay's step 1: answer with a step 2 of what its state vector says it lacks (message 1).
    const stateVector = decoding.readVarUint8Array(decoder)
    const relayHas = Y.decodeStateVector(stateVector).get(this.doc.clientID) ?? 0
    const inStep2: number[] = []
    const claimed: number[] = []
    for (let i = 0; i < this.written; i++) {
      if (this.clockEnds[i]! > relayHas) inStep2.push(i)
      else if (!this.acked.has(i)) claimed.push(i)
    }
    for (const key of claimed) this.claimedUnacked.add(key)
    this.send(link, syncFrame(SYNC_STEP2, Y.encodeStateAsUpdate(this.doc, stateVector)), inStep2)
    if (this.policy === 'resend') {
      for (const key of claimed) this.send(link, syncFrame(SYNC_UPDATE, this.updates[key]!), [key])
    }
    link.ready = true
  }
}

/** A passive socket that keeps the room loaded (an idle phone); it also creates the room (register). */
const openKeeper = async (wsUrl: string, room: TestRoom): Promise<WebSocket> => {
  const ws = new WebSocket(`${wsUrl}/${room.roomId}`, relayProtocols(room.token, { register: true }))
  ws.on('error', () => undefined)
  // Joined once the relay's step 1 arrives (auth done, room loaded); later frames are ignored.
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('keeper did not join in time')), 10_000)
    ws.once('message', () => {
      clearTimeout(timer)
      resolve()
    })
    ws.once('close', (code: number) => {
      clearTimeout(timer)
      reject(new Error(`keeper closed with ${code} before joining`))
    })
  })
  return ws
}

const toBytes = (data: RawData): Uint8Array => {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data))
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
}

const randomText = (random: () => number, length: number): string => {
  const chars: string[] = []
  for (let i = 0; i < length; i++) chars.push(String.fromCharCode(97 + Math.floor(random() * 26)))
  return chars.join('')
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms))

/** Keys a brand-new stock client sees in the room once synced (what the relay serves, nothing of ours). */
const freshKeys = async (relay: ChildRelay, room: TestRoom): Promise<Set<string>> => {
  const provider = connectProvider(relay.wsUrl, room)
  try {
    await waitFor(() => provider.synced, 'fresh client synced', 10_000)
    return new Set([...provider.doc.getMap(MAP).keys()])
  } finally {
    provider.destroy()
  }
}

interface Missing {
  count: number
  /** A few of them, to make a failure readable. */
  sample: string[]
}

const missingOf = (
  writers: readonly Writer[],
  pick: (writer: Writer) => Iterable<number>,
  present: Set<string>,
): Missing => {
  const keys = writers
    .flatMap((writer) => [...pick(writer)].map((index) => writer.keyOf(index)))
    .filter((key) => !present.has(key))
  return { count: keys.length, sample: keys.slice(0, 5) }
}

const allIndices = (writer: Writer): number[] => Array.from({ length: writer.written }, (_, i) => i)

/** How the test makes the data dir's filesystem full, then gives the space back. */
interface DiskFault {
  readonly dataDir: string
  /** Extra relay environment (the injected fault's preload). */
  readonly env: Record<string, string>
  fill(): Promise<void>
  free(): Promise<void>
  figures(): Record<string, unknown>
}

const cleanups: Array<() => Promise<void> | void> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) {
    try {
      await cleanup()
    } catch (error) {
      console.error('relay-disk-full cleanup failed:', error)
    }
  }
})

const isEnospc = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOSPC'

/** Mounts a tmpfs of TMPFS_SIZE (root only); unmounted by the cleanups, with a bounded retry. */
const mountTmpfs = async (): Promise<DiskFault> => {
  if (process.getuid?.() !== 0) {
    const uid = process.getuid?.()
    throw new Error(`relay-disk-full needs root to mount a ${TMPFS_SIZE} tmpfs for the relay's data dir (uid ${uid})`)
  }
  const dir = await mkdtemp(join(tmpdir(), 'pedibus-disk-full-'))
  cleanups.push(() => rm(dir, { recursive: true, force: true }))
  try {
    await run('mount', ['-t', 'tmpfs', '-o', `size=${TMPFS_SIZE}`, 'tmpfs', dir])
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    throw new Error(`relay-disk-full could not mount a tmpfs at ${dir} (needs root with CAP_SYS_ADMIN): ${detail}`)
  }
  cleanups.push(() => unmount(dir))

  const fillerPath = join(dir, 'filler.bin')
  let filler: FileHandle | null = null
  let fillerBytes = 0
  let topping: Promise<void> | null = null
  let full = false
  /** Appends chunks until ENOSPC (bounded); returns the bytes written. */
  const topUp = async (handle: FileHandle, chunkBytes: number, maxChunks: number): Promise<number> => {
    const chunk = Buffer.alloc(chunkBytes, 0x5a)
    let written = 0
    for (let i = 0; i < maxChunks; i++) {
      try {
        const { bytesWritten } = await handle.write(chunk)
        written += bytesWritten
        if (bytesWritten < chunkBytes) continue // a short write: the next one reports ENOSPC
      } catch (error) {
        if (isEnospc(error)) return written
        throw error
      }
    }
    return written
  }
  return {
    dataDir: dir,
    env: {},
    async fill() {
      filler = await open(fillerPath, 'w')
      fillerBytes += await topUp(filler, 256 * 1024, 64)
      fillerBytes += await topUp(filler, 4096, 4096)
      full = true
      // Keep it full: pages the relay frees (a failed append is truncated back) are taken again at once.
      const handle = filler
      topping = (async () => {
        for (let i = 0; i < 10_000 && full; i++) {
          fillerBytes += await topUp(handle, 4096, 64)
          await sleep(10)
        }
      })()
    },
    async free() {
      full = false
      await topping
      await filler?.close()
      filler = null
      await rm(fillerPath, { force: true })
    },
    figures: () => ({ disk: 'tmpfs', size: TMPFS_SIZE, fillerBytes }),
  }
}

const unmount = async (dir: string): Promise<void> => {
  for (let attempt = 0; attempt < 10; attempt++) {
    try {
      await run('umount', [dir])
      return
    } catch {
      await sleep(300) // a relay that is still exiting keeps files open for a moment
    }
  }
  await run('umount', ['-l', dir]) // last resort: detach now, the kernel frees it when the last file closes
}

/**
 * A preload for the relay child (NODE_OPTIONS --import): while the flag file exists, every write through a
 * FileHandle opened under the data dir fails with ENOSPC. Nothing under server/ changes; the relay sees the
 * same error a full disk gives, at any write method it uses.
 */
const FAULT_PRELOAD = `// Test-only preload (tests/integration/relay-disk-full.test.ts): ENOSPC under the data dir.
import fs from 'node:fs'
import { syncBuiltinESMExports } from 'node:module'
const flag = process.env.PEDIBUS_TEST_ENOSPC_FLAG
const dir = process.env.PEDIBUS_TEST_ENOSPC_DIR
const paths = new WeakMap()
const originalOpen = fs.promises.open
fs.promises.open = async function (path, ...rest) {
  const handle = await originalOpen.call(this, path, ...rest)
  paths.set(handle, String(path))
  return handle
}
const probe = await originalOpen(process.execPath, 'r')
const proto = Object.getPrototypeOf(probe)
await probe.close()
globalThis.__injectedEnospc = 0
for (const name of ['write', 'writev', 'appendFile', 'writeFile']) {
  const original = proto[name]
  proto[name] = function (...args) {
    if ((paths.get(this) ?? '').startsWith(dir) && fs.existsSync(flag)) {
      globalThis.__injectedEnospc++
      const error = new Error('ENOSPC: no space left on device, write (injected)')
      return Promise.reject(Object.assign(error, { code: 'ENOSPC', errno: -28, syscall: 'write' }))
    }
    return original.apply(this, args)
  }
}
syncBuiltinESMExports()
`

const injectedFault = async (): Promise<DiskFault> => {
  const dataDir = await mkdtemp(join(tmpdir(), 'pedibus-enospc-data-'))
  const controlDir = await mkdtemp(join(tmpdir(), 'pedibus-enospc-control-'))
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }))
  cleanups.push(() => rm(controlDir, { recursive: true, force: true }))
  const preload = join(controlDir, 'enospc-preload.mjs')
  const flag = join(controlDir, 'full')
  await writeFile(preload, FAULT_PRELOAD)
  return {
    dataDir,
    env: {
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${preload}`.trim(),
      PEDIBUS_TEST_ENOSPC_FLAG: flag,
      PEDIBUS_TEST_ENOSPC_DIR: dataDir,
    },
    fill: () => writeFile(flag, 'full'),
    free: () => rm(flag, { force: true }),
    figures: () => ({ disk: 'injected ENOSPC (preload)' }),
  }
}

/**
 * The scenario, for either fault. Room A checks "no restart" (its sockets leave, the room is written out and
 * reloaded); room B stays loaded with its writers connected until the relay is SIGKILLed and restarted.
 */
const runScenario = async (label: string, makeFault: () => Promise<DiskFault>): Promise<void> => {
  const random = seededRandom(SEED)
  const fault = await makeFault()
  const relay = await spawnRelay({
    dataDir: fault.dataDir,
    env: {
      MAX_CONNECTIONS_PER_IP: '500', // a few hundred reconnects in all, never more than ~10 sockets at once
      MAX_ROOM_REGISTRATIONS_PER_IP_PER_HOUR: '1000',
      LOG_LEVEL: 'info',
      ...fault.env,
    },
  })
  cleanups.push(() => relay.stop())
  const tally: Tally = { closeCodes: {} }
  const rooms = { A: await createTestRoom(), B: await createTestRoom() }
  const keepers = { A: await openKeeper(relay.wsUrl, rooms.A), B: await openKeeper(relay.wsUrl, rooms.B) }
  cleanups.push(() => Object.values(keepers).forEach((ws) => ws.terminate()))
  const writers = (['A', 'B'] as const).flatMap((name) =>
    (['stock', 'resend'] as const).map(
      (policy) => new Writer(`${name}-${policy}`, policy, rooms[name], () => relay.wsUrl, random, tally),
    ),
  )
  cleanups.push(() => {
    for (const writer of writers) {
      writer.stopped = true
      writer.disconnect()
    }
  })
  const inRoom = (name: 'A' | 'B'): Writer[] => writers.filter((writer) => writer.room === rooms[name])
  for (const writer of writers) writer.connect()
  await waitFor(() => writers.every((writer) => writer.idle()), 'writers connected')

  try {
    // 1. Stream keys; fill the disk while they keep writing; give the space back; keep writing a little.
    let writing = true
    const writeLoops = writers.map(async (writer) => {
      for (let i = 0; i < 100_000 && writing; i++) {
        writer.tryWrite()
        await sleep(WRITE_INTERVAL_MS)
      }
    })
    await sleep(WARMUP_MS)
    const writtenBeforeFull = writers.reduce((sum, writer) => sum + writer.written, 0)
    await fault.fill()
    await sleep(FULL_MS)
    const healthFull = await fetchHealth(relay.url)
    await fault.free()
    await sleep(SPACE_BACK_MS)
    writing = false
    await Promise.all(writeLoops)
    const allIdle = (what: string): Promise<boolean> =>
      waitFor(() => writers.every((writer) => writer.idle()), what, SETTLE_TIMEOUT_MS).then(() => true, () => false)
    const settled = await allIdle('writers settled')

    // 2. Later, every writer reconnects once more (space is back): the moment its unacknowledged changes must be
    //    sent again. Rooms stay loaded (keepers), as they would with any phone left open.
    for (const writer of writers) writer.disconnect() // closing sockets are never idle(): no stale pass below
    const resent = await allIdle('writers re-sent')
    const healthBeforeChecks = await fetchHealth(relay.url)
    const appendFailedLogLines = relay.logs.filter((line) => line.event === 'store.append_failed').length

    // 3. Check A, no restart: room A's sockets leave, the room is written out and freed, a fresh client loads it.
    const freedBefore = healthBeforeChecks.counters.roomsFreed ?? 0
    for (const writer of inRoom('A')) {
      writer.stopped = true
      writer.disconnect()
    }
    keepers.A.close()
    // A relay that already dropped room A from memory frees nothing here: a bounded wait, then the load check.
    const roomsFreed = async (): Promise<number> => (await fetchHealth(relay.url)).counters.roomsFreed ?? 0
    const freedA = await waitFor(async () => (await roomsFreed()) > freedBefore, 'room A freed')
      .then(() => true, () => false)
    const loadedBefore = (await fetchHealth(relay.url)).counters.roomsLoaded ?? 0
    const presentA = await freshKeys(relay, rooms.A)
    // Else the fresh client read the relay's memory, not what is stored.
    const reloadedA = ((await fetchHealth(relay.url)).counters.roomsLoaded ?? 0) > loadedBefore

    // 4. Check B: SIGKILL with room B loaded and its writers connected (they do not reconnect), restart, reload.
    for (const writer of inRoom('B')) writer.stopped = true
    await relay.kill('SIGKILL')
    await relay.restart()
    const presentBAfterKill = await freshKeys(relay, rooms.B)
    const presentAAfterKill = await freshKeys(relay, rooms.A)

    const acked = (writer: Writer): Iterable<number> => writer.acked
    const presentAfterKill = new Set([...presentAAfterKill, ...presentBAfterKill]) // keys are unique per writer
    const result = {
      test: `relay disk full (${label})`, seed: SEED, ...fault.figures(),
      writtenBeforeFull, settled, resent, freedA, reloadedA,
      writers: writers.map((writer) => ({
        name: writer.name, written: writer.written, acked: writer.acked.size, links: writer.links,
        unackedMessagesOnClosedLinks: writer.unackedMessages, claimedByRelayButNeverAcked: writer.claimedUnacked.size,
        missingAckedAfterKill: missingOf([writer], acked, presentAfterKill).count,
      })),
      closeCodes: tally.closeCodes,
      relayWhileFull: pickCounters(healthFull.counters),
      relayBeforeChecks: pickCounters(healthBeforeChecks.counters),
      appendFailedLogLines,
      noRestart: {
        missingAcked: missingOf(inRoom('A'), acked, presentA),
        missingWritten: missingOf(inRoom('A'), allIndices, presentA),
      },
      afterKill: {
        missingAcked: missingOf(writers, acked, presentAfterKill),
        missingWritten: missingOf(writers, allIndices, presentAfterKill),
        missingAckedRoomB: missingOf(inRoom('B'), acked, presentBAfterKill),
      },
    }
    console.info(JSON.stringify(result))

    // The fault really reached the relay's store (else this test proves nothing).
    const storeErrors = healthBeforeChecks.counters.storeErrors ?? 0
    expect(storeErrors, 'no store error: the disk never looked full to the relay').toBeGreaterThan(0)
    expect(reloadedA, 'room A was not reloaded from the store for the fresh client').toBe(true)
    // An acknowledgement means stored: nothing acknowledged may be missing once the room is reloaded.
    const none: Missing = { count: 0, sample: [] }
    expect(result.noRestart.missingAcked, 'acknowledged keys missing after a reload (no restart)').toEqual(none)
    expect(result.afterKill.missingAcked, 'acknowledged keys missing after SIGKILL + restart').toEqual(none)
    // Unacknowledged changes are sent again once space is back, and stored: every write ends up stored.
    expect(resent, 'a writer still had unacknowledged messages after reconnecting with space back').toBe(true)
    expect(result.noRestart.missingWritten, 'written keys never stored (no restart)').toEqual(none)
    expect(result.afterKill.missingWritten, 'written keys never stored (after SIGKILL + restart)').toEqual(none)
  } catch (error) {
    console.error(`relay disk full (${label}) failed with DISK_FULL_SEED=${SEED}`)
    throw error
  }
}

const pickCounters = (counters: Record<string, number>): Record<string, number | undefined> => ({
  storeErrors: counters.storeErrors,
  updatesReceived: counters.updatesReceived,
  updatesStored: counters.updatesStored,
  acksSent: counters.acksSent,
  connectionsAccepted: counters.connectionsAccepted,
  connectionsRefused: counters.connectionsRefused,
  roomsLoaded: counters.roomsLoaded,
  roomsFreed: counters.roomsFreed,
})

describe('relay with a full disk (ENOSPC)', () => {
  it('acknowledges only what is stored, and stores every write once space is back (tmpfs)', async () => {
    await runScenario('tmpfs', mountTmpfs)
  }, 60_000)

  it('acknowledges only what is stored, and stores every write once space is back (injected ENOSPC)', async () => {
    await runScenario('injected', injectedFault)
  }, 60_000)
})
