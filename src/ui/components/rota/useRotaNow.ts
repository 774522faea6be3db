// The current instant for rota screens: one value per minute shared by every component, ticking at each minute.
//
// Each component used to take its own Date.now(): the walk cards of one render then each missed the per-instant
// swap state (swapStateOf) and re-indexed every sign-up, quadratic in a large collective (22 s at 150 families on a
// throttled phone). Read within one minute, every component gets the same instant; one timer wakes them all.
import { useEffect, useState } from 'preact/hooks'

const MINUTE_MS = 60_000

/** Now, rounded down to the minute: "urgent", "today" and "started" move at most a minute late. */
export const minuteNow = (): number => Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS

const listeners = new Set<(now: number) => void>()
let timer: ReturnType<typeof setTimeout> | null = null

const schedule = (): void => {
  timer = setTimeout(() => {
    timer = null
    const now = minuteNow()
    for (const listener of [...listeners]) listener(now)
    if (listeners.size > 0) schedule()
  }, MINUTE_MS - (Date.now() % MINUTE_MS) + 1)
}

/** Calls `listener` with the new minute at each minute boundary; one timer for all listeners. Returns the unsubscribe. */
export const onEachMinute = (listener: (now: number) => void): (() => void) => {
  listeners.add(listener)
  if (timer === null) schedule()
  return () => {
    listeners.delete(listener)
    if (listeners.size === 0 && timer !== null) {
      clearTimeout(timer)
      timer = null
    }
  }
}

export const useNow = (): number => {
  const [now, setNow] = useState(minuteNow)
  useEffect(() => {
    // The minute may have turned between the first render and this effect.
    setNow(minuteNow())
    return onEachMinute(setNow)
  }, [])
  return now
}
