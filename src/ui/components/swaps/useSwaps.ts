// The swap state a screen part needs: the live view, me, the minute clock, and the swap state every part and command shares (src/app/queries).
import { useEffect, useRef, useState } from 'preact/hooks'
import type { CollectiveView, DeviceIdentity, SessionIdentity, SessionState } from '../../../app/api.ts'
import { swapStateOf, type SwapState } from '../../../app/queries/swap-state.ts'
import { useStore } from '../../hooks/useStore.ts'
import { sameData } from '../memo.ts'
import { minuteNow, onEachMinute, useNow } from '../rota/useRotaNow.ts'

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

const contextNow = (session: SessionState & SessionIdentity): SwapsContext => {
  const view = session.view.get()
  const now = minuteNow()
  return { view, me: session.me.get(), now, swaps: swapStateOf(view, now) }
}

/**
 * What `select` takes from the swap state, the component rendered again only when that changes (by content): a
 * place's swap tag and actions stay as they are while sign-ups elsewhere change the view (the week has hundreds).
 */
export const useSwapsSelection = <T,>(
  session: SessionState & SessionIdentity, select: (context: SwapsContext) => T,
): T => {
  const [, rerender] = useState(0)
  const current = select(contextNow(session))
  const latest = useRef({ select, current })
  latest.current = { select, current }
  useEffect(() => {
    const check = (): void => {
      const next = latest.current.select(contextNow(session))
      if (!sameData(next, latest.current.current, 5)) rerender((count) => count + 1)
    }
    const unsubscribes = [session.view.subscribe(check), session.me.subscribe(check), onEachMinute(check)]
    check()
    return () => unsubscribes.forEach((unsubscribe) => unsubscribe())
  }, [session])
  return current
}
