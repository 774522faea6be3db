// The swap state a screen part needs: the live view, me, the minute clock, and the resolution shared by every part (rota-source cache).
import type { CollectiveSession, CollectiveView, DeviceIdentity } from '../../../app/api.ts'
import { useStore } from '../../hooks/useStore.ts'
import { swapStateOf, type SwapState } from '../rota/rota-source.ts'
import { useNow } from '../rota/useRotaNow.ts'

export interface SwapsContext {
  readonly view: CollectiveView
  readonly me: DeviceIdentity
  readonly now: number
  readonly swaps: SwapState
}

export const useSwaps = (session: CollectiveSession): SwapsContext => {
  const view = useStore(session.view)
  const me = useStore(session.me)
  const now = useNow()
  return { view, me, now, swaps: swapStateOf(view, now) }
}

/** The winner's adult id of an offer right now (after my answer was written), for "déjà pris par X". */
export const currentWinner = (session: CollectiveSession, offerId: string): string | null => {
  const view = session.view.get()
  const outcome = [...swapStateOf(view, Date.now()).resolution.offers.values()].find((o) => o.offer.id === offerId)
  const winner = outcome?.winner?.adultId
  return winner === undefined ? null : view.adults.find((adult) => adult.id === winner)?.firstName ?? null
}
