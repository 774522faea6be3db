// Asks the browser once to keep this site's storage (iOS Safari clears it after 7 days without a visit otherwise).

export type PersistOutcome = 'granted' | 'denied' | 'unavailable'

interface StorageManagerLike {
  persist?: () => Promise<boolean>
  persisted?: () => Promise<boolean>
}

/** Returns a function that asks at most once (later calls return the first answer). */
export const createPersistRequester = (storage: StorageManagerLike | undefined): (() => Promise<PersistOutcome>) => {
  let answer: Promise<PersistOutcome> | null = null
  return () => (answer ??= ask(storage))
}

const ask = async (storage: StorageManagerLike | undefined): Promise<PersistOutcome> => {
  if (typeof storage?.persist !== 'function') return 'unavailable'
  try {
    if ((await storage.persisted?.()) === true) return 'granted'
    return (await storage.persist()) ? 'granted' : 'denied'
  } catch {
    return 'unavailable'
  }
}

const browserStorage = (): StorageManagerLike | undefined =>
  typeof navigator === 'undefined' ? undefined : (navigator.storage as StorageManagerLike | undefined)

/** The app-wide requester for the browser's navigator.storage. */
export const requestPersistentStorage = createPersistRequester(browserStorage())
