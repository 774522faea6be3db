// An in-memory StorageAdapter: for tests and the benchmark's "no disk" comparisons. Not durable.
import { canMarkFrozen, type RoomMeta, type StorageAdapter, type Tombstone } from './adapter.ts'
import { compactUpdates } from './compact.ts'
import { INVITATIONS, READERS, type MetaList } from './meta-lists.ts'

export const createMemoryStore = (): StorageAdapter => {
  const metas = new Map<string, RoomMeta>()
  const updates = new Map<string, Uint8Array[]>()
  const sizes = new Map<string, number>()
  const snapshots = new Map<string, number>()
  const tombstones = new Map<string, Tombstone>()
  let closed = false
  const ensureOpen = (): void => {
    if (closed) throw new Error('store closed')
  }

  /** Sets renewedAt or archivedAt once (the first call counts, and only one of them); the stored meta, or null. */
  const markFrozen = (roomId: string, mark: Pick<RoomMeta, 'renewedAt' | 'archivedAt'>): RoomMeta | null => {
    ensureOpen()
    const meta = metas.get(roomId)
    if (meta && canMarkFrozen(meta)) metas.set(roomId, { ...meta, ...mark })
    return metas.get(roomId) ?? null
  }

  const updateList = async <T>(
    roomId: string, list: MetaList<T>, change: (current: readonly T[]) => readonly T[],
  ): Promise<readonly T[] | null> => {
    ensureOpen()
    const meta = metas.get(roomId)
    if (!meta) return null
    const next = change(list.read(meta))
    metas.set(roomId, list.write(meta, next))
    return next
  }

  return {
    async open() {},
    async readMeta(roomId) {
      return metas.get(roomId) ?? null
    },
    async createRoom(roomId, meta) {
      ensureOpen()
      const existing = metas.get(roomId)
      if (existing) return { created: false, meta: existing }
      metas.set(roomId, meta)
      return { created: true, meta }
    },
    async markRenewed(roomId, renewedAt) {
      return markFrozen(roomId, { renewedAt })
    },
    async markArchived(roomId, archivedAt) {
      return markFrozen(roomId, { archivedAt })?.archivedAt !== undefined
    },
    async markUsed(roomId, usedOn) {
      const meta = metas.get(roomId)
      if (meta) metas.set(roomId, { ...meta, usedOn })
    },
    async markWritten(roomId, writtenOn) {
      const meta = metas.get(roomId)
      if (meta) metas.set(roomId, { ...meta, writtenOn })
    },
    updateInvitations: (roomId, change) => updateList(roomId, INVITATIONS, change),
    updateReaders: (roomId, change) => updateList(roomId, READERS, change),
    async listRooms() {
      return [...new Set([...metas.keys(), ...updates.keys()])]
    },
    async readTombstone(roomId) {
      return tombstones.get(roomId) ?? null
    },
    async writeTombstone(tombstone) {
      ensureOpen()
      tombstones.set(tombstone.roomId, { ...tombstone })
    },
    async deleteTombstone(roomId) {
      tombstones.delete(roomId)
    },
    async hasData(roomId) {
      return (updates.get(roomId)?.length ?? 0) > 0
    },
    async deleteRoom(roomId) {
      ensureOpen()
      metas.delete(roomId)
      updates.delete(roomId)
      sizes.delete(roomId)
      snapshots.delete(roomId)
    },
    async loadUpdates(roomId) {
      ensureOpen()
      return [...(updates.get(roomId) ?? [])]
    },
    async append(roomId, update) {
      ensureOpen()
      const list = updates.get(roomId) ?? []
      list.push(Uint8Array.from(update)) // copy: the caller's buffer may be reused
      updates.set(roomId, list)
      sizes.set(roomId, (sizes.get(roomId) ?? 0) + update.length)
    },
    async flush() {
      ensureOpen()
    },
    logSize: (roomId) => sizes.get(roomId) ?? 0,
    storedBytes: (roomId) => (sizes.get(roomId) ?? 0) + (snapshots.get(roomId) ?? 0),
    async compact(roomId) {
      ensureOpen()
      const list = updates.get(roomId)
      if (!list || list.length === 0) return
      const snapshot = await compactUpdates(list)
      updates.set(roomId, [snapshot])
      sizes.set(roomId, 0)
      snapshots.set(roomId, snapshot.length)
    },
    async checkpoint() {},
    async release() {},
    async close() {
      closed = true
    },
  }
}
