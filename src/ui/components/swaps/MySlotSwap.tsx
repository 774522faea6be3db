// On a slot my family holds: "Je cherche un remplaçant" / "Retirer l'offre" and "Proposer un échange"; on anyone's offered slot, "Prendre".
import { useState } from 'preact/hooks'
import type { SessionIdentity, SessionState, SwapCommands } from '../../../app/api.ts'
import type { AdultId } from '../../../domain/ids.ts'
import type { Adult } from '../../../domain/people.ts'
import type { WalkRota } from '../../../domain/rota-types.ts'
import type { SignUp } from '../../../domain/signup.ts'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { useI18n } from '../../i18n/context.tsx'
import { directionText, formatDay, slotText } from '../rota/rota-format.ts'
import type { SlotOfferNow } from '../../../app/queries/offer-claim.ts'
import { adultName, adultsById, isMine } from '../../../app/queries/rota-view.ts'
import { offerOfHolder, refOf } from '../../../app/queries/swaps.ts'
import { followSlotOffer, slotOfferToast, slotWithdrawalToast } from './offer-toast.ts'
import { swapErrorText } from './swap-text.ts'
import { TakeOffer } from './TakeOffer.tsx'
import { TradeForm } from './TradeForm.tsx'
import { useSwapsSelection } from './useSwaps.ts'
import './swaps.css'

interface SlotSwapProps {
  readonly session: SessionState & SessionIdentity & SwapCommands
  readonly walk: WalkRota
  readonly holder: SignUp
  readonly holderAdult: Adult | undefined
  /** The walk has started: no new offer, no take. */
  readonly past: boolean
  readonly idPrefix: string
  /** Focus target after an action (the walk card). */
  readonly onDone: () => void
}

/** "cherche un remplaçant" / "échange proposé à …" next to the holder's name: the holder stays shown until someone takes it. */
export function SlotSwapTag({ session, walk, holder }: Pick<SlotSwapProps, 'session' | 'walk' | 'holder'>) {
  const { t } = useI18n()
  const tag = useSwapsSelection(session, ({ view, now, swaps }) => {
    const offer = offerOfHolder(swaps.offers, walk, holder.adultId, now)
    if (!offer) return null
    const family = view.families.find((f) => f.id === offer.offer.target?.familyId)?.displayName ?? ''
    return { kind: offer.offer.kind, family }
  })
  if (!tag) return null
  return (
    <span class="swap-tag" data-testid="offer-tag">
      <span aria-hidden="true">⇄ </span>
      {tag.kind === 'trade' ? t('swap.tradeOffered', { family: tag.family }) : t('swap.offered')}
    </span>
  )
}

export function SlotSwap({ session, walk, holder, holderAdult, past, idPrefix, onDone }: SlotSwapProps) {
  const { t, language } = useI18n()
  const announce = useAnnounce()
  const { me, offer } = useSwapsSelection(session, ({ me, now, swaps }) =>
    ({ me, offer: offerOfHolder(swaps.offers, walk, holder.adultId, now) }))
  const [trading, setTrading] = useState(false)
  const name = holderAdult?.firstName ?? '?'
  const day = formatDay(walk.date, language)
  const direction = directionText(t, walk.direction)
  const values = { name, slot: slotText(t, holder.slot).toLowerCase(), day, direction }
  const mine = isMine(holder, me)
  const nameNow = (id: AdultId) => adultName(adultsById(session.view.get()), id)
  const toastValues = { name, day, direction, adultName: nameNow }

  if (!mine) {
    return offer && offer.offer.kind === 'replacement' ? <div class="swap-actions"><TakeOffer session={session} walk={walk} offer={offer} onDone={onDone} /></div> : null
  }
  if (offer) {
    const withdraw = () => {
      const result = session.withdrawOffer(offer.offer.id)
      onDone()
      if (!result.ok) return announce(swapErrorText(t, result.error))
      const text = t('swap.withdrawOfferDone', values)
      // "… reste sur le trajet" follows the synced swaps: another phone's earlier take may have won.
      const truth = (now: SlotOfferNow) => slotWithdrawalToast(t, now, text, toastValues)
      announce(text, followSlotOffer(session.view, offer.offer.id, truth))
    }
    return past ? null : (
      <div class="swap-actions">
        <button type="button" class="button" aria-label={t('swap.withdrawOfferLabel', values)} data-testid="withdraw-offer" onClick={withdraw}>{t('swap.withdrawOffer')}</button>
      </div>
    )
  }
  if (past || walk.cancellation) return null
  const offerSlot = () => {
    const result = session.offerSlot(refOf(walk), holder.adultId)
    onDone()
    if (!result.ok) return announce(swapErrorText(t, result.error))
    const text = t('swap.offerDone', values)
    // "Créneau proposé" follows the synced swaps: the giver is told here who took it, or that the place was lost.
    announce(text, followSlotOffer(session.view, result.value, (now) => slotOfferToast(t, now, text, toastValues)))
  }
  return (
    <div class="swap-actions">
      <button type="button" class="button" aria-label={t('swap.offerLabel', values)} data-testid="offer-slot" onClick={offerSlot}>
        <span aria-hidden="true">⇄ </span>{t('swap.offer')}
      </button>
      <button type="button" class="button" aria-label={t('swap.tradeLabel', values)} aria-expanded={trading} data-testid="propose-trade" onClick={() => setTrading(!trading)}>
        {t('swap.trade')}
      </button>
      {trading && <TradeForm session={session} walk={walk} adultId={holder.adultId} idPrefix={idPrefix} onClose={() => { setTrading(false); onDone() }} />}
    </div>
  )
}
