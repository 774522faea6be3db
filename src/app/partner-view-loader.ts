// The partner's page (issue 18) loads its reader (Yjs, the sync frames) on first use: the first screen of a member's
// phone never carries it. The view says 'loading' until then, and follows the loaded one's state after.
import { createStore } from '../lib/store.ts'
import type { WebSocketClass } from '../sync/counting-socket.ts'
import type { PartnerView, PartnerViewState } from './api-partners.ts'

export const lazyPartnerView = (
  deps: { readonly relayUrl: string; readonly WebSocket?: WebSocketClass | undefined }, fragment: string,
): PartnerView => {
  const state = createStore<PartnerViewState>({ kind: 'loading' })
  let inner: PartnerView | null = null
  let unsubscribe = (): void => {}
  let destroyed = false
  void import('./partner-view.ts').then((module) => {
    if (destroyed) return
    inner = module.openPartnerView({ relayUrl: deps.relayUrl, WebSocket: deps.WebSocket }, fragment)
    state.set(inner.state.get())
    unsubscribe = inner.state.subscribe((next) => state.set(next))
  }, () => state.set({ kind: 'offline' }))
  return {
    state,
    destroy() {
      destroyed = true
      unsubscribe()
      inner?.destroy()
    },
  }
}
