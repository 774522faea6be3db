// One polite live region for short confirmations ("Famille ajoutée"), so each screen need not manage its own.
import { createContext } from 'preact'
import { useCallback, useContext, useEffect, useRef, useState } from 'preact/hooks'
import type { ComponentChildren } from 'preact'

const AnnounceContext = createContext<(text: string) => void>(() => undefined)

export const useAnnounce = (): ((text: string) => void) => useContext(AnnounceContext)

export function AnnouncerProvider({ children }: { children: ComponentChildren }) {
  const [message, setMessage] = useState('')
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const announce = useCallback((text: string) => {
    // Clear first so that the same sentence twice in a row is read twice.
    setMessage('')
    if (timer.current) clearTimeout(timer.current)
    timer.current = setTimeout(() => {
      setMessage(text)
      timer.current = setTimeout(() => setMessage(''), 6000)
    }, 50)
  }, [])
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current)
  }, [])
  return (
    <AnnounceContext.Provider value={announce}>
      {children}
      <p class="toast" role="status" aria-live="polite" data-testid="announcer">{message}</p>
    </AnnounceContext.Provider>
  )
}
