// Helpers for the swap and coordinator command tests: phones (a Y.Doc, its live view and the session commands) that exchange updates.
import * as Y from 'yjs'
import type { CollectiveView, DeviceIdentity } from '../../../src/app/api.ts'
import { createCommands, type SessionCommands } from '../../../src/app/commands.ts'
import * as edit from '../../../src/doc/mutations.ts'
import { readCollective } from '../../../src/doc/read.ts'
import { parisToInstant } from '../../../src/domain/calendar/paris-time.ts'
import { localDate, type TimeOfDay } from '../../../src/domain/dates.ts'
import { createActorId, type AdultId, type FamilyId } from '../../../src/domain/ids.ts'
import { createStore, type WritableStore } from '../../../src/lib/store.ts'
import { keyedDoc } from '../../helpers/seal-key.ts'
import { newFixture, valueOf, walkOn, type Fixture } from '../doc/fixtures.ts'

/** Saturday 13 March 2027, 10:00 in Paris: the next walks are on Monday 15. */
export const NOW = parisToInstant(localDate('2027-03-13'), '10:00' as TimeOfDay)

export interface Phone {
  readonly doc: Y.Doc
  readonly view: WritableStore<CollectiveView>
  readonly me: WritableStore<DeviceIdentity>
  readonly commands: SessionCommands
  clock: number
}

export const phoneOf = (doc: Y.Doc, familyId: FamilyId, adultId: AdultId): Phone => {
  const view = createStore<CollectiveView>(readCollective(doc))
  doc.on('update', () => view.set(readCollective(doc)))
  const me = createStore<DeviceIdentity>({ actorId: createActorId(), familyId, adultId })
  const phone: Phone = { doc, view, me, clock: NOW, commands: undefined as unknown as SessionCommands }
  return Object.assign(phone, { commands: createCommands({ doc, view, me, now: () => phone.clock }) })
}

export interface World extends Fixture {
  readonly families: FamilyId[]
  readonly adults: AdultId[]
  /** One phone per family (index 0: the fixture's Martin family). */
  readonly phones: Phone[]
}

/** The fixture's collective plus two families (Bernard, Nguyen) with one adult each, on three phones in sync. */
export const newWorld = (): World => {
  const fixture = newFixture()
  const families = [fixture.familyId]
  const adults = [fixture.adultId]
  for (const [name, firstName] of [['Bernard', 'Sophie'], ['Nguyen', 'Minh']] as const) {
    const familyId = valueOf(edit.addFamily(fixture.doc, { displayName: name }))
    families.push(familyId)
    adults.push(valueOf(edit.addAdult(fixture.doc, familyId, { firstName, phone: '06 11 22 33 44', charterAcceptedOn: '2026-09-07', insured: true })))
  }
  const phones = families.map((familyId, index) => {
    const doc = index === 0 ? fixture.doc : keyedDoc()
    if (index > 0) Y.applyUpdate(doc, Y.encodeStateAsUpdate(fixture.doc))
    return phoneOf(doc, familyId, adults[index] as AdultId)
  })
  return { ...fixture, families, adults, phones }
}

/** Every phone gets every other's updates, in the order given. */
export const syncAll = (phones: readonly Phone[]): void => {
  for (const from of phones) for (const to of phones) if (from !== to) Y.applyUpdate(to.doc, Y.encodeStateAsUpdate(from.doc, Y.encodeStateVector(to.doc)))
}

export { valueOf, walkOn }
