// My sign-ups not kept (another adult signed up first): a clear message per walk, on the week screen and the collective home.
import { useMemo } from 'preact/hooks'
import type { CollectiveSession } from '../../../app/api.ts'
import { useStore } from '../../hooks/useStore.ts'
import { useI18n } from '../../i18n/context.tsx'
import { todayIn, waitingNoticeText, type WaitingNotice } from './rota-format.ts'
import { walksWithSignUpsOf } from './rota-source.ts'
import { adultsById, isMine, waitingNotices } from './rota-view.ts'
import { useNow } from './useRotaNow.ts'
import './rota.css'

/** The notices themselves, in a polite live region so a notice arriving with a sync is read out. */
export function WaitingNoticeList({ notices }: { notices: readonly WaitingNotice[] }) {
  const { t, language } = useI18n()
  return (
    <div class="notices" aria-live="polite" data-testid="waiting-notices">
      {notices.length > 0 && <h2 class="visually-hidden">{t('rota.notice.title')}</h2>}
      {notices.map((notice) => (
        <p key={`${notice.date}|${notice.direction}|${notice.holders.join(',')}`} class="notice-waiting" data-testid="waiting-notice">
          <span aria-hidden="true">⚠ </span>
          {waitingNoticeText(t, language, notice)}
        </p>
      ))}
    </div>
  )
}

export function WaitingNotices({ session }: { session: CollectiveSession }) {
  const view = useStore(session.view)
  const me = useStore(session.me)
  const now = useNow()
  const today = todayIn(now, view.settings.timeZone)
  const notices = useMemo(
    () => waitingNotices(walksWithSignUpsOf(view, (signUp) => isMine(signUp, me), today, now), me, adultsById(view), today),
    [view, me, today, now],
  )
  return <WaitingNoticeList notices={notices} />
}
