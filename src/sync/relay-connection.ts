// One collective's connection to the relay: stock y-websocket provider, relay acks -> outbox, status, backoff, online/offline.
//
// The provider never reconnects by itself (shouldReconnect: () => false, and shouldConnect cleared
// after its own watchdog closes): this module owns retries, with jittered exponential backoff,
// and reacts at once to the browser's online/offline events (a socket can stay silently dead 30 s).
import * as decoding from 'lib0/decoding'
import { Awareness } from 'y-protocols/awareness'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import {
  ACK_PROTOCOL, CloseCode, MESSAGE_REFUSED, MESSAGE_RELAY_ACK, MESSAGE_RELAY_LIMITS, MESSAGE_RETENTION, MESSAGE_ROOM_ARCHIVED, MESSAGE_ROOM_MOVED, MESSAGE_SYNC, REGISTER_PROTOCOL,
  RefusalCode, SUBPROTOCOL, SYNC_STEP1, TOKEN_PROTOCOL_PREFIX, isPermanentRefusal,
} from '../lib/relay-protocol.ts'
import { createStore, type ReadableStore } from '../lib/store.ts'
import { DEFAULT_BACKOFF, backoffDelay, type BackoffPolicy } from './backoff.ts'
import { createCountingWebSocket, syncMessage, type WebSocketClass } from './counting-socket.ts'
import { MIN_PART_BYTES, OUTGOING_PART_BYTES, overlapsRelayState, partBytesFor, prepareOutgoing } from './outgoing.ts'
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
  /** The collective was renewed (issues 6, 16): this room is closed and gone (close 4410); the phone needs the new
   * invitation. */
  readonly moved: boolean
  /**
   * This room is the read-only archive of a past generation (issue 14): the collective goes on in the successor
   * room derived from the same secret (src/app/generation.ts follows it). Nothing sent here is kept any more.
   */
  readonly archived: boolean
  /**
   * The relay holds other content under ids this phone wrote (a forged write, MESSAGE_REFUSED conflict): this
   * copy can no longer sync and must be rebuilt from the relay's (the session does it, then reconnects).
   */
  readonly diverged: boolean
  /** The relay refused a change because the room reached its size limit; changes wait; retried slowly. */
  readonly roomFull: boolean
  /**
   * The relay will delete its copy of the room on this day (YYYY-MM-DD) if nothing changes until then (issue 16,
   * MESSAGE_RETENTION); null when it said nothing. Cleared once a change of this phone is stored.
   */
  readonly relayDeletesOn: string | null
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
  readonly backoff?: BackoffPolicy
  readonly now?: () => number
  readonly random?: () => number
  readonly onError?: (error: unknown) => void
  /** Settles once the stored document is loaded: the first connection waits for it (and for the outbox). */
  readonly ready?: Promise<unknown>
  /** This phone already learned that the room moved (stored on the device): the status says so before any connection. */
  readonly initiallyMoved?: boolean
  /** This phone already learned that the room is an archive (stored on the device). */
  readonly initiallyArchived?: boolean
}

export interface RelayConnection {
  readonly status: ReadableStore<ConnectionStatus>
  /** Resolves when the stored outbox is loaded and the first connection attempt started. */
  readonly started: Promise<void>
  /** Cancels any backoff wait and connects now (also what the `online` event does). */
  reconnectNow(): void
  /** Erasure: waiting changes' bytes leave the phone's storage (see Outbox.forgetContents). */
  forgetPendingContents(): void
  /** The waiting changes this phone still has the bytes of (V1 updates), oldest first. */
  pendingChanges(): Uint8Array[]
  /** Where the relay said it holds other content (MESSAGE_REFUSED conflict), or null. */
  conflictAt(): { readonly client: number; readonly clock: number } | null
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
    connection: 'connecting', pending: 0, offlineSince: null, relayConfirmed: false, moved: options.initiallyMoved ?? false, archived: options.initiallyArchived ?? false,
    diverged: false, roomFull: false, relayDeletesOn: null,
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
    sent(socket, kind, number, of) {
      if (socket !== provider.ws) return
      sentMessages = number
      if (kind === 'step2') outbox.assignUnassigned(number)
      // Parts of a step 2 and re-sent changes carry no new local change: only the provider's own updates do.
      else if (of === 'update' && !resending) lastUpdateMessage = number
      refreshConfirmed()
      if (kind === 'step2') queueMicrotask(resendClaimed)
    },
    prepare: (_kind, update) => prepareOutgoing(doc, update, partBytes),
  })

  // Privacy: no presence is ever published (the relay drops awareness anyway).
  const awareness = new Awareness(doc)
  awareness.setLocalState(null)
  const provider = new WebsocketProvider(syncServerUrl(options.relayUrl), options.roomId, doc, {
    connect: false,
    awareness,
    protocols: relayProtocolsFor(options.token),
    WebSocketPolyfill: CountingWebSocket,
    // Tabs meet through src/sync/tab-channel.ts: y-websocket's channel posts the whole state on every connect.
    disableBc: true,
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
      if (count > 0 && status.get().roomFull) setStatus({ roomFull: false })
      const waiting = outbox.pending.get()
      outbox.acknowledge(count)
      // A change of this phone stored: the relay's retention day moved, its warning no longer holds.
      if (outbox.pending.get() < waiting && status.get().relayDeletesOn !== null) setStatus({ relayDeletesOn: null })
      ackedMessages = Math.max(ackedMessages, count)
      refreshConfirmed()
    } catch {
      // a malformed ack is ignored: the changes stay pending, which is the safe side
    }
  }
  // Parts sized for the relay's message limit (it says it before its step 1); halved after a 1009 (a proxy on the
  // way may read less than the relay).
  let partBytes = OUTGOING_PART_BYTES
  let conflict: { client: number; clock: number } | null = null
  provider.messageHandlers[MESSAGE_RELAY_LIMITS] = (_encoder, decoder) => {
    try {
      partBytes = Math.min(partBytes, partBytesFor(decoding.readVarUint(decoder)))
    } catch {
      // keep the current size
    }
  }
  provider.messageHandlers[MESSAGE_RETENTION] = (_encoder, decoder) => {
    try {
      const day = decoding.readVarString(decoder)
      if (/^\d{4}-\d{2}-\d{2}$/.test(day) && Number.isFinite(Date.parse(`${day}T00:00:00Z`))) setStatus({ relayDeletesOn: day })
    } catch {
      // a malformed warning is ignored: the next connection says it again
    }
  }
  provider.messageHandlers[MESSAGE_REFUSED] = (_encoder, decoder) => {
    try {
      const reason = decoding.readVarUint(decoder)
      if (reason === RefusalCode.conflict) {
        decoding.readVarUint(decoder) // the message number
        conflict = { client: decoding.readVarUint(decoder), clock: decoding.readVarUint(decoder) }
        setStatus({ diverged: true })
      }
      else if (reason === RefusalCode.roomFull) setStatus({ roomFull: true })
    } catch {
      // the close code that follows says the same
    }
  }
  // A renewed room (issues 6, 16): told just before the relay closes it; this phone keeps its own copy, read-only.
  provider.messageHandlers[MESSAGE_ROOM_MOVED] = () => {
    if (!status.get().moved) setStatus({ moved: true })
  }
  // An archived room (issue 14): still readable; the session follows the collective to its successor room.
  provider.messageHandlers[MESSAGE_ROOM_ARCHIVED] = () => {
    if (!status.get().archived) setStatus({ archived: true })
  }

  // Registered after the provider's own 'update' handler (bound when it was created), so that handler has already
  // sent (or not) the message carrying this change. Not 'updateV2': a V2 listener makes Yjs encode every
  // transaction a second time, the whole stored state when it loads.
  const foreign = new Set<unknown>([provider, ...(options.foreignOrigins ?? [])])
  const onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    const carried = lastUpdateMessage !== claimedUpdateMessage ? lastUpdateMessage : null
    claimedUpdateMessage = lastUpdateMessage
    if (!foreign.has(origin)) outbox.addLocalChange(carried, update)
  }
  doc.on('update', onDocUpdate)

  // The relay's state vector as its sync step 1 told it (per connection): what a step 2 will leave out.
  let relayState: Map<number, number> | null = null
  let resending = false
  const syncHandler = provider.messageHandlers[MESSAGE_SYNC]!
  provider.messageHandlers[MESSAGE_SYNC] = (encoder, decoder, handlerProvider, emitSynced, messageType) => {
    try {
      const peek = decoding.clone(decoder)
      if (decoding.readVarUint(peek) === SYNC_STEP1) relayState = Y.decodeStateVector(decoding.readVarUint8Array(peek))
    } catch {
      // the provider's own handler reads (and fails on) it the same way
    }
    syncHandler(encoder, decoder, handlerProvider, emitSynced, messageType)
  }
  /**
   * After our step 2: waiting changes whose clocks the relay already claims were left out of it. Usually the
   * relay stored them and the ack was lost; but someone may have written other content under the same ids (a
   * forged write): re-sent as they are, the relay compares and says which (MESSAGE_REFUSED, conflict).
   */
  const resendClaimed = (): void => {
    const socket = provider.ws
    if (destroyed || relayState === null || !socket || socket.readyState !== socket.OPEN) return
    const state = relayState
    relayState = null
    resending = true
    try {
      for (const entry of outbox.entries()) {
        if (entry.update === null || entry.message === null || !overlapsRelayState(entry.update, state)) continue
        socket.send(syncMessage('update', entry.update))
        outbox.reassign(entry, sentMessages)
      }
    } finally {
      resending = false
    }
  }

  /**
   * y-websocket addresses the (empty) awareness by doc.clientID when it connects and disconnects: the awareness
   * follows the doc's new id, with its bookkeeping entry, or encoding it would throw.
   */
  const rotateClientId = (): void => {
    const id = freshClientId()
    doc.clientID = id
    awareness.clientID = id
    awareness.meta.set(id, { clock: 0, lastUpdated: now() })
  }

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
    relayState = null
    if (status.get().relayConfirmed && !destroyed) setStatus({ relayConfirmed: false })
    // Changes made until the next connection use a client id nobody has seen: no one can write ahead of them.
    if (!destroyed) rotateClientId()
    if (destroyed || closingOnPurpose) return
    // Stops the provider's own retry after its watchdog closed the socket (event === null).
    provider.shouldConnect = false
    if (event?.code === CloseCode.conflict || status.get().diverged) {
      // Reconnecting would be refused again: the session rebuilds this copy from the relay's, then reconnects.
      setStatus({ connection: 'offline', offlineSince: now(), diverged: true })
      return
    }
    if (event?.code === CloseCode.roomFull) setStatus({ roomFull: true })
    if (event?.code === CloseCode.tooLarge) partBytes = Math.max(MIN_PART_BYTES, Math.floor(partBytes / 2))
    if (event !== null && isPermanentRefusal(event.code)) {
      // 4410: the renewed room is closed and deleted; the collective lives on under a new link.
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

  const started = Promise.all([outbox.loaded, options.ready]).then(() => {
    if (destroyed) return
    if (isBrowserOnline()) connect()
    else goOffline()
  })

  return {
    status,
    started,
    reconnectNow,
    forgetPendingContents: () => outbox.forgetContents(),
    pendingChanges: () => outbox.entries().flatMap((entry) => (entry.update ? [entry.update] : [])),
    conflictAt: () => conflict,
    destroy() {
      if (destroyed) return
      destroyed = true
      clearRetry()
      windowEvents?.removeEventListener('online', onOnline)
      windowEvents?.removeEventListener('offline', onOffline)
      doc.off('update', onDocUpdate)
      unsubscribePending()
      outbox.destroy()
      provider.destroy()
      awareness.destroy()
    },
  }
}

/** A random uint32, as Yjs picks client ids. */
const freshClientId = (): number => crypto.getRandomValues(new Uint32Array(1))[0]!

const defaultWindowEvents = (): WindowEvents | null =>
  typeof window !== 'undefined' && typeof window.addEventListener === 'function' ? window : null

const defaultIsOnline = (): boolean => typeof navigator === 'undefined' || navigator.onLine !== false
