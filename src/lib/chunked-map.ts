// An immutable map split in chunks: a new version copies only the chunks its changes touch, not every entry.
//
// The sign-up indexes of a five-year collective hold thousands of walks; a remote update changes one or two. Copying
// a flat Map per update cost more than the rest of the new rota; with chunks (a month of walks each) it copies dozens.

export interface ChunkedMap<K, V> {
  get(key: K): V | undefined
  has(key: K): boolean
  entries(): IterableIterator<[K, V]>
  /** A new version with `changes` applied (undefined deletes the key); this one is left as it is. */
  with(changes: Iterable<readonly [K, V | undefined]>): ChunkedMap<K, V>
}

const EMPTY: ReadonlyMap<unknown, never> = new Map<unknown, never>()

const chunkedFrom = <K, V>(chunks: ReadonlyMap<string, ReadonlyMap<K, V>>, chunkOf: (key: K) => string): ChunkedMap<K, V> => {
  const chunkFor = (key: K): ReadonlyMap<K, V> => chunks.get(chunkOf(key)) ?? (EMPTY as ReadonlyMap<K, V>)
  return {
    get: (key) => chunkFor(key).get(key),
    has: (key) => chunkFor(key).has(key),
    *entries() {
      for (const chunk of chunks.values()) yield* chunk.entries()
    },
    with(changes) {
      const copies = new Map<string, Map<K, V>>()
      for (const [key, value] of changes) {
        const name = chunkOf(key)
        let chunk = copies.get(name)
        if (chunk === undefined) {
          chunk = new Map(chunks.get(name) ?? (EMPTY as ReadonlyMap<K, V>))
          copies.set(name, chunk)
        }
        if (value === undefined) chunk.delete(key)
        else chunk.set(key, value)
      }
      if (copies.size === 0) return chunkedFrom(chunks, chunkOf)
      const nextChunks = new Map(chunks)
      for (const [name, chunk] of copies) {
        if (chunk.size === 0) nextChunks.delete(name)
        else nextChunks.set(name, chunk)
      }
      return chunkedFrom(nextChunks, chunkOf)
    },
  }
}

/** A chunked map of `entries`; `chunkOf` names the chunk of a key (keys of one chunk are copied together). */
export const chunkedMap = <K, V>(entries: Iterable<readonly [K, V]>, chunkOf: (key: K) => string): ChunkedMap<K, V> => {
  const chunks = new Map<string, Map<K, V>>()
  for (const [key, value] of entries) {
    const name = chunkOf(key)
    const chunk = chunks.get(name)
    if (chunk === undefined) chunks.set(name, new Map([[key, value]]))
    else chunk.set(key, value)
  }
  return chunkedFrom(chunks, chunkOf)
}
