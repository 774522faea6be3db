// A loader that runs once and shares its promise; a failure is forgotten, so the next call tries again.

/** `load` run at the first call only, its promise shared; after a rejection the next call runs `load` again. */
export const loadOnce = <T>(load: () => Promise<T>): (() => Promise<T>) => {
  let loading: Promise<T> | null = null
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = null
      throw error
    })
    return loading
  }
}
