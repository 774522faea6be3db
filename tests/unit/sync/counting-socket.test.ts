// The WebSocket wrapper numbers exactly the sync step 2 and update messages, per socket, in sending order.
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import { MESSAGE_AWARENESS, MESSAGE_SYNC, SYNC_STEP1, SYNC_STEP2, SYNC_UPDATE } from '../../../src/lib/relay-protocol.ts'
import { countedKindOf, createCountingWebSocket } from '../../../src/sync/counting-socket.ts'
import type { FakeSocket} from './fake-socket.ts';
import { FakeWebSocket } from './fake-socket.ts'

const message = (...varuints: number[]): Uint8Array => {
  const encoder = encoding.createEncoder()
  for (const value of varuints) encoding.writeVarUint(encoder, value)
  return encoding.toUint8Array(encoder)
}

describe('counting websocket', () => {
  it('classifies messages by type and sync subtype', () => {
    expect(countedKindOf(message(MESSAGE_SYNC, SYNC_STEP2, 0))).toBe('step2')
    expect(countedKindOf(message(MESSAGE_SYNC, SYNC_UPDATE, 0).buffer)).toBe('update')
    expect(countedKindOf(message(MESSAGE_SYNC, SYNC_STEP1, 0))).toBeNull()
    expect(countedKindOf(message(MESSAGE_AWARENESS, 0))).toBeNull()
    expect(countedKindOf(new Uint8Array([0xff]))).toBeNull()
    expect(countedKindOf('text')).toBeNull()
  })

  it('numbers counted messages from 1 on each socket, and not a send that failed', () => {
    const seen: string[] = []
    const Counting = createCountingWebSocket(FakeWebSocket, {
      created: () => seen.push('created'),
      sent: (_socket, kind, number) => seen.push(`${kind}#${number}`),
    })
    const first = new Counting('ws://127.0.0.1/sync/x')
    expect(() => first.send(message(MESSAGE_SYNC, SYNC_UPDATE, 0))).toThrow() // not open yet
    ;(first as unknown as FakeSocket).open()
    first.send(message(MESSAGE_SYNC, SYNC_STEP1, 0))
    first.send(message(MESSAGE_SYNC, SYNC_STEP2, 0))
    first.send(message(MESSAGE_SYNC, SYNC_UPDATE, 0))
    const second = new Counting('ws://127.0.0.1/sync/x')
    ;(second as unknown as FakeSocket).open()
    second.send(message(MESSAGE_SYNC, SYNC_STEP2, 0))
    expect(seen).toEqual(['created', 'step2#1', 'update#2', 'created', 'step2#1'])
  })
})
