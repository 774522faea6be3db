// My sign-ups not kept (place taken first, or no longer needed) and my sign-ups on walks that no longer run (with "Retirer"): on "Cette semaine", "Mes trajets" and the collective home.
import { useMemo } from 'preact/hooks'
import type { RotaCommands, SessionIdentity, SessionState } from '../../../app/api.ts'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { useStore } from '../../hooks/useStore.ts'
import { useI18n } from '../../i18n/context.tsx'
import { goneNotices, walksWithSignUpsOf, type GoneNotice } from '../../../app/queries/rota.ts'
import { adultsById, isMine, waitingNotices, type WaitingNotice } from '../../../app/queries/rota-view.ts'
import { directionText, formatDay, goneNoticeText, todayIn, waitingNoticeText, withdrawText } from './rota-format.ts'
import { useNow } from './useRotaNow.ts'
import './rota.css'

interface WaitingNoticeListProps {
  readonly notices: readonly WaitingNotice[]
  readonly gone?: readonly GoneNotice[]
  readonly onWithdraw?: (notice: GoneNotice) => void
}

/** The notices themselves, in a polite live region so a notice arriving with a sync is read out. */
export function WaitingNoticeList({ notices, gone = [], onWithdraw }: WaitingNoticeListProps) {
  const { t, language } = useI18n()
  return (
    <div class="notices" aria-live="polite" data-testid="waiting-notices">
      {notices.length + gone.length > 0 && <h2 class="visually-hidden">{t('rota.notice.title')}</h2>}
      {notices.map((notice) => (
        <p key={`${notice.date}|${notice.direction}|${notice.reason}|${notice.holders.join(',')}`} class="notice-waiting" data-testid="waiting-notice">
          <span aria-hidden="true">⚠ </span>
          {waitingNoticeText(t, language, notice)}
        </p>
      ))}
      {gone.map((notice) => (
        <div key={`${notice.walk.lineId}|${notice.walk.date}|${notice.walk.direction}|${notice.adultId}`} class="notice-waiting" data-testid="gone-notice">
          <p>
            <span aria-hidden="true">⚠ </span>
            {goneNoticeText(t, language, notice)}
          </p>
          {onWithdraw && (
            <button
              type="button"
              class="button"
              aria-label={t('rota.notice.goneWithdrawLabel', { name: notice.adultName, day: formatDay(notice.walk.date, language), direction: directionText(t, notice.walk.direction) })}
              onClick={() => onWithdraw(notice)}
            >
              {t('rota.notice.goneWithdraw')}
            </button>
          )}
        </div>
      ))}
    </div>
  )
}

export function WaitingNotices({ session }: { session: SessionState & SessionIdentity & RotaCommands }) {
  const { t, language } = useI18n()
  const announce = useAnnounce()
  const view = useStore(session.view)
  const me = useStore(session.me)
  const now = useNow()
  const today = todayIn(now)
  const notices = useMemo(
    () => waitingNotices(walksWithSignUpsOf(view, (signUp) => isMine(signUp, me), today, now), me, adultsById(view), today),
    [view, me, today, now],
  )
  const gone = useMemo(() => goneNotices(view, (signUp) => isMine(signUp, me), now), [view, me, now])
  const withdraw = (notice: GoneNotice) => {
    const values = { name: notice.adultName, day: formatDay(notice.walk.date, language), direction: directionText(t, notice.walk.direction) }
    announce(withdrawText(t, session.withdraw(notice.walk, notice.adultId), values, 'rota.notice.goneWithdrawn'))
  }
  return <WaitingNoticeList notices={notices} gone={gone} onWithdraw={withdraw} />
}
