// y-indexeddb binding: loading -> saved, saving until the write is on disk, reload from disk, quota errors visible.
import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { ReadableStore } from '../../../src/lib/store.ts'
import { bindDocPersistence, type DocPersistence, type LocalSaveState } from '../../../src/storage/doc-persistence.ts'

let counter = 0
const bindings: DocPersistence[] = []
const bind = (doc: Y.Doc, name: string): DocPersistence => {
  const binding = bindDocPersistence(doc, name)
  bindings.push(binding)
  return binding
}
afterEach(() => {
  for (const binding of bindings.splice(0)) binding.destroy()
})

/** Resolves with the first state matching `accept`; bounded in time. */
const stateMatching = (store: ReadableStore<LocalSaveState>, accept: (state: LocalSaveState) => boolean, timeoutMs = 5_000): Promise<LocalSaveState> =>
  new Promise((resolve, reject) => {
    if (accept(store.get())) return resolve(store.get())
    const timer = setTimeout(() => {
      unsubscribe()
      reject(new Error(`state never matched; last: ${JSON.stringify(store.get())}`))
    }, timeoutMs)
    const unsubscribe = store.subscribe((state) => {
      if (!accept(state)) return
      clearTimeout(timer)
      unsubscribe()
      resolve(state)
    })
  })

describe('document persistence', () => {
  it('makes Yjs encode no transaction twice: no updateV2 listener (opening a stored state encoded it whole a second time)', () => {
    const doc = new Y.Doc()
    bind(doc, `doc-test-${counter++}`)
    expect((doc as unknown as { _observers: Map<string, unknown> })._observers.has('updateV2')).toBe(false)
  })

  it('applies the stored document without an update event: Yjs does not encode the whole loaded state again', async () => {
    const name = `doc-test-${counter++}`
    const first = new Y.Doc()
    const writer = bind(first, name)
    await writer.whenLoaded
    for (let n = 0; n < 50; n++) first.getMap('signups').set(`entry-${n}`, { n })
    await stateMatching(writer.state, (state) => state.local === 'saved')
    writer.destroy()

    const doc = new Y.Doc()
    // As the sync modules do: an 'update' listener bound before the stored state is applied.
    const updates: unknown[] = []
    doc.on('update', (_update: Uint8Array, origin: unknown) => updates.push(origin))
    const binding = bind(doc, name)
    await binding.whenLoaded
    expect(doc.getMap('signups').size).toBe(50)
    expect(updates.filter((origin) => origin === binding.origin)).toEqual([])
    // Afterwards, every transaction is an update again, and stored.
    doc.getMap('signups').set('after', { n: 50 })
    expect(updates).toHaveLength(1)
    await stateMatching(binding.state, (state) => state.local === 'saved')
    binding.destroy()
    const reloaded = new Y.Doc()
    await bind(reloaded, name).whenLoaded
    expect(reloaded.getMap('signups').size).toBe(51)
  })

  it('still emits and stores a change written by an observer of the load (its own transaction)', async () => {
    const name = `doc-test-${counter++}`
    const first = new Y.Doc()
    const writer = bind(first, name)
    await writer.whenLoaded
    first.getMap('signups').set('past', { n: 1 })
    await stateMatching(writer.state, (state) => state.local === 'saved')
    writer.destroy()

    const doc = new Y.Doc()
    const updates: unknown[] = []
    doc.on('update', (_update: Uint8Array, origin: unknown) => updates.push(origin))
    const cleanUp = { cleanUp: true }
    // As the year clean-up does: a record brought back is deleted right after the transaction that brought it.
    doc.getMap('signups').observe(() => {
      if (doc.getMap('signups').has('past')) doc.transact(() => doc.getMap('signups').delete('past'), cleanUp)
    })
    const binding = bind(doc, name)
    await binding.whenLoaded
    expect(doc.getMap('signups').has('past')).toBe(false)
    expect(updates).toEqual([cleanUp])
    await stateMatching(binding.state, (state) => state.local === 'saved')
    binding.destroy()
    const reloaded = new Y.Doc()
    await bind(reloaded, name).whenLoaded
    expect(reloaded.getMap('signups').has('past')).toBe(false)
  })

  it('goes loading -> saved, then saving -> saved around a local change, and the change is reloaded', async () => {
    const name = `doc-test-${counter++}`
    const doc = new Y.Doc()
    const binding = bind(doc, name)
    expect(binding.state.get().local).toBe('loading')
    await binding.whenLoaded
    expect(binding.state.get()).toEqual({ local: 'saved', storageError: null })

    const seen: string[] = []
    binding.state.subscribe((state) => seen.push(state.local))
    doc.getMap('profile').set('name', 'Lilas')
    expect(binding.state.get().local).toBe('saving')
    await stateMatching(binding.state, (state) => state.local === 'saved')
    expect(seen).toEqual(['saving', 'saved'])
    binding.destroy()

    const reloaded = new Y.Doc()
    const second = bind(reloaded, name)
    await second.whenLoaded
    expect(reloaded.getMap('profile').get('name')).toBe('Lilas')
  })

  it('turns a quota error that y-indexeddb ignores into visible state', async () => {
    const doc = new Y.Doc()
    const binding = bind(doc, `doc-test-${counter++}`)
    await binding.whenLoaded
    // fake-indexeddb/auto installed its IDBObjectStore as the global one.
    const prototype = globalThis.IDBObjectStore.prototype as unknown as { add: (...args: unknown[]) => unknown }
    const originalAdd = prototype.add
    // A browser reports a full disk when the transaction commits: abort with QuotaExceededError.
    prototype.add = function (this: { name: string; transaction: { _abort(name: string): void } }, ...args: unknown[]) {
      const request = originalAdd.apply(this, args) as EventTarget
      if (this.name === 'updates') request.addEventListener('success', () => this.transaction._abort('QuotaExceededError'))
      return request
    }
    try {
      doc.getMap('profile').set('name', 'Lilas')
      const state = await stateMatching(binding.state, (current) => current.local === 'error')
      expect(state).toEqual({ local: 'error', storageError: 'quotaExceeded' })
    } finally {
      prototype.add = originalAdd
    }
  })

  it('destroy is safe twice and stops reacting to changes', async () => {
    const doc = new Y.Doc()
    const binding = bind(doc, `doc-test-${counter++}`)
    binding.destroy()
    binding.destroy()
    doc.getMap('profile').set('name', 'x')
    expect(binding.state.get().local).toBe('loading')
  })
})
