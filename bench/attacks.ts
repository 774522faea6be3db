// Owns the attack benchmark (`npm run bench:attacks`, also run last by `npm run bench`): how fast the relay acks
// ANOTHER room's updates while one room is attacked by a member (writing ahead, mutated updates) and while the
// attacked room is loaded again after a restart, next to the same canary with no attack. Printed, never asserted:
// tests/integration/relay-attacks.test.ts holds looser bounds because the test machines are shared and noisy.
import { loadavg } from 'node:os'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import type { WebSocket } from 'ws'
import * as Y from 'yjs'
import { MESSAGE_RELAY_ACK, MESSAGE_SYNC, SYNC_STEP1, SYNC_STEP2, SYNC_UPDATE } from '../src/lib/relay-protocol.ts'
import { startCanary, type Canary } from '../tests/helpers/canary.ts'
import { aheadUpdates, attackSourceUpdates, mutatedDecodableUpdates } from '../tests/helpers/crafted-updates.ts'
import {
  connectProvider, createTestRoom, fetchHealth, openRawClient, relayProtocols, spawnRelay,
  type ChildRelay, type RawClient, type TestRoom,
} from '../tests/helpers/relay.ts'
import { seededRandom } from '../tests/helpers/seeded-random.ts'
import { median } from './timing.ts'

/** Counters of /healthz printed after each phase: what the relay did with the attacker's messages. */
const COUNTERS = [
  'updatesReceived', 'updatesApplied', 'updatesHeld', 'updatesRefused', 'undecodableMessages', 'updatesConflicting',
  'roomsReset',
] as const
/** The share of canary acks under this is printed: the target the attack tests name. */
const TARGET_MS = 100
/** Canary messages prepared per phase: at one ack + 10 ms at a time, more than any phase here lasts. */
const CANARY_MESSAGES = 3_000
const HONEST_SETTLE_MS = 10_000
const RELOAD_TIMEOUT_MS = 25_000

interface Settings {
  repeats: number
  seed: number
  aheadUpdates: number
  mutatedUpdates: number
  maxAttackSeconds: number
}

const readSettings = (): Settings => {
  const integer = (name: string, fallback: number, min: number): number => {
    const text = process.env[name]
    if (text === undefined || text === '') return fallback
    const value = Number(text)
    if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer >= ${min}, got "${text}"`)
    return value
  }
  return {
    repeats: integer('ATTACKS_REPEATS', 3, 1),
    seed: integer('ATTACKS_SEED', Date.now() % 1_000_000, 0),
    aheadUpdates: integer('ATTACKS_AHEAD_UPDATES', 3_000, 1),
    mutatedUpdates: integer('ATTACKS_MUTATED_UPDATES', 10_000, 1),
    maxAttackSeconds: integer('ATTACKS_MAX_SECONDS', 12, 1),
  }
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms))

// ---- Cleanup ------------------------------------------------------------------------------------------------

/** What a scenario opened (relay, sockets, workers, phones), closed in reverse order whatever happened. */
class Scope {
  private readonly cleanups: Array<() => Promise<void> | void> = []
  add(cleanup: () => Promise<void> | void): void {
    this.cleanups.push(cleanup)
  }
  async close(): Promise<void> {
    for (const cleanup of this.cleanups.splice(0).reverse()) {
      try {
        await cleanup()
      } catch (error) {
        console.error('cleanup failed:', error instanceof Error ? error.message : error)
      }
    }
  }
}
/** Open scopes, for Ctrl-C: the relay children die with the terminal's SIGINT, their temp dirs would not. */
const openScopes = new Set<Scope>()

const withScope = async <T>(run: (scope: Scope) => Promise<T>): Promise<T> => {
  const scope = new Scope()
  openScopes.add(scope)
  try {
    return await run(scope)
  } finally {
    await scope.close()
    openScopes.delete(scope)
  }
}

const spawnBenchRelay = async (scope: Scope): Promise<ChildRelay> => {
  // A child process: its event loop is the relay's alone, and it can be killed and restarted on its data dir.
  // Info, not debug: thousands of attacker sockets would make this process parse a log line for each.
  const relay = await spawnRelay({ env: { LOG_LEVEL: 'info' } })
  // SIGKILL first: a relay stuck loading an attacked room would take 10 s to give up on SIGTERM. stop() then
  // removes the temp data dir.
  scope.add(async () => {
    await relay.kill('SIGKILL')
    await relay.stop()
  })
  return relay
}

// ---- Clients ------------------------------------------------------------------------------------------------

const syncMessage = (subtype: number, payload: Uint8Array): Uint8Array => {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  encoding.writeVarUint(encoder, subtype)
  encoding.writeVarUint8Array(encoder, payload)
  return encoding.toUint8Array(encoder)
}
const STEP1_EMPTY = syncMessage(SYNC_STEP1, Y.encodeStateVector(new Y.Doc()))

/** The N of an ack frame [100, N], else null. */
const ackOf = (frame: Uint8Array): number | null => {
  const decoder = decoding.createDecoder(frame)
  return decoding.readVarUint(decoder) === MESSAGE_RELAY_ACK ? decoding.readVarUint(decoder) : null
}
const isStep2 = (frame: Uint8Array): boolean => frame.length > 1 && frame[0] === MESSAGE_SYNC && frame[1] === SYNC_STEP2

/** Resolves when `check()` holds, re-checked on each frame and on close (no polling); false after `timeoutMs`. */
const untilEvent = (ws: WebSocket, check: () => boolean, timeoutMs: number): Promise<boolean> =>
  new Promise((resolve) => {
    if (check()) return resolve(true)
    const onEvent = (): void => {
      if (check()) finish(true)
    }
    const timer = setTimeout(() => finish(check()), timeoutMs)
    const finish = (result: boolean): void => {
      clearTimeout(timer)
      ws.off('message', onEvent)
      ws.off('close', onEvent)
      resolve(result)
    }
    ws.on('message', onEvent)
    ws.on('close', onEvent)
  })

/** A member's raw socket (ack offered, never answering the relay's step 1): sends updates, counts the acks. */
interface Member {
  client: RawClient
  /** Update messages sent while the socket was open (the relay numbers them 1, 2, ... for its acks). */
  sent(): number
  acked(): number
  isOpen(): boolean
  send(update: Uint8Array): void
  until(check: () => boolean, timeoutMs: number): Promise<boolean>
  /** Step 1 -> step 2: the relay handles a socket's messages in order, so all sent before are handled. */
  barrier(timeoutMs: number): Promise<boolean>
}

const openMember = async (wsUrl: string, room: TestRoom, scope: Scope, register = false): Promise<Member> => {
  const client = await openRawClient(wsUrl, room.roomId, relayProtocols(room.token, { register, ack: true }))
  scope.add(() => client.ws.terminate())
  let sent = 0
  let acked = 0
  let open = true
  // Registered after openRawClient's own listener, before any until(): `received` and `acked` are current there.
  client.ws.on('message', (data: Buffer) => {
    const ack = ackOf(new Uint8Array(data))
    if (ack !== null) acked = Math.max(acked, ack)
  })
  client.ws.once('close', () => (open = false))
  // Joined once the relay greets with its sync step 1 (a registering socket has created the room by then).
  await untilEvent(client.ws, () => !open || client.received.length > 0, 5_000)
  const step2Count = (): number => client.received.filter(isStep2).length
  return {
    client,
    sent: () => sent,
    acked: () => acked,
    isOpen: () => open,
    send(update) {
      if (!open) return
      sent++
      client.ws.send(syncMessage(SYNC_UPDATE, update))
    },
    until: (check, timeoutMs) => untilEvent(client.ws, check, timeoutMs),
    async barrier(timeoutMs) {
      if (!open) return false
      const before = step2Count()
      client.ws.send(STEP1_EMPTY)
      await untilEvent(client.ws, () => !open || step2Count() > before, timeoutMs)
      return open && step2Count() > before
    },
  }
}

/** An honest member of the attacked room: each key of map 'writes' is one update message; no reconnection. */
interface Writer {
  write(key: string): void
  written(): number
  /** Keys the relay acknowledged as stored. */
  ackedKeys(): string[]
  settle(timeoutMs: number): Promise<boolean>
  /** How the relay closed its socket ("code reason"), or null while open or closed by us. */
  closedByRelay(): string | null
  close(): void
}

const openWriter = async (wsUrl: string, room: TestRoom, scope: Scope): Promise<Writer> => {
  const member = await openMember(wsUrl, room, scope, true)
  const doc = new Y.Doc()
  const keys: string[] = [] // keys[i]: carried by message i + 1 (nothing is sent once the socket is closed)
  doc.on('update', (update: Uint8Array) => member.send(update))
  let leaving = false
  let closedByRelay: string | null = null
  void member.client.closed.then(({ code, reason }) => {
    if (!leaving) closedByRelay = `${code} ${reason}`.trim()
  })
  return {
    write(key) {
      keys.push(key)
      doc.getMap('writes').set(key, key)
    },
    written: () => keys.length,
    ackedKeys: () => keys.slice(0, member.acked()),
    settle: (timeoutMs) => member.until(() => !member.isOpen() || member.acked() >= keys.length, timeoutMs),
    closedByRelay: () => closedByRelay,
    close() {
      leaving = true
      member.client.ws.close()
    },
  }
}

interface Reload {
  /** From opening the phone's socket to its sync step 2 applied; null if it never came. */
  ms: number | null
  keys: Set<string>
  errors: string[]
}

/** A phone (the stock y-websocket client) loads the room; resolves once it handled the relay's sync step 2. */
const reloadWithPhone = async (wsUrl: string, room: TestRoom, scope: Scope): Promise<Reload> => {
  const doc = new Y.Doc()
  const errors: string[] = []
  let done: (ms: number) => void = () => undefined
  const step2 = new Promise<number>((resolve) => (done = resolve))
  const started = performance.now()
  const provider = connectProvider(wsUrl, room, { doc })
  scope.add(() => provider.destroy())
  // y-websocket's own sync handler, recording what Yjs throws instead of letting it end this process (a browser
  // would log it and go on); resolves on the step 2, applied or not.
  provider.messageHandlers[MESSAGE_SYNC] = (encoder, decoder, current, emitSynced) => {
    try {
      encoding.writeVarUint(encoder, MESSAGE_SYNC)
      const type = syncProtocol.readSyncMessage(decoder, encoder, current.doc, current, (error: unknown) => {
        errors.push(error instanceof Error ? `${error.name}: ${error.message}` : String(error))
      })
      if (emitSynced && type === syncProtocol.messageYjsSyncStep2 && !current.synced) current.synced = true
      if (type === syncProtocol.messageYjsSyncStep2) done(performance.now() - started)
    } catch (error) {
      errors.push(error instanceof Error ? `${error.name}: ${error.message}` : String(error))
      done(performance.now() - started)
    }
  }
  const ms = await Promise.race([step2, sleep(RELOAD_TIMEOUT_MS).then(() => null)])
  const keys = new Set(doc.getMap('writes').keys())
  provider.destroy()
  return { ms, keys, errors }
}

// ---- Figures ------------------------------------------------------------------------------------------------

interface Phase {
  latencies: number[]
  seconds: number
}

interface Figures {
  acks: number
  min: number
  median: number
  p99: number
  max: number
  /** Share of acks under TARGET_MS, 0..1. */
  fast: number
}

const figuresOf = (latencies: readonly number[]): Figures => {
  const sorted = [...latencies].sort((a, b) => a - b)
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN
  return {
    acks: sorted.length,
    min: sorted[0] ?? Number.NaN,
    median: at(0.5),
    p99: at(0.99),
    max: sorted.at(-1) ?? Number.NaN,
    fast: sorted.length === 0 ? Number.NaN : sorted.filter((ms) => ms < TARGET_MS).length / sorted.length,
  }
}

const ms = (value: number): string => {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? 'n/a' : 'none' // Infinity: the canary never answered
  return value < 10 ? value.toFixed(2) : value < 1_000 ? value.toFixed(1) : value.toFixed(0)
}
const percent = (share: number): string => (Number.isNaN(share) ? 'n/a' : `${(100 * share).toFixed(1)}%`)

const phaseLine = (label: string, phase: Phase): string => {
  const f = figuresOf(phase.latencies)
  return `    ${label.padEnd(16)} ${phase.seconds.toFixed(1).padStart(5)} s  acks ${String(f.acks).padStart(5)}` +
    `   min ${ms(f.min).padStart(6)}  median ${ms(f.median).padStart(6)}  p99 ${ms(f.p99).padStart(6)}` +
    `  max ${ms(f.max).padStart(6)} ms   under ${TARGET_MS} ms ${percent(f.fast).padStart(6)}`
}

/** "reason xN, ..." of the relay's room.reset log lines (warn level, so kept at LOG_LEVEL=info). */
const resetReasons = (relay: ChildRelay): string => {
  const byReason = new Map<string, number>()
  for (const line of relay.logs) {
    if (line.event !== 'room.reset') continue
    const reason = String(line.reason)
    byReason.set(reason, (byReason.get(reason) ?? 0) + 1)
  }
  return [...byReason].map(([reason, count]) => `${reason} x${count}`).join(', ')
}

/** Relay-wide counts: the canary's and the honest member's messages are in them too. */
const countersLine = (label: string, counters: Record<string, number>): string =>
  `      ${label}: ${COUNTERS.map((name) => `${name} ${counters[name] ?? 0}`).join(', ')}`

// ---- Scenarios ----------------------------------------------------------------------------------------------

interface AttackContext {
  relay: ChildRelay
  room: TestRoom
  honest: Writer
  scope: Scope
}

interface ScenarioResult {
  attack: Phase
  reload: Phase
  reloadMs: number | null
  lines: string[]
}

/** A canary phase: the canary runs from before `during()` starts until it ended. */
const withCanary = async <T>(
  relay: ChildRelay, room: TestRoom, register: boolean, scope: Scope, during: () => Promise<T>,
): Promise<{ phase: Phase; value: T }> => {
  const canary: Canary = await startCanary(relay.wsUrl, room, register, { messages: CANARY_MESSAGES })
  scope.add(() => canary.terminate())
  const started = performance.now()
  const value = await during()
  const latencies = await canary.stop()
  return { phase: { latencies, seconds: (performance.now() - started) / 1000 }, value }
}

/**
 * One attack as the attack tests run it: an honest member writes 10 keys, the attack runs (the honest member
 * writing now and then), 10 more keys; meanwhile a canary in another room. Then the relay is killed and restarted
 * on its data, a new canary starts, and a phone loads the attacked room.
 */
const runAttack = (attack: (context: AttackContext) => Promise<string[]>): Promise<ScenarioResult> =>
  withScope(async (scope) => {
    const relay = await spawnBenchRelay(scope)
    const room = await createTestRoom()
    const canaryRoom = await createTestRoom()
    const honest = await openWriter(relay.wsUrl, room, scope)
    for (let i = 0; i < 10; i++) honest.write(`before${i}`)
    await honest.settle(HONEST_SETTLE_MS)

    const live = await withCanary(relay, canaryRoom, true, scope, async () => {
      const notes = await attack({ relay, room, honest, scope })
      for (let i = 0; i < 10; i++) honest.write(`after${i}`)
      await honest.settle(HONEST_SETTLE_MS)
      return notes
    })
    const attackCounters = (await fetchHealth(relay.url)).counters
    const acked = honest.ackedKeys()
    const written = honest.written()
    const honestClosed = honest.closedByRelay()
    const resets = resetReasons(relay) // read before the restart, which starts a new log
    honest.close() // the relay alone must hold what it acknowledged

    await relay.restart()
    const reloaded = await withCanary(relay, canaryRoom, false, scope, async () => {
      await sleep(200)
      const result = await reloadWithPhone(relay.wsUrl, room, scope)
      await sleep(200)
      return result
    })
    const reloadCounters = (await fetchHealth(relay.url)).counters
    const { ms: reloadMs, keys, errors } = reloaded.value
    const missing = acked.filter((key) => !keys.has(key)).length
    return {
      attack: live.phase,
      reload: reloaded.phase,
      reloadMs,
      lines: [
        phaseLine('attack', live.phase),
        ...live.value.map((note) => `      ${note}`),
        `      honest member of the attacked room: ${acked.length} of ${written} keys acked` +
          (honestClosed === null ? '' : `; its socket was closed by the relay (${honestClosed}) and, unlike a ` +
            'phone, it does not reconnect'),
        countersLine('counters at the end of the attack', attackCounters),
        ...(resets === '' ? [] : [`      room.reset log lines by reason: ${resets}`]),
        phaseLine('restart + reload', reloaded.phase),
        `      attacked room loaded by a phone in ${reloadMs === null ? `no step 2 in ${RELOAD_TIMEOUT_MS} ms` :
          `${ms(reloadMs)} ms`} (socket opened -> sync step 2 applied); acked keys missing ${missing}, ` +
          `phone errors ${errors.length}${errors.length > 0 ? ` (first: ${errors[0]})` : ''}`,
        countersLine('counters of the restarted relay after the reload', reloadCounters),
      ],
    }
  })

/** W: updates of one client id at clocks far ahead of what the room holds, all on one socket (as the test). */
const writingAhead = (count: number, random: () => number) => async (context: AttackContext): Promise<string[]> => {
  const { relay, room, honest, scope } = context
  const spoofed = 1 + Math.floor(random() * (2 ** 32 - 3))
  const updates = aheadUpdates(spoofed, 1_000_000, count)
  const attacker = await openMember(relay.wsUrl, room, scope)
  const started = performance.now()
  for (let i = 0; i < updates.length; i++) {
    attacker.send(updates[i]!)
    if (i % 100 === 0) honest.write(`during${i}`)
  }
  const handled = await attacker.barrier(30_000)
  await sleep(300) // acks follow the group commit
  return [
    `attacker: ${attacker.sent()} updates sent on one socket (client ${spoofed}, clocks 1,000,000 + 2i) in ` +
      `${ms(performance.now() - started)} ms; ${attacker.acked()} acked; barrier ` +
      `${handled ? 'answered' : 'not answered'}; socket ${attacker.isOpen() ? 'still open' : 'closed by the relay'}`,
  ]
}


/**
 * M: mutated but decodable updates from one member, as the test sends them: up to 64 in flight; when the relay
 * closes the socket, the first unacknowledged message is taken as the refused one and skipped, the others are
 * sent again on a spare socket, so the relay gets to handle every one. Bounded by `maxSeconds`.
 */
const mutated = (updates: readonly Uint8Array[], maxSeconds: number) =>
  async (context: AttackContext): Promise<string[]> => {
    const { relay, room, honest, scope } = context
    // Resolves to null rather than rejecting: a spare nobody awaits yet must not be an unhandled rejection.
    const openSpare = (): Promise<Member | null> => openMember(relay.wsUrl, room, scope).catch(() => null)
    const started = performance.now()
    const deadline = Date.now() + maxSeconds * 1000
    let attacker = await openMember(relay.wsUrl, room, scope)
    let spare = openSpare()
    let base = 0 // index of the first update sent on the current socket
    let next = 0 // index of the next update to send
    let highest = 0 // updates handed to the relay at least once
    let reconnects = 0
    let refusedSocket = false
    while (next < updates.length && Date.now() < deadline && reconnects < 20_000) {
      if (!attacker.isOpen()) {
        if (attacker.acked() < attacker.sent()) next = base + attacker.acked() + 1
        const replacement = await spare
        if (!replacement) {
          refusedSocket = true // the relay refuses this member's sockets: the attack ends there
          break
        }
        attacker = replacement
        spare = openSpare()
        base = next
        reconnects++
        continue
      }
      if (attacker.sent() - attacker.acked() < 64) {
        attacker.send(updates[next++]!)
        if (next > highest) {
          highest = next
          if (highest % 100 === 0) honest.write(`during${highest}`)
        }
        continue
      }
      const current = attacker
      const before = current.acked()
      await current.until(() => !current.isOpen() || current.acked() > before, 1_000)
    }
    await attacker.barrier(10_000)
    await spare
    const end = refusedSocket ? ', then a new socket was refused'
      : next < updates.length ? ' (stopped at the bound)' : ''
    return [
      `attacker: ${Math.min(next, updates.length)} of ${updates.length} mutated updates handed to the relay in ` +
        `${ms(performance.now() - started)} ms, ${reconnects} sockets replaced${end}`,
    ]
  }

/** The same canary on a fresh relay with nothing else going on. */
const runBaseline = (seconds: number): Promise<Phase> =>
  withScope(async (scope) => {
    const relay = await spawnBenchRelay(scope)
    const canaryRoom = await createTestRoom()
    const { phase } = await withCanary(relay, canaryRoom, true, scope, () => sleep(seconds * 1000))
    return phase
  })

// ---- Main ---------------------------------------------------------------------------------------------------

interface RunResult {
  phases: Map<string, Phase>
  reloads: Map<string, number | null>
}

const spread = (values: readonly number[], format: (value: number) => string): string => {
  const finite = values.filter((value) => !Number.isNaN(value))
  if (finite.length === 0) return 'n/a'
  const sorted = [...finite].sort((a, b) => a - b)
  return `${format(sorted[0]!)} / ${format(median(sorted))} / ${format(sorted.at(-1)!)}`
}

const main = async (): Promise<void> => {
  const settings = readSettings()
  const [load1] = loadavg()
  console.log(
    `relay attacks: latency (ms) of another room's update -> durable ack [100, N] while one room is attacked by a ` +
      `member; ${settings.repeats} runs (ATTACKS_REPEATS), seed ${settings.seed} ` +
      `(replay: ATTACKS_SEED=${settings.seed})`,
  )
  console.log(
    '  relay: a child process (server/main.ts, LOG_LEVEL=info, fresh /tmp data dir per scenario); canary: a worker ' +
      'thread sending one small update at a time, 10 ms after each ack; loopback; /healthz counters are relay-wide',
  )
  console.log(
    `  W: ${settings.aheadUpdates} updates of one client id at clocks ahead of the room (missing predecessors), on ` +
      `one socket; M: ${settings.mutatedUpdates} mutated decodable updates (1-4 bytes of real updates replaced), ` +
      `64 in flight, sockets the relay closes replaced, at most ${settings.maxAttackSeconds} s. Each: 10 honest ` +
      'keys, attack, 10 honest keys; then SIGKILL, restart on the same data and a phone (y-websocket) loads the ' +
      'attacked room',
  )
  console.log(
    `  baseline: the same canary, no attack, as long as the run's longest attack phase; load average (1 min) at ` +
      `start ${load1?.toFixed(2) ?? 'n/a'}`,
  )
  const runs: RunResult[] = []
  for (let run = 0; run < settings.repeats; run++) {
    const seed = settings.seed + run
    const random = seededRandom(seed)
    console.log(`  run ${run + 1}/${settings.repeats} (seed ${seed})`)
    const phases = new Map<string, Phase>()
    const reloads = new Map<string, number | null>()

    console.log(`   W writing ahead`)
    const ahead = await runAttack(writingAhead(settings.aheadUpdates, random))
    console.log(ahead.lines.join('\n'))
    phases.set('W attack', ahead.attack)
    phases.set('W reload', ahead.reload)
    reloads.set('W', ahead.reloadMs)

    // Generated before the relay starts, so the canary phase holds the attack alone.
    const updates = mutatedDecodableUpdates(attackSourceUpdates(random), settings.mutatedUpdates, random)
    console.log(`   M mutated (${updates.length} decodable updates generated from seed ${seed})`)
    const mutation = await runAttack(mutated(updates, settings.maxAttackSeconds))
    console.log(mutation.lines.join('\n'))
    phases.set('M attack', mutation.attack)
    phases.set('M reload', mutation.reload)
    reloads.set('M', mutation.reloadMs)

    const seconds = Math.min(15, Math.max(2, ahead.attack.seconds, mutation.attack.seconds))
    const baseline = await runBaseline(seconds)
    console.log('   baseline, no attack')
    console.log(phaseLine('canary alone', baseline))
    phases.set('baseline', baseline)
    runs.push({ phases, reloads })
  }

  console.log(`  over ${runs.length} runs, min / median / max of the per-run figures (ms):`)
  for (const label of ['baseline', 'W attack', 'W reload', 'M attack', 'M reload']) {
    const figures = runs.map((run) => figuresOf(run.phases.get(label)?.latencies ?? []))
    console.log(
      `    ${label.padEnd(9)} median ack ${spread(figures.map((f) => f.median), ms).padEnd(22)}` +
        ` max ack ${spread(figures.map((f) => f.max), ms).padEnd(24)}` +
        ` under ${TARGET_MS} ms ${spread(figures.map((f) => f.fast), percent)}`,
    )
  }
  for (const scenario of ['W', 'M']) {
    const times = runs.map((run) => run.reloads.get(scenario) ?? null)
    const failed = times.filter((time) => time === null).length
    console.log(
      `    ${scenario} reload of the attacked room ${spread(times.map((time) => time ?? Number.NaN), ms)} ms` +
        (failed > 0 ? ` (${failed} runs without a step 2 in ${RELOAD_TIMEOUT_MS} ms)` : ''),
    )
  }
}

process.once('SIGINT', () => {
  void Promise.all([...openScopes].map((scope) => scope.close())).finally(() => process.exit(130))
})

main().then(
  () => process.exit(0),
  async (error: unknown) => {
    console.error('attack benchmark failed:', error instanceof Error ? error.message : error)
    // withScope already closed what the failed scenario opened; anything left (a second failure) goes now.
    await Promise.all([...openScopes].map((scope) => scope.close()))
    process.exit(1)
  },
)
