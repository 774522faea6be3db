// Randomized engine mode (issue 19): phones of one room write, overwrite and delete keys through two relays over one
// engine, go offline, come back on either relay, while relays restart and compact the room often (tiny
// COMPACT_LOG_BYTES, erasure compactions at once) and a writer records what each relay acknowledged. In the end every
// phone holds the same map, a relay with no memory loads exactly that map, and every acknowledged key is in it.
// ENGINE_SEED=n replays one seed, ENGINE_SEEDS=from-to runs many; the seed is printed on failure.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { SYNC_UPDATE } from '../../src/lib/relay-protocol.ts'
import { startEngine, type TestEngine } from '../helpers/engine.ts'
import {
  createTestRoom, docFromFrames, frameKinds, lastAck, openRawClient, openReader, relayProtocols, startRelay, syncFrame,
  waitFor, writeKeysRaw, type InProcessRelay, type TestRoom,
} from '../helpers/relay.ts'
import { seededRandom, seedFromEnv } from '../helpers/seeded-random.ts'

/** ENGINE_SEED=n replays one seed, ENGINE_SEEDS=from-to runs a range; two seeds by default. */
const seedRange = (text: string | undefined): number[] | null => {
  const match = /^(\d+)-(\d+)$/.exec(text ?? '')
  if (!match) return null
  const [from, to] = [Number(match[1]), Number(match[2])]
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i)
}
const SEEDS = seedRange(process.env.ENGINE_SEEDS) ??
  (process.env.ENGINE_SEED === undefined ? [19001, 19002] : [seedFromEnv('ENGINE_SEED', 19001)])
const STEPS = 120
const PHONES = 4
const KEYS = ['a', 'b', 'c', 'd', 'e', 'f']

let engine: TestEngine
beforeAll(async () => {
  engine = await startEngine()
})
afterAll(async () => engine.stop())
const cleanups: Array<() => Promise<void> | void> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

const RELAY_ENV = { COMPACT_LOG_BYTES: '1024', COMPACT_AFTER_DELETE_MS: '0', ENGINE_AOF_REWRITE_MS: '0' }

interface Phone {
  readonly doc: Y.Doc
  provider: WebsocketProvider | null
}

const contentOf = (doc: Y.Doc): string => JSON.stringify(Object.entries(doc.getMap('m').toJSON()).sort())

const run = async (seed: number): Promise<void> => {
  const random = seededRandom(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
  const env = { ...RELAY_ENV, ENGINE_URL: engine.url, ENGINE_PREFIX: `r${seed}:` }
  const relays: InProcessRelay[] = [await startRelay({ env }), await startRelay({ env })]
  cleanups.push(() => Promise.all(relays.map((relay) => relay.stop())).then(() => undefined))
  const room: TestRoom = await createTestRoom()
  await writeKeysRaw(relays[0]!.wsUrl, room, ['start'], true)

  const connect = (phone: Phone): void => {
    phone.provider = new WebsocketProvider(pick(relays).wsUrl, room.roomId, phone.doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      protocols: relayProtocols(room.token),
      disableBc: true,
      maxBackoffTime: 100,
    })
  }
  const phones: Phone[] = Array.from({ length: PHONES }, () => ({ doc: new Y.Doc(), provider: null }))
  phones.forEach(connect)
  cleanups.push(() => phones.forEach((phone) => phone.provider?.destroy()))

  const acked: string[] = []
  for (let step = 0; step < STEPS; step++) {
    const roll = random()
    const phone = pick(phones)
    if (roll < 0.45) phone.doc.getMap('m').set(pick(KEYS), `${step}-${Math.floor(random() * 1e6)}`)
    else if (roll < 0.6) phone.doc.getMap('m').delete(pick(KEYS))
    else if (roll < 0.72) {
      phone.provider?.destroy() // offline for a while, or back on either relay
      phone.provider = null
      if (random() < 0.5) connect(phone)
    } else if (roll < 0.8 && !phone.provider) connect(phone)
    else if (roll < 0.86) {
      // A writer on a relay: what it acknowledges must be in the room whatever happens next.
      const key = `acked-${step}`
      const writer = await openRawClient(pick(relays).wsUrl, room.roomId, relayProtocols(room.token, { ack: true }))
      const doc = new Y.Doc()
      doc.on('update', (update: Uint8Array) => writer.ws.send(syncFrame(SYNC_UPDATE, update)))
      doc.getMap('m').set(key, key)
      await waitFor(() => lastAck(writer.received) === 1, 'an acknowledged write').catch(() => undefined)
      if (lastAck(writer.received) === 1) acked.push(key)
      writer.ws.close()
    } else if (roll < 0.9) {
      // A relay restarts (its phones reconnect to the relay the provider knew: a new one takes its place in the list).
      const index = Math.floor(random() * relays.length)
      await relays[index]!.stop()
      relays[index] = await startRelay({ env })
      for (const other of phones) {
        if (other.provider && !relays.some((relay) => other.provider!.url.startsWith(relay.wsUrl))) {
          other.provider.destroy()
          connect(other)
        }
      }
    }
    if (random() < 0.3) await new Promise((done) => setTimeout(done, Math.floor(random() * 20)))
  }

  for (const phone of phones) if (!phone.provider) connect(phone)
  const converged = (): boolean => phones.every((phone) => phone.provider?.synced) &&
    new Set(phones.map((phone) => contentOf(phone.doc))).size === 1
  await waitFor(converged, `phones converged (seed ${seed})`, 20_000)
  const cold = await startRelay({ env })
  cleanups.push(() => cold.stop())
  const reader = await openReader(cold.wsUrl, room)
  await waitFor(() => frameKinds(reader.received).includes('sync1'), 'cold read')
  const stored = docFromFrames(reader.received)
  reader.ws.close()
  expect(contentOf(stored), `seed ${seed}`).toBe(contentOf(phones[0]!.doc))
  const keys = Object.keys(stored.getMap('m').toJSON())
  expect(acked.filter((key) => !keys.includes(key)), `seed ${seed}`).toEqual([])
}

describe('engine mode, randomized: phones, relays restarting, compactions', () => {
  for (const seed of SEEDS) {
    it(`converges and keeps every acknowledged write (seed ${seed})`, async () => {
      try {
        await run(seed)
      } catch (error) {
        console.error(`relay-engine-random failed with ENGINE_SEED=${seed}`)
        throw error
      }
    })
  }
})
