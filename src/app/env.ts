// What the app services take from their surroundings (browser by default; injectable for Node tests).
import type { WebSocketClass } from '../sync/counting-socket.ts'

type WindowEvents = Pick<EventTarget, 'addEventListener' | 'removeEventListener'>

export interface AppEnv {
  /** Origin used in invite links; default `location.origin`. */
  readonly origin?: string
  /** http(s) URL of the relay; default the origin (the relay serves the app). */
  readonly relayUrl?: string
  /** WebSocket class; default the global one (tests pass `ws`). */
  readonly WebSocket?: WebSocketClass
  /** Prefix of every IndexedDB database name: tests give each simulated phone its own. */
  readonly namespace?: string
  /** Source of `online`/`offline` events; default `window`, null to ignore. */
  readonly windowEvents?: WindowEvents | null
  readonly isBrowserOnline?: () => boolean
  /** Cross-tab sync of y-websocket; tests turn it off so two "phones" in one process only meet via the relay. */
  readonly disableBroadcastChannel?: boolean
  readonly now?: () => number
  readonly random?: () => number
  /** navigator.storage, for persist(); default the browser's. */
  readonly storageManager?: { persist?: () => Promise<boolean>; persisted?: () => Promise<boolean> }
}

export interface ResolvedEnv {
  readonly origin: string
  readonly relayUrl: string
  readonly WebSocket: WebSocketClass | undefined
  readonly namespace: string
  readonly windowEvents: WindowEvents | null | undefined
  readonly isBrowserOnline: (() => boolean) | undefined
  readonly disableBroadcastChannel: boolean
  readonly now: () => number
  readonly random: () => number
}

export const resolveEnv = (env: AppEnv): ResolvedEnv => {
  const origin = env.origin ?? (typeof location === 'undefined' ? 'http://localhost:8080' : location.origin)
  return {
    origin,
    relayUrl: env.relayUrl ?? origin,
    WebSocket: env.WebSocket,
    namespace: env.namespace ?? '',
    windowEvents: env.windowEvents,
    isBrowserOnline: env.isBrowserOnline,
    disableBroadcastChannel: env.disableBroadcastChannel ?? false,
    now: env.now ?? Date.now,
    random: env.random ?? Math.random,
  }
}
