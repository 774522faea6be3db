// Changes between the tabs of one phone, offline too: each change once as it happens, never the whole state.
//
// y-websocket's own channel posts the whole document on every connect (100–120 ms of a five-year collective, even
// offline) and is shut with the websocket, so two tabs offline did not see each other. Here a tab that opens posts
// its state vector; a tab that has more answers with just the difference; after that each change is posted as made.
import * as Y from 'yjs'
import { z } from 'zod/mini'

const BytesSchema = z.custom<Uint8Array>((value) => value instanceof Uint8Array, { message: "bytes" })
const MessageSchema = z.discriminatedUnion('kind', [
  /** A tab opened: what it has. */
  z.object({ kind: z.literal('hello'), stateVector: BytesSchema }),
  /** A change made in a tab, or the difference a tab sends to one that said hello. */
  z.object({ kind: z.literal('update'), update: BytesSchema }),
])
type Message = z.infer<typeof MessageSchema>

export interface TabChannel {
  /** The origin of the changes applied from other tabs (not this tab's own: the relay connection skips them). */
  readonly origin: object
  destroy(): void
}

export interface TabChannelOptions {
  readonly BroadcastChannel?: typeof globalThis.BroadcastChannel
  /**
   * Settles once the tab has loaded the stored document: only then does it say hello or answer one (before, its
   * state vector is empty and the other tabs would send it everything the disk is about to give it).
   */
  readonly ready?: Promise<unknown>
  /** Reported when another tab posts something this one cannot read or apply (the tab keeps working). */
  readonly onError?: (error: unknown) => void
}

/** null where the browser has no BroadcastChannel: each tab then meets the others through the relay only. */
export const createTabChannel = (doc: Y.Doc, name: string, options: TabChannelOptions = {}): TabChannel | null => {
  const Channel = options.BroadcastChannel ?? globalThis.BroadcastChannel
  if (Channel === undefined) return null
  const channel = new Channel(name)
  const origin = { tabChannel: name }
  const post = (message: Message): void => channel.postMessage(message)

  const onMessage = (event: MessageEvent<unknown>): void => {
    const parsed = MessageSchema.safeParse(event.data)
    if (!parsed.success) return options.onError?.(new Error('tab channel: unreadable message'))
    const message = parsed.data
    try {
      if (message.kind === 'update') Y.applyUpdate(doc, message.update, origin)
      else if (ready) {
        const difference = Y.encodeStateAsUpdate(doc, message.stateVector)
        // An empty difference is a few bytes (no structs, no deletions): not worth a message.
        if (difference.length > 2) post({ kind: 'update', update: difference })
      }
    } catch (error) {
      options.onError?.(error)
    }
  }
  const onUpdate = (update: Uint8Array, from: unknown): void => {
    if (from !== origin) post({ kind: 'update', update })
  }
  let ready = false
  let destroyed = false
  channel.addEventListener('message', onMessage)
  doc.on('update', onUpdate)
  void Promise.resolve(options.ready).then(() => {
    if (destroyed) return
    ready = true
    post({ kind: 'hello', stateVector: Y.encodeStateVector(doc) })
  })

  return {
    origin,
    destroy() {
      destroyed = true
      doc.off('update', onUpdate)
      channel.removeEventListener('message', onMessage)
      channel.close()
    },
  }
}
