// One accepted socket inside a room: the y-websocket sync protocol, durable acks, keepalive bookkeeping.
// Messages of types the app does not use (awareness, anything else) are dropped without closing.
// In a frozen (renewed) room, step 2 and updates are dropped too: not applied, stored, forwarded nor acked.
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import type { WebSocket } from 'ws'
import { CloseCode, MESSAGE_AWARENESS, MESSAGE_RELAY_ACK, MESSAGE_SYNC, SYNC_STEP1, SYNC_STEP2, SYNC_UPDATE } from '../src/lib/relay-protocol.ts'
import { errorKind, roomPrefix, type Logger } from './log.ts'
import type { Metrics } from './metrics.ts'
import type { Room, RoomPeer } from './rooms.ts'
import type { StorageAdapter } from './store/adapter.ts'

export interface Peer extends RoomPeer {
  /** Handles one binary message from the socket. */
  receive(bytes: Uint8Array): void
  /** Milliseconds timestamp of the last frame sent to this socket. */
  lastSentAt(): number
  sendKeepalive(): void
}

/** An awareness update with zero clients: a no-op for the stock client that still resets its 30 s watchdog. */
const KEEPALIVE_FRAME = (() => {
  const inner = encoding.createEncoder()
  encoding.writeVarUint(inner, 0)
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS)
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner))
  return encoding.toUint8Array(encoder)
})()

const CLOSE_GRACE_MS = 2_000

const isEmptyUpdate = (update: Uint8Array): boolean => update.length === 2 && update[0] === 0 && update[1] === 0

export const createPeer = (deps: {
  ws: WebSocket
  room: Room
  ack: boolean
  /** Outgoing bytes queued on the socket beyond which it is dropped. */
  maxBufferedBytes: number
  store: StorageAdapter
  metrics: Metrics
  log: Logger
  now?: () => number
}): Peer => {
  const { ws, room, store, metrics, log } = deps
  const now = deps.now ?? Date.now
  let sentAt = now()
  let received = 0 // step2 + update messages received on this connection
  let acked = 0
  let closeRequested = false

  const send = (frame: Uint8Array): void => {
    if (ws.readyState !== ws.OPEN) return
    if (ws.bufferedAmount > deps.maxBufferedBytes) {
      // A client that stops reading would make us buffer every broadcast in memory: drop it, it resyncs later.
      metrics.increment('slowSocketsDropped')
      ws.terminate()
      return
    }
    sentAt = now()
    ws.send(frame, (error) => {
      if (error) metrics.increment('socketErrors')
    })
  }

  const closeUndecodable = (): void => {
    metrics.increment('undecodableMessages')
    ws.close(CloseCode.invalidPayload, 'undecodable message')
  }

  const sendAck = (count: number): void => {
    if (count <= acked) return
    acked = count
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_RELAY_ACK)
    encoding.writeVarUint(encoder, acked)
    send(encoding.toUint8Array(encoder))
    metrics.increment('acksSent')
  }

  /** Durable before acknowledged; broadcasting to others already happened in applyUpdate. */
  const persist = (update: Uint8Array): void => {
    const seq = ++received
    metrics.increment('updatesReceived')
    const durable = isEmptyUpdate(update) ? store.flush(room.id) : store.append(room.id, update)
    durable.then(
      () => {
        if (!isEmptyUpdate(update)) metrics.increment('updatesStored')
        if (deps.ack) sendAck(seq)
        room.maybeCompact()
      },
      (error: unknown) => {
        metrics.increment('storeErrors')
        log.error('store.append_failed', { room: roomPrefix(room.id), error: errorKind(error) })
        ws.close(1011, 'store error') // never ack what is not stored; the client resends on reconnect
      },
    )
  }

  const receiveSync = (decoder: decoding.Decoder): void => {
    const subtype = decoding.readVarUint(decoder)
    if (subtype === SYNC_STEP1) {
      const stateVector = decoding.readVarUint8Array(decoder)
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, MESSAGE_SYNC)
      syncProtocol.writeSyncStep2(encoder, room.doc, stateVector)
      send(encoding.toUint8Array(encoder))
      return
    }
    if (subtype !== SYNC_STEP2 && subtype !== SYNC_UPDATE) return closeUndecodable()
    const update = decoding.readVarUint8Array(decoder)
    if (room.frozen) {
      metrics.increment('updatesDroppedFrozen')
      return
    }
    Y.applyUpdate(room.doc, update, peer) // V1 only: the V2 decoder can hang on crafted bytes
    persist(update)
  }

  const peer: Peer = {
    send,
    close(code, reason) {
      if (closeRequested || ws.readyState === ws.CLOSED) return
      closeRequested = true
      ws.close(code, reason)
      // A client that never answers the closing handshake is cut off: its room must be freed.
      setTimeout(() => ws.terminate(), CLOSE_GRACE_MS).unref()
    },
    receive(bytes) {
      if (ws.readyState !== ws.OPEN) return
      try {
        const decoder = decoding.createDecoder(bytes)
        const type = decoding.readVarUint(decoder)
        if (type === MESSAGE_SYNC) receiveSync(decoder)
        else metrics.increment('messagesDropped')
      } catch {
        closeUndecodable()
      }
    },
    lastSentAt: () => sentAt,
    sendKeepalive() {
      send(KEEPALIVE_FRAME)
      metrics.increment('keepalivesSent')
    },
  }
  return peer
}
