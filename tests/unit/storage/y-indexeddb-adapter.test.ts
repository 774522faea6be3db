// The y-indexeddb internals the app relies on (src/storage/y-indexeddb-adapter.ts), checked against a real
// IndexeddbPersistence over fake-indexeddb and pinned to the installed version: another version fails here with
// "y-indexeddb X.Y.Z: re-check the adapter" until someone checks every assumption below and bumps
// CHECKED_Y_INDEXEDDB_VERSION.
import 'fake-indexeddb/auto'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { IndexeddbPersistence } from 'y-indexeddb'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { rewriteAsOneState } from '../../../src/storage/doc-compaction.ts'
import { replaceStoredDocument } from '../../../src/storage/doc-persistence.ts'
import {
  bindYIndexeddb, CHECKED_Y_INDEXEDDB_VERSION, CUSTOM_STORE, TRIM_SIZE, UPDATES_STORE, Y_INDEXEDDB_VERSION, YIndexeddbShapeError,
  type YIndexeddbBinding,
} from '../../../src/storage/y-indexeddb-adapter.ts'

const installed = (JSON.parse(readFileSync(fileURLToPath(import.meta.resolve('y-indexeddb/package.json')), 'utf8')) as { version: string }).version
/** Every assertion's message: a failure after an upgrade says what to do. */
const RECHECK = `y-indexeddb ${installed}: re-check the adapter (src/storage/y-indexeddb-adapter.ts, checked against ${CHECKED_Y_INDEXEDDB_VERSION})`

let counter = 0
const freshName = (): string => `y-indexeddb-adapter-${counter++}`
const bindings: YIndexeddbBinding[] = []
const bind = (name: string, doc: Y.Doc): YIndexeddbBinding => {
  const binding = bindYIndexeddb(name, doc)
  bindings.push(binding)
  return binding
}
afterEach(async () => {
  for (const binding of bindings.splice(0)) await binding.destroy()
})

const request = <T>(req: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error ?? new Error('request failed'))
  })
const storedCount = async (db: IDBDatabase): Promise<number> =>
  request(db.transaction([UPDATES_STORE], 'readonly').objectStore(UPDATES_STORE).count())
/** y-indexeddb's own count of stored updates, read around the adapter (which only writes it). */
const dbsizeOf = (binding: YIndexeddbBinding): unknown => (binding.origin as { _dbsize?: unknown })._dbsize

describe(`y-indexeddb ${installed}: the internals behind src/storage/y-indexeddb-adapter.ts`, () => {
  it('is the version the adapter was checked against', () => {
    expect(Y_INDEXEDDB_VERSION, `${RECHECK}: the bundled package.json says another version`).toBe(installed)
    expect(installed, RECHECK).toBe(CHECKED_Y_INDEXEDDB_VERSION)
  })

  it('opens the database it writes on, with its stores: updates (autoIncrement) and custom', async () => {
    const binding = bind(freshName(), new Y.Doc())
    const db = await binding.database
    expect((binding.origin as IndexeddbPersistence).db, `${RECHECK}: _db resolves to another database than db`).toBe(db)
    expect([...db.objectStoreNames].sort(), RECHECK).toEqual([CUSTOM_STORE, UPDATES_STORE].sort())
    const updates = db.transaction([UPDATES_STORE], 'readonly').objectStore(UPDATES_STORE)
    expect({ autoIncrement: updates.autoIncrement, keyPath: updates.keyPath }, RECHECK).toEqual({ autoIncrement: true, keyPath: null })
    expect(typeof dbsizeOf(binding), `${RECHECK}: _dbsize`).toBe('number')
  })

  it('applies stored updates with itself as origin, then whenSynced resolves; an update with that origin is not stored', async () => {
    const name = freshName()
    const first = new Y.Doc()
    const writer = bind(name, first)
    await writer.whenSynced
    first.getMap('m').set('a', 1)
    first.getMap('m').set('b', 2)
    await writer.destroy()

    const doc = new Y.Doc()
    const origins: unknown[] = []
    // Transactions, not 'update' events: the adapter keeps the load from emitting one (src/storage/quiet-load.ts).
    doc.on('afterTransaction', (transaction: Y.Transaction) => {
      if (transaction.changed.size > 0) origins.push(transaction.origin)
    })
    const binding = bind(name, doc)
    await binding.whenSynced
    expect(doc.getMap('m').toJSON(), RECHECK).toEqual({ a: 1, b: 2 })
    expect(origins.length, RECHECK).toBeGreaterThan(0)
    expect(origins.every((origin) => origin === binding.origin), `${RECHECK}: stored updates applied with another origin`).toBe(true)

    const db = await binding.database
    const before = await storedCount(db)
    const other = new Y.Doc()
    other.getMap('m').set('c', 3)
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other), binding.origin)
    expect(await storedCount(db), `${RECHECK}: an update with its own origin was stored`).toBe(before)
  })

  it('counts stored rows in _dbsize, and stores a local update before a readonly transaction opened at updateV2 runs', async () => {
    const doc = new Y.Doc()
    const binding = bind(freshName(), doc)
    await binding.whenSynced
    const db = await binding.database
    const rows = await storedCount(db)
    expect(dbsizeOf(binding), `${RECHECK}: _dbsize does not count the stored rows`).toBe(rows)
    // "Saved on this phone" (doc-persistence.ts): the readonly transaction opened at 'updateV2' completes after the
    // write y-indexeddb queued at 'update' for the same transaction, and sees it.
    const seenAtUpdateV2 = new Promise<number>((resolve, reject) => {
      doc.once('updateV2', () => {
        storedCount(db).then(resolve, reject)
      })
    })
    doc.getMap('m').set('x', 1)
    expect(await seenAtUpdateV2, `${RECHECK}: the local update was not written before the check`).toBe(rows + 1)
    expect(dbsizeOf(binding), `${RECHECK}: _dbsize does not count a stored update`).toBe(rows + 1)
  })

  it('counts from setStoredCount after a rewrite as one state: its merge comes TRIM_SIZE updates later and loses nothing', async () => {
    const name = freshName()
    const doc = new Y.Doc()
    const binding = bind(name, doc)
    await binding.whenSynced
    const db = await binding.database
    for (let i = 0; i < 5; i++) doc.getMap('m').set(`k${i}`, i)
    await rewriteAsOneState(db, doc, binding.origin) // the erasure rewrite (doc-compaction.ts)
    expect(await storedCount(db), RECHECK).toBe(1)
    binding.setStoredCount(1)
    expect(dbsizeOf(binding), RECHECK).toBe(1)
    // _dbsize starts y-indexeddb's merge (about a second after it reaches TRIM_SIZE); the merge recounts the rows.
    const values: Record<string, number> = Object.fromEntries([0, 1, 2, 3, 4].map((i) => [`k${i}`, i]))
    for (let i = 0; i < TRIM_SIZE - 1; i++) {
      doc.getMap('n').set(`v${i}`, i)
      values[`v${i}`] = i
    }
    expect(dbsizeOf(binding), `${RECHECK}: _dbsize does not count from the value set`).toBe(TRIM_SIZE)
    expect(await storedCount(db), RECHECK).toBe(TRIM_SIZE)
    await vi.waitFor(async () => expect(await storedCount(db), `${RECHECK}: no merge after TRIM_SIZE stored updates`).toBe(1), { timeout: 5_000, interval: 50 })
    expect(dbsizeOf(binding), RECHECK).toBe(1)
    await binding.destroy()

    const reloaded = new Y.Doc()
    await bind(name, reloaded).whenSynced
    expect({ ...reloaded.getMap('m').toJSON(), ...reloaded.getMap('n').toJSON() }, RECHECK).toEqual(values)
  })

  it('opens a database the app wrote before it (replaceStoredDocument) and loads its state', async () => {
    const name = freshName()
    const source = new Y.Doc()
    source.getMap('m').set('restored', true)
    await replaceStoredDocument(name, Y.encodeStateAsUpdate(source))
    const doc = new Y.Doc()
    await bind(name, doc).whenSynced
    expect(doc.getMap('m').toJSON(), RECHECK).toEqual({ restored: true })
  })

  it('a missing or changed internal throws a clear error naming the installed version', () => {
    const doc = new Y.Doc()
    const proto = IndexeddbPersistence.prototype as unknown as Record<string, unknown>
    // Simulates a version that keeps the count under another name: the constructor's own field is hidden.
    Object.defineProperty(proto, '_dbsize', { configurable: true, get: () => undefined, set: () => {} })
    try {
      let thrown: unknown
      try {
        bindYIndexeddb(freshName(), doc)
      } catch (error) {
        thrown = error
      }
      expect(thrown).toBeInstanceOf(YIndexeddbShapeError)
      expect((thrown as Error).message).toContain(`y-indexeddb ${installed}: IndexeddbPersistence._dbsize is missing`)
      expect((thrown as Error).message).toContain('re-check src/storage/y-indexeddb-adapter.ts')
    } finally {
      delete proto._dbsize
    }
    // The half-built binding stopped listening to the doc (lib0's listener map, read here only).
    expect((doc as unknown as { _observers: Map<string, Set<unknown>> })._observers.get('update')?.size ?? 0).toBe(0)
  })
})
