// The per-collective sync status line (polite live region), the storage alert and the "collectif renouvelé" alert, shown under the header on every screen.
import type { SessionState } from '../../app/api.ts'
import { useStore } from '../hooks/useStore.ts'
import { useI18n } from '../i18n/context.tsx'
import { formatClock } from '../i18n/translate.ts'
import { syncStatusText } from './statusText.ts'

export function SyncStatusBar({ session }: { session: SessionState }) {
  const { t, language } = useI18n()
  const status = useStore(session.status)
  const { text, tone } = syncStatusText(status, t, language, (ms) => formatClock(ms, language))
  return (
    <div class="status-area">
      <p class={`sync-status sync-status--${tone}`} role="status" aria-live="polite" data-testid="sync-status">
        <span class="visually-hidden">{t('status.label')} : </span>
        <span class="sync-status__dot" aria-hidden="true" />
        {text}
      </p>
      {status.moved && (
        <p class="alert" role="alert" data-testid="moved-banner">{t('renew.moved')}</p>
      )}
      {status.storageError && (
        <p class="alert" role="alert" data-testid="storage-error">
          {t(status.storageError === 'quotaExceeded' ? 'status.quotaExceeded' : 'status.storageUnavailable')}
        </p>
      )}
    </div>
  )
}
