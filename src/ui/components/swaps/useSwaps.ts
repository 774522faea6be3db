// The swap state a screen part needs: the live view, me, the minute clock, and the swap state every part and command shares (src/app/queries).
import type { CollectiveView, DeviceIdentity, SessionIdentity, SessionState } from '../../../app/api.ts'
import { swapStateOf, type SwapState } from '../../../app/queries/swap-state.ts'
import { useStore } from '../../hooks/useStore.ts'
import { useNow } from '../rota/useRotaNow.ts'

export interface SwapsContext {
  readonly view: CollectiveView
  readonly me: DeviceIdentity
  readonly now: number
  readonly swaps: SwapState
}

export const useSwaps = (session: SessionState & SessionIdentity): SwapsContext => {
  const view = useStore(session.view)
  const me = useStore(session.me)
  const now = useNow()
  return { view, me, now, swaps: swapStateOf(view, now) }
}
