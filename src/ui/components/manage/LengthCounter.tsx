// A long text's live counter ("12 / 500", over the limit in red) whose screen-reader announcement waits for a pause in
// typing rather than following every keystroke; the limit itself is said by FieldLimit.tsx's LimitHint.
import { useEffect, useRef, useState } from 'preact/hooks'
import { textLength } from '../../../app/queries/limits.ts'
import { useI18n } from '../../i18n/context.tsx'

/** How long typing must pause before the counter is announced: a reader hears the count, not every keystroke. */
export const COUNT_ANNOUNCE_DELAY_MS = 1500

/** The visible count (hidden from screen readers) and a polite region that speaks it once typing pauses. */
export function LengthCounter({ value, max }: { value: string; max: number }) {
  const { t } = useI18n()
  const count = textLength(value)
  const [spoken, setSpoken] = useState('')
  const first = useRef(true)
  useEffect(() => {
    if (first.current) {
      first.current = false // nothing to say before the person types
      return
    }
    const said = count > max ? t('form.countOver', { over: count - max }) : t('form.countLeft', { count, max })
    const timer = setTimeout(() => setSpoken(said), COUNT_ANNOUNCE_DELAY_MS)
    return () => clearTimeout(timer)
  }, [count, max, t])
  return (
    <>
      <p class={count > max ? 'field__count field__count--over' : 'field__count'} aria-hidden="true">
        {t('form.count', { count, max })}
      </p>
      <p class="visually-hidden" aria-live="polite">{spoken}</p>
    </>
  )
}
