// One polite live region for short confirmations ("Famille ajoutée"), so each screen need not manage its own; a toast
// may follow what it confirms (toast-follow.ts) and can be closed.
import { createContext } from 'preact'
import { useCallback, useContext, useEffect, useRef, useState } from 'preact/hooks'
import type { ComponentChildren } from 'preact'
import { useI18n } from '../i18n/context.tsx'
import { followToast, type ToastFollow } from './toast-follow.ts'

export type Announce = (text: string, follow?: ToastFollow) => void

const AnnounceContext = createContext<Announce>(() => undefined)

export const useAnnounce = (): Announce => useContext(AnnounceContext)

const SHOWN_MS = 6000

export function AnnouncerProvider({ children }: { children: ComponentChildren }) {
  const { t } = useI18n()
  const [message, setMessage] = useState('')
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const following = useRef<(() => void) | null>(null)
  const clear = useCallback(() => {
    if (timer.current) clearTimeout(timer.current)
    following.current?.()
    following.current = null
  }, [])
  const show = useCallback((text: string) => {
    setMessage(text)
    if (timer.current) clearTimeout(timer.current)
    timer.current = setTimeout(() => {
      following.current?.()
      following.current = null
      setMessage('')
    }, SHOWN_MS)
  }, [])
  const announce = useCallback<Announce>((text, follow) => {
    // Clear first so that the same sentence twice in a row is read twice.
    clear()
    setMessage('')
    timer.current = setTimeout(() => {
      show(text)
      // A truthful replacement is shown (and read out) for as long as a new toast; null removes the toast at once.
      const replace = (next: string | null) => (next === null ? (clear(), setMessage('')) : show(next))
      if (follow) following.current = followToast(text, follow, replace)
    }, 50)
  }, [clear, show])
  useEffect(() => clear, [clear])
  const dismiss = () => {
    clear()
    setMessage('')
  }
  return (
    <AnnounceContext.Provider value={announce}>
      {children}
      <div class={message ? 'toast' : 'toast toast--empty'} data-testid="toast">
        <p class="toast__text" role="status" aria-live="polite" data-testid="announcer">{message}</p>
        {message && (
          <button type="button" class="toast__close" aria-label={t('notice.dismissToast')} onClick={dismiss}>
            <span aria-hidden="true">✕</span>
          </button>
        )}
      </div>
    </AnnounceContext.Provider>
  )
}
