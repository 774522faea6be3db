// The lists a room's meta holds (invitations, readers), read and written back the same way by every store: an empty
// list leaves the meta, so a meta without any is the one the room was created with.
import type { RoomMeta, StoredInvitation, StoredReader } from './adapter.ts'

export interface MetaList<T> {
  read(meta: RoomMeta): readonly T[]
  write(meta: RoomMeta, list: readonly T[]): RoomMeta
}

export const INVITATIONS: MetaList<StoredInvitation> = {
  read: (meta) => meta.invitations ?? [],
  write: ({ invitations: _previous, ...rest }, invitations) => (invitations.length === 0 ? rest : { ...rest, invitations }),
}

export const READERS: MetaList<StoredReader> = {
  read: (meta) => meta.readers ?? [],
  write: ({ readers: _previous, ...rest }, readers) => (readers.length === 0 ? rest : { ...rest, readers }),
}
