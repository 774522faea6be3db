// The phone's sync layer against the real relay when what it sends is large or someone writes in its name:
// - a 3 MiB offline diff (over the relay's 2 MiB MAX_PAYLOAD) reaches the relay in parts, no reconnect loop;
// - a member forging a write at an offline phone's client id and next clock does not make that phone's own write
//   vanish (client ids rotate when a connection closes; a forged write under an id in use is a conflict, and the
//   phone rebuilds its copy from the relay's with its change written again);
// - a member deleting clocks nobody wrote yet does not hide the next write;
// - a change made while the rebuilt copy is being stored is kept.
import 'fake-indexeddb/auto'
import * as decoding from 'lib0/decoding'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import type { AppServices } from '../../src/app/api.ts'
import { createAppServices } from '../../src/app/services.ts'
import { parseUpdateShape } from '../../src/crdt/update-shape.ts'
import { deriveRoomToken } from '../../src/lib/credentials.ts'
import { MESSAGE_SYNC, SYNC_UPDATE } from '../../src/lib/relay-protocol.ts'
import type { WebSocketClass } from '../../src/sync/counting-socket.ts'
import { createRelayConnection, type RelayConnection } from '../../src/sync/relay-connection.ts'
import type { StoredChange } from '../../src/sync/outbox.ts'
import {
  connectProvider, createTestRoom, openRawClient, relayProtocols, startRelay, syncFrame, waitFor,
  type InProcessRelay, type TestRoom,
} from '../helpers/relay.ts'
import { seedFromEnv, seededRandom } from '../helpers/seeded-random.ts'
import { inviteFragmentOf, secretOf as invitationSecretOf } from '../helpers/invitations.ts'

const SEED = seedFromEnv('INTEGRITY_SEED', 1207)
const cleanups: Array<() => Promise<void> | void> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

const started = async (env: Record<string, string> = {}): Promise<InProcessRelay> => {
  const relay = await startRelay({ env })
  cleanups.push(() => relay.stop())
  return relay
}

/** Frames a phone sends and the close codes of its sockets. */
interface Wire {
  frames: number[]
  closes: number[]
}

const recordingWebSocket = (wire: Wire): WebSocketClass =>
  class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols)
      this.on('error', () => undefined)
      this.on('close', (code: number) => wire.closes.push(code))
    }

    override send(data: unknown, ...rest: unknown[]): void {
      if (data instanceof Uint8Array) wire.frames.push(data.byteLength)
      ;(super.send as (...args: unknown[]) => void)(data, ...rest)
    }
  } as unknown as WebSocketClass

const memoryOutbox = () => {
  const rows = new Map<number, Uint8Array | null>()
  return {
    rows,
    load: async (): Promise<StoredChange[]> => [...rows].map(([seq, update]) => ({ seq, update })),
    add: async (seq: number, update: Uint8Array | null) => void rows.set(seq, update),
    remove: async (seqs: readonly number[]) => seqs.forEach((seq) => rows.delete(seq)),
  }
}

/** The app's sync layer on a bare Y.Doc, with `online`/`offline` under the test's control. */
const phone = (relay: InProcessRelay, room: TestRoom, doc = new Y.Doc()) => {
  const events = new EventTarget()
  const wire: Wire = { frames: [], closes: [] }
  const connection = createRelayConnection({
    doc, relayUrl: relay.url, roomId: room.roomId, token: room.token, outbox: memoryOutbox(),
    WebSocket: recordingWebSocket(wire), windowEvents: events, isBrowserOnline: () => true,
    random: seededRandom(SEED),
  })
  cleanups.push(() => connection.destroy())
  return { doc, connection, events, wire }
}

/** A fresh stock client's copy of the room (what a phone joining now would get). */
const freshCopy = async (relay: InProcessRelay, room: TestRoom): Promise<Y.Doc> => {
  const doc = new Y.Doc()
  const provider = connectProvider(relay.wsUrl, room, { doc })
  cleanups.push(() => provider.destroy())
  await waitFor(() => provider.synced, 'fresh client synced')
  return doc
}

const online = (connection: RelayConnection): boolean => connection.status.get().connection === 'online'

/** What a member with the room's token can send by hand: `update` on its own socket. */
const sendAsMember = async (relay: InProcessRelay, room: TestRoom, update: Uint8Array): Promise<void> => {
  const member = await openRawClient(relay.wsUrl, room.roomId, relayProtocols(room.token))
  cleanups.push(() => member.ws.terminate())
  member.ws.send(syncFrame(SYNC_UPDATE, update))
  // The relay answers a step 1 after it processed the update (messages of a socket are handled in order).
  member.ws.send(Uint8Array.from([MESSAGE_SYNC, 0, 1, 0]))
  await waitFor(() => member.received.length >= 2 || member.ws.readyState !== member.ws.OPEN, 'member update processed')
}

/** An update writing `key` = `value` under `client` at `clock`, as if that client wrote it (a forgery). */
const forgedWrite = (client: number, clock: number, key: string, value: string, relayState: Y.Doc): Uint8Array => {
  const forger = new Y.Doc()
  Y.applyUpdate(forger, Y.encodeStateAsUpdate(relayState))
  forger.clientID = client
  // Align the forger's clock for `client` with `clock`: its own structs under that id start where the room's end.
  expect(Y.getState(forger.store, client)).toBe(clock)
  const before = Y.encodeStateVector(forger)
  forger.getMap('signups').set(key, value)
  return Y.encodeStateAsUpdate(forger, before)
}

describe('the phone and the relay: large diffs, forged writes, ghost deletions', () => {
  it('sends a 3 MiB offline diff in parts under the 2 MiB limit: stored, acknowledged, no reconnect loop', async () => {
    const relay = await started()
    const room = await createTestRoom()
    const a = phone(relay, room)
    await waitFor(() => online(a.connection), 'A online')
    a.events.dispatchEvent(new Event('offline'))
    const random = seededRandom(SEED)
    // Incompressible values (sealed fields look like this): 3 MiB in 300 changes.
    for (let i = 0; i < 300; i++) {
      const value = Array.from({ length: 10_500 }, () => 'abcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(random() * 36)]).join('')
      a.doc.getMap('notes').set(`n${i}`, value)
    }
    const diff = Y.encodeStateAsUpdate(a.doc).byteLength
    expect(diff).toBeGreaterThan(3 * 1024 * 1024)
    const framesBefore = a.wire.frames.length
    a.events.dispatchEvent(new Event('online'))
    await waitFor(() => online(a.connection) && a.connection.status.get().pending === 0, 'A drained', 30_000)
    const frames = a.wire.frames.slice(framesBefore)
    console.info(JSON.stringify({ test: '3 MiB offline diff', seed: SEED, diffBytes: diff, frames: frames.length, largest: Math.max(...frames) }))
    expect(Math.max(...frames)).toBeLessThan(2 * 1024 * 1024)
    expect(a.wire.closes).toHaveLength(1) // only the offline switch closed a socket: no 1009, no retry loop
    expect(relay.relay.metrics.counters.oversizeMessages).toBe(0)
    expect(relay.relay.metrics.counters.updatesHeld).toBe(0) // each part integrated as it came
    const copy = await freshCopy(relay, room)
    expect(copy.getMap('notes').size).toBe(300)
    expect(copy.getMap('notes').toJSON()).toEqual(a.doc.getMap('notes').toJSON())
  })

  it("keeps an offline phone's write when a member forges one at its last client id and next clock", async () => {
    const relay = await started()
    const room = await createTestRoom()
    const victim = phone(relay, room)
    await waitFor(() => online(victim.connection), 'victim online')
    victim.doc.getMap('signups').set('lun|aller|lead', 'victim')
    await waitFor(() => victim.connection.status.get().pending === 0, 'victim acked')
    const seenId = victim.doc.clientID
    const seenClock = Y.getState(victim.doc.store, seenId)
    victim.events.dispatchEvent(new Event('offline'))
    // What any member saw of the victim: its client id and clock. The forger writes there first.
    await sendAsMember(relay, room, forgedWrite(seenId, seenClock, 'mar|aller|lead', 'forger', await freshCopy(relay, room)))
    victim.doc.getMap('signups').set('mer|aller|lead', 'victim') // offline
    victim.events.dispatchEvent(new Event('online'))
    await waitFor(() => online(victim.connection) && victim.connection.status.get().pending === 0, 'victim acked again')
    const copy = await freshCopy(relay, room)
    expect(copy.getMap('signups').get('mer|aller|lead')).toBe('victim')
    expect(copy.getMap('signups').get('lun|aller|lead')).toBe('victim')
  })

  it.each([
    ['as it is', false],
    ['after an erasure made the phone forget its waiting changes\' bytes', true],
  ])("keeps a phone's write when a member forges one at the very id and clock it was sent under (lost on the way), %s", async (_label, erase) => {
    const relay = await started()
    const link = lossyLink()
    const victim = await appPhone(relay, 'victim', link.WebSocket)
    const created = await victim.createCollective({ name: 'Pédibus des Pins', school: 'École des Pins', town: 'Mérignac', schoolPlace: '33000' })
    if (!created.ok) throw new Error('create failed')
    const session = (await victim.openCollective(created.value))!
    const leaving = erase ? session.addFamily({ displayName: 'Famille Partie' }) : null
    await waitFor(() => session.status.get().connection === 'online' && session.status.get().pending === 0, 'victim acked')
    // The room's token, asked before the race below (an invitation round trip would change its timing).
    const room = { roomId: created.value, token: await deriveRoomToken(created.value, await invitationSecretOf(session, relay.url)) } as TestRoom

    // The victim's change leaves, and is lost with the connection (a train going into a tunnel).
    link.dropping = true
    const familyId = session.addFamily({ displayName: 'Famille Tunnel' })
    if (!familyId.ok) throw new Error('addFamily failed')
    await waitFor(() => link.dropped.length > 0, 'change sent and lost')
    link.cutAll()
    // A removal on this phone (erasure): its waiting changes' bytes leave its storage; the rebuild must find the
    // lost change anyway (from the clock the relay says conflicts).
    if (leaving?.ok) session.removeFamily(leaving.value)
    // A member who saw the lost message's id and clock (white box) writes other content there first.
    const lost = parseUpdateShape(link.dropped[0]!).blocks[0]!
    await sendAsMember(relay, room, forgedWrite(lost.client, lost.clock, 'forged', 'by a member', await freshCopy(relay, room)))
    link.dropping = false

    // The victim reconnects, re-sends its waiting change, is told it conflicts, rebuilds, and sends it again.
    await waitFor(() => session.status.get().connection === 'online' && session.status.get().pending === 0, 'victim acked again', 30_000)
      .catch((error: unknown) => {
        console.error(JSON.stringify({ status: session.status.get(), counters: relay.relay.metrics.counters, logs: relay.logs.filter((line) => line.level !== 'debug').slice(-10) }))
        throw error
      })
    expect(session.status.get().diverged).toBe(false)
    expect(session.view.get().families.map((family) => family.displayName)).toEqual(['Famille Tunnel'])
    expect(relay.relay.metrics.counters.updatesConflicting).toBeGreaterThan(0)
    // Another phone joining now sees the victim's family (and the forged entry, which any member could write).
    const other = await appPhone(relay, 'other', WebSocket as unknown as typeof globalThis.WebSocket)
    const joined = await other.joinFromInvite(await inviteFragmentOf(session))
    if (!joined.ok) throw new Error('join failed')
    const otherSession = (await other.openCollective(created.value))!
    await waitFor(() => otherSession.view.get().families.length === 1, 'other phone sees the family', 20_000)
    expect(otherSession.view.get().families[0]!.displayName).toBe('Famille Tunnel')
    expect((await freshCopy(relay, room)).getMap('signups').get('forged')).toBe('by a member')
  }, 60_000)

  it('keeps a change made while the rebuilt copy is being stored', async () => {
    const relay = await started()
    const link = lossyLink()
    const victim = await appPhone(relay, 'victim', link.WebSocket)
    const created = await victim.createCollective({ name: 'Pédibus des Pins', school: 'École des Pins', town: 'Mérignac', schoolPlace: '33000' })
    if (!created.ok) throw new Error('create failed')
    const session = (await victim.openCollective(created.value))!
    await waitFor(() => session.status.get().connection === 'online' && session.status.get().pending === 0, 'victim acked')
    // The room's token, asked before the race below (an invitation round trip would change its timing).
    const room = { roomId: created.value, token: await deriveRoomToken(created.value, await invitationSecretOf(session, relay.url)) } as TestRoom

    // The user adds a family at the moment the rebuilt copy is written to IndexedDB (replaceStoredDocument). Set before
    // the forged write goes out: on a busy machine the phone rebuilt before the next lines ran, and nothing was added.
    const factory = globalThis.indexedDB as unknown as { open: (...args: unknown[]) => unknown }
    const originalOpen = factory.open
    let during: unknown = null
    factory.open = function (this: unknown, ...args: unknown[]) {
      if (during === null && session.status.get().diverged && String(args[0]).includes(created.value)) {
        during = session.addFamily({ displayName: 'Famille Pendant' })
      }
      return originalOpen.apply(this, args)
    }
    cleanups.push(() => { factory.open = originalOpen })

    link.dropping = true
    const familyId = session.addFamily({ displayName: 'Famille Tunnel' })
    if (!familyId.ok) throw new Error('addFamily failed')
    await waitFor(() => link.dropped.length > 0, 'change sent and lost')
    link.cutAll()
    const lost = parseUpdateShape(link.dropped[0]!).blocks[0]!
    await sendAsMember(relay, room, forgedWrite(lost.client, lost.clock, 'forged', 'by a member', await freshCopy(relay, room)))
    link.dropping = false

    await waitFor(() => during !== null && !session.status.get().diverged && session.status.get().connection === 'online' &&
      session.status.get().pending === 0, 'rebuilt and acked', 30_000)
    expect((during as { ok: boolean }).ok).toBe(true) // the command said it worked
    await new Promise((resolve) => setTimeout(resolve, 500))
    const names = session.view.get().families.map((family) => family.displayName).sort()
    const relayFamilies = (await freshCopy(relay, room)).getMap('families').size
    expect({ names, relayFamilies }).toEqual({ names: ['Famille Pendant', 'Famille Tunnel'], relayFamilies: 2 })
  }, 60_000)

  it('a deletion of clocks nobody wrote yet never hides the next write', async () => {
    const relay = await started()
    const room = await createTestRoom()
    const victim = phone(relay, room)
    await waitFor(() => online(victim.connection), 'victim online')
    victim.doc.getMap('m').set('first', 1)
    await waitFor(() => victim.connection.status.get().pending === 0, 'first acked')
    const client = victim.doc.clientID
    const clock = Y.getState(victim.doc.store, client)
    // [0 structs][1 client][client][1 range][clock][100]: the victim's next 100 clocks, deleted in advance.
    const ghost = Uint8Array.from([0, 1, ...varUint(client), 1, ...varUint(clock), 100])
    const member = await openRawClient(relay.wsUrl, room.roomId, relayProtocols(room.token, { ack: true }))
    cleanups.push(() => member.ws.terminate())
    member.ws.send(syncFrame(SYNC_UPDATE, ghost))
    const closed = await member.closed
    expect(closed.code).toBe(1008) // held while it waited, then refused: never stored, never acknowledged
    expect(member.received.some((frame) => frame[0] === 100)).toBe(false)
    victim.doc.getMap('m').set('second', 2)
    await waitFor(() => victim.connection.status.get().pending === 0, 'second acked')
    expect((await freshCopy(relay, room)).getMap('m').toJSON()).toEqual({ first: 1, second: 2 })
  }, 30_000)
})

/** A phone of the app (services over fake-indexeddb), meeting others only through the relay. */
const appPhone = async (relay: InProcessRelay, name: string, socket: typeof globalThis.WebSocket): Promise<AppServices> => {
  const services = await createAppServices({
    origin: 'http://127.0.0.1:1', relayUrl: relay.url, namespace: `integrity-${name}-${SEED}-${Date.now()}:`,
    WebSocket: socket, windowEvents: new EventTarget(), isBrowserOnline: () => true, disableBroadcastChannel: true,
    random: seededRandom(SEED), storageManager: {},
  })
  cleanups.push(() => services.destroy())
  return services
}

/** A link that can lose the update messages a phone sends, and be cut. */
const lossyLink = () => {
  const sockets: WebSocket[] = []
  const link = {
    dropping: false,
    dropped: [] as Uint8Array[],
    cutAll: () => sockets.forEach((socket) => socket.terminate()),
    WebSocket: class extends WebSocket {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols)
        this.on('error', () => undefined)
        sockets.push(this)
      }

      override send(data: unknown, ...rest: unknown[]): void {
        if (link.dropping && data instanceof Uint8Array && data[0] === MESSAGE_SYNC && data[1] === SYNC_UPDATE) {
          link.dropped.push(decoding.readVarUint8Array(decoding.createDecoder(data.subarray(2))))
          return
        }
        ;(super.send as (...args: unknown[]) => void)(data, ...rest)
      }
    } as unknown as typeof globalThis.WebSocket,
  }
  return link
}

/** The invite secret in a link's fragment (the test plays a member who has the link). */

function varUint(value: number): number[] {
  const bytes: number[] = []
  for (let rest = value; ; rest = Math.floor(rest / 128)) {
    if (rest < 128) return [...bytes, rest]
    bytes.push((rest % 128) | 0x80)
  }
}
