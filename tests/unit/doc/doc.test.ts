// Document layer: readers validate and list bad records "to check", mutations are single tagged transactions, replicas converge.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { MAP_FAMILIES, MAP_META, MAP_PROFILE, Origin } from '../../../src/doc/keys.ts'
import { migrateDocument } from '../../../src/doc/migrations.ts'
import * as edit from '../../../src/doc/mutations.ts'
import { readCollective } from '../../../src/doc/read.ts'
import type { FamilyId } from '../../../src/domain/ids.ts'
import { DEFAULT_ROSTER_SETTING } from '../../../src/domain/coordination/records.ts'
import { DEFAULT_SETTINGS } from '../../../src/domain/settings.ts'
import { keyedDoc } from '../../helpers/seal-key.ts'

const profile = { name: 'Pédibus des Lilas', school: 'École Jean Jaurès', town: 'Lyon' }

const newCollectiveDoc = (): Y.Doc => {
  const doc = keyedDoc()
  edit.initCollective(doc, profile)
  return doc
}

/** Key-sorted JSON: Y.Map.toJSON() key order depends on delivery order. */
const sortedJson = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : inner,
  )
const snapshotOf = (doc: Y.Doc): string => sortedJson({ meta: doc.getMap(MAP_META).toJSON(), profile: doc.getMap(MAP_PROFILE).toJSON(), families: doc.getMap(MAP_FAMILIES).toJSON() })

const expectConverged = (a: Y.Doc, b: Y.Doc): void => {
  expect(snapshotOf(a)).toBe(snapshotOf(b))
  expect(Y.encodeStateVector(a)).toEqual(Y.encodeStateVector(b))
}

describe('initialisation and readers', () => {
  it('a created collective reads back its profile, schema version and no families', () => {
    const view = readCollective(newCollectiveDoc())
    expect(view.profile).toEqual(profile)
    expect(view.schemaVersion).toBe(2)
    expect(view.families).toEqual([])
    expect(view.toCheck).toEqual([])
  })

  it('an empty (joining) document has no profile and nothing to check', () => {
    const view = readCollective(new Y.Doc())
    expect(view).toEqual({
      profile: null, settings: DEFAULT_SETTINGS, lines: [], stops: [], families: [], adults: [], children: [],
      exceptions: [], holidays: [], holidayOverrides: [], signUps: [], toCheck: [], schemaVersion: null,
      swaps: { offers: [], responses: [], releases: [] },
      coordination: { setting: DEFAULT_ROSTER_SETTING, roster: [], offers: [], responses: [], notes: [], acks: [] },
      walkLog: { absences: [], checkIns: [], events: [], notes: [], guestNames: [] }, absences: [],
      planning: { fairness: { basis: 'perChild', coordinatorCredit: 2 }, availability: [], exemptions: [] }, yearStartedOn: null,
      help: { requests: [], answers: [], kinds: [] },
      pairs: [],
      meetings: { meetings: [], replies: [] },
      charter: null,
    })
  })

  it('families are listed sorted by name with their ids', () => {
    const doc = newCollectiveDoc()
    const b = edit.addFamily(doc, { displayName: 'Martin' })
    const a = edit.addFamily(doc, { displayName: '  Dupont  ' })
    expect(a.ok && b.ok).toBe(true)
    const families = readCollective(doc).families
    expect(families.map((family) => family.displayName)).toEqual(['Dupont', 'Martin'])
    expect(families[0]?.id).toBe(a.ok ? a.value : null)
  })
})

describe('mutations', () => {
  it('rejects invalid input with French message keys and writes nothing', () => {
    const doc = newCollectiveDoc()
    const before = Y.encodeStateVector(doc)
    const result = edit.updateProfile(doc, { name: '', school: 'x'.repeat(81), town: 'Lyon' })
    expect(result).toEqual({ ok: false, error: { name: 'required', school: 'tooLong' } })
    expect(edit.addFamily(doc, { displayName: '   ' })).toEqual({ ok: false, error: { displayName: 'required' } })
    expect(Y.encodeStateVector(doc)).toEqual(before)
  })

  it('each edit is one transaction tagged with its named origin', () => {
    const doc = newCollectiveDoc()
    const origins: unknown[] = []
    doc.on('update', (_update: Uint8Array, origin: unknown) => origins.push(origin))
    const added = edit.addFamily(doc, { displayName: 'Dupont' })
    if (!added.ok) throw new Error('addFamily failed')
    edit.renameFamily(doc, added.value, { displayName: 'Dupont-Moreau' })
    edit.updateProfile(doc, { ...profile, town: 'Villeurbanne' })
    edit.removeFamily(doc, added.value)
    expect(origins).toEqual([Origin.addFamily, Origin.renameFamily, Origin.updateProfile, Origin.removeFamily])
  })

  it('renaming an unknown family reports notFound', () => {
    const doc = newCollectiveDoc()
    expect(edit.renameFamily(doc, '00000000-0000-4000-8000-000000000000' as FamilyId, { displayName: 'X' })).toEqual({ ok: false, error: { _: 'notFound' } })
  })

  it('unknown fields written by a newer app survive an edit', () => {
    const doc = newCollectiveDoc()
    const added = edit.addFamily(doc, { displayName: 'Dupont' })
    if (!added.ok) throw new Error('addFamily failed')
    const record = doc.getMap(MAP_FAMILIES).get(added.value) as Y.Map<unknown>
    record.set('futureField', { kept: true })
    doc.getMap(MAP_PROFILE).set('logo', 'lilas.png')
    edit.renameFamily(doc, added.value, { displayName: 'Durand' })
    edit.updateProfile(doc, { ...profile, name: 'Pédibus Lilas' })
    const view = readCollective(doc)
    expect(view.families[0]).toMatchObject({ displayName: 'Durand', futureField: { kept: true } })
    expect(view.profile).toMatchObject({ name: 'Pédibus Lilas', logo: 'lilas.png' })
  })
})

describe('records to check', () => {
  it('lists invalid records without throwing and keeps the valid ones', () => {
    const doc = newCollectiveDoc()
    edit.addFamily(doc, { displayName: 'Valide' })
    const families = doc.getMap<unknown>(MAP_FAMILIES)
    const wrongType = new Y.Map<unknown>()
    wrongType.set('displayName', 42)
    const huge = new Y.Map<unknown>()
    huge.set('displayName', 'x'.repeat(10_000))
    const markup = new Y.Map<unknown>()
    markup.set('displayName', '<img src=x onerror=alert(1)>'.repeat(5))
    families.set('a', wrongType)
    families.set('b', huge)
    families.set('c', markup)
    families.set('d', 'not a map')
    families.set('e', new Y.Array())
    const view = readCollective(doc)
    expect(view.families.map((family) => family.displayName)).toEqual(['Valide'])
    expect(view.toCheck.map((record) => record.key).sort()).toEqual(['a', 'b', 'c', 'd', 'e'])
    for (const record of view.toCheck) {
      expect(record.kind).toBe('family')
      expect(record.problems.length).toBeGreaterThan(0)
      expect(record.preview.length).toBeLessThanOrEqual(80)
    }
  })

  it('an invalid profile is listed to check and reads as null', () => {
    const doc = newCollectiveDoc()
    doc.getMap(MAP_PROFILE).set('name', 12)
    const view = readCollective(doc)
    expect(view.profile).toBeNull()
    expect(view.toCheck).toEqual([expect.objectContaining({ kind: 'profile', problems: ['name:invalid_type'] })])
  })

  it('a top-level name defined with another type is reported, not thrown', () => {
    const doc = new Y.Doc()
    doc.getArray(MAP_FAMILIES).push(['oops'])
    const view = readCollective(doc)
    expect(view.families).toEqual([])
    expect(view.toCheck).toEqual([expect.objectContaining({ kind: 'family', problems: ['notAMap'] })])
  })

  it('deleting a record to check removes it', () => {
    const doc = newCollectiveDoc()
    doc.getMap<unknown>(MAP_FAMILIES).set('bad', 'x')
    doc.getMap(MAP_PROFILE).set('town', '')
    for (const record of readCollective(doc).toCheck) edit.deleteRecordToCheck(doc, record)
    const view = readCollective(doc)
    expect(view.toCheck).toEqual([])
    expect(view.profile).toBeNull()
  })
})

describe('convergence', () => {
  const exchange = (a: Y.Doc, b: Y.Doc, order: 'ab' | 'ba'): void => {
    const fromA = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b))
    const fromB = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a))
    if (order === 'ab') {
      Y.applyUpdate(b, fromA)
      Y.applyUpdate(a, fromB)
    } else {
      Y.applyUpdate(a, fromB)
      Y.applyUpdate(b, fromA)
    }
  }

  for (const order of ['ab', 'ba'] as const) {
    it(`concurrent edits on two phones converge (exchange ${order})`, () => {
      const a = newCollectiveDoc()
      const b = keyedDoc()
      Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
      const shared = edit.addFamily(a, { displayName: 'Partagée' })
      if (!shared.ok) throw new Error('addFamily failed')
      exchange(a, b, order)
      // Offline on both sides:
      edit.addFamily(a, { displayName: 'Famille A' })
      edit.addFamily(b, { displayName: 'Famille B' })
      edit.renameFamily(a, shared.value, { displayName: 'Renommée par A' })
      edit.updateProfile(b, { ...profile, town: 'Bron' })
      edit.removeFamily(b, shared.value)
      exchange(a, b, order)
      expectConverged(a, b)
      const view = readCollective(a)
      expect(view.families.map((family) => family.displayName)).toEqual(['Famille A', 'Famille B'])
      expect(view.profile?.town).toBe('Bron')
      expect(readCollective(b)).toEqual(view)
    })
  }
})

describe('migrations', () => {
  it('reports the document state without touching a current or empty document', () => {
    expect(migrateDocument(new Y.Doc())).toBe('uninitialised')
    const doc = newCollectiveDoc()
    const before = Y.encodeStateVector(doc)
    expect(migrateDocument(doc)).toBe('current')
    expect(Y.encodeStateVector(doc)).toEqual(before)
    doc.getMap(MAP_META).set('schemaVersion', 7)
    expect(migrateDocument(doc)).toBe('newerSchema')
  })
})
