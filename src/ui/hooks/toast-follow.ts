// A toast tied to what it confirms: while it shows, each change of its source re-reads its text, so a confirmation the
// synced state no longer matches is replaced by the truth (or removed), never left beside a card that says otherwise.
import type { ReadableStore } from '../../lib/store.ts'

export interface ToastFollow {
  /** Changes when what the toast speaks of may have changed (the session's view). */
  readonly source: ReadableStore<unknown>
  /** The toast's text for the state now: the announced one while it holds, the truthful one if not, null: none. */
  readonly text: () => string | null
}

/**
 * Follows `follow` from the announced `shown` text: calls `show` with each new text (null: the toast goes) and
 * stops after a null. Returns the function that stops following (the toast expired, was dismissed, or another one
 * replaced it).
 */
export const followToast = (shown: string, follow: ToastFollow, show: (text: string | null) => void): (() => void) => {
  let current: string | null = shown
  let stop = (): void => undefined
  stop = follow.source.subscribe(() => {
    const next = follow.text()
    if (next === current) return
    current = next
    show(next)
    if (next === null) stop()
  })
  return () => stop()
}
