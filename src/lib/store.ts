// A minimal observable value: what the UI subscribes to (get + subscribe), with a destroy-safe setter.

export interface ReadableStore<T> {
  get(): T
  /** Calls `listener` after each change; returns the unsubscribe function. */
  subscribe(listener: (value: T) => void): () => void
}

export interface WritableStore<T> extends ReadableStore<T> {
  set(value: T): void
  update(change: (value: T) => T): void
}

export const createStore = <T>(initial: T): WritableStore<T> => {
  let value = initial
  const listeners = new Set<(value: T) => void>()
  const set = (next: T): void => {
    if (Object.is(next, value)) return
    value = next
    for (const listener of [...listeners]) listener(value)
  }
  return {
    get: () => value,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    set,
    update: (change) => set(change(value)),
  }
}
