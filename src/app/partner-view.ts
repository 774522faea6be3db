// Read-only partner links, partner side (issue 18): the page a school or a town hall opens from its link. It reads the
// partner room with the reader token derived from the link's key, opens the sealed summary and parses it; it keeps
// nothing on the device and writes nothing anywhere (the relay would refuse it: a reader token is read-only).
import { z } from 'zod/mini'
import { parsePartnerSummary } from '../domain/partner-summary.ts'
import { parseRoomId, type RoomId } from '../lib/credentials.ts'
import { openPartnerSummary, parsePartnerReadKey, partnerReadTokenOf, type PartnerReadKey } from '../lib/partner-link.ts'
import { createStore } from '../lib/store.ts'
import type { WebSocketClass } from '../sync/counting-socket.ts'
import { watchPartnerRoom, type PartnerWatch } from '../sync/partner-room.ts'
import type { PartnerView, PartnerViewState } from './api-partners.ts'

const MAX_FRAGMENT_LENGTH = 200
const FragmentSchema = z.object({ r: z.string(), k: z.string() })

/** The partner room and read key a link's #fragment carries (with or without '#'), or null. */
export const parsePartnerLink = (fragment: string): { readonly roomId: RoomId; readonly key: PartnerReadKey } | null => {
  const text = fragment.trim().replace(/^.*#/, '')
  if (text.length === 0 || text.length > MAX_FRAGMENT_LENGTH) return null
  const params = new URLSearchParams(text)
  const parsed = FragmentSchema.safeParse({ r: params.get('r'), k: params.get('k') })
  if (!parsed.success) return null
  const roomId = parseRoomId(parsed.data.r)
  const key = parsePartnerReadKey(parsed.data.k)
  return roomId && key ? { roomId, key } : null
}

export const openPartnerView = (
  deps: { readonly relayUrl: string; readonly WebSocket?: WebSocketClass | undefined }, fragment: string,
): PartnerView => {
  const link = parsePartnerLink(fragment)
  const state = createStore<PartnerViewState>(link ? { kind: 'loading' } : { kind: 'invalidLink' })
  if (!link) return { state, destroy: () => undefined }
  let watch: PartnerWatch | null = null
  let destroyed = false
  let online = false
  const show = (next: PartnerViewState): void => {
    if (!destroyed) state.set(next)
  }
  const onValue = async (sealed: string): Promise<void> => {
    const text = await openPartnerSummary(link.roomId, link.key, sealed)
    const summary = text === null ? null : parsePartnerSummary(text)
    // A value that does not open or parse (another version, damaged) leaves what is shown as it is.
    if (summary !== null) show({ kind: 'shown', summary, online })
  }
  void partnerReadTokenOf(link.roomId, link.key).then((token) => {
    if (destroyed) return
    watch = watchPartnerRoom({ relayUrl: deps.relayUrl, roomId: link.roomId, token, WebSocket: deps.WebSocket }, {
      onValue: (sealed) => void onValue(sealed),
      onState: (connection) => {
        online = connection === 'online'
        const current = state.get()
        if (connection === 'revoked') return show({ kind: 'revoked' })
        if (current.kind === 'shown') return show({ ...current, online })
        if (connection === 'offline') show({ kind: 'offline' })
      },
    })
  })
  return {
    state,
    destroy() {
      destroyed = true
      watch?.destroy()
    },
  }
}
