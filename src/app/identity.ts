// The device identity in one collective as a store: loaded once from device storage, saved on change.
import { AdultIdSchema, FamilyIdSchema, createActorId } from '../domain/ids.ts'
import { createStore, type ReadableStore } from '../lib/store.ts'
import type { DeviceIdentity, WelcomeProgress } from './api.ts'

/** Where the identity lives (Dexie for a joined collective, nowhere for the demo). */
export interface IdentityStorage {
  load(): Promise<DeviceIdentity | null>
  save(identity: DeviceIdentity): Promise<void>
  /** The guided join's progress on this phone (null: never started here). */
  loadWelcome(): Promise<WelcomeProgress>
  saveWelcome(progress: Exclude<WelcomeProgress, null>): Promise<void>
}

export interface IdentityHandle {
  readonly me: ReadableStore<DeviceIdentity>
  setMe(familyId: DeviceIdentity['familyId'], adultId: DeviceIdentity['adultId']): Promise<void>
  readonly welcome: ReadableStore<WelcomeProgress>
  setWelcome(progress: Exclude<WelcomeProgress, null>): Promise<void>
}

/** A throwaway identity kept in memory (demo, or storage that failed). */
export const memoryIdentityStorage = (): IdentityStorage => {
  let stored: DeviceIdentity | null = null
  let welcome: WelcomeProgress = null
  return {
    load: () => Promise.resolve(stored),
    save: (identity) => {
      stored = identity
      return Promise.resolve()
    },
    loadWelcome: () => Promise.resolve(welcome),
    saveWelcome: (progress) => {
      welcome = progress
      return Promise.resolve()
    },
  }
}

/**
 * Loads the identity (a fresh actor id when storage has none or fails: sign-ups still work, the id
 * just changes after a reload). setMe validates the ids, updates the store at once, then saves; setWelcome likewise.
 */
export const loadIdentity = async (storage: IdentityStorage, onError: (error: unknown) => void): Promise<IdentityHandle> => {
  let initial: DeviceIdentity | null = null
  let initialWelcome: WelcomeProgress = null
  try {
    initial = await storage.load()
    initialWelcome = await storage.loadWelcome()
  } catch (error) {
    onError(error)
  }
  const welcome = createStore<WelcomeProgress>(initialWelcome)
  const me = createStore<DeviceIdentity>(initial ?? { actorId: createActorId(), familyId: null, adultId: null })
  if (initial === null) storage.save(me.get()).catch(onError)
  return {
    me,
    async setMe(familyId, adultId) {
      const next: DeviceIdentity = {
        actorId: me.get().actorId,
        familyId: familyId === null ? null : FamilyIdSchema.parse(familyId),
        adultId: adultId === null ? null : AdultIdSchema.parse(adultId),
      }
      me.set(next)
      try {
        await storage.save(next)
      } catch (error) {
        onError(error)
      }
    },
    welcome,
    async setWelcome(progress) {
      welcome.set(progress)
      try {
        await storage.saveWelcome(progress)
      } catch (error) {
        onError(error)
      }
    },
  }
}
