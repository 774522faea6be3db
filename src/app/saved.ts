// Waits until a session's local changes are on the phone's disk (or storage failed), so a use-case can say "done" honestly.
import type { CollectiveSession } from './api.ts'

/**
 * Resolves once `status.local` is 'saved' or 'error'. A page closed right after creating a collective
 * would otherwise abort the pending IndexedDB write, and the collective would come back empty.
 */
export const whenSavedOnPhone = (session: CollectiveSession): Promise<void> =>
  new Promise((resolve) => {
    const isSettled = (): boolean => {
      const local = session.status.get().local
      return local === 'saved' || local === 'error'
    }
    if (isSettled()) return resolve()
    const unsubscribe = session.status.subscribe(() => {
      if (!isSettled()) return
      unsubscribe()
      resolve()
    })
  })
