// Erasure on the phone: once a family is removed and the stored document compacted, no IndexedDB record of
// this phone holds its names, phone number or support note (in clear or sealed); before, they are there.
import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { CollectiveSession } from '../../../src/app/api.ts'
import * as edit from '../../../src/doc/mutations.ts'
import type { FamilyId } from '../../../src/domain/ids.ts'
import { removesPersonalValue } from '../../../src/storage/doc-compaction.ts'
import { FLAT_PERSONAL_MAPS } from '../../../src/doc/record-kinds.ts'
import { bindDocPersistence, docDatabaseName, type DocPersistence } from '../../../src/storage/doc-persistence.ts'
import { needlesFound } from '../../helpers/byte-search.ts'
import { waitFor } from '../../helpers/relay.ts'
import { keyedDoc } from '../../helpers/seal-key.ts'
import { useSessionPhones, valueOf } from '../app/session-phones.ts'

const NOW = Date.UTC(2027, 2, 2, 9)
const phones = useSessionPhones('unit-erasure', () => NOW)
const bindings: DocPersistence[] = []
afterEach(() => {
  for (const binding of bindings.splice(0)) binding.destroy()
})

const LEAVING = { family: 'Quenouille-Vasseur', adult: 'Philémon', phone: '06 98 76 54 32', child: 'Zéphyrine', support: 'Allergie aux arachides : stylo dans le cartable bleu' }

const request = <T>(req: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error ?? new Error('request failed'))
  })

/** Every byte string and text inside a stored value (updates are Uint8Arrays; Dexie rows are objects). */
const bytesOf = (value: unknown): Uint8Array[] => {
  if (value instanceof Uint8Array) return [value]
  if (value instanceof ArrayBuffer) return [new Uint8Array(value)]
  if (typeof value === 'string') return [Buffer.from(value, 'utf8')]
  if (Array.isArray(value)) return value.flatMap(bytesOf)
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(bytesOf)
  return []
}

/** The raw contents of every record of every object store of the databases whose name starts with `prefix`. */
const recordsOfDatabases = async (prefix: string): Promise<Uint8Array[]> => {
  const names = (await indexedDB.databases()).flatMap((info) => (info.name?.startsWith(prefix) ? [info.name] : []))
  const all: Uint8Array[] = []
  for (const name of names) {
    const db = await request(indexedDB.open(name))
    try {
      for (const store of [...db.objectStoreNames]) {
        const values = await request(db.transaction(store, 'readonly').objectStore(store).getAll())
        all.push(...values.flatMap(bytesOf))
      }
    } finally {
      db.close()
    }
  }
  return all
}

/** The stored document, rebuilt without any key: personal values as stored (sealed or plain). */
const storedDoc = async (databaseName: string): Promise<Y.Doc> => {
  const doc = new Y.Doc()
  for (const update of await recordsOfDatabases(databaseName)) Y.applyUpdate(doc, update)
  return doc
}

/** The leaving family's stored strings that a byte search can find (a plain one-letter initial occurs by chance). */
const SHARED_FIELDS = new Set(['familyId', 'joinedOn'])

const storedOfFamily = (doc: Y.Doc, familyId: string): string[] => {
  const texts: string[] = []
  for (const mapName of ['families', 'adults', 'children']) {
    for (const [key, record] of doc.getMap(mapName).entries()) {
      if (!(record instanceof Y.Map) || (key !== familyId && record.get('familyId') !== familyId)) continue
      // Ids and dates shared with other records (a family's joining day) are not the family's own values.
      for (const [field, value] of record.entries()) if (typeof value === 'string' && !SHARED_FIELDS.has(field) && value.length >= 4) texts.push(value)
    }
  }
  return texts
}

const addLeavingFamily = (session: Pick<CollectiveSession, 'addFamily' | 'addAdult' | 'addChild'>): FamilyId => {
  const familyId = valueOf(session.addFamily({ displayName: LEAVING.family }))
  const adultId = valueOf(session.addAdult(familyId, { firstName: LEAVING.adult, phone: LEAVING.phone, charterAcceptedOn: null, insured: true }))
  // Written on this phone at the family's request, with its adult's agreement (issue 16).
  valueOf(session.addChild(familyId, {
    firstName: LEAVING.child, initial: 'Q', routes: {}, days: [1], support: LEAVING.support, countsExtra: false, consentBy: adultId, onRequest: true,
  }))
  return familyId
}

const countUpdates = async (databaseName: string): Promise<number> => {
  const db = await request(indexedDB.open(databaseName))
  try {
    return await request(db.transaction('updates', 'readonly').objectStore('updates').count())
  } finally {
    db.close()
  }
}

/** A phone of `namespace` that created a collective and opened it. */
const openNewCollective = async (namespace: string): Promise<{ id: string; session: CollectiveSession }> => {
  const services = await phones.start(namespace)
  const id = valueOf(await services.createCollective({ name: 'Pédibus des Pins', school: 'École des Pins', town: 'Mérignac', schoolPlace: '33000' }))
  const session = await services.openCollective(id)
  if (!session) throw new Error('no session')
  phones.track(session)
  return { id, session }
}

describe('erasure on the phone', () => {
  it('removing a family through the session compacts the stored document: its values leave every database of the phone', async () => {
    const namespace = 'unit-erasure-session:'
    const { id, session } = await openNewCollective(namespace)
    const keptId = valueOf(session.addFamily({ displayName: 'Martin-Lefebvre' }))
    const familyId = addLeavingFamily(session)
    await waitFor(() => session.status.get().local === 'saved', 'saved on the phone')

    const databaseName = docDatabaseName(namespace, id)
    const before = await storedDoc(databaseName)
    const removed = storedOfFamily(before, familyId)
    const kept = storedOfFamily(before, keptId)
    expect(removed.length).toBeGreaterThanOrEqual(5)
    expect(needlesFound(await recordsOfDatabases(namespace), removed)).toEqual(removed) // the search can fail

    session.removeFamily(familyId)
    // The session compacts by itself: the log becomes one state (nothing else writes in this test).
    await waitFor(async () => (await countUpdates(databaseName)) === 1, 'stored document compacted')
    const records = await recordsOfDatabases(namespace)
    expect(needlesFound(records, [...removed, ...Object.values(LEAVING)])).toEqual([])
    expect(needlesFound(records, kept)).toEqual(kept)
    expect(session.view.get().families.map((family) => family.id)).toEqual([keptId])
  })

  it('emptying or correcting a personal field compacts the stored document: the old value leaves every database', async () => {
    const namespace = 'unit-erasure-field:'
    const { id, session } = await openNewCollective(namespace)
    const familyId = addLeavingFamily(session)
    await waitFor(() => session.status.get().local === 'saved', 'saved on the phone')
    const databaseName = docDatabaseName(namespace, id)
    const child = session.view.get().children.find((one) => one.familyId === familyId)!
    const sealedNote = (doc: Y.Doc): unknown => (doc.getMap('children').get(child.id) as Y.Map<unknown>).get('support')
    const firstNote = sealedNote(await storedDoc(databaseName))
    expect(typeof firstNote).toBe('string')
    expect(needlesFound(await recordsOfDatabases(namespace), [firstNote as string])).toEqual([firstNote])
    const input = { firstName: child.firstName, initial: child.initial, routes: child.routes, days: child.days, countsExtra: child.countsExtra, onRequest: true }

    valueOf(session.updateChild(child.id, { ...input, support: 'Fauteuil roulant : rampe côté parc' }))
    await waitFor(async () => (await countUpdates(databaseName)) === 1, 'stored document compacted after the correction')
    const secondNote = sealedNote(await storedDoc(databaseName))
    expect(secondNote).not.toBe(firstNote)
    expect(needlesFound(await recordsOfDatabases(namespace), [firstNote as string])).toEqual([])

    valueOf(session.updateChild(child.id, { ...input, support: '' }))
    await waitFor(async () => (await countUpdates(databaseName)) === 1 && sealedNote(await storedDoc(databaseName)) !== secondNote,
      'stored document compacted after the note was emptied')
    expect(needlesFound(await recordsOfDatabases(namespace), [firstNote as string, secondNote as string])).toEqual([])
    expect(session.view.get().children.find((one) => one.id === child.id)?.support ?? '').toBe('')
  })

  it('a removal alone leaves the values in y-indexeddb’s log; compact() erases them and keeps the rest', async () => {
    const name = 'unit-erasure-binding:doc'
    const doc = keyedDoc()
    const binding = bindDocPersistence(doc, name)
    bindings.push(binding)
    await binding.whenLoaded
    const keptId = valueOf(edit.addFamily(doc, { displayName: 'Martin-Lefebvre' }))
    const familyId = addLeavingFamily({
      addFamily: (input) => edit.addFamily(doc, input),
      addAdult: (family, input) => edit.addAdult(doc, family, input),
      addChild: (family, input) => edit.addChild(doc, family, input),
    })
    const removed = storedOfFamily(doc, familyId)

    // The removal arrives from another phone (a member removes a family that left): not a local origin.
    const remote = keyedDoc()
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc))
    edit.removeFamily(remote, familyId)
    const seen: boolean[] = []
    doc.on('beforeObserverCalls', (transaction: Y.Transaction) => seen.push(removesPersonalValue(transaction, FLAT_PERSONAL_MAPS)))
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc)), 'relay')
    expect(seen).toEqual([true])
    doc.getMap('settings').set('minAdults', 2) // an ordinary change removes no personal value
    expect(seen).toEqual([true, false])
    // A name corrected on another phone replaces a sealed value: that old value must leave the log too.
    const remoteState = Y.encodeStateVector(doc)
    edit.renameFamily(remote, keptId, { displayName: 'Martin-Lefèvre' })
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, remoteState), 'relay')
    expect(seen).toEqual([true, false, true])

    await waitFor(() => binding.state.get().local === 'saved', 'removal saved')
    expect(needlesFound(await recordsOfDatabases(name), removed)).toEqual(removed)

    expect(await binding.compact()).toBe(true)
    expect(await countUpdates(name)).toBe(1)
    const records = await recordsOfDatabases(name)
    expect(needlesFound(records, removed)).toEqual([])
    const reloaded = new Y.Doc()
    for (const update of records) Y.applyUpdate(reloaded, update)
    expect([...reloaded.getMap('families').keys()]).toEqual([keptId])
    expect(reloaded.getMap('settings').get('minAdults')).toBe(2)
  })
})
