// The notices dismissed on this phone (AppServices.dismissedNotices): kept in the device database under each notice's
// key, read once at start so a dismissed notice never shows again after a reload; a demo's only in memory.
import { createStore, type ReadableStore } from '../lib/store.ts'
import { DISMISSED_KEPT_MS, type DeviceStore } from '../storage/device-db.ts'

export interface DismissedNotices {
  readonly keys: ReadableStore<ReadonlyMap<string, ReadonlySet<string>>>
  /** Remembers the dismissal; `stored`: a joined collective's (written to the phone), else memory only. */
  dismiss(collectiveId: string, key: string, stored: boolean): void
  /** Reads the stored dismissals (forgetting those past DISMISSED_KEPT_MS). */
  load(): Promise<void>
}

export const createDismissedNotices = (
  device: DeviceStore, now: () => number, failed: (error: unknown) => void,
): DismissedNotices => {
  const keys = createStore<ReadonlyMap<string, ReadonlySet<string>>>(new Map())
  const add = (all: ReadonlyMap<string, ReadonlySet<string>>, collectiveId: string, key: string) =>
    new Map(all).set(collectiveId, new Set(all.get(collectiveId)).add(key))
  return {
    keys,
    dismiss(collectiveId, key, stored) {
      keys.update((all) => add(all, collectiveId, key))
      if (stored) device.addDismissed({ collectiveId, key }, now()).catch(failed)
    },
    async load() {
      const rows = await device.listDismissed(now() - DISMISSED_KEPT_MS)
      const empty: ReadonlyMap<string, ReadonlySet<string>> = new Map()
      keys.set(rows.reduce((all, row) => add(all, row.collectiveId, row.key), empty))
    },
  }
}
