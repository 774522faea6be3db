// The notices every screen of the collective shows (home, week, my walks, today, the demo): today's arrivals of my
// children, my sign-ups not kept, my sign-ups on walks that no longer run (with "Retirer"), and what happened to my
// family's offers and answers and its coups de main (HelpNewsList.tsx). Each can be dismissed; a dismissal is kept on
// this phone under the notice's key, so a new event shows again.
import { useMemo, useRef } from 'preact/hooks'
import type { RotaCommands, SessionIdentity, SessionState, YearCommands } from '../../../app/api.ts'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { useServices } from '../../hooks/services.ts'
import { useStore } from '../../hooks/useStore.ts'
import { useI18n } from '../../i18n/context.tsx'
import type { Place } from '../../../app/queries/place-claim.ts'
import { goneNotices, walksWithSignUpsOf, type GoneNotice } from '../../../app/queries/rota.ts'
import { adultsById, isMine, waitingNotices, type WaitingNotice } from '../../../app/queries/rota-view.ts'
import { swapNewsOf, swapNoticeKey } from '../../../app/queries/swaps.ts'
import type { Notice } from '../../../domain/swaps/index.ts'
import { isWarning, noticeText } from '../swaps/swap-text.ts'
import { ArrivalNotices } from '../walk/ArrivalNotices.tsx'
import { CollectiveLifeNotices } from './CollectiveLifeNotices.tsx'
import { DismissButton } from './DismissButton.tsx'
import { HelpNewsList } from './HelpNewsList.tsx'
import { followPlace } from './place-toast.ts'
import { directionText, formatDay, goneNoticeText, todayIn, waitingNoticeText, withdrawText } from './rota-format.ts'
import { useNow } from './useRotaNow.ts'
import './rota.css'
import '../swaps/swaps.css'

/** A gone notice's name for a dismissal: the adult's sign-up on that walk. */
export const goneNoticeKey = (notice: GoneNotice): string =>
  `gone|${notice.walk.lineId}|${notice.walk.date}|${notice.walk.direction}|${notice.adultId}`

interface WaitingNoticeListProps {
  readonly notices: readonly WaitingNotice[]
  readonly gone?: readonly GoneNotice[]
  readonly onWithdraw?: (notice: GoneNotice) => void
  /** Closes one notice by its key (none: the notices cannot be closed, as in a static rendering). */
  readonly onDismiss?: (key: string) => void
}

/** The notices themselves, in a polite live region so a notice arriving with a sync is read out. */
export function WaitingNoticeList({ notices, gone = [], onWithdraw, onDismiss }: WaitingNoticeListProps) {
  const { t, language } = useI18n()
  return (
    <div class="notices" aria-live="polite" data-testid="waiting-notices">
      {notices.length + gone.length > 0 && <h2 class="visually-hidden">{t('rota.notice.title')}</h2>}
      {notices.map((notice, index) => (
        <div key={notice.key} class="notice-waiting notice-item" data-testid="notice-item">
          <p id={`waiting-notice-${index}`} data-testid="waiting-notice">
            <span aria-hidden="true">⚠ </span>
            {waitingNoticeText(t, language, notice)}
          </p>
          {onDismiss && <DismissButton textId={`waiting-notice-${index}`} onDismiss={() => onDismiss(notice.key)} />}
        </div>
      ))}
      {gone.map((notice, index) => (
        <div key={goneNoticeKey(notice)} class="notice-waiting notice-item" data-testid="gone-notice">
          <div>
            <p id={`gone-notice-${index}`}>
              <span aria-hidden="true">⚠ </span>
              {goneNoticeText(t, language, notice)}
            </p>
            {onWithdraw && (
              <button
                type="button"
                class="button"
                aria-label={t('rota.notice.goneWithdrawLabel', {
                  name: notice.adultName,
                  day: formatDay(notice.walk.date, language),
                  direction: directionText(t, notice.walk.direction),
                })}
                onClick={() => onWithdraw(notice)}
              >
                {t('rota.notice.goneWithdraw')}
              </button>
            )}
          </div>
          {onDismiss && (
            <DismissButton textId={`gone-notice-${index}`} onDismiss={() => onDismiss(goneNoticeKey(notice))} />
          )}
        </div>
      ))}
    </div>
  )
}

interface SwapNewsListProps {
  readonly news: readonly Notice[]
  readonly textOf: (notice: Notice) => string
  readonly onDismiss: (key: string) => void
}

/** What happened to my family's offers and answers ("Votre offre a été prise par Paul…"), in a polite live region. */
function SwapNewsList({ news, textOf, onDismiss }: SwapNewsListProps) {
  const { t } = useI18n()
  return (
    <div class="notices" aria-live="polite" data-testid="swap-notices">
      {news.length > 0 && <h2 class="visually-hidden">{t('swap.home.news')}</h2>}
      {news.map((notice, index) => (
        <div
          key={swapNoticeKey(notice)}
          class={`swap-notice notice-item${isWarning(notice.kind) ? ' swap-notice--warning' : ''}`}
          data-testid="notice-item"
        >
          <p id={`swap-notice-${index}`} data-testid="swap-notice" data-kind={notice.kind}>
            <span aria-hidden="true">{isWarning(notice.kind) ? '⚠ ' : '✓ '}</span>
            {textOf(notice)}
          </p>
          <DismissButton textId={`swap-notice-${index}`} onDismiss={() => onDismiss(swapNoticeKey(notice))} />
        </div>
      ))}
    </div>
  )
}

/** The notice area of the collective's screens: each notice once, until dismissed on this phone. */
export function CollectiveNotices({ session }: { session: SessionState & SessionIdentity & RotaCommands & Pick<YearCommands, 'keepOnRelay'> }) {
  const { t, language } = useI18n()
  const announce = useAnnounce()
  const services = useServices()
  const dismissed = useStore(services.dismissedNotices).get(session.id)
  const view = useStore(session.view)
  const me = useStore(session.me)
  const now = useNow()
  const today = todayIn(now)
  const shown = (key: string) => !dismissed?.has(key)
  const notices = useMemo(
    () => waitingNotices(walksWithSignUpsOf(view, (signUp) => isMine(signUp, me), today, now), me, adultsById(view), today),
    [view, me, today, now],
  )
  const gone = useMemo(() => goneNotices(view, (signUp) => isMine(signUp, me), now), [view, me, now])
  const { news, offersById } = useMemo(() => swapNewsOf(view, me.familyId, today, now), [view, me.familyId, today, now])
  const adults = useMemo(() => adultsById(view), [view])
  const withdraw = (notice: GoneNotice) => {
    const values = { name: notice.adultName, day: formatDay(notice.walk.date, language), direction: directionText(t, notice.walk.direction) }
    const result = session.withdraw(notice.walk, notice.adultId)
    const text = withdrawText(t, result, values, 'rota.notice.goneWithdrawn')
    // As on the walk card: "ne fait plus partie du trajet" is dropped if a sync puts the adult back on the walk.
    const stillOff = (now: Place) => (now.kind === 'off' ? text : null)
    announce(text, result.ok ? followPlace(session.view, notice.walk, notice.adultId, stillOff) : undefined)
  }
  const textOf = (notice: Notice) => {
    const offer = offersById.get(notice.offerId)
    const trade = offer?.offer.kind === 'trade'
    return noticeText(t, language, notice, { names: adults, trade, target: offer?.offer.target?.walk })
  }
  const area = useRef<HTMLDivElement>(null)
  // The button goes with its notice: focus stays in the area rather than falling back to the page.
  const dismiss = (key: string) => {
    services.dismissNotice(session.id, key)
    area.current?.focus()
  }
  return (
    <div class="notice-area" ref={area} tabIndex={-1} data-testid="collective-notices">
      <CollectiveLifeNotices session={session} shown={shown} onDismiss={dismiss} />
      <ArrivalNotices session={session} dismissed={dismissed} onDismiss={dismiss} />
      <WaitingNoticeList
        notices={notices.filter((notice) => shown(notice.key))}
        gone={gone.filter((notice) => shown(goneNoticeKey(notice)))}
        onWithdraw={withdraw}
        onDismiss={dismiss}
      />
      <SwapNewsList news={news.filter((notice) => shown(swapNoticeKey(notice)))} textOf={textOf} onDismiss={dismiss} />
      <HelpNewsList
        session={session} base={`/c/${session.id}`} familyId={me.familyId} now={now} shown={shown} onDismiss={dismiss}
      />
    </div>
  )
}
