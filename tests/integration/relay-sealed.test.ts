// The relay never holds personal values in clear: two real app sessions fill a collective through the real relay, then its data directory
// (or, in engine mode, the engine's files; before and after compaction) and every frame it received are searched for each name, phone number and note.
import 'fake-indexeddb/auto'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import type { AppServices, CollectiveSession } from '../../src/app/api.ts'
import { createAppServices } from '../../src/app/services.ts'
import { localDate } from '../../src/domain/dates.ts'
import { createFamilyId, type AdultId } from '../../src/domain/ids.ts'
import type { StopInput } from '../../src/domain/line.ts'
import type { WalkRef } from '../../src/domain/signup.ts'
import { base64urlToBytes, bytesToBase64url } from '../../src/lib/base64url.ts'
import * as Y from 'yjs'
import { MAP_FAMILIES } from '../../src/doc/keys.ts'
import { deriveRoomToken, type RoomId } from '../../src/lib/credentials.ts'
import { deriveSealKey, isSealed } from '../../src/lib/seal.ts'
import { writeLegacyRecord } from '../helpers/legacy-records.ts'
import { connectProvider, startRelay, waitFor, type InProcessRelay } from '../helpers/relay.ts'
import { startEngine } from '../helpers/engine.ts'
import { inviteFragmentOf, secretOf as invitationSecretOf } from '../helpers/invitations.ts'

const cleanups: Array<() => Promise<void> | void> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** Every frame the phones sent to the relay (what the relay received) and got from it, and every handshake (URL, subprotocols). */
const wire = { sent: [] as Buffer[], received: [] as Buffer[], handshakes: [] as string[] }

/** `ws` with every outgoing and incoming frame recorded: the phones talk to the relay only through it. */
class RecordingWebSocket extends WebSocket {
  constructor(address: string | URL, protocols?: string | string[]) {
    super(address, protocols)
    wire.handshakes.push(String(address), JSON.stringify(protocols ?? []))
    this.on('message', (data: Buffer) => wire.received.push(Buffer.from(data)))
  }

  override send(data: unknown, ...rest: unknown[]): void {
    wire.sent.push(Buffer.from(data as Uint8Array))
    ;(WebSocket.prototype.send as (...args: unknown[]) => void).call(this, data, ...rest)
  }
}

/** Monday 15 March 2027, 07:00 in Paris: a school day in every zone. */
const NOW = Date.parse('2027-03-15T07:00:00+01:00')
const DATE = localDate('2027-03-15')

let phoneCount = 0
const startPhone = async (relayUrl: string): Promise<AppServices> => {
  const services = await createAppServices({
    origin: 'http://127.0.0.1:1',
    relayUrl,
    namespace: `relay-sealed-${phoneCount++}:`,
    WebSocket: RecordingWebSocket as unknown as typeof globalThis.WebSocket,
    windowEvents: null,
    isBrowserOnline: () => true,
    disableBroadcastChannel: true,
    random: () => 0.5,
    storageManager: {},
    now: () => NOW,
  })
  cleanups.push(() => services.destroy())
  return services
}

const open = async (services: AppServices, id: RoomId): Promise<CollectiveSession> => {
  const session = await services.openCollective(id)
  if (!session) throw new Error('session did not open')
  return session
}

const must = <T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!result.ok) throw new Error(`unexpected error: ${JSON.stringify(result.error)}`)
  return result.value
}

const stop = (name: string): StopInput => ({ name, times: { aller: '08:10', retour: '16:40' }, access: { stepFree: false, dangerousCrossing: false, note: '' } })

const PERSONAL = {
  families: ['Famille Rochefoucault', 'Famille Vasquez-Lebrun'],
  adults: ['Anne-Sophie', 'Bertrand', 'Chiara'],
  phones: ['06 12 34 56 78', '07 98 76 54 32', '+33 6 55 44 33 22'],
  children: ['Léonore', 'Maximilien'],
  support: ['Allergie aux arachides : stylo d’adrénaline dans le sac', 'Tenir la main aux traversées, malentendant'],
  notes: [
    'Rendez-vous chez l’orthophoniste le matin', // absence
    'Maximilien est tombé rue des Acacias, genou écorché', // logbook
    'Clé du local dans la boîte aux lettres des Vasquez', // handover
    'Grève du personnel de cantine', // cancellation
  ],
  guests: ['Apolline'],
}
const ALL_TEXTS = Object.values(PERSONAL).flat()

const filesUnder = async (dir: string): Promise<string[]> => {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name))
}

/** Which of `needles` occur in any of `haystacks` (raw bytes). */
const found = (haystacks: readonly Buffer[], needles: readonly Uint8Array[]): number =>
  needles.filter((needle) => haystacks.some((haystack) => haystack.indexOf(needle) !== -1)).length

const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8')

describe('the relay never sees personal values in clear', () => {
  for (const mode of ['disk', 'engine'] as const) it(`holds no name, phone number or note on ${mode === 'disk' ? 'disk' : 'the engine\'s disk (engine mode)'} (before and after compaction) nor in any frame, nor the secret or the seal key`, async () => {
    const engine = mode === 'engine' ? await startEngine() : null
    if (engine) cleanups.push(() => engine.stop())
    const relay: InProcessRelay = await startRelay({ env: { COMPACT_AFTER_DELETE_MS: '0', ...(engine ? { ENGINE_URL: engine.url } : {}) } })
    cleanups.push(() => relay.stop())
    const a = await startPhone(relay.url)
    const b = await startPhone(relay.url)

    // Phone A creates the collective and enters families, adults with phones, children with support instructions, a cancellation.
    const roomId = must(await a.createCollective({ name: 'Pédibus des Acacias', school: 'École des Acacias', town: 'Pessac', schoolPlace: '33000' }))
    const sessionA = await open(a, roomId)
    cleanups.push(() => sessionA.destroy())
    await waitFor(() => sessionA.status.get().connection === 'online', 'A online')
    const lineId = must(sessionA.addLine({ name: 'Ligne verte', colour: '#2e7d32', directions: ['aller', 'retour'], days: [1, 2, 4, 5] }))
    const stopId = must(sessionA.addStop(lineId, stop('Place du Marché')))
    const route = { lineId, stopId }
    const [first, second] = PERSONAL.families.map((displayName) => must(sessionA.addFamily({ displayName })))
    const anne = must(sessionA.addAdult(first!, { firstName: PERSONAL.adults[0]!, phone: PERSONAL.phones[0]!, charterAcceptedOn: '2026-09-07', insured: true }))
    must(sessionA.addAdult(first!, { firstName: PERSONAL.adults[1]!, phone: PERSONAL.phones[1]!, charterAcceptedOn: '2026-09-07', insured: true }))
    const chiara = must(sessionA.addAdult(second!, { firstName: PERSONAL.adults[2]!, phone: PERSONAL.phones[2]!, charterAcceptedOn: '2026-09-07', insured: false }))
    // Written on A at each family's request, with the agreement of one of its adults (issue 16).
    const child = (firstName: string, initial: string, support: string, consentBy: AdultId) =>
      ({ firstName, initial, routes: { aller: route, retour: route }, days: [1, 2, 4, 5], support, countsExtra: false, consentBy, onRequest: true })
    const leonore = must(sessionA.addChild(first!, child(PERSONAL.children[0]!, 'R', PERSONAL.support[0]!, anne)))
    must(sessionA.addChild(second!, child(PERSONAL.children[1]!, 'V', PERSONAL.support[1]!, chiara)))
    must(sessionA.addException({ date: '2027-03-16', lineId: null, direction: null, reason: 'other', note: PERSONAL.notes[3]! }))
    await sessionA.setMe(first!, anne)

    // Phone B joins from A's invite link and writes the walk log and a handover note.
    const joined = must(await b.joinFromInvite(await inviteFragmentOf(sessionA)))
    const sessionB = await open(b, joined)
    cleanups.push(() => sessionB.destroy())
    await waitFor(() => sessionB.view.get().children.length === 2, 'children on B')
    await sessionB.setMe(second!, chiara)
    const walk: WalkRef = { lineId, date: DATE, direction: 'aller' }
    must(sessionB.declareAbsence({ childId: leonore, from: DATE, to: DATE, direction: null, note: PERSONAL.notes[0]! }))
    must(sessionB.addGuest(walk, { firstName: PERSONAL.guests[0]! }, stopId, chiara))
    must(sessionB.addWalkNote(walk, { text: PERSONAL.notes[1]! }, chiara))
    must(sessionB.addHandoverNote(DATE, second!, { text: PERSONAL.notes[2]! }))

    // Both phones see everything in clear, and the relay has acknowledged every change as stored.
    await waitFor(() => sessionA.view.get().coordination.notes.length === 1 && sessionA.view.get().walkLog.notes.length === 1, 'B\'s notes on A')
    const viewA = sessionA.view.get()
    expect(viewA.toCheck).toEqual([])
    expect(viewA.adults.map((adult) => adult.phone).sort()).toEqual([...PERSONAL.phones].sort())
    expect(viewA.children.map((entry) => entry.support).sort()).toEqual([...PERSONAL.support].sort())
    expect(viewA.walkLog.absences.map((absence) => absence.note)).toEqual([PERSONAL.notes[0]])
    expect(viewA.walkLog.notes.map((note) => note.text)).toEqual([PERSONAL.notes[1]])
    expect(viewA.coordination.notes.map((note) => note.text)).toEqual([PERSONAL.notes[2]])
    expect(viewA.exceptions.map((exception) => exception.note)).toEqual([PERSONAL.notes[3]])
    // A guest's first name is an entry of its own until the walk's day is over (issue 16).
    expect(viewA.walkLog.guestNames?.map((guest) => guest.name)).toEqual(PERSONAL.guests)
    await waitFor(() => [sessionA, sessionB].every((session) => session.status.get().pending === 0), 'durable acks')

    const invite = { roomId: sessionA.id, secret: await invitationSecretOf(sessionA, relay.url) }
    const sealKey = await deriveSealKey(invite.roomId, invite.secret)
    const secretBytes = base64urlToBytes(invite.secret)!
    const secrets = [utf8(invite.secret), secretBytes, sealKey, utf8(bytesToBase64url(sealKey)), utf8(Buffer.from(sealKey).toString('hex'))]
    const personal = ALL_TEXTS.map(utf8)
    // The search can find: the collective's own name (not personal) is in clear in the very same places.
    const control = utf8('Pédibus des Acacias')

    const files = async (): Promise<Buffer[]> =>
      engine ? [await engine.files()] : Promise.all((await filesUnder(relay.dataDir)).map((file) => readFile(file)))
    const stored = await files()
    expect(stored.length).toBeGreaterThan(0)
    expect(found(stored, [control])).toBe(1)
    expect(found(stored, personal)).toBe(0)
    expect(found(stored, secrets)).toBe(0)

    const frames = [...wire.sent, ...wire.received]
    expect(found(wire.sent, [control])).toBe(1)
    expect(found(frames, personal)).toBe(0)
    expect(found(frames, secrets)).toBe(0)
    expect(found(wire.handshakes.map(utf8), [...personal, ...secrets])).toBe(0)

    // The last phone leaves: the relay frees the room and compacts its log; search again.
    const compactionsBefore = relay.relay.health().counters.compactions
    sessionA.destroy()
    sessionB.destroy()
    await waitFor(() => relay.relay.health().counters.compactions > compactionsBefore && relay.relay.health().rooms === 0, 'compaction')
    const compacted = await files()
    expect(found(compacted, [control])).toBe(1)
    expect(found(compacted, personal)).toBe(0)
    expect(found(compacted, secrets)).toBe(0)
  })

  it('a phone that opens the collective seals the values an older app wrote in clear, once it has synced', async () => {
    const relay: InProcessRelay = await startRelay()
    cleanups.push(() => relay.stop())
    const a = await startPhone(relay.url)
    const roomId = must(await a.createCollective({ name: 'Pédibus des Tilleuls', school: 'École des Tilleuls', town: 'Talence', schoolPlace: '33000' }))
    const sessionA = await open(a, roomId)
    cleanups.push(() => sessionA.destroy())
    await waitFor(() => sessionA.status.get().connection === 'online', 'A online')
    const invite = { roomId: sessionA.id, secret: await invitationSecretOf(sessionA, relay.url) }

    // An app from before sealing: the same document, no key bound, the name written in clear.
    const legacyDoc = new Y.Doc()
    const legacy = connectProvider(relay.wsUrl, { roomId, token: await deriveRoomToken(roomId, invite.secret) }, { doc: legacyDoc })
    cleanups.push(() => legacy.destroy())
    await waitFor(() => legacy.synced, 'legacy client synced')
    const familyId = writeLegacyRecord(legacyDoc, MAP_FAMILIES, createFamilyId(), { displayName: 'Famille Anciennevie' })
    const storedName = (): unknown => legacyDoc.getMap<Y.Map<unknown>>(MAP_FAMILIES).get(familyId)?.get('displayName')
    expect(storedName()).toBe('Famille Anciennevie')

    // A, online, reads it as it is; the next phone that opens the collective seals it after its first sync.
    await waitFor(() => sessionA.view.get().families.some((family) => family.displayName === 'Famille Anciennevie'), 'legacy name on A')
    const b = await startPhone(relay.url)
    const sessionB = await open(b, must(await b.joinFromInvite(await inviteFragmentOf(sessionA))))
    cleanups.push(() => sessionB.destroy())
    await waitFor(() => isSealed(storedName()), 'name sealed by B and relayed')
    expect(sessionB.view.get().families.map((family) => family.displayName)).toEqual(['Famille Anciennevie'])
    await waitFor(() => sessionA.view.get().families.length === 1 && sessionA.view.get().toCheck.length === 0, 'A reads the sealed name')
    expect(sessionA.view.get().families[0]?.displayName).toBe('Famille Anciennevie')
  })
})
