// Keeps the screen on while a component is shown (Screen Wake Lock API): requested on mount and when the page is shown again, released on unmount.
import { useEffect, useState } from 'preact/hooks'

/** 'held': the screen stays on; 'off': not held (unsupported, refused, or the page is hidden). */
export type WakeLockState = 'held' | 'off'

interface WakeLockSentinelLike {
  readonly released: boolean
  release(): Promise<void>
  addEventListener(type: 'release', listener: () => void): void
}
interface WakeLockLike {
  request(type: 'screen'): Promise<WakeLockSentinelLike>
}

const wakeLockOf = (): WakeLockLike | null => {
  if (typeof navigator === 'undefined' || typeof document === 'undefined') return null
  const candidate = (navigator as Navigator & { wakeLock?: WakeLockLike }).wakeLock
  return candidate && typeof candidate.request === 'function' ? candidate : null
}

/**
 * The browser releases the lock whenever the page is hidden, so it is asked again on
 * `visibilitychange`. Unsupported browsers and refusals (battery saver, no user gesture yet) stay silent.
 */
export const useWakeLock = (enabled = true): WakeLockState => {
  const [state, setState] = useState<WakeLockState>('off')
  useEffect(() => {
    const api = wakeLockOf()
    if (!enabled || api === null) return
    let sentinel: WakeLockSentinelLike | null = null
    let active = true
    // A request in flight: a visibilitychange meanwhile must not ask a second time (two locks, one
    // of them never released).
    let pending = false
    const request = () => {
      if (!active || pending || document.visibilityState !== 'visible' || (sentinel !== null && !sentinel.released)) return
      pending = true
      api.request('screen').then(
        (lock) => {
          pending = false
          // Unmounted while asking: the cleanup had nothing to release yet, so release it here.
          if (!active) {
            void lock.release().catch(() => undefined)
            return
          }
          sentinel = lock
          setState('held')
          lock.addEventListener('release', () => {
            if (active) setState('off')
          })
        },
        () => {
          pending = false
          if (active) setState('off')
        },
      )
    }
    const onVisibility = () => request()
    request()
    document.addEventListener('visibilitychange', onVisibility)
    return () => {
      active = false
      document.removeEventListener('visibilitychange', onVisibility)
      if (sentinel !== null && !sentinel.released) void sentinel.release().catch(() => undefined)
      sentinel = null
    }
  }, [enabled])
  return state
}
