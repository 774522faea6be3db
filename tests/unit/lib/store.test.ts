// The observable store: notifies on change only, and unsubscribes cleanly.
import { describe, expect, it } from 'vitest'
import { createStore } from '../../../src/lib/store.ts'

describe('createStore', () => {
  it('notifies subscribers of each change, not of identical values', () => {
    const store = createStore(1)
    const seen: number[] = []
    const unsubscribe = store.subscribe((value) => seen.push(value))
    store.set(2)
    store.set(2)
    store.update((value) => value + 1)
    unsubscribe()
    store.set(10)
    expect(seen).toEqual([2, 3])
    expect(store.get()).toBe(10)
  })

  it('lets a listener unsubscribe itself while being notified', () => {
    const store = createStore('a')
    const seen: string[] = []
    const unsubscribe = store.subscribe((value) => {
      seen.push(value)
      unsubscribe()
    })
    store.subscribe((value) => seen.push(`second:${value}`))
    store.set('b')
    store.set('c')
    expect(seen).toEqual(['b', 'second:b', 'second:c'])
  })
})
