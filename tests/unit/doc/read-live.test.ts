// The incremental view (liveCollective) equals a full readCollective after random writes and remote updates, and keeps unchanged parts.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { bindSealKey } from '../../../src/doc/codec.ts'
import {
  MAP_ABSENCES, MAP_AVAILABILITY, MAP_CHECK_INS, MAP_COMPACT_SIGNUPS, MAP_FAMILIES, MAP_HOLIDAY_OVERRIDES, MAP_OFFERS, MAP_ROSTER,
  MAP_SETTINGS, MAP_SHORT_IDS, MAP_SIGNUPS,
} from '../../../src/doc/keys.ts'
import * as edit from '../../../src/doc/mutations.ts'
import { readCollective } from '../../../src/doc/read.ts'
import { liveCollective } from '../../../src/doc/read-live.ts'
import { localDate } from '../../../src/domain/dates.ts'
import { createActorId, type AdultId, type FamilyId } from '../../../src/domain/ids.ts'
import { signUpKeyOf } from '../../../src/domain/signup.ts'
import type { SealKey } from '../../../src/lib/seal.ts'
import { seedFromEnv, seededRandom } from '../../helpers/seeded-random.ts'
import { TEST_SEAL_KEY } from '../../helpers/seal-key.ts'
import { newFixture, valueOf, walkOn, type Fixture } from './fixtures.ts'

const SEEDS = 30
const STEPS = 60
const OTHER_KEY = new Uint8Array(32).fill(7) as SealKey
const RAW_MAPS = [
  MAP_SIGNUPS, MAP_COMPACT_SIGNUPS, MAP_SHORT_IDS, MAP_OFFERS, MAP_ABSENCES, MAP_CHECK_INS, MAP_AVAILABILITY, MAP_HOLIDAY_OVERRIDES,
  MAP_ROSTER, MAP_FAMILIES,
]
const DATES = ['2027-03-15', '2027-03-16', '2027-03-18'] as const
const ACTORS = [createActorId(), createActorId()]

type Random = () => number
const adultInput = (firstName: string) => ({ firstName, phone: '06 12 34 56 78', charterAcceptedOn: '2026-09-07', insured: true })
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!

/** Short ids taken out of the registry after their entry was written, to register again later: [short, full id]. */
type Pending = Array<[string, string]>

/** One random change on `doc`, valid (through the mutations) or not (raw values the readers list "to check"). */
const change = (random: Random, doc: Y.Doc, fixture: Fixture, step: number, pending: Pending = []): void => {
  const view = readCollective(doc)
  const families = view.families.map((family) => family.id)
  const adults = view.adults
  const roll = random()
  if (roll < 0.3 && adults.length > 0) {
    const adult = pick(random, adults)
    const walk = walkOn(fixture.lineId, pick(random, DATES), random() < 0.5 ? 'aller' : 'retour')
    const slot = pick(random, ['lead', 'tail', 'extra'] as const)
    if (random() < 0.75) edit.writeSignUp(doc, { walk, adultId: adult.id, familyId: adult.familyId, slot, actor: createActorId() })
    else edit.writeWithdrawal(doc, walk, adult.id, createActorId())
  } else if (roll < 0.4) {
    const familyId = valueOf(edit.addFamily(doc, { displayName: `Famille ${step}` }))
    edit.addAdult(doc, familyId, adultInput(`Parent ${step}`))
  } else if (roll < 0.48 && families.length > 0) {
    // On one phone while the other may add to the same family: its adults are then listed "to check".
    const familyId = pick(random, families)
    if (random() < 0.5) edit.removeFamily(doc, familyId)
    else edit.addAdult(doc, familyId, adultInput(`Ajout ${step}`))
  } else if (roll < 0.54 && families.length > 0) {
    edit.renameFamily(doc, pick(random, families), { displayName: `Renommée ${step}` })
  } else if (roll < 0.6 && families.length > 0) {
    edit.writeRosterEntry(doc, {
      familyId: pick(random, families), accepted: random() < 0.8, position: random(), from: localDate('2027-03-01'), actor: createActorId(),
    })
  } else if (roll < 0.66) {
    const field = pick(random, ['childrenPerAdult', 'minAdults', 'fairness'])
    doc.getMap<unknown>(MAP_SETTINGS).set(field, random() < 0.7 ? 1 + Math.floor(random() * 6) : 'many')
  } else if (roll < 0.76 && adults.length > 0) {
    // Entries written raw for one place under both key forms, with clocks and actors that may tie.
    const adult = pick(random, adults)
    const actor = pick(random, ACTORS)
    const place = signUpKeyOf(walkOn(fixture.lineId, pick(random, DATES)), adult.id)
    doc.getMap<unknown>(MAP_SIGNUPS).set(random() < 0.5 ? place : `${place}|${actor}`, {
      familyId: adult.familyId, slot: 'tail', status: random() < 0.7 ? 'active' : 'withdrawn', clock: Math.floor(random() * 3), actor,
    })
  } else if (roll < 0.78) {
    // A short id now naming another id (as when two phones registered it at once): its entries are read again.
    const ids = doc.getMap<unknown>(MAP_SHORT_IDS)
    const short = [...ids.keys()].filter((key) => !key.startsWith('junk'))[Math.floor(random() * ids.size)]
    if (short !== undefined) ids.set(short, `${short}-0000-4000-8000-00000000000${Math.floor(random() * 10)}`)
  } else if (roll < 0.8 && adults.length > 0) {
    // An entry whose device's short id arrives later (a large change sent in parts): "to check" until it does.
    const adult = pick(random, adults)
    const actor = createActorId()
    const walk = walkOn(fixture.lineId, pick(random, DATES), random() < 0.5 ? 'aller' : 'retour')
    edit.writeSignUp(doc, { walk, adultId: adult.id, familyId: adult.familyId, slot: 'extra', actor })
    const ids = doc.getMap<unknown>(MAP_SHORT_IDS)
    if (ids.get(actor.slice(0, 8)) === actor) {
      ids.delete(actor.slice(0, 8))
      pending.push([actor.slice(0, 8), actor])
    }
  } else if (roll < 0.82 && pending.length > 0) {
    const [short, full] = pending.splice(Math.floor(random() * pending.length), 1)[0]!
    doc.getMap<unknown>(MAP_SHORT_IDS).set(short, full)
  } else if (roll < 0.84) {
    const map = doc.getMap<unknown>(pick(random, RAW_MAPS))
    const key = `junk-${Math.floor(random() * 4)}`
    if (random() < 0.3) map.delete(key)
    else map.set(key, random() < 0.5 ? 'not a record' : { clock: step })
  } else if (roll < 0.92) {
    // Two kinds in one transaction.
    doc.transact(() => {
      change(random, doc, fixture, step, pending)
      change(random, doc, fixture, step, pending)
    })
  } else {
    const childId = view.children[0]?.id
    if (childId !== undefined) edit.removeChild(doc, childId)
  }
}

const run = (seed: number): void => {
  const random = seededRandom(seed)
  const fixture = newFixture()
  const local = fixture.doc
  const remote = new Y.Doc()
  bindSealKey(remote, TEST_SEAL_KEY)
  Y.applyUpdate(remote, Y.encodeStateAsUpdate(local))
  const live = liveCollective(local)
  const pending: Pending = []
  expect(live.read(), `seed ${seed}`).toEqual(readCollective(local))
  for (let step = 0; step < STEPS; step++) {
    const roll = random()
    if (roll < 0.4) change(random, local, fixture, step, pending)
    else if (roll < 0.75) {
      const before = Y.encodeStateVector(remote)
      change(random, remote, fixture, step, pending)
      Y.applyUpdate(local, Y.encodeStateAsUpdate(remote, before), 'relay')
    } else if (roll < 0.85) {
      Y.applyUpdate(remote, Y.encodeStateAsUpdate(local))
      Y.applyUpdate(local, Y.encodeStateAsUpdate(remote))
    } else if (roll < 0.95) {
      // Read between two writes of one transaction.
      local.transact(() => {
        change(random, local, fixture, step, pending)
        expect(live.read(), `seed ${seed} step ${step} (open transaction)`).toEqual(readCollective(local))
        change(random, local, fixture, step, pending)
      })
    } else {
      // Another key opens nothing: every personal field is then "to check", until the right key is back.
      bindSealKey(local, random() < 0.5 ? OTHER_KEY : TEST_SEAL_KEY)
    }
    expect(live.read(), `seed ${seed} step ${step}`).toEqual(readCollective(local))
  }
  live.destroy()
}

describe('the live view of the collective', () => {
  it('equals a full read after random writes and remote updates (seeded)', () => {
    const first = seedFromEnv('READ_LIVE_SEED', 1)
    console.log(`live view: seeds ${first}..${first + SEEDS - 1} (READ_LIVE_SEED=n replays from n)`)
    for (let seed = first; seed < first + SEEDS; seed++) run(seed)
  })

  it('keeps the parts a remote sign-up did not change (same arrays), and the same view when nothing changed', () => {
    const fixture = newFixture()
    const remote = new Y.Doc()
    bindSealKey(remote, TEST_SEAL_KEY)
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(fixture.doc))
    const live = liveCollective(fixture.doc)
    const before = live.read()
    expect(live.read()).toBe(before)
    const state = Y.encodeStateVector(remote)
    const walk = walkOn(fixture.lineId)
    edit.writeSignUp(remote, { walk, adultId: fixture.adultId, familyId: fixture.familyId, slot: 'lead', actor: createActorId() })
    Y.applyUpdate(fixture.doc, Y.encodeStateAsUpdate(remote, state), 'relay')
    const after = live.read()
    expect(after).not.toBe(before)
    expect(after.signUps).not.toBe(before.signUps)
    expect(after.signUps.map((signUp) => signUp.adultId)).toEqual([fixture.adultId])
    const unchanged = ['families', 'adults', 'children', 'stops', 'lines', 'swaps', 'coordination', 'walkLog', 'planning', 'absences'] as const
    for (const part of unchanged) {
      expect(after[part], part).toBe(before[part])
    }
    // A check-in mark re-reads the walk log, but its absences stay the same array (isAbsentFrom's cache key).
    fixture.doc.getMap<unknown>(MAP_CHECK_INS).set('junk', 'not a record')
    const marked = live.read()
    expect(marked.walkLog).not.toBe(after.walkLog)
    expect(marked.absences).toBe(after.absences)
    expect(marked.walkLog.events).toBe(after.walkLog.events)
    expect(marked.toCheck.map((entry) => entry.kind)).toEqual(['checkIn'])
    live.destroy()
  })

  it("patches the sign-ups when a new device's first write registers its short id: other places keep their objects", () => {
    const fixture = newFixture()
    const second = valueOf(edit.addAdult(fixture.doc, fixture.familyId, adultInput('Sam')))
    for (const date of DATES) {
      for (const adultId of [fixture.adultId, second]) {
        edit.writeSignUp(fixture.doc, { walk: walkOn(fixture.lineId, date), adultId, familyId: fixture.familyId, slot: 'extra', actor: ACTORS[0]! })
      }
    }
    const live = liveCollective(fixture.doc)
    const before = live.read().signUps
    expect(before).toHaveLength(6)
    // A phone that just joined: its device id is registered by this write.
    const walk = walkOn(fixture.lineId, DATES[0], 'retour')
    edit.writeSignUp(fixture.doc, { walk, adultId: second, familyId: fixture.familyId, slot: 'lead', actor: createActorId() })
    const after = live.read()
    expect(after).toEqual(readCollective(fixture.doc))
    expect(after.signUps).toHaveLength(7)
    for (const signUp of before) expect(after.signUps.includes(signUp), signUpKeyOf(signUp, signUp.adultId)).toBe(true)
    live.destroy()
  })

  it('runs the removed family step over the combined parts: an adult added to a family removed elsewhere is left out', () => {
    const fixture = newFixture()
    const remote = new Y.Doc()
    bindSealKey(remote, TEST_SEAL_KEY)
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(fixture.doc))
    const live = liveCollective(fixture.doc)
    live.read()
    const added: AdultId = valueOf(edit.addAdult(remote, fixture.familyId as FamilyId, adultInput('Sam')))
    edit.removeFamily(fixture.doc, fixture.familyId)
    Y.applyUpdate(fixture.doc, Y.encodeStateAsUpdate(remote))
    const view = live.read()
    expect(view.adults).toEqual([])
    expect(view.toCheck).toEqual([expect.objectContaining({ kind: 'adult', key: added, problems: ['familyRemoved'] })])
    expect(view).toEqual(readCollective(fixture.doc))
    live.destroy()
  })
})
