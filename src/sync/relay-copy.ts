// Fetches the relay's copy of a room into an empty Y.Doc: one stock y-websocket connection that only reads (it
// neither registers the room nor asks for acks, and its empty doc sends nothing), closed once synced. Used to
// rebuild a phone's copy that diverged from the relay's, and to read an archived room's final state.
import { Awareness } from 'y-protocols/awareness'
import { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import { SUBPROTOCOL, TOKEN_PROTOCOL_PREFIX, isPermanentRefusal } from '../lib/relay-protocol.ts'
import type { WebSocketClass } from './counting-socket.ts'
import { syncServerUrl } from './relay-connection.ts'

export interface RelayCopyOptions {
  readonly relayUrl: string
  readonly roomId: string
  readonly token: string
  readonly WebSocket?: WebSocketClass
  readonly timeoutMs?: number
}

const DEFAULT_TIMEOUT_MS = 30_000

/** The relay closed the socket with a permanent refusal (44xx): `code` says why (4404: no such room). */
export class RelayCopyRefused extends Error {
  constructor(readonly code: number) {
    super(`relay copy: refused (${code})`)
    this.name = 'RelayCopyRefused'
  }
}

/** Resolves once `doc` holds the relay's copy; rejects on a refusal, a close before sync, or the timeout. */
export const fetchRelayCopy = (doc: Y.Doc, options: RelayCopyOptions): Promise<void> =>
  new Promise((resolve, reject) => {
    const awareness = new Awareness(doc)
    awareness.setLocalState(null)
    const provider = new WebsocketProvider(syncServerUrl(options.relayUrl), options.roomId, doc, {
      awareness,
      protocols: [SUBPROTOCOL, TOKEN_PROTOCOL_PREFIX + options.token],
      WebSocketPolyfill: options.WebSocket ?? globalThis.WebSocket,
      disableBc: true,
      shouldReconnect: () => false,
    })
    let settled = false
    const finish = (error: Error | null): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      provider.destroy()
      awareness.destroy()
      if (error) reject(error)
      else resolve()
    }
    const timer = setTimeout(() => finish(new Error('relay copy: timed out')), options.timeoutMs ?? DEFAULT_TIMEOUT_MS)
    provider.on('sync', (synced: boolean) => {
      if (synced) finish(null)
    })
    provider.on('connection-close', (event: CloseEvent | null) => {
      const code = event?.code ?? 0
      finish(isPermanentRefusal(code) ? new RelayCopyRefused(code) : new Error(`relay copy: closed (${code})`))
    })
  })
