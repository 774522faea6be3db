// A typed text's length limit, shown before submit ("80 caractères au plus" under the label) and linked to the control.
// No read model here (the first visit's create form uses it); long texts' counter: manage/LengthCounter.tsx.
import { useI18n } from '../i18n/context.tsx'

/** The ids a control points to with aria-describedby: its hint, its limit, its error (those it has), in that order. */
export const describedByOf = (
  id: string, parts: { hint?: unknown; limit?: unknown; error?: unknown },
): string | undefined =>
  [parts.hint ? `${id}-hint` : null, parts.limit ? `${id}-limit` : null, parts.error ? `${id}-error` : null]
    .filter(Boolean).join(' ') || undefined

/** "80 caractères au plus", linked to the control by its id (`${id}-limit`). */
export function LimitHint({ id, max }: { id: string; max: number }) {
  const { t } = useI18n()
  return <p class="field__hint" id={`${id}-limit`}>{t('form.maxLength', { max })}</p>
}
