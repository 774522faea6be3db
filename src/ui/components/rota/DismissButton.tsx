// The "✕" that closes one notice of the collective's notice area (waiting, gone, swap and arrival notices).
import { useI18n } from '../../i18n/context.tsx'

/** Its name says what it does, its description which notice (the text beside it, `textId`). */
export function DismissButton({ textId, onDismiss }: { textId: string; onDismiss: () => void }) {
  const { t } = useI18n()
  return (
    <button
      type="button" class="notice-dismiss" onClick={onDismiss}
      aria-label={t('notice.dismiss')} aria-describedby={textId}
    >
      <span aria-hidden="true">✕</span>
    </button>
  )
}
