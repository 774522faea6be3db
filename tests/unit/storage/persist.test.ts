// navigator.storage.persist() is asked at most once and guarded where the browser lacks it.
import { describe, expect, it } from 'vitest'
import { createPersistRequester } from '../../../src/storage/persist.ts'

describe('persistent storage request', () => {
  it('asks once and returns the first answer afterwards', async () => {
    let calls = 0
    const ask = createPersistRequester({ persist: async () => (calls++, true), persisted: async () => false })
    expect(await ask()).toBe('granted')
    expect(await ask()).toBe('granted')
    expect(calls).toBe(1)
  })

  it('reports denied, unavailable and failing browsers without throwing', async () => {
    expect(await createPersistRequester({ persist: async () => false })()).toBe('denied')
    expect(await createPersistRequester(undefined)()).toBe('unavailable')
    expect(await createPersistRequester({})()).toBe('unavailable')
    expect(await createPersistRequester({ persist: () => Promise.reject(new Error('nope')) })()).toBe('unavailable')
  })

  it('does not ask again when storage is already persisted', async () => {
    let calls = 0
    const ask = createPersistRequester({ persist: async () => (calls++, true), persisted: async () => true })
    expect(await ask()).toBe('granted')
    expect(calls).toBe(0)
  })
})
