// A collective stored by app 0.1.0 (schema 1, first-layout sign-ups) opens unchanged and goes on in its own layout.
//
// fixtures/collective-0.1.0.bin is the document as 0.1.0 encoded it: generateCollective of bench/collective.ts at commit
// aedeae4 with FIXTURE_KEY, seededRandom(7), 6 families, lines [['Ligne des Pins', 4], ['Ligne du Lac', 3]], periods
// 2026-11-02..13 and 2026-11-30..12-04, turnover 1, withdrawal rate 0.2, then Y.encodeStateAsUpdate.
// collective-0.1.0.json is what readCollective of that commit read from it.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { bindSealKey } from '../../../src/doc/codec.ts'
import { nextSharedClock, scanNextSharedClock } from '../../../src/doc/clock.ts'
import { MAP_COMPACT_SIGNUPS, MAP_SHORT_IDS, MAP_SIGNUPS } from '../../../src/doc/keys.ts'
import { migrateDocument } from '../../../src/doc/migrations.ts'
import * as edit from '../../../src/doc/mutations.ts'
import { readCollective } from '../../../src/doc/read.ts'
import { liveCollective } from '../../../src/doc/read-live.ts'
import { buildSuccessorDoc } from '../../../src/doc/successor.ts'
import { localDate } from '../../../src/domain/dates.ts'
import { layoutGeneration, nextGenerationOf } from '../../../src/domain/year/next-generation.ts'
import { createActorId } from '../../../src/domain/ids.ts'
import type { SignUp } from '../../../src/domain/signup.ts'
import type { SealKey } from '../../../src/lib/seal.ts'

/** The key the fixture's personal fields are sealed with: bytes 0 to 31. */
const FIXTURE_KEY = Uint8Array.from({ length: 32 }, (_, i) => i) as SealKey

const fixture = (name: string): Buffer => readFileSync(new URL(`./fixtures/${name}`, import.meta.url))

const expected = JSON.parse(fixture('collective-0.1.0.json').toString('utf8')) as {
  schemaVersion: number; families: string[]; adults: string[]; toCheck: unknown[]; signUps: SignUp[]
}

const openStored = (): Y.Doc => {
  const doc = new Y.Doc()
  bindSealKey(doc, FIXTURE_KEY)
  Y.applyUpdate(doc, new Uint8Array(fixture('collective-0.1.0.bin')))
  return doc
}

describe('a collective written by app 0.1.0', () => {
  it('reads as 0.1.0 read it, needs no migration and is left untouched', () => {
    const doc = openStored()
    const before = Y.encodeStateVector(doc)
    expect(migrateDocument(doc)).toBe('current')
    const view = readCollective(doc)
    expect(view.schemaVersion).toBe(1)
    expect(view.families.map((family) => family.id)).toEqual(expected.families)
    expect(view.adults.map((adult) => adult.id)).toEqual(expected.adults)
    expect(view.toCheck).toEqual(expected.toCheck)
    expect(view.signUps).toEqual(expected.signUps)
    expect(expected.signUps.length).toBeGreaterThan(50)
    expect(liveCollective(doc).read()).toEqual(view)
    expect(Y.encodeStateVector(doc)).toEqual(before)
  })

  it('goes on writing its sign-ups in the first layout, read with the old ones', () => {
    const doc = openStored()
    const taken = expected.signUps.find((signUp) => signUp.status === 'active')!
    const actor = createActorId()
    expect(nextSharedClock(doc)).toBe(scanNextSharedClock(doc))
    edit.writeWithdrawal(doc, taken, taken.adultId, actor, '2026-12-06T18:00:00+01:00')
    const keys = [...doc.getMap(MAP_SIGNUPS).keys()]
    expect(keys.every((key) => key.includes('|'))).toBe(true)
    expect(doc.getMap(MAP_SHORT_IDS).size).toBe(0)
    const after = readCollective(doc)
    expect(after.toCheck).toEqual([])
    expect(after.signUps).toHaveLength(expected.signUps.length)
    expect(after.signUps.find((signUp) => signUp.date === taken.date && signUp.adultId === taken.adultId && signUp.lineId === taken.lineId &&
      signUp.direction === taken.direction)).toMatchObject({ status: 'withdrawn', actor, clock: scanNextSharedClock(doc) - 1 })
  })
})

describe('its move to the compact layout (a new document generation, issue 14)', () => {
  /** Another room's key: the successor's personal values are sealed again. */
  const SUCCESSOR_KEY = Uint8Array.from({ length: 32 }, (_, i) => 255 - i) as SealKey

  it('keeps everything 0.1.0 read, in the compact layout, when the move keeps the school year of all its walks', () => {
    const archive = openStored()
    const successor = buildSuccessorDoc(archive, nextGenerationOf(layoutGeneration(localDate('2026-12-07')), Date.UTC(2026, 11, 7), createActorId()), SUCCESSOR_KEY, Date.UTC(2026, 11, 7))
    const view = readCollective(successor)
    expect(view.schemaVersion).toBe(2)
    expect(view.toCheck).toEqual([])
    expect(view.families.map((family) => family.id)).toEqual(expected.families)
    expect(view.adults.map((adult) => adult.id)).toEqual(expected.adults)
    expect(view.families).toEqual(readCollective(archive).families) // names opened under the successor's key
    const byKey = (signUps: readonly SignUp[]) => [...signUps].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))
    expect(byKey(view.signUps)).toEqual(byKey(expected.signUps))
    expect(successor.getMap(MAP_SIGNUPS).size).toBe(0)
    expect(successor.getMap(MAP_COMPACT_SIGNUPS).size).toBe(expected.signUps.length)
    expect(Y.encodeStateAsUpdate(successor).length).toBeLessThan(Y.encodeStateAsUpdate(archive).length / 2)
  })

  it('leaves the walks of an earlier school year in the archive only', () => {
    const archive = openStored()
    // On 1 September 2027 the school year under way starts that day: every fixture walk (November 2026) is past.
    const successor = buildSuccessorDoc(archive, nextGenerationOf(layoutGeneration(localDate('2027-09-01')), Date.UTC(2027, 8, 1), createActorId()), SUCCESSOR_KEY, Date.UTC(2027, 8, 1))
    expect(readCollective(successor).signUps).toEqual([])
    expect(readCollective(successor).families.map((family) => family.id)).toEqual(expected.families)
    expect(readCollective(archive).signUps).toEqual(expected.signUps) // the archive is not touched
  })
})
