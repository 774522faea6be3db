// A WebSocket subclass for y-websocket's WebSocketPolyfill option that numbers outgoing sync step 2 and update messages.
//
// The relay acks by count ("your first N step-2/update messages are stored"), so the client must
// count exactly those, per connection, in the order they leave.
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { MESSAGE_SYNC, SYNC_STEP2, SYNC_UPDATE } from '../lib/relay-protocol.ts'

export type CountedKind = 'step2' | 'update'

export interface SocketHooks {
  created(socket: WebSocket): void
  /**
   * `number` is 1 for the first counted message on this socket; `of` is the kind of the message it was part of
   * (a step 2 sent in parts is updates, then a step 2).
   */
  sent(socket: WebSocket, kind: CountedKind, number: number, of: CountedKind): void
  /**
   * The updates to send instead of a step-2/update message's payload: several when it is too large (all sent as
   * updates but the last, which keeps the message's kind), or filtered. Counted one by one.
   */
  prepare?(kind: CountedKind, update: Uint8Array): Uint8Array[]
}

/** The global WebSocket class in a browser; `ws` (cast) in Node tests. */
export type WebSocketClass = typeof WebSocket

export const createCountingWebSocket = (Base: WebSocketClass, hooks: SocketHooks): WebSocketClass =>
  class CountingWebSocket extends Base {
    private countedMessages = 0

    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols)
      hooks.created(this)
    }

    override send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
      const kind = countedKindOf(data)
      if (kind === null) return super.send(data)
      const parts = hooks.prepare?.(kind, syncPayloadOf(data)) ?? null
      if (parts === null) {
        super.send(data) // throws when not open: then nothing left, nothing to count
        hooks.sent(this, kind, ++this.countedMessages, kind)
        return
      }
      parts.forEach((part, i) => {
        const partKind: CountedKind = i === parts.length - 1 ? kind : 'update'
        super.send(syncMessage(partKind, part)) // one message per frame: y-websocket reads only the first
        hooks.sent(this, partKind, ++this.countedMessages, kind)
      })
    }
  }

/** The update inside a counted sync message (its kind was read already, so it decodes). */
const syncPayloadOf = (data: unknown): Uint8Array => {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data as ArrayBuffer)
  const decoder = decoding.createDecoder(bytes)
  decoding.readVarUint(decoder)
  decoding.readVarUint(decoder)
  return decoding.readVarUint8Array(decoder)
}

/** A y-websocket sync message: step 1 (a state vector), step 2 or an update. */
export const syncFrame = (subtype: number, payload: Uint8Array): Uint8Array => {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  encoding.writeVarUint(encoder, subtype)
  encoding.writeVarUint8Array(encoder, payload)
  return encoding.toUint8Array(encoder)
}

export const syncMessage = (kind: CountedKind, update: Uint8Array): Uint8Array =>
  syncFrame(kind === 'step2' ? SYNC_STEP2 : SYNC_UPDATE, update)

export const countedKindOf = (data: unknown): CountedKind | null => {
  const bytes = data instanceof Uint8Array ? data : data instanceof ArrayBuffer ? new Uint8Array(data) : null
  if (bytes === null) return null
  try {
    const decoder = decoding.createDecoder(bytes)
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return null
    const subtype = decoding.readVarUint(decoder)
    return subtype === SYNC_STEP2 ? 'step2' : subtype === SYNC_UPDATE ? 'update' : null
  } catch {
    return null
  }
}
