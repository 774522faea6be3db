// Phones for the session tests: real app services over fake-indexeddb with a fixed clock, destroyed after each test.
import 'fake-indexeddb/auto'
import { afterEach } from 'vitest'
import type { AppServices, CollectiveSession } from '../../../src/app/api.ts'
import { createAppServices } from '../../../src/app/services.ts'
import { FakeWebSocket } from '../sync/fake-socket.ts'

export { valueOf } from '../doc/fixtures.ts'

export interface SessionPhones {
  /** A new phone (its own namespace: its own device database and documents). */
  start(namespace?: string): Promise<AppServices>
  /** Registers a session opened on the phone started last, so it is destroyed with it. */
  track(session: CollectiveSession): CollectiveSession
  /** A new phone that creates "Pédibus des Pins" (Mérignac) and opens it, tracked. */
  openNew(): Promise<CollectiveSession>
}

const PINS = { name: 'Pédibus des Pins', school: 'École des Pins', town: 'Mérignac', schoolPlace: '33000' }

/** Call once at the top of a test file: every phone started there is destroyed after each test. */
export const useSessionPhones = (prefix: string, now: () => number): SessionPhones => {
  let count = 0
  const started: { services: AppServices; sessions: CollectiveSession[] }[] = []
  afterEach(() => {
    for (const { services, sessions } of started.splice(0)) {
      for (const session of sessions) session.destroy()
      services.destroy()
    }
  })
  return {
    async start(namespace = `${prefix}-${count++}:`) {
      const services = await createAppServices({
        origin: 'https://pedibus.example', namespace, WebSocket: FakeWebSocket, windowEvents: null, isBrowserOnline: () => true,
        disableBroadcastChannel: true, storageManager: { persist: async () => true }, now,
      })
      started.push({ services, sessions: [] })
      return services
    },
    track(session) {
      started.at(-1)?.sessions.push(session)
      return session
    },
    async openNew() {
      const services = await this.start()
      const created = await services.createCollective(PINS)
      const session = created.ok ? await services.openCollective(created.value) : null
      if (!session) throw new Error('no session')
      return this.track(session)
    },
  }
}
