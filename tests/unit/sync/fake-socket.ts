// A scripted WebSocket stand-in for relay-connection unit tests: the test plays the relay by hand.
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { MESSAGE_RELAY_ACK, MESSAGE_SYNC } from '../../../src/lib/relay-protocol.ts'
import { countedKindOf } from '../../../src/sync/counting-socket.ts'

type Handler<E> = ((event: E) => void) | null

export class FakeSocket {
  static readonly CONNECTING = 0
  static readonly OPEN = 1
  static readonly CLOSING = 2
  static readonly CLOSED = 3
  static instances: FakeSocket[] = []

  readonly CONNECTING = 0
  readonly OPEN = 1
  readonly CLOSING = 2
  readonly CLOSED = 3
  readyState = 0
  binaryType = 'blob'
  onopen: Handler<Event> = null
  onmessage: Handler<{ data: ArrayBuffer }> = null
  onclose: Handler<{ code: number; reason: string }> = null
  onerror: Handler<Event> = null
  readonly sent: Uint8Array[] = []

  constructor(readonly url: string, readonly protocols?: string | string[]) {
    FakeSocket.instances.push(this)
  }

  send(data: Uint8Array): void {
    if (this.readyState !== 1) throw new Error('not open')
    this.sent.push(data)
  }

  close(): void {
    if (this.readyState === 3) return
    this.readyState = 3
    this.onclose?.({ code: 1000, reason: '' })
  }

  // ---- the relay's side ----
  open(): void {
    this.readyState = 1
    this.onopen?.(new Event('open'))
  }

  receive(bytes: Uint8Array): void {
    this.onmessage?.({ data: bytes.slice().buffer })
  }

  /** Plays the relay's handshake: its step 1 (the client answers with step 2) then its step 2. */
  handshake(relayDoc: Y.Doc = new Y.Doc()): void {
    const step1 = encoding.createEncoder()
    encoding.writeVarUint(step1, MESSAGE_SYNC)
    syncProtocol.writeSyncStep1(step1, relayDoc)
    this.receive(encoding.toUint8Array(step1))
    const step2 = encoding.createEncoder()
    encoding.writeVarUint(step2, MESSAGE_SYNC)
    syncProtocol.writeSyncStep2(step2, relayDoc)
    this.receive(encoding.toUint8Array(step2))
  }

  ack(count: number): void {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_RELAY_ACK)
    encoding.writeVarUint(encoder, count)
    this.receive(encoding.toUint8Array(encoder))
  }

  serverClose(code: number): void {
    this.readyState = 3
    this.onclose?.({ code, reason: '' })
  }

  /** Step 2 and update messages sent so far on this socket (what the relay acks by count). */
  countedSent(): number {
    return this.sent.filter((bytes) => countedKindOf(bytes) !== null).length
  }

  static latest(): FakeSocket {
    const socket = FakeSocket.instances.at(-1)
    if (!socket) throw new Error('no socket was created')
    return socket
  }
}

export const FakeWebSocket = FakeSocket as unknown as typeof WebSocket
