// Subscribes a component to a ReadableStore and unsubscribes on unmount.
import { useEffect, useState } from 'preact/hooks'
import type { ReadableStore } from '../../lib/store.ts'

export const useStore = <T,>(store: ReadableStore<T>): T => {
  const [value, setValue] = useState(() => store.get())
  useEffect(() => {
    setValue(store.get()) // the store may have changed between render and subscription
    return store.subscribe(setValue)
  }, [store])
  return value
}
