// When a loaded room's stored updates are compacted (rooms.ts frees a room with a compaction too): past a log size,
// and soon after an update that deleted values, so that what was erased leaves the store's files.
import type * as Y from 'yjs'
import { errorKind, roomPrefix, type Logger } from './log.ts'
import type { Metrics } from './metrics.ts'
import type { StorageAdapter } from './store/adapter.ts'

export interface CompactorDeps {
  readonly store: StorageAdapter
  readonly metrics: Metrics
  readonly log: Logger
  readonly compactLogBytes: number
  /** Delay between a stored update that deletes values and the compaction that erases them from disk. */
  readonly compactAfterDeleteMs: number
}

export interface Compactor {
  /** Deletions since the last compaction started: the compaction that frees the room erases them. */
  erasurePending(): boolean
  /** After an update is durable: compacts now (size) or soon (erasure), so the compaction includes that update. */
  afterStored(): void
}

/**
 * Two production triggers while a room stays loaded (freeing a room compacts it too):
 * - size: the room's log is past COMPACT_LOG_BYTES;
 * - erasure: an update applied to the room deleted values (a removed family, child or note, a renamed
 *   child, a rewritten entry). Until the log is compacted the deleted values (sealed or not) are still on
 *   disk, so a compaction runs COMPACT_AFTER_DELETE_MS after such an update is stored. One timer per room
 *   at a time: a busy room compacts at most once per delay.
 */
export const createCompactor = (deps: CompactorDeps, roomId: string, doc: Y.Doc): Compactor => {
const { store, metrics, log } = deps
  let running = false
  let deleted = false // an update applied since the last compaction started deleted something
  let timer: ReturnType<typeof setTimeout> | null = null
  doc.on('afterTransaction', (transaction: Y.Transaction) => {
    if (transaction.deleteSet.clients.size > 0) deleted = true
  })
  doc.on('destroy', () => {
    if (timer !== null) clearTimeout(timer)
    timer = null
  })

  const run = (): void => {
    if (running || doc.isDestroyed) return
    running = true
    const erasure = deleted
    deleted = false // deletions arriving during this compaction schedule the next one
    store
      .compact(roomId, { erasure })
      .then(() => metrics.increment('compactions'))
      .catch((error: unknown) => {
        metrics.increment('storeErrors')
        log.error('room.compact_failed', { room: roomPrefix(roomId), error: errorKind(error) })
      })
      .finally(() => {
        running = false
        if (deleted) scheduleErasure()
      })
  }
  const scheduleErasure = (): void => {
    if (timer !== null || doc.isDestroyed) return
    timer = setTimeout(() => {
      timer = null
      if (running) deleted = true // rescheduled when the running compaction ends
      else run()
    }, deps.compactAfterDeleteMs)
  }

  // Called only after an update is durable, so a compaction it starts or schedules includes that update.
  return {
    /** Deletions since the last compaction started: the compaction that frees the room erases them. */
    erasurePending: () => deleted,
    afterStored() {
      if (store.logSize(roomId) >= deps.compactLogBytes) run()
      else if (deleted) scheduleErasure()
    },
  }
}
