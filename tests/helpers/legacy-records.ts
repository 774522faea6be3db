// Records as an app from before sealing wrote them, personal fields in clear: such documents still exist, and the app now refuses to write one.
import * as Y from 'yjs'

/** A nested record under `id` in `mapName`, every field as given (plain names included), in one transaction. */
export const writeLegacyRecord = <T extends string>(doc: Y.Doc, mapName: string, id: T, fields: Readonly<Record<string, unknown>>): T => {
  const record = new Y.Map<unknown>()
  for (const [field, value] of Object.entries(fields)) record.set(field, value)
  doc.transact(() => doc.getMap<unknown>(mapName).set(id, record))
  return id
}
