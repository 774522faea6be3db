// A WebSocket subclass for y-websocket's WebSocketPolyfill option that numbers outgoing sync step 2 and update messages.
//
// The relay acks by count ("your first N step-2/update messages are stored"), so the client must
// count exactly those, per connection, in the order they leave.
import * as decoding from 'lib0/decoding'
import { MESSAGE_SYNC, SYNC_STEP2, SYNC_UPDATE } from '../lib/relay-protocol.ts'

export type CountedKind = 'step2' | 'update'

export interface SocketHooks {
  created(socket: WebSocket): void
  /** `number` is 1 for the first counted message on this socket. */
  sent(socket: WebSocket, kind: CountedKind, number: number): void
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
      super.send(data) // throws when not open: then nothing left, nothing to count
      if (kind !== null) hooks.sent(this, kind, ++this.countedMessages)
    }
  }

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
