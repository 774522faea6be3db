// Binds a collective's Y.Doc to IndexedDB (y-indexeddb) and tells when local changes are on disk or failed.
//
// y-indexeddb writes each update in its own readwrite transaction and ignores failures. Two tricks, both on its
// internals, which only y-indexeddb-adapter.ts reads (checked there, and pinned to the installed version by a test):
// - "saved": after a local update, open a readonly transaction on the same 'updates' store;
//   IndexedDB runs it after the earlier readwrite ones, so its completion means the write is done.
// - errors: abort and error events bubble from transactions to the IDBDatabase; a listener there
//   sees quota errors y-indexeddb drops, and turns them into visible state.
// compact() rewrites the stored log as one state (doc-compaction.ts): the session calls it after a removal.
import type * as Y from 'yjs'
import { createStore, type ReadableStore } from '../lib/store.ts'
import { rewriteAsOneState } from './doc-compaction.ts'
import { bindYIndexeddb, createYIndexeddbStores, UPDATES_STORE, YIndexeddbShapeError } from './y-indexeddb-adapter.ts'

export type StorageProblem = 'quotaExceeded' | 'storageUnavailable'

export interface LocalSaveState {
  readonly local: 'loading' | 'saving' | 'saved' | 'error'
  readonly storageError: StorageProblem | null
}

export interface DocPersistence {
  /** The origin y-indexeddb uses when it applies stored updates (not a local change). */
  readonly origin: unknown
  readonly state: ReadableStore<LocalSaveState>
  /** Resolves once the stored document has been applied (or storage failed); never rejects. */
  readonly whenLoaded: Promise<void>
  /**
   * Erasure: replaces the stored updates by one state of the document, so deleted values leave the disk.
   * Calls made while one is waiting share it; one made while a rewrite runs gets another after it.
   * Resolves true once the rewrite is on disk, false when destroyed or storage failed; never rejects.
   */
  compact(): Promise<boolean>
  destroy(): void
}

export const docDatabaseName = (namespace: string, roomId: string): string => `${namespace}pedibus-doc-${roomId}`

export const bindDocPersistence = (doc: Y.Doc, databaseName: string): DocPersistence => {
  const state = createStore<LocalSaveState>({ local: 'loading', storageError: null })
  const persistence = bindYIndexeddb(databaseName, doc)
  let loaded = false
  let destroyed = false
  let checksInFlight = 0
  let database: IDBDatabase | null = null

  const fail = (problem: StorageProblem): void => {
    if (destroyed) return
    // A quota error is the one to show: it tells the user what to do; keep it over a generic one.
    const shown = state.get().storageError === 'quotaExceeded' ? 'quotaExceeded' : problem
    state.set({ local: 'error', storageError: shown })
  }
  const onDatabaseProblem = (event: Event): void => fail(problemOf(event))
  const onUnexpectedClose = (): void => fail('storageUnavailable')
  const settle = (): void => {
    if (destroyed || state.get().local === 'error' || !loaded) return
    state.set({ local: checksInFlight > 0 ? 'saving' : 'saved', storageError: null })
  }

  const opened = persistence.database.then((db) => {
    if (destroyed) return
    database = db
    db.addEventListener('abort', onDatabaseProblem)
    db.addEventListener('error', onDatabaseProblem)
    db.addEventListener('close', onUnexpectedClose)
  })
  opened.catch((error: unknown) => {
    if (error instanceof YIndexeddbShapeError) console.error(error.message) // a y-indexeddb the app does not know
    fail('storageUnavailable')
  })

  // whenSynced never settles when the database cannot open: resolve on either outcome.
  const whenLoaded = new Promise<void>((resolve) => {
    void persistence.whenSynced.then(() => resolve())
    opened.catch(() => resolve())
  }).then(() => {
    loaded = true
    settle()
  })

  const confirmWritten = (): void => {
    checksInFlight++
    settle()
    persistence.database
      .then((db) => {
        const transaction = db.transaction([UPDATES_STORE], 'readonly')
        transaction.oncomplete = () => {
          checksInFlight--
          settle()
        }
        transaction.onabort = () => {
          checksInFlight--
          fail(problemOf(transaction.error))
        }
      })
      .catch(() => {
        checksInFlight--
        fail('storageUnavailable')
      })
  }
  // Registered after y-indexeddb's own 'update' handler (bound above), so its write is queued when this runs. Not
  // 'updateV2': a V2 listener makes Yjs encode every transaction twice, the whole stored state when it loads.
  const onUpdate = (_update: Uint8Array, origin: unknown): void => {
    if (origin !== persistence.origin) confirmWritten()
  }
  doc.on('update', onUpdate)

  let compactChain: Promise<unknown> = Promise.resolve()
  let compactWaiting: Promise<boolean> | null = null
  const rewrite = async (): Promise<boolean> => {
    compactWaiting = null
    await whenLoaded
    if (destroyed) return false
    try {
      const db = await persistence.database
      if (destroyed) return false
      await rewriteAsOneState(db, doc, persistence.origin)
      persistence.setStoredCount(1) // y-indexeddb's own trimming counts from here
      return true
    } catch {
      return false // an abort also reached the database's listeners: the state shows the problem
    }
  }

  return {
    origin: persistence.origin,
    state,
    whenLoaded,
    compact() {
      // Started after a microtask at least: y-indexeddb queues the removal's own update first.
      compactWaiting ??= compactChain.then(rewrite)
      compactChain = compactWaiting
      return compactWaiting
    },
    destroy() {
      if (destroyed) return
      destroyed = true
      doc.off('update', onUpdate)
      database?.removeEventListener('abort', onDatabaseProblem)
      database?.removeEventListener('error', onDatabaseProblem)
      database?.removeEventListener('close', onUnexpectedClose)
      void persistence.destroy()
    },
  }
}

/** QuotaExceededError on the event's target (request or transaction), or on the error itself. */
const problemOf = (source: unknown): StorageProblem => {
  const error = isRecord(source) && isRecord(source.target) ? source.target.error : source
  return isRecord(error) && error.name === 'QuotaExceededError' ? 'quotaExceeded' : 'storageUnavailable'
}

// Duck-typed: events from other IndexedDB implementations (fake-indexeddb) are not `Event` instances.
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null

/**
 * Replaces a collective's stored document by `state`, in one readwrite transaction (the old copy stays whole if
 * it fails). Call with no binding open on the database: a binding would go on writing the old copy's updates.
 */
export const replaceStoredDocument = async (databaseName: string, state: Uint8Array): Promise<void> => {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(databaseName)
    // A database that does not exist yet gets the stores y-indexeddb would create.
    request.onupgradeneeded = () => createYIndexeddbStores(request.result)
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error ?? new Error('open failed'))
  })
  try {
    await new Promise<void>((resolve, reject) => {
      const transaction = db.transaction([UPDATES_STORE], 'readwrite')
      const store = transaction.objectStore(UPDATES_STORE)
      store.clear()
      store.add(state)
      transaction.oncomplete = () => resolve()
      transaction.onabort = () => reject(transaction.error ?? new Error('replace aborted'))
    })
  } finally {
    db.close()
  }
}

/** Deletes a collective's stored document (after its binding was destroyed); resolves even when blocked. */
export const deleteDocDatabase = (databaseName: string): Promise<void> =>
  new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(databaseName)
    request.onsuccess = () => resolve()
    request.onerror = () => reject(request.error ?? new Error('deleteDatabase failed'))
    request.onblocked = () => resolve() // completes once the last connection closes
  })
