// "Prendre" on a replacement offer: one tap for the only eligible adult of my family, else "Qui remplace… ?"; the outcome is announced.
import { useState } from 'preact/hooks'
import type { SessionIdentity, SessionState, SwapCommands } from '../../../app/api.ts'
import type { AdultId } from '../../../domain/ids.ts'
import type { WalkRota } from '../../../domain/rota-types.ts'
import type { OfferView } from '../../../domain/swaps/index.ts'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { useI18n } from '../../i18n/context.tsx'
import { directionText, formatDay, slotText } from '../rota/rota-format.ts'
import { adultName, adultsById, adultsOfFamily } from '../../../app/queries/rota-view.ts'
import { eligibleTakers, offeredSlotOf, offerWinnerName, takeOpen } from '../../../app/queries/swaps.ts'
import { followPlace } from '../rota/place-toast.ts'
import { AdultPicker } from './AdultPicker.tsx'
import { swapErrorText, takeOutcomeText } from './swap-text.ts'
import { useSwaps } from './useSwaps.ts'

interface TakeOfferProps {
  readonly session: SessionState & SessionIdentity & SwapCommands
  readonly walk: WalkRota
  readonly offer: OfferView
  /** Where focus goes after the take (the walk card, the list): never lost on a re-render. */
  readonly onDone?: () => void
}

export function TakeOffer({ session, walk, offer, onDone }: TakeOfferProps) {
  const { t, language } = useI18n()
  const announce = useAnnounce()
  const { view, me, now } = useSwaps(session)
  const [choosing, setChoosing] = useState(false)
  const adults = adultsById(view)
  const holder = adultName(adults, offer.offer.adultId)
  const day = formatDay(walk.date, language)
  const direction = directionText(t, walk.direction)
  const slot = offeredSlotOf(walk, offer.offer)
  const label = t('swap.takeLabel', { name: holder, slot: slotText(t, slot).toLowerCase(), day, direction })

  if (!takeOpen(offer, now)) {
    return <p class="swap-late" data-testid="take-too-late"><span aria-hidden="true">⏱ </span>{t('swap.tooLate')}</p>
  }
  if (me.familyId === null) return <p class="muted" data-testid="take-needs-me">{t('swap.takeNeedsMe')}</p>
  const takers = eligibleTakers(walk, adultsOfFamily(view, me.familyId), offer.offer)
  if (takers.length === 0) return null

  const take = (adultId: AdultId) => {
    setChoosing(false)
    const result = session.takeOffer(offer.offer.id, adultId)
    onDone?.()
    if (!result.ok) return announce(swapErrorText(t, result.error))
    const values = { holder, taker: adultName(adults, adultId), self: adultId === me.adultId, day, direction }
    const winner = () => offerWinnerName(session.view.get(), offer.offer.id, Date.now())
    const lost = result.value === 'alreadyTaken'
    const text = takeOutcomeText(t, result.value, { ...values, winner: lost ? winner() : null })
    if (result.value !== 'taken') return announce(text)
    // "Vous remplacez Léa" follows the synced rota: another phone's earlier take may win while it shows.
    announce(text, followPlace(session.view, walk, adultId, (now) => {
      if (now.kind === 'held') return text
      const won = now.kind === 'off' ? winner() : null
      return won === null ? null : takeOutcomeText(t, 'alreadyTaken', { ...values, winner: won })
    }))
  }
  const only = takers.length === 1 ? takers[0] : undefined
  return (
    <>
      <button type="button" class="button button--primary swap-take" aria-label={label} data-testid="take-offer" onClick={() => (only ? take(only.id) : setChoosing(true))}>
        {t('swap.take')}
      </button>
      {choosing && <AdultPicker question={t('swap.takeWho', { name: holder, day, direction })} adults={takers} onChoose={take} onCancel={() => setChoosing(false)} />}
    </>
  )
}
