// Open coordinator period offers with one-tap answers (take, accept, decline, withdraw), and my answers that came too late ("déjà pris par X").
import type { CollectiveView, CoordinationCommands, SessionState } from '../../../app/api.ts'
import type { PeriodOfferOutcome } from '../../../domain/coordination/index.ts'
import type { FamilyId } from '../../../domain/ids.ts'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { useI18n } from '../../i18n/context.tsx'
import { formatDay } from '../rota/rota-format.ts'
import { familyNameOf } from './coordination-text.ts'
import { offerWinner, type LostAnswer } from '../../../app/queries/coordination.ts'
import { answerOutcomeKey, swapErrorKey } from './offer-messages.ts'
import type { PeriodOfferNow } from '../../../app/queries/period-claim.ts'
import { followPeriodOffer, periodAnswerToast, periodWithdrawalToast } from './period-toast.ts'

/** The answers whose outcome claims a change a sync can undo (the others already say nothing changed). */
const ANSWER_CLAIMS: readonly string[] = ['taken', 'traded', 'declined']

interface OffersProps {
  readonly session: SessionState & CoordinationCommands
  readonly view: CollectiveView
  readonly offers: readonly PeriodOfferOutcome[]
  readonly lost: readonly LostAnswer[]
  readonly myFamily: FamilyId | null
}

export function OffersSection({ session, view, offers, lost, myFamily }: OffersProps) {
  const { t, language } = useI18n()
  return (
    <section class="card" aria-labelledby="coord-offers-title">
      <h2 id="coord-offers-title">{t('coord.offers.title')}</h2>
      {lost.map((answer) => (
        <p key={answer.periodStart} class="notice" data-testid="offer-lost">
          {answer.winner === null
            ? t('coord.offers.offerWithdrawn')
            : t('coord.offers.lost', { day: formatDay(answer.periodStart, language), family: familyNameOf(t, view, answer.winner) })}
        </p>
      ))}
      {offers.length === 0 ? (
        <p>{t('coord.offers.empty')}</p>
      ) : (
        <ul class="coord-offers">
          {offers.map((outcome) => <OfferRow key={outcome.offer.id} session={session} view={view} outcome={outcome} myFamily={myFamily} />)}
        </ul>
      )}
    </section>
  )
}

function OfferRow({ session, view, outcome, myFamily }: {
  session: SessionState & CoordinationCommands
  view: CollectiveView
  outcome: PeriodOfferOutcome
  myFamily: FamilyId | null
}) {
  const { t, language } = useI18n()
  const announce = useAnnounce()
  const { offer } = outcome
  const day = formatDay(offer.periodStart, language)
  const values = { day, familyName: (id: FamilyId) => familyNameOf(t, session.view.get(), id) }
  const text =
    offer.kind === 'trade' && offer.target
      ? t('coord.offers.trade', { family: familyNameOf(t, view, offer.familyId), day, other: formatDay(offer.target.periodStart, language), target: familyNameOf(t, view, offer.target.familyId) })
      : t('coord.offers.replacement', { family: familyNameOf(t, view, offer.familyId), day })
  const answer = (kind: 'take' | 'accept' | 'decline') => {
    if (myFamily === null) return
    const result = session.answerPeriodOffer(offer.id, myFamily, kind)
    if (!result.ok) return announce(t('coord.offers.error', { reason: t(swapErrorKey(result.error)) }))
    const winner = offerWinner(session.view.get().coordination, offer.id)
    const text = t(answerOutcomeKey(result.value), { day, family: familyNameOf(t, view, winner) })
    if (!ANSWER_CLAIMS.includes(result.value)) return announce(text)
    // "Vous coordonnez", "Échange fait / refusé" follow the synced records: another family's earlier take may win.
    const truth = (now: PeriodOfferNow) => periodAnswerToast(t, myFamily, kind, now, text, values)
    announce(text, followPeriodOffer(session.view, offer.id, truth))
  }
  const withdraw = () => {
    const result = session.withdrawPeriodOffer(offer.id)
    if (!result.ok) return announce(t('coord.offers.error', { reason: t(swapErrorKey(result.error)) }))
    const text = t('coord.offers.withdrawn')
    announce(text, followPeriodOffer(session.view, offer.id, (now) => periodWithdrawalToast(t, now, text, values)))
  }
  const own = myFamily !== null && offer.familyId === myFamily
  const canTake = myFamily !== null && !own && !outcome.stale && offer.kind === 'replacement'
  const canAnswer = myFamily !== null && !outcome.stale && offer.kind === 'trade' && offer.target?.familyId === myFamily
  return (
    <li data-testid="offer" data-offer={offer.id}>
      <p>{text}</p>
      {outcome.stale && <p class="notice">{t('coord.offers.stale')}</p>}
      <div class="coord-actions">
        {canTake && <button type="button" class="button" onClick={() => answer('take')}>{t('coord.offers.take')}</button>}
        {canAnswer && <button type="button" class="button" onClick={() => answer('accept')}>{t('coord.offers.accept')}</button>}
        {canAnswer && <button type="button" class="button" onClick={() => answer('decline')}>{t('coord.offers.decline')}</button>}
        {own && <button type="button" class="button" onClick={withdraw}>{t('coord.offers.withdraw')}</button>}
      </div>
    </li>
  )
}
