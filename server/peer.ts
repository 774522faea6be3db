// One accepted socket inside a room: the y-websocket sync protocol, admission of what it sends, durable acks, and
// the room sent in parts at the pace of the socket. Each step-2/update message is numbered; the relay acks the
// longest prefix of messages whose content is durably in the room. A message that waits for predecessors is kept
// (bounded) for this socket only and retried when the room changes; one that can never integrate, conflicts with
// what the room holds, or breaks the room's policy closes the socket and is never stored.
// Awareness and unknown types are dropped. In a frozen (renewed or archived) room, step 2 and updates are dropped too.
// A reader's socket (issue 18) is read-only: its step 2 and updates are dropped (never stored, forwarded or acked),
// counted, and a few of them close it.
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import type { WebSocket } from 'ws'
import { admitUpdate, type Admission } from '../src/crdt/admission.ts'
import { ROOM_POLICY } from '../src/crdt/policy.ts'
import { encodeUpdate, splitUpdate } from '../src/crdt/update-parts.ts'
import {
  CloseCode, MESSAGE_AWARENESS, MESSAGE_REFUSED, MESSAGE_RELAY_ACK, MESSAGE_SYNC, RefusalCode, SYNC_STEP1, SYNC_STEP2,
  SYNC_UPDATE,
} from '../src/lib/relay-protocol.ts'
import { roomPrefix, type Logger } from './log.ts'
import type { Metrics } from './metrics.ts'
import type { Room, RoomPeer } from './rooms.ts'

export interface Peer extends RoomPeer {
  /** Handles one binary message from the socket. */
  receive(bytes: Uint8Array): void
  /** Milliseconds timestamp of the last frame sent to this socket. */
  lastSentAt(): number
  sendKeepalive(): void
  /** The socket closed: timers and queues are dropped. */
  destroy(): void
}

export interface PeerLimits {
  /** Outgoing bytes queued on the socket beyond which it is dropped (it stopped reading). */
  readonly maxBufferedBytes: number
  /** Bytes of a stored room beyond which updates that add content are refused (deletions still pass). */
  readonly maxRoomBytes: number
  /** A sync reply larger than this goes in parts of about this size, each sent when the socket has taken the last. */
  readonly partBytes: number
  /** Messages kept while they wait for predecessors, per socket. */
  readonly maxHeldMessages: number
  readonly maxHeldBytes: number
  /** How long a message may wait for its predecessors before the socket is closed. */
  readonly heldTimeoutMs: number
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
/** Writes a reader's socket may attempt (a confused client) before it is closed. */
const MAX_READER_WRITES = 4

interface Numbered {
  readonly seq: number
  done: boolean
}

interface Held {
  readonly seq: number
  readonly update: Uint8Array
}

/** [MESSAGE_RELAY_ACK][varuint count], built by hand: one per acknowledged batch. */
const ackFrame = (count: number): Uint8Array => {
  const bytes: number[] = [MESSAGE_RELAY_ACK]
  for (let value = count; ; value = Math.floor(value / 128)) {
    if (value < 128) {
      bytes.push(value)
      break
    }
    bytes.push((value % 128) | 0x80)
  }
  return Uint8Array.from(bytes)
}

const syncFrame = (subtype: number, update: Uint8Array): Uint8Array => {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  encoding.writeVarUint(encoder, subtype)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

export const createPeer = (deps: {
  ws: WebSocket
  room: Room
  ack: boolean
  /** Set for a reader's socket (read-only). */
  readerId?: string
  limits: PeerLimits
  metrics: Metrics
  log: Logger
  now?: () => number
}): Peer => {
  const { ws, room, limits, metrics, log } = deps
  const now = deps.now ?? Date.now
  let sentAt = now()
  let received = 0 // step2 + update messages received on this connection
  let acked = 0
  const numbered: Numbered[] = [] // not yet acked, in order
  let held: Held[] = []
  let heldBytes = 0
  let heldTimer: ReturnType<typeof setTimeout> | null = null
  let bulk: Uint8Array[] = []
  let bulkTimer: ReturnType<typeof setTimeout> | null = null
  let closeRequested = false
  let destroyed = false
  let readerWrites = 0

  const send = (frame: Uint8Array): void => {
    if (ws.readyState !== ws.OPEN) return
    if (ws.bufferedAmount > limits.maxBufferedBytes) {
      // A client that stops reading would make us buffer every broadcast in memory: drop it, it resyncs later.
      metrics.increment('slowSocketsDropped')
      ws.terminate()
      return
    }
    sentAt = now()
    ws.send(frame) // a failed write surfaces as the socket's 'error' event (counted in socket.ts)
  }

  /** Sends the queued parts of a large sync reply while the socket keeps up; the rest waits for the next drain. */
  const pumpBulk = (): void => {
    bulkTimer = null
    while (bulk.length > 0 && ws.readyState === ws.OPEN && ws.bufferedAmount < limits.partBytes) {
      sentAt = now()
      ws.send(bulk.shift()!, (error) => {
        if (error) metrics.increment('socketErrors')
        else if (bulk.length > 0 && bulkTimer === null) pumpBulk()
      })
    }
    if (bulk.length > 0 && ws.readyState === ws.OPEN && bulkTimer === null) bulkTimer = setTimeout(pumpBulk, 50)
  }

  const close = (code: number, reason: string): void => {
    if (closeRequested || ws.readyState === ws.CLOSED) return
    closeRequested = true
    ws.close(code, reason)
    // A client that never answers the closing handshake is cut off: its room must be freed.
    setTimeout(() => ws.terminate(), CLOSE_GRACE_MS).unref()
  }

  const refuse = (counter: 'undecodableMessages' | 'updatesRefused', code: number, reason: string): void => {
    metrics.increment(counter)
    log.info('update.refused', { room: roomPrefix(room.id), reason })
    close(code, reason)
  }

  const sendRefusal = (seq: number, code: number, at?: { client: number; clock: number }): void => {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_REFUSED)
    encoding.writeVarUint(encoder, code)
    encoding.writeVarUint(encoder, seq)
    if (at) {
      encoding.writeVarUint(encoder, at.client)
      encoding.writeVarUint(encoder, at.clock)
    }
    send(encoding.toUint8Array(encoder))
  }

  let ackScheduled = false
  const sendAck = (): void => {
    ackScheduled = false
    let count = acked
    while (numbered.length > 0 && numbered[0]!.done) count = numbered.shift()!.seq
    if (count <= acked) return
    acked = count
    if (!deps.ack) return
    send(ackFrame(acked))
    metrics.increment('acksSent')
  }

  /** Messages made durable by the same write resolve together: one ack frame covers them all. */
  const markDone = (entry: Numbered): void => {
    entry.done = true
    if (ackScheduled) return
    ackScheduled = true
    queueMicrotask(sendAck)
  }

  /** Applies an accepted message; false when the room was reset instead. */
  const apply = (entry: Numbered, update: Uint8Array, admission: Extract<Admission, { kind: 'accept' }>): boolean => {
    // Only what adds content counts: a re-send of what the room holds, or deletions, always pass.
    if (admission.plan.order.length > 0 && room.storedBytes() + update.length > limits.maxRoomBytes) {
      metrics.increment('updatesRefused')
      log.warn('room.full', { room: roomPrefix(room.id) })
      sendRefusal(entry.seq, RefusalCode.roomFull)
      close(CloseCode.roomFull, 'room full')
      return false
    }
    const { plan, shape } = admission
    // What is stored and forwarded: the update as it came, or without the structs the room already holds (a
    // re-send may carry content deleted since, which must not come back to the relay's disk).
    const adds = plan.order.length > 0 || shape.deletes.length > 0
    const added = !adds ? null : plan.known.length === 0 ? update : encodeUpdate(update, plan.order, shape.deletes)
    const applied = room.apply(update, peer, added)
    if (!applied) return false
    metrics.increment('updatesApplied')
    applied.durable.then(() => {
      if (applied.changed) metrics.increment('updatesStored')
      markDone(entry)
    }, () => undefined) // the room resets itself and closes this socket: never acked
    return true
  }

  /** What to do with a message, now or on a retry: true when it is settled (applied or refused). */
  const handle = (entry: Numbered, update: Uint8Array): boolean => {
    const admission = admitUpdate(room.doc, update, ROOM_POLICY)
    switch (admission.kind) {
      case 'accept':
        apply(entry, update, admission)
        return true
      case 'wait':
        return false
      case 'conflict':
        metrics.increment('updatesConflicting')
        sendRefusal(entry.seq, RefusalCode.conflict, admission.at)
        refuse('updatesRefused', CloseCode.conflict, 'conflicts with stored content')
        return true
      case 'refuse': {
        const policy = ['contentKind', 'typeKind', 'nameTooLong', 'tooDeep', 'parentNotAType'].includes(admission.reason)
        refuse(policy ? 'updatesRefused' : 'undecodableMessages', policy ? CloseCode.policy : CloseCode.invalidPayload, admission.reason)
        return true
      }
    }
  }

  const hold = (entry: Numbered, update: Uint8Array): void => {
    if (held.length >= limits.maxHeldMessages || heldBytes + update.length > limits.maxHeldBytes) {
      return refuse('updatesRefused', CloseCode.policy, 'too many updates waiting for predecessors')
    }
    metrics.increment('updatesHeld')
    held.push({ seq: entry.seq, update })
    heldBytes += update.length
    heldTimer ??= setTimeout(() => {
      heldTimer = null
      if (held.length > 0) refuse('updatesRefused', CloseCode.policy, 'predecessors never arrived')
    }, limits.heldTimeoutMs)
  }

  /** A reader wrote: dropped before anything reads it, counted; repeated, the socket is closed. */
  const refuseReaderWrite = (): void => {
    metrics.increment('readerUpdatesRefused')
    if (++readerWrites <= MAX_READER_WRITES) return
    log.info('update.refused', { room: roomPrefix(room.id), reason: 'read-only' })
    close(CloseCode.policy, 'read-only')
  }

  const receiveUpdate = (update: Uint8Array): void => {
    if (deps.readerId !== undefined) return refuseReaderWrite()
    if (room.frozen) {
      metrics.increment('updatesDroppedFrozen')
      return
    }
    if (room.broken || closeRequested) return
    metrics.increment('updatesReceived')
    const entry: Numbered = { seq: ++received, done: false }
    numbered.push(entry)
    if (!handle(entry, update)) hold(entry, update)
  }

  /** Answers a sync step 1: the room's content the phone lacks, in parts when it is large. */
  const replyToStep1 = (stateVector: Uint8Array): void => {
    const diff = Y.encodeStateAsUpdate(room.doc, stateVector)
    if (diff.length <= limits.partBytes) return send(syncFrame(SYNC_STEP2, diff))
    const known = Y.decodeStateVector(stateVector)
    const parts = splitUpdate(diff, (client) => known.get(client) ?? 0, limits.partBytes) ?? [diff]
    metrics.increment('syncRepliesInParts')
    // Updates first, step 2 last: the stock client counts itself synced when step 2 arrives.
    bulk.push(...parts.map((part, i) => syncFrame(i === parts.length - 1 ? SYNC_STEP2 : SYNC_UPDATE, part)))
    pumpBulk()
  }

  const receiveSync = (decoder: decoding.Decoder): void => {
    const subtype = decoding.readVarUint(decoder)
    if (subtype === SYNC_STEP1) return replyToStep1(decoding.readVarUint8Array(decoder))
    if (subtype !== SYNC_STEP2 && subtype !== SYNC_UPDATE) return refuse('undecodableMessages', CloseCode.invalidPayload, 'unknown sync message')
    receiveUpdate(decoding.readVarUint8Array(decoder))
  }

  const peer: Peer = {
    readerId: deps.readerId,
    send,
    close,
    retryHeld() {
      if (held.length === 0 || closeRequested || room.broken) return
      if (room.frozen) {
        // Frozen while they waited: like any update to a frozen room, dropped (never applied, stored or acked).
        metrics.increment('updatesDroppedFrozen', held.length)
        held = []
        heldBytes = 0
        return
      }
      const waiting = held
      held = []
      heldBytes = 0
      for (const item of waiting) {
        const entry = numbered.find((candidate) => candidate.seq === item.seq)
        if (!entry) continue
        if (!handle(entry, item.update)) {
          held.push(item)
          heldBytes += item.update.length
        }
      }
      if (held.length === 0 && heldTimer !== null) {
        clearTimeout(heldTimer)
        heldTimer = null
      }
    },
    receive(bytes) {
      if (ws.readyState !== ws.OPEN) return
      try {
        const decoder = decoding.createDecoder(bytes)
        const type = decoding.readVarUint(decoder)
        if (type === MESSAGE_SYNC) receiveSync(decoder)
        else metrics.increment('messagesDropped')
      } catch {
        refuse('undecodableMessages', CloseCode.invalidPayload, 'undecodable message')
      }
    },
    lastSentAt: () => sentAt,
    sendKeepalive() {
      send(KEEPALIVE_FRAME)
      metrics.increment('keepalivesSent')
    },
    destroy() {
      if (destroyed) return
      destroyed = true
      if (heldTimer !== null) clearTimeout(heldTimer)
      if (bulkTimer !== null) clearTimeout(bulkTimer)
      heldTimer = null
      bulkTimer = null
      held = []
      bulk = []
    },
  }
  return peer
}
