// The service worker update flow: "new version available" state, and a reload that waits until no write is pending.
import { createStore, type ReadableStore } from '../lib/store.ts'

export type UpdateState = 'none' | 'available' | 'waitingForWrites' | 'reloading'

/** The part of vite-plugin-pwa's registerSW we use (injected, so the flow is unit-testable without a service worker). */
export interface RegisterSwOptions {
  onNeedRefresh?: () => void
  onRegisteredSW?: (swUrl: string, registration: ServiceWorkerRegistration | undefined) => void
  onRegisterError?: (error: unknown) => void
}
export type RegisterSw = (options: RegisterSwOptions) => (reloadPage?: boolean) => Promise<void>

export interface UpdatePromptDeps {
  readonly registerSW: RegisterSw
  readonly hasPendingWrites: ReadableStore<boolean>
  /** How often an open app asks the server for a new version; 0 disables the check. */
  readonly checkEveryMs?: number
}

export interface PwaUpdater {
  readonly state: ReadableStore<UpdateState>
  /** Activates the waiting service worker and reloads, but only once hasPendingWrites is false. */
  reload(): void
  /** Stops the periodic check and the pending-writes subscription; safe to call twice. */
  destroy(): void
}

const HOUR = 60 * 60 * 1000

export const createPwaUpdater = ({ registerSW, hasPendingWrites, checkEveryMs = HOUR }: UpdatePromptDeps): PwaUpdater => {
  const state = createStore<UpdateState>('none')
  let destroyed = false
  let stopWaiting: (() => void) | null = null
  let checkTimer: ReturnType<typeof setInterval> | null = null

  const updateSW = registerSW({
    onNeedRefresh: () => {
      if (!destroyed && state.get() === 'none') state.set('available')
    },
    onRegisteredSW: (_url, registration) => {
      if (destroyed || !registration || checkEveryMs <= 0) return
      checkTimer = setInterval(() => {
        // Offline, the check would only fail; the next interval tries again.
        if (navigator.onLine) registration.update().catch(() => undefined)
      }, checkEveryMs)
    },
    onRegisterError: (error) => console.warn('service worker registration failed', error instanceof Error ? error.name : 'unknown'),
  })

  const reloadNow = (): void => {
    state.set('reloading')
    // skipWaiting + reload when the new worker takes control (vite-plugin-pwa's prompt flow).
    updateSW(true).catch(() => state.set('available'))
  }

  const reload = (): void => {
    if (destroyed || state.get() !== 'available') return
    if (!hasPendingWrites.get()) return reloadNow()
    state.set('waitingForWrites')
    stopWaiting = hasPendingWrites.subscribe((pending) => {
      if (pending || destroyed) return
      stopWaiting?.()
      stopWaiting = null
      reloadNow()
    })
  }

  return {
    state,
    reload,
    destroy() {
      destroyed = true
      stopWaiting?.()
      stopWaiting = null
      if (checkTimer !== null) clearInterval(checkTimer)
      checkTimer = null
    },
  }
}
