// The current instant for rota screens, refreshed every minute so "urgent" and "today" follow the clock.
import { useEffect, useState } from 'preact/hooks'

export const useNow = (refreshMs = 60_000): number => {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), refreshMs)
    return () => clearInterval(timer)
  }, [refreshMs])
  return now
}
