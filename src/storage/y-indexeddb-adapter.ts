// Everything the app takes from y-indexeddb beyond its documented API, in one place and checked.
//
// The app needs what y-indexeddb keeps private: the IDBDatabase it writes on (`_db`: "saved" is a readonly
// transaction queued after its writes, and quota errors it ignores reach listeners on the database), the name and
// shape of its object stores (`updates`, autoIncrement; `custom`), its count of stored updates (`_dbsize`, reset after
// the erasure rewrite so its own merging counts from there), and two behaviours: it applies stored updates with
// itself as the transaction origin, and stores no update whose origin is itself. A field missing or of another type
// throws a YIndexeddbShapeError naming the installed version. tests/unit/storage/y-indexeddb-adapter.test.ts checks
// all of it against a real IndexeddbPersistence and fails, naming the version, once another one is installed.
import { IndexeddbPersistence, PREFERRED_TRIM_SIZE } from 'y-indexeddb'
import { version as installedVersion } from 'y-indexeddb/package.json'
import type * as Y from 'yjs'
import { quietUpdatesOf } from './quiet-load.ts'

/** The installed y-indexeddb (its package.json, bundled). */
export const Y_INDEXEDDB_VERSION: string = installedVersion
/** The version this adapter was checked against; the pinned test fails once another one is installed. */
export const CHECKED_Y_INDEXEDDB_VERSION = '9.0.12'

/** The object store y-indexeddb keeps its update log in (autoIncrement keys). */
export const UPDATES_STORE = 'updates'
/** Its other object store (key-value pairs of its get/set API; unused by the app, created as it would). */
export const CUSTOM_STORE = 'custom'
/** y-indexeddb merges its log into one state about a second after its count of stored updates reaches this. */
export const TRIM_SIZE: number = PREFERRED_TRIM_SIZE

export class YIndexeddbShapeError extends Error {
  override readonly name = 'YIndexeddbShapeError'
}

const shapeError = (what: string, expected: string, value: unknown): YIndexeddbShapeError =>
  new YIndexeddbShapeError(
    `y-indexeddb ${Y_INDEXEDDB_VERSION}: ${what} is ${describeValue(value)}, expected ${expected}. The app relies on this ` +
      `internal (checked against y-indexeddb ${CHECKED_Y_INDEXEDDB_VERSION}): re-check src/storage/y-indexeddb-adapter.ts.`,
  )

const describeValue = (value: unknown): string => {
  if (value === undefined) return 'missing'
  if (value === null) return 'null'
  if (typeof value === 'object') return `an object (${Object.prototype.toString.call(value)})`
  return `a ${typeof value}`
}

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function'

/** Duck-typed (fake-indexeddb's databases are not `IDBDatabase` instances): the handle y-indexeddb opened with its stores. */
const isUpdatesDatabase = (value: unknown): value is IDBDatabase => {
  if (typeof value !== 'object' || value === null) return false
  const db = value as Partial<IDBDatabase>
  return typeof db.transaction === 'function' && typeof db.addEventListener === 'function' &&
    typeof db.objectStoreNames?.contains === 'function' && db.objectStoreNames.contains(UPDATES_STORE)
}

/** A collective's Y.Doc bound to IndexedDB by y-indexeddb, seen only through what the app uses. */
export interface YIndexeddbBinding {
  /**
   * The origin of the transactions that apply stored updates (not a local change), and the origin to give updates
   * that must not be stored again (y-indexeddb skips its own).
   */
  readonly origin: object
  /**
   * The database y-indexeddb writes on, once open: abort and error events of its transactions reach listeners on it,
   * and a transaction on UPDATES_STORE runs after the writes queued before it. Rejects if it cannot open (or is not
   * the database expected: a YIndexeddbShapeError).
   */
  readonly database: Promise<IDBDatabase>
  /** Resolves once the stored updates are applied; never settles when the database cannot open. */
  readonly whenSynced: Promise<void>
  /**
   * Sets y-indexeddb's count of stored updates (after the log was rewritten as `count` rows). Each stored update adds
   * one; at TRIM_SIZE it schedules its merge, which recounts the rows and merges only if there are that many.
   */
  setStoredCount(count: number): void
  /** Stops storing the doc's updates and closes the database. */
  destroy(): Promise<void>
}

/** Binds `doc` to the IndexedDB database `name`; throws a YIndexeddbShapeError when an internal is not as expected. */
export const bindYIndexeddb = (name: string, doc: Y.Doc): YIndexeddbBinding => {
  const persistence = new IndexeddbPersistence(name, doc)
  const fields = persistence as unknown as Record<string, unknown>
  const problem =
    !isThenable(fields._db) ? shapeError('IndexeddbPersistence._db', 'a Promise of its IDBDatabase', fields._db)
    : typeof fields._dbsize !== 'number' ? shapeError('IndexeddbPersistence._dbsize', 'a number (stored updates)', fields._dbsize)
    : !isThenable(fields.whenSynced) ? shapeError('IndexeddbPersistence.whenSynced', 'a Promise', fields.whenSynced)
    : null
  if (problem) {
    try {
      void persistence.destroy() // it already listens to the doc
    } catch {
      // a missing _db fails its destroy() after the doc's listeners are removed
    }
    throw problem
  }
  const database = Promise.resolve(fields._db).then((db) => {
    if (!isUpdatesDatabase(db)) throw shapeError('IndexeddbPersistence._db', `to resolve to an IDBDatabase with a '${UPDATES_STORE}' store`, db)
    return db
  })
  const whenSynced = Promise.resolve(fields.whenSynced).then(() => undefined)
  // Applying the stored log emits no 'update' (quiet-load.ts); until it is applied, or the binding is destroyed.
  const stopQuiet = quietUpdatesOf(doc, persistence, whenSynced)
  return {
    origin: persistence,
    database,
    whenSynced,
    setStoredCount(count) {
      if (typeof fields._dbsize !== 'number') throw shapeError('IndexeddbPersistence._dbsize', 'a number (stored updates)', fields._dbsize)
      fields._dbsize = count
    },
    destroy: () => {
      stopQuiet()
      return persistence.destroy()
    },
  }
}

/** Creates the object stores y-indexeddb creates, for a database written before y-indexeddb opens it. */
export const createYIndexeddbStores = (db: IDBDatabase): void => {
  if (!db.objectStoreNames.contains(UPDATES_STORE)) db.createObjectStore(UPDATES_STORE, { autoIncrement: true })
  if (!db.objectStoreNames.contains(CUSTOM_STORE)) db.createObjectStore(CUSTOM_STORE)
}
