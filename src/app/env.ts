// What the app services take from their surroundings (browser by default; injectable for Node tests).
import type { WebSocketClass } from '../sync/counting-socket.ts'

type WindowEvents = Pick<EventTarget, 'addEventListener' | 'removeEventListener'>

/** The one HTTP call the app makes to the relay (the renewal request); tests pass their own. */
/** The part of fetch the relay's HTTP endpoints need (renewal, archive, invitations); tests pass a fake. */
export type RelayFetch = (
  url: string,
  init: { readonly method: 'GET' | 'POST' | 'DELETE'; readonly headers: Record<string, string>; readonly body?: string },
) => Promise<{ readonly status: number; json?(): Promise<unknown> }>

/** How long "Renouveler l'invitation" waits for the relay to hold the new collective's copy. */
export const DEFAULT_RENEW_COPY_TIMEOUT_MS = 60_000

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
  /** fetch for the relay's HTTP endpoints; default the global one. */
  readonly fetch?: RelayFetch
  /** Default DEFAULT_RENEW_COPY_TIMEOUT_MS. */
  readonly renewCopyTimeoutMs?: number
  /** Waits before asking the relay again to close the old room (network error, 5xx); default RENEW_RETRY_DELAYS_MS. */
  readonly renewRetryDelaysMs?: readonly number[]
}

/** A flaky network or a relay restarting: two more tries, 1 s then 4 s later, before giving up. */
export const RENEW_RETRY_DELAYS_MS: readonly number[] = [1_000, 4_000]

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
  readonly fetch: RelayFetch
  readonly renewCopyTimeoutMs: number
  readonly renewRetryDelaysMs: readonly number[]
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
    // Bound late: a Node test without a global fetch only fails if it actually renews.
    fetch: env.fetch ?? ((url, init) => globalThis.fetch(url, init)),
    renewCopyTimeoutMs: env.renewCopyTimeoutMs ?? DEFAULT_RENEW_COPY_TIMEOUT_MS,
    renewRetryDelaysMs: env.renewRetryDelaysMs ?? RENEW_RETRY_DELAYS_MS,
  }
}
