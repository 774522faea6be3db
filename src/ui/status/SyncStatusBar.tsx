// The per-collective sync status line (polite live region), the storage alert, the "collectif renouvelé" alert and the
// archived-year notice with the way to the current year, shown under the header on every screen.
import { useEffect, useRef } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import type { GenerationState, SessionIdentity, SessionState } from '../../app/api.ts'
import { useAnnounce } from '../hooks/announcer.tsx'
import { useStore } from '../hooks/useStore.ts'
import { useI18n } from '../i18n/context.tsx'
import { formatClock } from '../i18n/translate.ts'
import { syncStatusText } from './statusText.ts'

export function SyncStatusBar({ session }: { session: SessionState & Pick<SessionIdentity, 'id'> }) {
  const { t, language } = useI18n()
  const status = useStore(session.status)
  const generation = useStore(session.generation)
  const { text, tone } = syncStatusText(status, t, language, (ms) => formatClock(ms, language))
  return (
    <div class="status-area">
      <p class={`sync-status sync-status--${tone}`} role="status" aria-live="polite" data-testid="sync-status"
        data-local={status.local}>
        <span class="visually-hidden">{t('status.label')} : </span>
        <span class="sync-status__dot" aria-hidden="true" />
        {text}
      </p>
      {/* An archive deleted by the relay after its period closes like a renewed room: it did not move, it aged. */}
      {status.moved && !status.archived && generation.successorId === null && (
        <p class="alert" role="alert" data-testid="moved-banner">{t('renew.moved')}</p>
      )}
      {(status.archived || generation.successorId !== null) && <ArchiveNotice id={session.id} generation={generation} />}
      {status.storageError && (
        <p class="alert" role="alert" data-testid="storage-error">
          {t(status.storageError === 'quotaExceeded' ? 'status.quotaExceeded' : 'status.storageUnavailable')}
        </p>
      )}
    </div>
  )
}

/**
 * "Archive de l'année 2026-2027 : en lecture seule." with the current year's link once this phone holds it. A
 * collective that moved on while its screen was open (not an archive opened from the list) takes the person to the
 * same screen of the current year.
 */
function ArchiveNotice({ id, generation }: { readonly id: string; readonly generation: GenerationState }) {
  const { t } = useI18n()
  const announce = useAnnounce()
  const { path, route } = useLocation()
  const { archiveLabel, successorId } = generation
  const openedAsArchive = useRef(successorId !== null)
  useEffect(() => {
    const prefix = `/c/${id}`
    if (openedAsArchive.current || successorId === null || !path.startsWith(prefix)) return
    announce(t('generation.followed'))
    route(`/c/${successorId}${path.slice(prefix.length)}`, true)
  }, [successorId])
  return (
    <div class="notice" role="status" data-testid="archive-notice">
      <p>{archiveLabel === null ? t('generation.archiveOfPast') : t('generation.archive', { year: archiveLabel })}</p>
      {successorId === null
        ? <p>{t('generation.following')}</p>
        : <p><a class="button button--primary" href={`/c/${successorId}`} data-testid="go-live">{t('generation.goLive')}</a></p>}
    </div>
  )
}
