// What a coordinator period toast says as the synced records move: its confirmation while it holds, else the truth.
import type { CollectiveView } from '../../../app/api.ts'
import {
  periodAnswerHolds, periodOfferHolds, periodOfferNow, periodWithdrawalHolds, rosterClaimHolds, type PeriodOfferNow,
} from '../../../app/queries/period-claim.ts'
import type { PeriodResponse } from '../../../domain/coordination/index.ts'
import type { FamilyId } from '../../../domain/ids.ts'
import type { ReadableStore } from '../../../lib/store.ts'
import type { ToastFollow } from '../../hooks/toast-follow.ts'
import type { Translate } from '../../i18n/translate.ts'

export interface PeriodToastValues {
  /** The period's first day, formatted. */
  readonly day: string
  readonly familyName: (id: FamilyId) => string
}

/** Neither ours nor another family's answer moved it: withdrawn, or the period had changed hands first. */
const closedText = (t: Translate, now: PeriodOfferNow, day: string): string =>
  now.kind === 'withdrawn' ? t('coord.offers.nowWithdrawn') : t('coord.offers.nowVoid', { day })

/**
 * The toast of my family's answer (`kind`) once the offer stands at `now`: "Finalement, la période est prise par …"
 * when another family's take came first, the other answer when our other phone's won, else why nothing changed.
 */
export const periodAnswerToast = (
  t: Translate, familyId: FamilyId, kind: PeriodResponse['kind'], now: PeriodOfferNow, confirmed: string,
  { day, familyName }: PeriodToastValues,
): string => {
  if (periodAnswerHolds(now, familyId, kind)) return confirmed
  if (now.kind === 'taken' && now.winner !== familyId) {
    return t('coord.offers.nowTakenBy', { day, family: familyName(now.winner) })
  }
  if (now.kind === 'taken') return t('coord.offers.nowTraded')
  if (now.kind === 'declined') return t('coord.offers.nowDeclined', { family: familyName(now.by) })
  return closedText(t, now, day)
}

/** The author's "Offre publiée" once the offer stands at `now`: who took it, who declined, null once withdrawn. */
export const periodOfferToast = (
  t: Translate, now: PeriodOfferNow, confirmed: string, { day, familyName }: PeriodToastValues,
): string | null => {
  if (periodOfferHolds(now)) return confirmed
  if (now.kind === 'taken') {
    const key = now.answer === 'accept' ? 'coord.offers.tradeAcceptedBy' : 'coord.offers.takenBy'
    return t(key, { day, family: familyName(now.winner) })
  }
  if (now.kind === 'declined') return t('coord.offers.nowDeclined', { family: familyName(now.by) })
  // Withdrawn by our other phone: that phone says so; nothing true is left to confirm here.
  return now.kind === 'withdrawn' ? null : t('coord.offers.nowVoid', { day })
}

/** The author's "Offre retirée" once the offer stands at `now`: too late when an answer had moved the period. */
export const periodWithdrawalToast = (
  t: Translate, now: PeriodOfferNow, confirmed: string, { day, familyName }: PeriodToastValues,
): string =>
  periodWithdrawalHolds(now) || now.kind !== 'taken' ? confirmed
    : t('coord.offers.withdrawTooLate', { day, family: familyName(now.winner) })

/** "{family} coordonnera…" once the roster says `member`: the confirmation, or what another phone decided. */
export const rosterToast = (
  t: Translate, member: boolean, claimed: boolean, confirmed: string, family: string,
): string =>
  member === claimed ? confirmed : t(member ? 'coord.roster.nowMember' : 'coord.roster.nowNotMember', { family })

/** The announcer's follow for a toast about period offer `offerId`: its text read again from the synced records. */
export const followPeriodOffer = (
  view: ReadableStore<CollectiveView>, offerId: string, text: (now: PeriodOfferNow) => string | null,
): ToastFollow => ({ source: view, text: () => text(periodOfferNow(view.get().coordination, offerId)) })

/** The announcer's follow for a roster toast about `familyId`: its text read again from the family's membership. */
export const followRoster = (
  view: ReadableStore<CollectiveView>, familyId: FamilyId, text: (member: boolean) => string,
): ToastFollow => ({ source: view, text: () => text(rosterClaimHolds(view.get().coordination, familyId, true)) })
