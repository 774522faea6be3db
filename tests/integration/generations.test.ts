// Document generations (issue 14) with app-level phones against the real relay: a new school year archives the room
// and every phone follows the collective to its successor (offline changes included); a collective written by 0.1.0
// moves to the compact layout on open, losing nothing.
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { CollectiveSession } from '../../src/app/api.ts'
import { MAP_SIGNUPS } from '../../src/doc/keys.ts'
import * as edit from '../../src/doc/mutations.ts'
import { parisToInstant } from '../../src/domain/calendar/paris-time.ts'
import { localDate, type TimeOfDay } from '../../src/domain/dates.ts'
import { createActorId } from '../../src/domain/ids.ts'
import type { WalkRef } from '../../src/domain/signup.ts'
import { createInviteSecret, createRoomId, deriveRoomToken, deriveSuccessorRoomId } from '../../src/lib/credentials.ts'
import { MESSAGE_ROOM_ARCHIVED } from '../../src/lib/relay-protocol.ts'
import { deriveSealKey } from '../../src/lib/seal.ts'
import { DEFAULT_DEVICE_DB_NAME, openDeviceStore } from '../../src/storage/device-db.ts'
import { docDatabaseName, replaceStoredDocument } from '../../src/storage/doc-persistence.ts'
import { newFirstLayoutFixture, valueOf } from '../unit/doc/fixtures.ts'
import { isBareFrame, openRawClient, relayProtocols, waitFor } from '../helpers/relay.ts'
import { liveIds, open, synced, useGenerationPhones } from '../helpers/generation-phones.ts'
import { inviteFragmentOf, secretOf as invitationSecretOf } from '../helpers/invitations.ts'

const phones = useGenerationPhones('generation')

/** Monday 14 June 2027, 08:12 in Paris; the next generation of these tests starts on Tuesday 15 June. */
const STARTS_ON = localDate('2027-06-15')

/** What a screen shows, without the fields a new document writes again (the clock of a restored record is kept). */
const shown = (session: CollectiveSession) => {
  const view = session.view.get()
  return {
    families: view.families, adults: view.adults, children: view.children, lines: view.lines, stops: view.stops,
    signUps: [...view.signUps].sort((a, b) => `${a.date}${a.adultId}${a.actor}`.localeCompare(`${b.date}${b.adultId}${b.actor}`)),
  }
}

describe('a new school year: a new document generation', () => {
  it('archives the room, and both phones (one offline then) go on in the successor with every waiting change', async () => {
    const relay = await phones.relay()
    const a = await phones.phone(relay)
    const b = await phones.phone(relay)
    const id = valueOf(await a.services.createCollective({ name: 'Pédibus des Pins', school: 'École des Pins', town: 'Mérignac', schoolPlace: '33000' }))
    const sessionA = await open(a.services, id)
    const lineId = valueOf(sessionA.addLine({ name: 'Ligne des Pins', colour: '#2e7d32', directions: ['aller'], days: [1, 2, 4, 5] }))
    const martin = valueOf(sessionA.addFamily({ displayName: 'Martin' }))
    const camille = valueOf(sessionA.addAdult(martin, { firstName: 'Camille', phone: '06 12 34 56 78', charterAcceptedOn: null, insured: true }))
    const durand = valueOf(sessionA.addFamily({ displayName: 'Durand' }))
    const sami = valueOf(sessionA.addAdult(durand, { firstName: 'Sami', phone: '07 00 00 00 01', charterAcceptedOn: null, insured: true }))
    const today: WalkRef = { lineId, date: localDate('2027-06-14'), direction: 'aller' }
    const tomorrow: WalkRef = { lineId, date: STARTS_ON, direction: 'aller' }
    valueOf(sessionA.signUp(today, 'lead', camille))
    valueOf(sessionA.signUp(tomorrow, 'lead', camille))
    await waitFor(() => synced(sessionA), 'A synced')

    valueOf(await b.services.joinFromInvite(await inviteFragmentOf(sessionA)))
    const sessionB = await open(b.services, id)
    await sessionB.setMe(durand, sami)
    await waitFor(() => synced(sessionB) && sessionB.view.get().signUps.length === 2, 'B synced')
    // B goes offline and signs up for tomorrow's second place: a change the archived room will never take.
    b.events.dispatchEvent(new Event('offline'))
    valueOf(sessionB.signUp(tomorrow, 'tail', sami))
    valueOf(sessionB.renameFamily(durand, { displayName: 'Durand-Lefèvre' })) // a personal value, sealed
    expect(sessionB.status.get().pending).toBe(2)

    const next = { startsOn: STARTS_ON, removeChildIds: [], archiveLabel: '2026-2027', reason: 'newSchoolYear' as const }
    const secret = await invitationSecretOf(sessionA, relay.url) // before the archive: it takes no new invitation
    const successorId = valueOf(await a.services.startNewGeneration(id, next))
    expect(successorId).toBe(await deriveSuccessorRoomId(id, secret))
    // The switcher lists the successor only; the archive opens on demand and holds the whole year, read-only.
    await waitFor(() => liveIds(a).includes(successorId) && !liveIds(a).includes(id), 'A lists the successor')
    expect(await a.services.archivesOf(successorId)).toEqual([{ id, label: '2026-2027' }])
    const liveA = await open(a.services, successorId)
    await waitFor(() => liveA.view.get().profile !== null && synced(liveA), 'A on the successor')
    expect(liveA.view.get().signUps.map((signUp) => signUp.date)).toEqual([STARTS_ON])
    expect(liveA.view.get().families.map((family) => family.displayName).sort()).toEqual(['Durand', 'Martin'])
    expect(liveA.view.get().schemaVersion).toBe(2)
    expect(sessionA.status.get().archived).toBe(true)
    expect(sessionA.generation.get()).toEqual({ archiveLabel: '2026-2027', successorId })
    expect(sessionA.view.get().signUps.map((signUp) => signUp.date).sort()).toEqual([today.date, STARTS_ON])
    // The archive is read-only: a command that would write throws (its screens offer none) and changes nothing;
    // its exports still answer.
    expect(() => sessionA.signUp(tomorrow, 'tail', sami)).toThrow(/archived collective: signUp/)
    expect(() => sessionA.renameFamily(martin, { displayName: 'Martin bis' })).toThrow(/archived collective/)
    expect(sessionA.view.get().signUps).toHaveLength(2)
    expect(sessionA.status.get().pending).toBe(0)
    expect(JSON.parse(sessionA.exportCollective())).toHaveProperty('families')

    // A socket opening the old room is told it is an archive.
    const token = await deriveRoomToken(id, secret)
    const reader = await openRawClient(relay.wsUrl, id, relayProtocols(token))
    await waitFor(() => reader.received.some((frame) => isBareFrame(frame, MESSAGE_ROOM_ARCHIVED)), 'archived frame')
    reader.ws.close()

    // B comes back: told its room is archived, it follows on its own and carries its offline sign-up over.
    b.events.dispatchEvent(new Event('online'))
    await waitFor(() => liveIds(b).includes(successorId) && !liveIds(b).includes(id), 'B follows')
    const liveB = await open(b.services, successorId)
    await waitFor(() => liveA.view.get().signUps.length === 2 && liveB.view.get().signUps.length === 2 && synced(liveB), 'converged')
    expect(shown(liveB)).toEqual(shown(liveA))
    expect(liveB.view.get().signUps.find((signUp) => signUp.slot === 'tail')?.adultId).toBe(sami)
    expect(liveB.me.get()).toMatchObject({ familyId: durand, adultId: sami })
    expect(liveB.view.get().toCheck).toEqual([])
    // Sealed under the archive's key on B, sealed again under the successor's: it opens on both phones.
    await waitFor(() => liveA.view.get().families.some((family) => family.displayName === 'Durand-Lefèvre'), 'rename reached A')
    expect(liveB.view.get().families.map((family) => family.displayName).sort()).toEqual(['Durand-Lefèvre', 'Martin'])
  })

  it('refuses while offline or with changes waiting, archiving nothing', async () => {
    const relay = await phones.relay()
    const a = await phones.phone(relay)
    const id = valueOf(await a.services.createCollective({ name: 'Pédibus des Pins', school: 'École des Pins', town: 'Mérignac', schoolPlace: '33000' }))
    const session = await open(a.services, id)
    await waitFor(() => synced(session), 'synced')
    a.events.dispatchEvent(new Event('offline'))
    const next = { startsOn: STARTS_ON, removeChildIds: [], archiveLabel: '2026-2027', reason: 'newSchoolYear' as const }
    expect(await a.services.startNewGeneration(id, next)).toEqual({ ok: false, error: 'offline' })
    a.events.dispatchEvent(new Event('online'))
    await waitFor(() => synced(session), 'back')
    expect(session.status.get().archived).toBe(false)
    expect(liveIds(a)).toEqual([id])
  })
})

describe('a live document still holding last school year', () => {
  it('moves on by itself when a phone opens it in the new school year: last year to the archive', async () => {
    const relay = await phones.relay()
    const june = await phones.phone(relay)
    const id = valueOf(await june.services.createCollective({ name: 'Pédibus des Pins', school: 'École des Pins', town: 'Mérignac', schoolPlace: '33000' }))
    const session = await open(june.services, id)
    const lineId = valueOf(session.addLine({ name: 'Ligne des Pins', colour: '#2e7d32', directions: ['aller'], days: [1, 2, 4, 5] }))
    const martin = valueOf(session.addFamily({ displayName: 'Martin' }))
    const camille = valueOf(session.addAdult(martin, { firstName: 'Camille', phone: '06 12 34 56 78', charterAcceptedOn: null, insured: true }))
    valueOf(session.signUp({ lineId, date: localDate('2027-06-14'), direction: 'aller' }, 'lead', camille))
    await waitFor(() => synced(session), 'June synced')
    expect(session.status.get().archived).toBe(false) // in June nothing is due

    const september = await phones.phone(relay, { now: parisToInstant(localDate('2027-09-06'), '08:12' as TimeOfDay) })
    const septemberSecret = await invitationSecretOf(session, relay.url)
    valueOf(await september.services.joinFromInvite(await inviteFragmentOf(session)))
    await open(september.services, id)
    const successorId = await deriveSuccessorRoomId(id, septemberSecret)
    await waitFor(() => liveIds(september).includes(successorId), 'moved to the new school year')
    expect(await september.services.archivesOf(successorId)).toEqual([{ id, label: '2026-2027' }])
    const live = await open(september.services, successorId)
    await waitFor(() => live.view.get().profile !== null && synced(live), 'successor synced')
    expect(live.view.get().signUps).toEqual([])
    expect(live.view.get().families.map((family) => family.displayName)).toEqual(['Martin'])
    // The June phone follows too, at its next look at the relay (its room is archived).
    await waitFor(() => liveIds(june).includes(successorId), 'June phone follows')
  })
})

describe('a collective written before 0.2.0', () => {
  it('moves to the compact layout on open: the current school year live, everything in the archive', async () => {
    const relay = await phones.relay()
    const now = parisToInstant(localDate('2027-09-06'), '08:12' as TimeOfDay)
    const a = await phones.phone(relay, { now })
    // A schema-1 document with a sign-up of last school year and one of this year, as 0.1.0 wrote them.
    const id = createRoomId()
    const secret = createInviteSecret()
    const fixture = newFirstLayoutFixture(await deriveSealKey(id, secret))
    const author = { actor: createActorId(), at: '2027-06-01T08:00:00+02:00' }
    const lastYear: WalkRef = { lineId: fixture.lineId, date: localDate('2027-06-14'), direction: 'aller' }
    const thisYear: WalkRef = { lineId: fixture.lineId, date: localDate('2027-09-06'), direction: 'aller' }
    for (const walk of [lastYear, thisYear]) {
      expect(edit.writeSignUp(fixture.doc, { walk, slot: 'lead', adultId: fixture.adultId, familyId: fixture.familyId, ...author })).toBe(true)
    }
    expect(fixture.doc.getMap(MAP_SIGNUPS).size).toBe(2)
    await replaceStoredDocument(docDatabaseName(a.namespace, id), Y.encodeStateAsUpdate(fixture.doc))
    const device = openDeviceStore(`${a.namespace}${DEFAULT_DEVICE_DB_NAME}`)
    await device.putCollective({ id, secret, name: 'Pédibus des Pins', joinedAt: now })
    device.close()

    const old = await open(a.services, id)
    const successorId = await deriveSuccessorRoomId(id, secret)
    await waitFor(() => old.generation.get().successorId === successorId, 'moved to the next generation')
    const live = await open(a.services, successorId)
    await waitFor(() => live.view.get().profile !== null && synced(live), 'successor synced')
    expect(live.view.get().schemaVersion).toBe(2)
    expect(live.view.get().signUps.map((signUp) => signUp.date)).toEqual([thisYear.date])
    expect(live.view.get().children).toEqual(old.view.get().children)
    expect(live.view.get().adults).toEqual(old.view.get().adults)
    expect(live.view.get().toCheck).toEqual([])
    expect(await a.services.archivesOf(successorId)).toEqual([{ id, label: '2026-2027' }])
    // The archive keeps both years; nothing was deleted from it.
    expect(old.view.get().signUps.map((signUp) => signUp.date).sort()).toEqual([lastYear.date, thisYear.date])
    expect(liveIds(a)).toEqual([successorId])
  })
})
