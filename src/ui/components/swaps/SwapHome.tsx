// The home screen's swap block: urgent walks, my next walk, my pending offers and requests, open offers, app badge.
import { useEffect, useMemo, useRef } from 'preact/hooks'
import type { SessionIdentity, SessionState, SwapCommands } from '../../../app/api.ts'
import type { SlotOfferNow } from '../../../app/queries/offer-claim.ts'
import { adultName, adultsById } from '../../../app/queries/rota-view.ts'
import { offeredSlotOf, swapHomeOf, walkKeyOf, weekMondayOf } from '../../../app/queries/swaps.ts'
import type { AdultId } from '../../../domain/ids.ts'
import type { WalkRota } from '../../../domain/rota-types.ts'
import type { Notice } from '../../../domain/swaps/index.ts'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { useI18n } from '../../i18n/context.tsx'
import { directionText, formatDay, slotText, todayIn } from '../rota/rota-format.ts'
import { followSlotOffer, slotWithdrawalToast } from './offer-toast.ts'
import { noticeText, swapErrorText, urgentText } from './swap-text.ts'
import { applyBadge, type BadgeNavigator } from './app-badge.ts'
import { HabitueHints } from './HabitueHints.tsx'
import { TakeOffer } from './TakeOffer.tsx'
import { TradeAnswer } from './TradeAnswer.tsx'
import { useSwaps } from './useSwaps.ts'
import './swaps.css'

const walkAnchor = (walk: Pick<WalkRota, 'key'>): string => `walk-${walk.key.replace(/[^A-Za-z0-9-]/g, '-')}`

interface SwapHomeProps {
  readonly session: SessionState & SessionIdentity & SwapCommands
  readonly base: string
  /** Sets the app badge (the demo does not: its walks are not the visitor's). */
  readonly badge?: boolean
}

export function SwapHome({ session, base, badge = true }: SwapHomeProps) {
  const { t, language } = useI18n()
  const announce = useAnnounce()
  const { view, me, now } = useSwaps(session)
  const block = useRef<HTMLDivElement>(null)
  const today = todayIn(now)
  const adults = useMemo(() => adultsById(view), [view])
  const { urgent, pending, openOffers, next, offersById, badge: count } = useMemo(
    () => swapHomeOf(view, me.familyId, today, now),
    [view, me.familyId, today, now],
  )
  useEffect(() => {
    if (badge) applyBadge(typeof navigator === 'undefined' ? undefined : (navigator as BadgeNavigator), count)
  }, [badge, count])

  const weekHref = (walk: Pick<WalkRota, 'date' | 'key'>) => `${base}/semaine/${weekMondayOf(walk)}#${walkAnchor(walk)}`
  const when = (walk: WalkRota) => ({ day: formatDay(walk.date, language), time: walk.startTime ?? '', direction: directionText(t, walk.direction) })
  const focusBlock = () => block.current?.focus()
  const textOf = (notice: Notice) => {
    const offer = offersById.get(notice.offerId)
    const target = offer?.offer.target?.walk
    return noticeText(t, language, notice, { names: adults, trade: offer?.offer.kind === 'trade', target })
  }
  const withdraw = (notice: Notice) => {
    const result = session.withdrawOffer(notice.offerId)
    focusBlock()
    if (!result.ok) return announce(swapErrorText(t, result.error))
    const { walk } = notice
    const values = {
      name: adultName(adults, notice.adultId), day: formatDay(walk.date, language), direction: directionText(t, walk.direction),
    }
    const text = t('swap.withdrawOfferDone', values)
    const toastValues = { ...values, adultName: (id: AdultId) => adultName(adultsById(session.view.get()), id) }
    // "… reste sur le trajet" follows the synced swaps: another phone's earlier take may have won.
    const truth = (now: SlotOfferNow) => slotWithdrawalToast(t, now, text, toastValues)
    announce(text, followSlotOffer(session.view, notice.offerId, truth))
  }

  return (
    <div class="swap-home" ref={block} tabIndex={-1} data-testid="swap-home">
      {urgent.length > 0 && (
        <section aria-labelledby="urgent-title" data-testid="urgent">
          <h2 id="urgent-title" class="visually-hidden">{t('swap.urgent.title')}</h2>
          <ul class="urgent-list">
            {urgent.map((item) => {
              const authors = item.offerIds.flatMap((id) => { const o = offersById.get(id); return o ? [o.offer.adultId] : [] })
              return (
                <li key={item.walk.key} class="urgent-item" data-testid="urgent-item">
                  <p><span aria-hidden="true">⚠ </span>{urgentText(t, language, item, adults, authors)}</p>
                  <HabitueHints view={view} walk={item.walk} now={now} />
                  <a class="button" href={weekHref(item.walk)} aria-label={t('swap.urgent.seeLabel', when(item.walk))}>{t('swap.urgent.see')}</a>
                </li>
              )
            })}
          </ul>
        </section>
      )}
      {me.familyId !== null && (
        <section class="card" aria-labelledby="next-title" data-testid="next-walk">
          <h2 id="next-title">{t('swap.home.next')}</h2>
          {next ? (
            <p>
              <a class="list__link" href={weekHref(next.walk)}>
                {t('swap.home.nextText', { ...when(next.walk), line: view.lines.find((l) => l.id === next.walk.lineId)?.name ?? '', slot: slotText(t, next.role.slot), name: adultName(adults, next.role.adultId) }).replace(/\s+/g, ' ')}
              </a>
            </p>
          ) : <p>{t('swap.home.noNext')}</p>}
        </section>
      )}
      {pending.length > 0 && (
        <section class="card" aria-labelledby="pending-title" data-testid="pending">
          <h2 id="pending-title">{t('swap.home.pending')}</h2>
          {pending.map((notice) => {
            const offer = offersById.get(notice.offerId)
            return (
              <div key={`${notice.kind}|${notice.offerId}`} class="swap-notice" data-testid={notice.kind === 'tradeRequest' ? 'trade-request' : 'pending-offer'}>
                <p>{textOf(notice)}</p>
                {notice.kind === 'tradeRequest' && offer && <TradeAnswer session={session} offer={offer} onDone={focusBlock} />}
                {notice.kind === 'pendingOffer' && (
                  <button type="button" class="button" data-testid="withdraw-offer" aria-label={t('swap.withdrawOfferLabel', { name: adultName(adults, notice.adultId), day: formatDay(notice.walk.date, language), direction: directionText(t, notice.walk.direction) })} onClick={() => withdraw(notice)}>
                    {t('swap.withdrawOffer')}
                  </button>
                )}
              </div>
            )
          })}
        </section>
      )}
      {openOffers.length > 0 && (
        <section class="card" aria-labelledby="offers-title" data-testid="open-offers">
          <h2 id="offers-title">{t('swap.home.offers')}</h2>
          <ul class="list">
            {openOffers.map(({ offer, walk }) => {
              const slot = walk && offeredSlotOf(walk, offer.offer)
              return (
                <li key={offer.offer.id} class="list__item list__item--stacked" data-testid="open-offer">
                  <span>{t('swap.home.offerText', { name: adultName(adults, offer.offer.adultId), slot: slot ? slotText(t, slot) : '', day: formatDay(offer.offer.walk.date, language), time: walk?.startTime ?? '', direction: directionText(t, offer.offer.walk.direction) }).replace(/\s+/g, ' ')}</span>
                  {walk ? <TakeOffer session={session} walk={walk} offer={offer} onDone={focusBlock} /> : <a class="button" href={weekHref({ date: offer.offer.walk.date, key: walkKeyOf(offer.offer.walk) })}>{t('swap.urgent.see')}</a>}
                </li>
              )
            })}
          </ul>
        </section>
      )}
    </div>
  )
}
