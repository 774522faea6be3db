// A new school year through a real session over fake-indexeddb: archive first, then past records and leaving children go, the rest stays, the archive restores everything, the phone's stored bytes lose the past note; an offline phone's rewrite of a past record is deleted again.
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { afterEach, describe, expect, it } from 'vitest'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import type { AppServices, CollectiveSession } from '../../../src/app/api.ts'
import { parisToInstant } from '../../../src/domain/calendar/paris-time.ts'
import { localDate, type TimeOfDay } from '../../../src/domain/dates.ts'
import type { WalkRef } from '../../../src/domain/signup.ts'
import { archiveExportJson } from '../../../src/domain/year/index.ts'
import { MESSAGE_SYNC } from '../../../src/lib/relay-protocol.ts'
import { docDatabaseName } from '../../../src/storage/doc-persistence.ts'
import { needlesFound } from '../../helpers/byte-search.ts'
import { waitFor } from '../../helpers/relay.ts'
import { FakeSocket } from '../sync/fake-socket.ts'
import { useSessionPhones, valueOf } from './session-phones.ts'
import { legacyFragment, storedSecretOf } from '../../helpers/invitations.ts'

/** Monday 15 March 2027, 08:12 in Paris. The "new year" of these tests starts on Tuesday 16 March. */
const NOW = parisToInstant(localDate('2027-03-15'), '08:12' as TimeOfDay)
const BEFORE = localDate('2027-03-16')
const phones = useSessionPhones('unit-new-year', () => NOW)
const PAST_NOTE = 'Zéphyrine a couru devant la boulangerie'

const open = async (services: AppServices, id: Parameters<AppServices['openCollective']>[0]): Promise<CollectiveSession> => {
  const session = await services.openCollective(id)
  if (!session) throw new Error('no session')
  return phones.track(session)
}

const request = <T>(req: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error ?? new Error('request failed'))
  })

/** Every stored update of a document database (y-indexeddb's `updates` store). */
const storedUpdates = async (name: string): Promise<Uint8Array[]> => {
  const db = await request(indexedDB.open(name))
  try {
    const values: unknown[] = await request(db.transaction('updates', 'readonly').objectStore('updates').getAll())
    return values.filter((value): value is Uint8Array => value instanceof Uint8Array)
  } finally {
    db.close()
  }
}

/** Two families, three children, today's walk done with marks, a note and sign-ups, tomorrow's walk signed up, an absence each side. */
const fill = async (session: CollectiveSession, withPastException: boolean) => {
  valueOf(session.updateSettings({ childrenPerAdult: 4 }))
  const lineId = valueOf(session.addLine({ name: 'Ligne des Pins', colour: '#2e7d32', directions: ['aller'], days: [1, 2, 4, 5] }))
  const access = { stepFree: false, dangerousCrossing: false, note: '' }
  const stop = valueOf(session.addStop(lineId, { name: 'Marché', times: { aller: '08:05' }, access }))
  const martin = valueOf(session.addFamily({ displayName: 'Martin' }))
  const durand = valueOf(session.addFamily({ displayName: 'Durand' }))
  const camille = valueOf(session.addAdult(martin, { firstName: 'Camille', phone: '06 12 34 56 78', charterAcceptedOn: null, insured: true }))
  const sami = valueOf(session.addAdult(durand, { firstName: 'Sami', phone: '07 00 00 00 01', charterAcceptedOn: null, insured: true }))
  await session.setMe(martin, camille)
  const route = { aller: { lineId, stopId: stop } }
  const child = (familyId: typeof martin, firstName: string) =>
    valueOf(session.addChild(familyId, { firstName, initial: 'M', routes: route, days: [1, 2, 4, 5], support: '', countsExtra: false }))
  const lea = child(martin, 'Léa')
  const zephyrine = child(martin, 'Zéphyrine')
  const noe = child(durand, 'Noé')
  const today: WalkRef = { lineId, date: localDate('2027-03-15'), direction: 'aller' }
  const tomorrow: WalkRef = { lineId, date: BEFORE, direction: 'aller' }
  valueOf(session.signUp(today, 'lead', camille))
  valueOf(session.signUp(today, 'tail', sami))
  valueOf(session.signUp(tomorrow, 'lead', sami))
  if (withPastException) valueOf(session.addException({ date: localDate('2027-03-11'), lineId: null, direction: null, reason: 'strike', note: 'grève' }))
  valueOf(session.declareAbsence({ childId: lea, from: localDate('2027-03-12'), to: localDate('2027-03-12'), direction: null, note: 'dentiste' }))
  valueOf(session.declareAbsence({ childId: noe, from: localDate('2027-03-18'), to: localDate('2027-03-18'), direction: null, note: 'sortie' }))
  valueOf(session.markChild(today, zephyrine, 'present', stop, camille))
  valueOf(session.markDeparture(today, stop, camille))
  valueOf(session.markArrival(today, camille))
  valueOf(session.addWalkNote(today, { text: PAST_NOTE }, camille))
  valueOf(session.addWalkNote(tomorrow, { text: 'Prévoir les gilets' }, camille))
  return { lineId, martin, durand, lea, zephyrine, noe }
}

describe('startNewSchoolYear', () => {
  it('keeps lines, families and settings, deletes every record before the date and the leaving children; the archive restores everything', async () => {
    const phone = await phones.start()
    const session = await open(phone, valueOf(await phone.createCollective({ name: 'Pédibus des Pins', school: 'École des Pins', town: 'Mérignac', schoolPlace: '33000' })))
    const { zephyrine, lea, noe } = await fill(session, true)
    const before = session.view.get()
    expect(before.toCheck).toEqual([])
    const archive = archiveExportJson(before, NOW, '2026-2027')

    const summary = valueOf(session.startNewSchoolYear({ before: BEFORE, removeChildIds: [zephyrine] }))
    expect(summary).toEqual({
      removed: { signUps: 2, swaps: 0, absences: 1, walkLog: 3, walkNotes: 1, exceptions: 1, exemptions: 0, coordination: 0, children: 1 },
      kept: { lines: 1, stops: 1, families: 2, adults: 2, children: 2 },
    })
    const after = session.view.get()
    expect(after.toCheck).toEqual([])
    expect(after.settings).toEqual(before.settings)
    expect(after.profile).toEqual(before.profile)
    for (const kind of ['lines', 'stops', 'families', 'adults', 'holidays', 'holidayOverrides'] as const) expect(after[kind], kind).toEqual(before[kind])
    expect(after.coordination.roster).toEqual(before.coordination.roster)
    expect(after.children.map((child) => child.id).sort()).toEqual([lea, noe].sort())
    const dates = [
      ...after.signUps.map((signUp) => signUp.date), ...after.exceptions.map((exception) => exception.date),
      ...after.walkLog.absences.map((absence) => absence.to), ...after.walkLog.checkIns.map((mark) => mark.walk.date),
      ...after.walkLog.events.map((event) => event.walk.date), ...after.walkLog.notes.map((note) => note.walk.date),
    ]
    expect(dates.length).toBe(3) // tomorrow's sign-up and note, Noé's absence
    for (const date of dates) expect(date >= BEFORE).toBe(true)
    expect(after.walkLog.notes.map((note) => note.text)).toEqual(['Prévoir les gilets'])
    // Again: nothing left to delete.
    expect(valueOf(session.startNewSchoolYear({ before: BEFORE, removeChildIds: [zephyrine] })).removed).toEqual(
      { signUps: 0, swaps: 0, absences: 0, walkLog: 0, walkNotes: 0, exceptions: 0, exemptions: 0, coordination: 0, children: 0 })

    // The archive, restored as a separate collective, holds the whole year.
    const other = await phones.start()
    const restored = await open(other, valueOf(await other.restoreCollective(archive)))
    await waitFor(() => restored.view.get().profile !== null, 'restored collective loaded')
    expect(JSON.parse(JSON.stringify(restored.view.get()))).toEqual(JSON.parse(JSON.stringify(before)))
  })

  it('refuses a request that is not a date, deleting nothing', async () => {
    const phone = await phones.start()
    const session = await open(phone, valueOf(await phone.createCollective({ name: 'Pédibus des Pins', school: 'École des Pins', town: 'Mérignac', schoolPlace: '33000' })))
    await fill(session, false)
    const before = JSON.stringify(session.view.get())
    expect(session.startNewSchoolYear({ before: '2027-13-45' as typeof BEFORE, removeChildIds: [] })).toEqual({ ok: false, error: 'invalidRequest' })
    expect(JSON.stringify(session.view.get())).toBe(before)
  })

  it('compacts the phone’s stored document: a past logbook note’s sealed value leaves IndexedDB (flat deletions only)', async () => {
    const namespace = 'unit-new-year-bytes:'
    const phone = await phones.start(namespace)
    const id = valueOf(await phone.createCollective({ name: 'Pédibus des Pins', school: 'École des Pins', town: 'Mérignac', schoolPlace: '33000' }))
    const session = await open(phone, id)
    await fill(session, false)
    await waitFor(() => session.status.get().local === 'saved', 'saved on the phone')
    const databaseName = docDatabaseName(namespace, id)
    // The note as stored (sealed): found in the phone's bytes before.
    const stored = new Y.Doc()
    for (const update of await storedUpdates(databaseName)) Y.applyUpdate(stored, update)
    const sealedOn = (date: string): string[] => [...stored.getMap('walkNotes').values()].flatMap((value) => {
      if (typeof value !== 'object' || value === null || !('text' in value) || !('walk' in value)) return []
      const { text, walk } = value
      return typeof text === 'string' && typeof walk === 'object' && walk !== null && 'date' in walk && walk.date === date ? [text] : []
    })
    const past = sealedOn('2027-03-15')
    const kept = sealedOn(BEFORE)
    expect(past).toHaveLength(1)
    expect(kept).toHaveLength(1)
    expect(past[0]?.startsWith('s1.')).toBe(true) // sealed, not the note in clear
    expect(needlesFound(await storedUpdates(databaseName), [...past, PAST_NOTE])).toEqual(past)

    // No child removed and no cancellation: the transaction deletes flat entries only, and still compacts.
    valueOf(session.startNewSchoolYear({ before: BEFORE, removeChildIds: [] }))
    await waitFor(async () => (await storedUpdates(databaseName)).length === 1, 'stored document compacted')
    expect(needlesFound(await storedUpdates(databaseName), [...past, ...kept])).toEqual(kept)
    expect(session.view.get().walkLog.notes.map((note) => note.text)).toEqual(['Prévoir les gilets'])
  })
})

/** A relay played in memory over the phones' fake sockets: stores every update, forwards it to the other phones, acks. */
const createBridge = () => {
  const relayDoc = new Y.Doc()
  const links: { socket: FakeSocket; read: number; paused: boolean }[] = []
  const frame = (write: (encoder: encoding.Encoder) => void): Uint8Array => {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_SYNC)
    write(encoder)
    return encoding.toUint8Array(encoder)
  }
  relayDoc.on('update', (update: Uint8Array, origin: unknown) => {
    for (const link of links) {
      if (link !== origin && !link.paused) link.socket.receive(frame((encoder) => syncProtocol.writeUpdate(encoder, update)))
    }
  })
  const pump = (): void => {
    for (const link of links) {
      if (link.paused || link.socket.readyState !== link.socket.OPEN) continue
      for (const bytes of link.socket.sent.slice(link.read)) {
        const decoder = decoding.createDecoder(bytes)
        if (decoding.readVarUint(decoder) === MESSAGE_SYNC) syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), relayDoc, link)
      }
      link.read = link.socket.sent.length
      link.socket.ack(link.socket.countedSent())
    }
  }
  const timer = setInterval(pump, 2)
  return {
    connect(socket: FakeSocket) {
      links.push({ socket, read: 0, paused: false })
      socket.open()
      socket.handshake(relayDoc)
    },
    /** Offline: nothing goes either way until `resume`. */
    pause(socket: FakeSocket) {
      for (const link of links) if (link.socket === socket) link.paused = true
    },
    /** Back online: what the phone wrote reaches the relay, and the relay's whole state reaches the phone. */
    resume(socket: FakeSocket) {
      for (const link of links) {
        if (link.socket !== socket) continue
        link.paused = false
        socket.receive(frame((encoder) => syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(relayDoc))))
      }
      pump()
    },
    destroy() {
      clearInterval(timer)
      relayDoc.destroy()
    },
  }
}
const bridges: ReturnType<typeof createBridge>[] = []
afterEach(() => {
  for (const bridge of bridges.splice(0)) bridge.destroy()
})

/** The newest fake socket to the collective's room that is not one of `others`. */
const socketOf = async (roomId: string, others: readonly FakeSocket[] = []): Promise<FakeSocket> => {
  const find = () => FakeSocket.instances.findLast((socket) => socket.url.endsWith(`/${roomId}`) && !others.includes(socket))
  await waitFor(() => find() !== undefined, 'socket created')
  const socket = find()
  if (!socket) throw new Error('no socket')
  return socket
}

/** The sealed notes of a child's stored absences (as the phone's bytes hold them). */
const storedAbsenceNotes = async (databaseName: string, childId: string): Promise<string[]> => {
  const stored = new Y.Doc()
  for (const update of await storedUpdates(databaseName)) Y.applyUpdate(stored, update)
  return [...stored.getMap('absences').values()].flatMap((value) =>
    typeof value === 'object' && value !== null && 'note' in value && typeof value.note === 'string' && 'childId' in value && value.childId === childId
      ? [value.note] : [])
}

describe('a past record rewritten by a phone offline during the new school year', () => {
  it('is deleted again on both phones once synced: equal views, stored logs compacted, children kept', async () => {
    const bridge = createBridge()
    bridges.push(bridge)
    const phoneA = await phones.start('unit-new-year-offline-a:')
    const id = valueOf(await phoneA.createCollective({ name: 'Pédibus des Pins', school: 'École des Pins', town: 'Mérignac', schoolPlace: '33000' }))
    const sessionA = await open(phoneA, id)
    const socketA = await socketOf(id)
    bridge.connect(socketA)
    const { lea } = await fill(sessionA, false)

    const phoneB = await phones.start('unit-new-year-offline-b:')
    const joined = valueOf(await phoneB.joinFromInvite(legacyFragment(id, await storedSecretOf('unit-new-year-offline-a:', id))))
    const sessionB = await open(phoneB, joined)
    const socketB = await socketOf(joined, [socketA])
    bridge.connect(socketB)
    const pastAbsence = (session: CollectiveSession) =>
      session.view.get().walkLog.absences.find((absence) => absence.childId === lea && absence.to < BEFORE)
    await waitFor(() => pastAbsence(sessionB) !== undefined && sessionB.view.get().walkLog.notes.length === 2, 'phone B synced')

    // B goes offline and withdraws Léa's past absence (the whole entry is rewritten)…
    bridge.pause(socketB)
    const absenceId = pastAbsence(sessionB)?.id
    if (absenceId === undefined) throw new Error('no past absence')
    valueOf(sessionB.withdrawAbsence(absenceId))
    expect(pastAbsence(sessionB)?.withdrawn).toBeDefined()
    const databaseB = docDatabaseName('unit-new-year-offline-b:', joined)
    await waitFor(() => sessionB.status.get().local === 'saved', 'B saved its rewrite')
    const rewritten = await storedAbsenceNotes(databaseB, lea)
    expect(rewritten).toHaveLength(1)
    expect(rewritten[0]?.startsWith('s1.')).toBe(true)
    expect(needlesFound(await storedUpdates(databaseB), rewritten)).toEqual(rewritten)
    // …while A starts the new school year.
    valueOf(sessionA.startNewSchoolYear({ before: BEFORE, removeChildIds: [] }))
    expect(pastAbsence(sessionA)).toBeUndefined()

    // Back online: B's rewrite survives A's delete in Yjs; each phone deletes it again before showing it.
    const shown: boolean[] = []
    const unsubscribe = sessionA.view.subscribe((view) => shown.push(view.walkLog.absences.some((absence) => absence.id === absenceId)))
    bridge.resume(socketB)
    await waitFor(() => pastAbsence(sessionB) === undefined && JSON.stringify(sessionA.view.get()) === JSON.stringify(sessionB.view.get()), 'phones converged')
    unsubscribe()
    expect(shown).not.toContain(true)
    for (const session of [sessionA, sessionB]) {
      const view = session.view.get()
      expect(view.walkLog.absences.map((absence) => absence.id)).not.toContain(absenceId)
      expect(view.children.map((child) => child.firstName).sort()).toEqual(['Léa', 'Noé', 'Zéphyrine'])
      expect(view.walkLog.notes.map((note) => note.text)).toEqual(['Prévoir les gilets'])
      expect(view.toCheck).toEqual([])
    }
    // The stored logs were rewritten as one state without the rewritten entry's sealed note.
    for (const databaseName of [databaseB, docDatabaseName('unit-new-year-offline-a:', id)]) {
      await waitFor(async () => (await storedUpdates(databaseName)).length === 1, `${databaseName} compacted`)
      expect(needlesFound(await storedUpdates(databaseName), rewritten)).toEqual([])
    }
  })
})

describe('a past record in the stored log itself', () => {
  it('is deleted when the collective opens, before any screen shows it, and leaves the stored log', async () => {
    const namespace = 'unit-new-year-stored:'
    const phone = await phones.start(namespace)
    const id = valueOf(await phone.createCollective({ name: 'Pédibus des Pins', school: 'École des Pins', town: 'Mérignac', schoolPlace: '33000' }))
    const session = await open(phone, id)
    const { lea } = await fill(session, false)
    await waitFor(() => session.status.get().local === 'saved', 'saved on the phone')
    const databaseName = docDatabaseName(namespace, id)
    const before = new Y.Doc()
    for (const update of await storedUpdates(databaseName)) Y.applyUpdate(before, update)
    const pastAbsence = session.view.get().walkLog.absences.find((absence) => absence.childId === lea && absence.to < BEFORE)
    if (pastAbsence === undefined) throw new Error('no past absence')
    valueOf(session.startNewSchoolYear({ before: BEFORE, removeChildIds: [] }))
    await waitFor(() => session.status.get().local === 'saved', 'new year saved')
    session.destroy()

    // A phone offline during the new year rewrote the absence; its update lands in this phone's log unseen (as an
    // older app, or a tab closed mid-way, could leave it).
    const offline = new Y.Doc()
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(before))
    const absences = offline.getMap('absences')
    const key = [...absences.keys()].find((candidate) => candidate.includes(pastAbsence.id))
    if (key === undefined) throw new Error('absence entry not found')
    absences.set(key, { ...(absences.get(key) as object) })
    const rewrite = Y.encodeStateAsUpdate(offline, Y.encodeStateVectorFromUpdate(Y.encodeStateAsUpdate(before)))
    const db = await request(indexedDB.open(databaseName))
    await request(db.transaction('updates', 'readwrite').objectStore('updates').add(rewrite))
    db.close()

    const reopened = await open(phone, id)
    const shown: boolean[] = []
    const unsubscribe = reopened.view.subscribe((view) => shown.push(view.walkLog.absences.some((absence) => absence.id === pastAbsence.id)))
    await waitFor(() => reopened.view.get().children.length === 3, 'reopened')
    await waitFor(async () => (await storedUpdates(databaseName)).length === 1, 'stored log compacted')
    unsubscribe()
    expect(shown).not.toContain(true)
    expect(reopened.view.get().walkLog.absences.map((absence) => absence.id)).not.toContain(pastAbsence.id)
    const stored = new Y.Doc()
    for (const update of await storedUpdates(databaseName)) Y.applyUpdate(stored, update)
    expect(stored.getMap('absences').has(key)).toBe(false)
  })
})

describe('a record written after the new school year started', () => {
  it('is never taken for a resurrected one: dated today (before the new first day), it stays on both phones', async () => {
    const bridge = createBridge()
    bridges.push(bridge)
    const phoneA = await phones.start('unit-new-year-after-a:')
    const id = valueOf(await phoneA.createCollective({ name: 'Pédibus des Pins', school: 'École des Pins', town: 'Mérignac', schoolPlace: '33000' }))
    const sessionA = await open(phoneA, id)
    const socketA = await socketOf(id)
    bridge.connect(socketA)
    const { noe } = await fill(sessionA, false)
    const phoneB = await phones.start('unit-new-year-after-b:')
    const joined = valueOf(await phoneB.joinFromInvite(legacyFragment(id, await storedSecretOf('unit-new-year-after-a:', id))))
    const sessionB = await open(phoneB, joined)
    bridge.connect(await socketOf(joined, [socketA]))
    await waitFor(() => sessionB.view.get().children.length === 3, 'phone B synced')

    // The new year starts on 16 March, confirmed on the 15th; then B declares an absence for today, the 15th.
    valueOf(sessionA.startNewSchoolYear({ before: BEFORE, removeChildIds: [] }))
    await waitFor(() => sessionB.view.get().walkLog.notes.length === 1, 'the new year reached B')
    const today = valueOf(sessionB.declareAbsence({ childId: noe, from: localDate('2027-03-15'), to: localDate('2027-03-15'), direction: null, note: 'fièvre' }))
    await waitFor(() => sessionA.view.get().walkLog.absences.some((absence) => absence.id === today), 'A received it')
    await new Promise((resolve) => setTimeout(resolve, 50))
    for (const session of [sessionA, sessionB]) expect(session.view.get().walkLog.absences.map((absence) => absence.id)).toContain(today)
  })
})
