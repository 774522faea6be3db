// Writes a restored collective's document onto the phone before anything lists it: a whole new document, or none.
import * as Y from 'yjs'
import type { CollectiveProfile } from '../domain/collective.ts'
import type { CollectiveExport } from '../domain/export/format.ts'
import { bindSealKey } from '../doc/codec.ts'
import { markRenewedFrom } from '../doc/renewal.ts'
import { writeRestoredCollective } from '../doc/restore.ts'
import type { InviteSecret, RoomId } from '../lib/credentials.ts'
import { deriveSealKey } from '../lib/seal.ts'
import { bindDocPersistence, deleteDocDatabase, docDatabaseName, type LocalSaveState } from '../storage/doc-persistence.ts'

const settled = (state: LocalSaveState): boolean => state.local === 'saved' || state.local === 'error'

/**
 * Fills the new room's IndexedDB document (personal fields sealed with the new collective's key; a renewal's copy
 * marked with the room it copies, `renewedFrom`)
 * and resolves once it is on disk; throws when storage failed, after deleting what was written.
 * The session opened next loads it from disk; its first connection sends it all to the relay.
 */
export const writeRestoredDocument = async (
  namespace: string, roomId: RoomId, secret: InviteSecret, file: CollectiveExport & { readonly profile: CollectiveProfile },
  renewedFrom: RoomId | null = null,
): Promise<void> => {
  const databaseName = docDatabaseName(namespace, roomId)
  const doc = new Y.Doc()
  bindSealKey(doc, await deriveSealKey(roomId, secret))
  const persistence = bindDocPersistence(doc, databaseName)
  try {
    await persistence.whenLoaded
    if (persistence.state.get().local === 'error') throw new Error('storage unavailable')
    writeRestoredCollective(doc, file)
    if (renewedFrom !== null) markRenewedFrom(doc, renewedFrom)
    await new Promise<void>((resolve) => {
      if (settled(persistence.state.get())) return resolve()
      const unsubscribe = persistence.state.subscribe((state) => {
        if (!settled(state)) return
        unsubscribe()
        resolve()
      })
    })
    if (persistence.state.get().local === 'error') throw new Error('storage unavailable')
  } catch (error) {
    persistence.destroy()
    doc.destroy()
    await deleteDocDatabase(databaseName).catch(() => undefined)
    throw error
  }
  persistence.destroy()
  doc.destroy()
}
