// What a phone holds in IndexedDB (fake-indexeddb), read raw: every record's bytes, and the stored document rebuilt without any key.
import * as Y from 'yjs'

const request = <T>(req: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error ?? new Error('request failed'))
  })

/** Every byte string and text inside a stored value (updates are Uint8Arrays; Dexie rows are objects). */
const bytesOf = (value: unknown): Uint8Array[] => {
  if (value instanceof Uint8Array) return [value]
  if (value instanceof ArrayBuffer) return [new Uint8Array(value)]
  if (typeof value === 'string') return [Buffer.from(value, 'utf8')]
  if (Array.isArray(value)) return value.flatMap(bytesOf)
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(bytesOf)
  return []
}

/** The raw contents of every record of every object store of the databases whose name starts with `prefix`. */
export const recordsOfDatabases = async (prefix: string): Promise<Uint8Array[]> => {
  const names = (await indexedDB.databases()).flatMap((info) => (info.name?.startsWith(prefix) ? [info.name] : []))
  const all: Uint8Array[] = []
  for (const name of names) {
    const db = await request(indexedDB.open(name))
    try {
      for (const store of [...db.objectStoreNames]) {
        const values = await request(db.transaction(store, 'readonly').objectStore(store).getAll())
        all.push(...values.flatMap(bytesOf))
      }
    } finally {
      db.close()
    }
  }
  return all
}

/** The stored document, rebuilt without any key: personal values as stored (sealed or plain). */
export const storedDoc = async (databaseName: string): Promise<Y.Doc> => {
  const doc = new Y.Doc()
  for (const update of await recordsOfDatabases(databaseName)) Y.applyUpdate(doc, update)
  return doc
}
