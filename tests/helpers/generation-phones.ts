// App-level phones for the document-generation tests: AppServices over fake-indexeddb and `ws` sockets, against the
// real relay on port 0, each test's relays and phones stopped after it.
import 'fake-indexeddb/auto'
import { afterEach } from 'vitest'
import { WebSocket } from 'ws'
import type { AppServices, CollectiveSession } from '../../src/app/api.ts'
import type { RelayFetch } from '../../src/app/env.ts'
import { createAppServices } from '../../src/app/services.ts'
import { parisToInstant } from '../../src/domain/calendar/paris-time.ts'
import { localDate, type TimeOfDay } from '../../src/domain/dates.ts'
import type { RoomId } from '../../src/lib/credentials.ts'
import { startRelay, type InProcessRelay } from './relay.ts'

/** Monday 14 June 2027, 08:12 in Paris; the new year of these tests starts on Tuesday 15 June. */
export const GENERATION_NOW = parisToInstant(localDate('2027-06-14'), '08:12' as TimeOfDay)
export const STARTS_ON = localDate('2027-06-15')
export const NEW_YEAR = { startsOn: STARTS_ON, removeChildIds: [], archiveLabel: '2026-2027', reason: 'newSchoolYear' as const }

export interface Phone { readonly services: AppServices; readonly events: EventTarget; readonly namespace: string }
export interface PhoneOptions {
  readonly now?: number
  readonly fetch?: RelayFetch
  /** A `ws` WebSocket class (or a subclass). */
  readonly WebSocket?: unknown
  readonly namespace?: string
}

/** Relays and phones for the tests of one file, namespaced by `prefix`. */
export const useGenerationPhones = (prefix: string) => {
  const cleanups: Array<() => Promise<void> | void> = []
  let count = 0
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })
  return {
    cleanups,
    relay: async (): Promise<InProcessRelay> => {
      const relay = await startRelay()
      cleanups.push(() => relay.stop())
      return relay
    },
    phone: async (relay: InProcessRelay, options: PhoneOptions = {}): Promise<Phone> => {
      const events = new EventTarget()
      const namespace = options.namespace ?? `${prefix}-phone-${count++}:`
      const now = options.now ?? GENERATION_NOW
      const services = await createAppServices({
        origin: 'http://127.0.0.1:1', relayUrl: relay.url, namespace,
        WebSocket: (options.WebSocket ?? WebSocket) as typeof globalThis.WebSocket,
        windowEvents: events, isBrowserOnline: () => true, disableBroadcastChannel: true, random: () => 0.5, storageManager: {},
        now: () => now, renewRetryDelaysMs: [20, 50], ...(options.fetch ? { fetch: options.fetch } : {}),
      })
      cleanups.push(() => services.destroy())
      return { services, events, namespace }
    },
  }
}

export const open = async (services: AppServices, id: RoomId): Promise<CollectiveSession> => {
  const session = await services.openCollective(id)
  if (!session) throw new Error('session did not open')
  return session
}

/** Online, nothing waiting, saved, and the relay holds all this phone holds. */
export const synced = (session: CollectiveSession): boolean => {
  const status = session.status.get()
  return status.connection === 'online' && status.pending === 0 && status.local === 'saved' && status.relayConfirmed
}

/** The collectives the switcher lists (live ones). */
export const liveIds = (phone: Phone): RoomId[] => phone.services.collectives.get().map((collective) => collective.id)
