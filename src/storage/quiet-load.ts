// The transaction that applies the stored document emits no 'update' event, so Yjs does not encode it all again.
//
// With any 'update' listener bound, Yjs encodes every transaction once more to emit it (cleanupTransactions). For
// the one that applies the stored log, that is the whole document again (290 ms of a 2.7 s cold start at CPU x4 for
// one school year of 40 families, bench:phone) for listeners that all skip it: y-indexeddb stores nothing of its
// own origin, the outbox counts it foreign, the tab channel and the relay connection start once it is loaded, and
// the session reads the loaded view when the load resolves. Transactions its observers open are emitted as usual.
//
// Yjs offers no switch for this: its check is `doc._observers.has('update')` (lib0's ObservableV2). The 'update'
// listeners are set aside right after that transaction's 'afterTransactionCleanup' (emitted just before the check)
// and put back at the next transaction event. tests/unit/storage/doc-persistence.test.ts fails if Yjs changes this.
import type * as Y from 'yjs'

type Observers = Map<string, Set<unknown>>

const observersOf = (doc: Y.Doc): Observers | null => {
  const observers: unknown = (doc as unknown as { _observers?: unknown })._observers
  return observers instanceof Map ? (observers as Observers) : null
}

/**
 * Until `until` settles (or the returned stop is called), transactions of `origin` emit no 'update'. Where the
 * doc's observers are not where this expects them, nothing changes (the load is encoded again, nothing is lost).
 */
export const quietUpdatesOf = (doc: Y.Doc, origin: unknown, until: Promise<unknown>): (() => void) => {
  const observers = observersOf(doc)
  if (observers === null) return () => undefined
  let setAside: Set<unknown> | null = null
  const putBack = (): void => {
    if (setAside === null) return
    const boundSince = observers.get('update')
    observers.set('update', new Set([...setAside, ...(boundSince ?? [])]))
    setAside = null
  }
  const onCleanup = (transaction: Y.Transaction): void => {
    if (transaction.origin !== origin || setAside !== null) return
    setAside = observers.get('update') ?? null
    observers.delete('update')
  }
  const events = ['beforeObserverCalls', 'afterAllTransactions', 'beforeTransaction'] as const
  doc.on('afterTransactionCleanup', onCleanup)
  for (const event of events) doc.on(event, putBack)
  let stopped = false
  const stop = (): void => {
    if (stopped) return
    stopped = true
    putBack()
    doc.off('afterTransactionCleanup', onCleanup)
    for (const event of events) doc.off(event, putBack)
  }
  void until.then(stop, stop)
  return stop
}
