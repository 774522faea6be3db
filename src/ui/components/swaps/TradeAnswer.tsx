// "Accepter" / "Refuser" a trade asked of my family; when the offer names none of our slots, "Lequel de vos créneaux ?" first.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks'
import type { SessionIdentity, SessionState, SwapCommands } from '../../../app/api.ts'
import { adultName, adultsById, adultsOfFamily } from '../../../app/queries/rota-view.ts'
import { refOf, tradableSlotsOf, walkKeyOf } from '../../../app/queries/swaps.ts'
import type { OfferView } from '../../../domain/swaps/index.ts'
import { useAnnounce } from '../../hooks/announcer.tsx'
import type { ToastFollow } from '../../hooks/toast-follow.ts'
import type { Place } from '../../../app/queries/place-claim.ts'
import { followPlace } from '../rota/place-toast.ts'
import { useI18n } from '../../i18n/context.tsx'
import { directionText, formatDay, slotText, todayIn } from '../rota/rota-format.ts'
import { swapErrorText, tradeOutcomeText } from './swap-text.ts'
import { useSwaps } from './useSwaps.ts'

interface TradeAnswerProps {
  readonly session: SessionState & SessionIdentity & SwapCommands
  readonly offer: OfferView
  readonly onDone: () => void
}

export function TradeAnswer({ session, offer, onDone }: TradeAnswerProps) {
  const { t, language } = useI18n()
  const announce = useAnnounce()
  const { view, me, now } = useSwaps(session)
  const [choosing, setChoosing] = useState(false)
  const [choice, setChoice] = useState('')
  const first = useRef<HTMLInputElement>(null)
  useEffect(() => {
    if (choosing) first.current?.focus()
  }, [choosing])
  const adults = adultsById(view)
  const requester = adultName(adults, offer.offer.adultId)
  const today = todayIn(now)
  const mine = useMemo(
    () => (me.familyId === null ? [] : tradableSlotsOf(view, me.familyId, today, now)),
    [view, me.familyId, today, now],
  )
  if (me.familyId === null) return null
  const named = offer.offer.target?.walk
  const namedSlot = named ? mine.find((held) => held.walk.key === walkKeyOf(named)) : undefined
  const family = adultsOfFamily(view, me.familyId)
  const answerer = family.find((adult) => adult.id === me.adultId) ?? family[0]

  const finish = (text: string, follow?: ToastFollow) => {
    setChoosing(false)
    onDone()
    announce(text, follow)
  }
  const accept = (held: (typeof mine)[number]) => {
    const result = session.answerTrade(offer.offer.id, held.adultId, { accept: true, gives: refOf(held.walk) })
    if (!result.ok) return finish(swapErrorText(t, result.error))
    const text = tradeOutcomeText(t, result.value)
    // "Échange fait" follows the synced rota: a change from another phone may undo the trade while it shows.
    const truth = (now: Place) => (now.kind === 'held' ? text : t('swap.tradeFailed'))
    const traded = followPlace(session.view, offer.offer.walk, held.adultId, truth)
    finish(text, result.value === 'traded' ? traded : undefined)
  }
  const decline = () => {
    if (!answerer) return
    const result = session.answerTrade(offer.offer.id, answerer.id, { accept: false })
    finish(result.ok ? tradeOutcomeText(t, result.value) : swapErrorText(t, result.error))
  }
  const onAccept = () => {
    if (named) {
      if (namedSlot) accept(namedSlot)
      else finish(t('swap.tradeFailed'))
    } else setChoosing(true)
  }
  const confirm = (event: Event) => {
    event.preventDefault()
    const held = mine.find((h) => `${h.walk.key}|${h.adultId}` === choice) ?? mine[0]
    if (held) accept(held)
  }
  return (
    <>
      <div class="actions actions--compact">
        <button type="button" class="button button--primary" aria-label={t('swap.acceptLabel', { name: requester })} data-testid="accept-trade" onClick={onAccept}>{t('swap.accept')}</button>
        <button type="button" class="button" aria-label={t('swap.declineLabel', { name: requester })} data-testid="decline-trade" onClick={decline}>{t('swap.decline')}</button>
      </div>
      {choosing && (
        <form class="chooser" onSubmit={confirm} data-testid="accept-choice">
          {mine.length === 0 ? (
            <p>{t('swap.acceptNone')}</p>
          ) : (
            <fieldset class="choices">
              <legend>{t('swap.acceptWhich')}</legend>
              {mine.map((held, i) => {
                const value = `${held.walk.key}|${held.adultId}`
                return (
                  <label key={value} class="choice">
                    <input type="radio" ref={i === 0 ? first : undefined} name={`give-${offer.offer.id}`} value={value} checked={choice === value || (choice === '' && i === 0)} onChange={() => setChoice(value)} />
                    {`${formatDay(held.walk.date, language)} (${directionText(t, held.walk.direction)}) · ${slotText(t, held.slot)} : ${adultName(adults, held.adultId)}`}
                  </label>
                )
              })}
            </fieldset>
          )}
          <div class="actions">
            {mine.length > 0 && <button type="submit" class="button button--primary">{t('swap.acceptConfirm')}</button>}
            <button type="button" class="button" onClick={() => setChoosing(false)}>{t('form.cancel')}</button>
          </div>
        </form>
      )}
    </>
  )
}
