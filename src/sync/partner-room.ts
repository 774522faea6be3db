// A partner room (issue 18) on the wire: one sealed value, `summary` in map `partner`. A member's phone publishes it
// (read the room, replace the value if it changed, wait for the relay's ack, close); a partner's page watches it with
// a reader token (read-only: it sends a sync step 1 and nothing else), reconnecting with backoff until destroyed.
// The bytes are y-websocket sync messages, written by hand: no awareness, nothing a reader socket would be refused.
import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'
import {
  ACK_PROTOCOL, CloseCode, MESSAGE_RELAY_ACK, MESSAGE_SYNC, REGISTER_PROTOCOL, SUBPROTOCOL, SYNC_STEP1, SYNC_STEP2,
  SYNC_UPDATE, TOKEN_PROTOCOL_PREFIX,
} from '../lib/relay-protocol.ts'
import { syncFrame, type WebSocketClass } from './counting-socket.ts'
import { syncServerUrl } from './relay-connection.ts'

const MAP = 'partner'
const KEY = 'summary'
const DEFAULT_TIMEOUT_MS = 20_000

export interface PartnerRoomAddress {
  readonly relayUrl: string
  readonly roomId: string
  readonly token: string
  readonly WebSocket?: WebSocketClass | undefined
}

/** What a frame from the relay says: content for the doc (step 2 or update), an ack count, or nothing of use. */
const readFrame = (bytes: Uint8Array): { update?: Uint8Array; synced?: boolean; acked?: number } => {
  try {
    const decoder = decoding.createDecoder(bytes)
    const type = decoding.readVarUint(decoder)
    if (type === MESSAGE_RELAY_ACK) return { acked: decoding.readVarUint(decoder) }
    if (type !== MESSAGE_SYNC) return {}
    const subtype = decoding.readVarUint(decoder)
    if (subtype !== SYNC_STEP2 && subtype !== SYNC_UPDATE) return {}
    return { update: decoding.readVarUint8Array(decoder), synced: subtype === SYNC_STEP2 }
  } catch {
    return {}
  }
}

const open = (address: PartnerRoomAddress, protocols: string[]): WebSocket => {
  const Socket = address.WebSocket ?? globalThis.WebSocket
  const ws = new Socket(`${syncServerUrl(address.relayUrl)}/${address.roomId}`, protocols)
  ws.binaryType = 'arraybuffer'
  return ws
}

const valueOf = (doc: Y.Doc): string | null => {
  const value = doc.getMap(MAP).get(KEY)
  return typeof value === 'string' ? value : null
}

export type PublishOutcome = 'published' | 'unchanged' | 'failed' | 'refused'

/**
 * Reads the room (registering it if new, with the write token), asks `next` for the value to store given the one it
 * holds (null: leave it), writes it and waits for the relay's durable ack. 'refused': the relay closed the socket for
 * good (a 44xx code); 'failed': offline, timed out, closed early.
 */
export const publishToPartnerRoom = (
  address: PartnerRoomAddress, next: (current: string | null) => Promise<string | null>, timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<PublishOutcome> => new Promise((resolve) => {
  const doc = new Y.Doc()
  let ws: WebSocket
  let settled = false
  let phase: 'reading' | 'deciding' | 'writing' = 'reading'
  const finish = (outcome: PublishOutcome): void => {
    if (settled) return
    settled = true
    clearTimeout(timer)
    if (ws.readyState === ws.OPEN || ws.readyState === ws.CONNECTING) ws.close(1000)
    doc.destroy()
    resolve(outcome)
  }
  const timer = setTimeout(() => finish('failed'), timeoutMs)
  try {
    ws = open(address, [SUBPROTOCOL, TOKEN_PROTOCOL_PREFIX + address.token, REGISTER_PROTOCOL, ACK_PROTOCOL])
  } catch {
    clearTimeout(timer)
    doc.destroy()
    return resolve('failed')
  }
  ws.onopen = () => ws.send(syncFrame(SYNC_STEP1, Y.encodeStateVector(doc)))
  ws.onclose = (event: CloseEvent) => finish(event.code >= 4400 && event.code < 4500 ? 'refused' : 'failed')
  ws.onerror = () => undefined
  ws.onmessage = (event: MessageEvent) => {
    const message = readFrame(new Uint8Array(event.data as ArrayBuffer))
    if (message.update) Y.applyUpdate(doc, message.update, 'relay')
    if (phase === 'writing' && (message.acked ?? 0) >= 1) return finish('published')
    if (phase !== 'reading' || !message.synced) return
    phase = 'deciding'
    void next(valueOf(doc)).then((value) => {
      if (settled) return
      if (value === null) return finish('unchanged')
      phase = 'writing'
      doc.once('update', (update: Uint8Array) => ws.send(syncFrame(SYNC_UPDATE, update)))
      doc.getMap(MAP).set(KEY, value)
    }, () => finish('failed'))
  }
})

export type PartnerWatchState = 'connecting' | 'online' | 'offline' | 'revoked'

export interface PartnerWatch {
  destroy(): void
}

/** Codes after which the link opens nothing any more: removed reader, unknown or deleted room, bad token. */
const GONE_CODES: ReadonlySet<number> = new Set([
  CloseCode.readerRevoked, CloseCode.badToken, CloseCode.unknownRoom, CloseCode.roomMoved, CloseCode.badRequest,
])
const BACKOFF_BASE_MS = 1_000
const BACKOFF_MAX_MS = 30_000

/**
 * Watches the partner room with a reader token: `onValue` with each sealed value the room holds, `onState` as the
 * connection goes. Reconnects (full-jitter backoff) until the relay says the link is gone, or destroy().
 */
export const watchPartnerRoom = (
  address: PartnerRoomAddress,
  handlers: { onValue(value: string): void; onState(state: PartnerWatchState): void },
  random: () => number = Math.random,
): PartnerWatch => {
  let destroyed = false
  let ws: WebSocket | null = null
  let retry: ReturnType<typeof setTimeout> | null = null
  let attempt = 0
  const connect = (): void => {
    if (destroyed) return
    const doc = new Y.Doc()
    let last: string | null = null
    try {
      ws = open(address, [SUBPROTOCOL, TOKEN_PROTOCOL_PREFIX + address.token])
    } catch {
      return later()
    }
    const socket = ws
    socket.onopen = () => socket.send(syncFrame(SYNC_STEP1, Y.encodeStateVector(doc)))
    socket.onerror = () => undefined
    socket.onmessage = (event: MessageEvent) => {
      const message = readFrame(new Uint8Array(event.data as ArrayBuffer))
      if (!message.update) return
      Y.applyUpdate(doc, message.update, 'relay')
      if (message.synced) {
        attempt = 0
        handlers.onState('online')
      }
      const value = valueOf(doc)
      if (value !== null && value !== last) {
        last = value
        handlers.onValue(value)
      }
    }
    socket.onclose = (event: CloseEvent) => {
      doc.destroy()
      if (destroyed) return
      if (GONE_CODES.has(event.code)) {
        destroyed = true
        return handlers.onState('revoked')
      }
      handlers.onState('offline')
      later()
    }
  }
  const later = (): void => {
    const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** attempt++)
    retry = setTimeout(() => {
      retry = null
      connect()
    }, Math.floor(random() * ceiling))
  }
  handlers.onState('connecting')
  connect()
  return {
    destroy() {
      destroyed = true
      if (retry !== null) clearTimeout(retry)
      retry = null
      ws?.close(1000)
      ws = null
    },
  }
}
