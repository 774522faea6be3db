// One collective's connection to the relay: stock y-websocket provider, relay acks -> outbox, status, backoff, online/offline.
//
// The provider never reconnects by itself (shouldReconnect: () => false, and shouldConnect cleared
// after its own watchdog closes): this module owns retries, with jittered exponential backoff,
// and reacts at once to the browser's online/offline events (a socket can stay silently dead 30 s).
import * as decoding from 'lib0/decoding'
import { Awareness } from 'y-protocols/awareness'
import { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import {
  ACK_PROTOCOL, CloseCode, MESSAGE_RELAY_ACK, MESSAGE_ROOM_MOVED, REGISTER_PROTOCOL, SUBPROTOCOL, TOKEN_PROTOCOL_PREFIX,
  isPermanentRefusal,
} from '../lib/relay-protocol.ts'
import { createStore, type ReadableStore } from '../lib/store.ts'
import { DEFAULT_BACKOFF, backoffDelay, type BackoffPolicy } from './backoff.ts'
import { createCountingWebSocket, type WebSocketClass } from './counting-socket.ts'
import { createOutbox, type OutboxPersistence } from './outbox.ts'

export interface ConnectionStatus {
  readonly connection: 'connecting' | 'online' | 'offline' | 'refused'
  readonly pending: number
  readonly offlineSince: number | null
  /**
   * The relay acknowledged every step-2/update message sent on the current connection: it durably
   * holds everything this phone holds (with pending 0), including content loaded from disk that
   * the outbox does not count (a restored or renewed collective). False while not online.
   */
  readonly relayConfirmed: boolean
  /** The collective was renewed (issue 6): this room is read-only, or gone (close 4410); the phone needs the new invitation. */
  readonly moved: boolean
}

type WindowEvents = Pick<EventTarget, 'addEventListener' | 'removeEventListener'>

export interface RelayConnectionOptions {
  readonly doc: Y.Doc
  /** http(s) origin of the relay, e.g. location.origin. */
  readonly relayUrl: string
  readonly roomId: string
  readonly token: string
  readonly outbox: OutboxPersistence
  /** Transaction origins that are not local changes (e.g. the y-indexeddb binding). */
  readonly foreignOrigins?: readonly unknown[]
  readonly WebSocket?: WebSocketClass
  /** Where `online`/`offline` events come from (window in a browser); null to ignore them. */
  readonly windowEvents?: WindowEvents | null
  readonly isBrowserOnline?: () => boolean
  readonly disableBroadcastChannel?: boolean
  readonly backoff?: BackoffPolicy
  readonly now?: () => number
  readonly random?: () => number
  readonly onError?: (error: unknown) => void
  /** This phone already learned that the room moved (stored on the device): the status says so before any connection. */
  readonly initiallyMoved?: boolean
}

export interface RelayConnection {
  readonly status: ReadableStore<ConnectionStatus>
  /** Resolves when the stored outbox is loaded and the first connection attempt started. */
  readonly started: Promise<void>
  /** Cancels any backoff wait and connects now (also what the `online` event does). */
  reconnectNow(): void
  destroy(): void
}

/** `http://host` -> `ws://host/sync` (the provider appends `/<roomId>`). */
export const syncServerUrl = (relayUrl: string): string => {
  const url = new URL(relayUrl)
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:'
  return `${url.origin}/sync`
}

export const relayProtocolsFor = (token: string): string[] =>
  [SUBPROTOCOL, TOKEN_PROTOCOL_PREFIX + token, REGISTER_PROTOCOL, ACK_PROTOCOL]

export const createRelayConnection = (options: RelayConnectionOptions): RelayConnection => {
  const { doc } = options
  const now = options.now ?? Date.now
  const random = options.random ?? Math.random
  const onError = options.onError ?? (() => {})
  const windowEvents = options.windowEvents === undefined ? defaultWindowEvents() : options.windowEvents
  const isBrowserOnline = options.isBrowserOnline ?? defaultIsOnline

  const outbox = createOutbox(options.outbox, onError)
  const status = createStore<ConnectionStatus>({
    connection: 'connecting', pending: 0, offlineSince: null, relayConfirmed: false, moved: options.initiallyMoved ?? false,
  })
  const setStatus = (change: Partial<ConnectionStatus>): void => status.set({ ...status.get(), ...change })
  const unsubscribePending = outbox.pending.subscribe((pending) => setStatus({ pending }))

  let destroyed = false
  let closingOnPurpose = false
  let attempt = 0
  let retryTimer: ReturnType<typeof setTimeout> | null = null
  // Per socket: the last counted update message, and the last one a doc update already claimed.
  let lastUpdateMessage = 0
  let claimedUpdateMessage = 0
  // Per socket: every counted message sent (step 2 included) and the relay's highest ack.
  let sentMessages = 0
  let ackedMessages = 0
  const refreshConfirmed = (): void => {
    const relayConfirmed = status.get().connection === 'online' && sentMessages > 0 && ackedMessages >= sentMessages
    if (relayConfirmed !== status.get().relayConfirmed) setStatus({ relayConfirmed })
  }

  const CountingWebSocket = createCountingWebSocket(options.WebSocket ?? globalThis.WebSocket, {
    created() {
      lastUpdateMessage = 0
      claimedUpdateMessage = 0
      sentMessages = 0
      ackedMessages = 0
    },
    sent(socket, kind, number) {
      if (socket !== provider.ws) return
      sentMessages = number
      if (kind === 'step2') outbox.assignUnassigned(number)
      else lastUpdateMessage = number
      refreshConfirmed()
    },
  })

  // Privacy: no presence is ever published (the relay drops awareness anyway).
  const awareness = new Awareness(doc)
  awareness.setLocalState(null)
  const provider = new WebsocketProvider(syncServerUrl(options.relayUrl), options.roomId, doc, {
    connect: false,
    awareness,
    protocols: relayProtocolsFor(options.token),
    WebSocketPolyfill: CountingWebSocket,
    disableBc: options.disableBroadcastChannel ?? false,
    maxBackoffTime: 1000, // only bounds the provider's leftover no-op timer: we own retries
    shouldReconnect: () => false,
  })
  provider.messageHandlers[MESSAGE_RELAY_ACK] = (_encoder, decoder) => {
    try {
      const count = decoding.readVarUint(decoder)
      // Only a durable ack proves the connection works: the relay's sync reply arrives before it
      // reads (and may refuse, 1009) our own step 2, so resetting the backoff on 'sync' would let a
      // phone with an oversize offline diff reconnect several times a second forever.
      if (count > 0) attempt = 0
      outbox.acknowledge(count)
      ackedMessages = Math.max(ackedMessages, count)
      refreshConfirmed()
    } catch {
      // a malformed ack is ignored: the changes stay pending, which is the safe side
    }
  }
  // A renewed room (issue 6): still readable, but what this phone sends is no longer kept.
  provider.messageHandlers[MESSAGE_ROOM_MOVED] = () => {
    if (!status.get().moved) setStatus({ moved: true })
  }

  // 'updateV2' is emitted right after 'update' for the same transaction, so the provider's
  // 'update' handler has already sent (or not) the message carrying this change.
  const foreign = new Set<unknown>([provider, ...(options.foreignOrigins ?? [])])
  const onDocUpdate = (_update: Uint8Array, origin: unknown): void => {
    const carried = lastUpdateMessage !== claimedUpdateMessage ? lastUpdateMessage : null
    claimedUpdateMessage = lastUpdateMessage
    if (!foreign.has(origin)) outbox.addLocalChange(carried)
  }
  doc.on('updateV2', onDocUpdate)

  const goOffline = (): void => {
    if (status.get().connection === 'offline') return
    setStatus({ connection: 'offline', offlineSince: now(), relayConfirmed: false })
  }
  const clearRetry = (): void => {
    if (retryTimer !== null) clearTimeout(retryTimer)
    retryTimer = null
  }
  const connect = (): void => {
    clearRetry()
    if (destroyed || status.get().connection === 'refused') return
    provider.connect()
  }
  const scheduleRetry = (): void => {
    clearRetry()
    retryTimer = setTimeout(connect, backoffDelay(attempt++, random, options.backoff ?? DEFAULT_BACKOFF))
  }

  provider.on('sync', (synced: boolean) => {
    if (!synced || destroyed) return
    setStatus({ connection: 'online', offlineSince: null })
    refreshConfirmed()
  })
  provider.on('connection-close', (event: CloseEvent | null) => {
    outbox.unassignAll()
    if (status.get().relayConfirmed && !destroyed) setStatus({ relayConfirmed: false })
    if (destroyed || closingOnPurpose) return
    // Stops the provider's own retry after its watchdog closed the socket (event === null).
    provider.shouldConnect = false
    if (event !== null && isPermanentRefusal(event.code)) {
      // 4410: the renewed room was deleted after its grace period; the collective lives on under a new link.
      setStatus({ connection: 'refused', offlineSince: null, moved: status.get().moved || event.code === CloseCode.roomMoved })
      return
    }
    goOffline()
    scheduleRetry()
  })

  const onOnline = (): void => reconnectNow()
  const onOffline = (): void => {
    if (destroyed) return
    clearRetry()
    disconnectOnPurpose()
    if (status.get().connection !== 'refused') goOffline()
  }
  const disconnectOnPurpose = (): void => {
    closingOnPurpose = true
    try {
      provider.disconnect()
    } finally {
      closingOnPurpose = false
    }
  }
  const reconnectNow = (): void => {
    if (destroyed) return
    attempt = 0
    connect()
  }
  windowEvents?.addEventListener('online', onOnline)
  windowEvents?.addEventListener('offline', onOffline)

  const started = outbox.loaded.then(() => {
    if (destroyed) return
    if (isBrowserOnline()) connect()
    else goOffline()
  })

  return {
    status,
    started,
    reconnectNow,
    destroy() {
      if (destroyed) return
      destroyed = true
      clearRetry()
      windowEvents?.removeEventListener('online', onOnline)
      windowEvents?.removeEventListener('offline', onOffline)
      doc.off('updateV2', onDocUpdate)
      unsubscribePending()
      outbox.destroy()
      provider.destroy()
      awareness.destroy()
    },
  }
}

const defaultWindowEvents = (): WindowEvents | null =>
  typeof window !== 'undefined' && typeof window.addEventListener === 'function' ? window : null

const defaultIsOnline = (): boolean => typeof navigator === 'undefined' || navigator.onLine !== false
