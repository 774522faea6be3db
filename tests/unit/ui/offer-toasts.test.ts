// What coordination and slot offer toasts say once the synced state moved: the confirmation while it holds, else the
// truth ("Finalement, la période est prise par …", "Trop tard…"), in French and English.
import { describe, expect, it } from 'vitest'
import type { PeriodOfferNow } from '../../../src/app/queries/period-claim.ts'
import type { AdultId, FamilyId } from '../../../src/domain/ids.ts'
import {
  periodAnswerToast, periodOfferToast, periodWithdrawalToast, rosterToast,
} from '../../../src/ui/components/coordination/period-toast.ts'
import { slotOfferToast, slotWithdrawalToast, tradeSentToast } from '../../../src/ui/components/swaps/offer-toast.ts'
import { createTranslate } from '../../helpers/translate.ts'

const fr = createTranslate('fr')
const en = createTranslate('en')
const mine = 'family-mine' as FamilyId
const other = 'family-other' as FamilyId
const names: Record<string, string> = { [mine]: 'Martin', [other]: 'Bernard', sophie: 'Sophie' }
const period = { day: 'lundi 15 mars', familyName: (id: FamilyId) => names[id] ?? '?' }
const periodEn = { ...period, day: 'Monday 15 March' }
const takenBy = (winner: FamilyId, answer: 'take' | 'accept' = 'take'): PeriodOfferNow =>
  ({ kind: 'taken', winner, answer })

describe('a coordinator period answer’s toast', () => {
  const confirmed = fr('coord.offers.taken', { day: period.day })

  it('keeps "vous coordonnez" while our take is the one that won', () => {
    expect(periodAnswerToast(fr, mine, 'take', takenBy(mine), confirmed, period)).toBe(confirmed)
  })

  it('tells the loser of two offline takes who has the period, in both languages', () => {
    expect(periodAnswerToast(fr, mine, 'take', takenBy(other), confirmed, period))
      .toBe('Finalement, la période du lundi 15 mars est prise par Bernard : sa réponse est arrivée avant.')
    expect(periodAnswerToast(en, mine, 'take', takenBy(other), 'x', periodEn))
      .toBe('After all, the period of Monday 15 March is taken by Bernard: their answer came first.')
  })

  it('says why nothing changed: withdrawn first, or the period had moved; our other phone’s answer won', () => {
    expect(periodAnswerToast(fr, mine, 'take', { kind: 'withdrawn' }, confirmed, period))
      .toBe('Finalement, l’offre avait été retirée par son auteur : rien n’a changé.')
    expect(periodAnswerToast(en, mine, 'take', { kind: 'invalid' }, 'x', periodEn))
      .toBe('After all, no effect: the period of Monday 15 March had already changed hands.')
    expect(periodAnswerToast(fr, mine, 'accept', { kind: 'declined', by: mine }, 'Échange fait…', period))
      .toBe('Finalement, l’échange a été refusé par Martin : rien n’a changé.')
    expect(periodAnswerToast(en, mine, 'decline', takenBy(mine, 'accept'), 'Swap declined.', periodEn))
      .toBe('After all, the swap is done: your family accepted it on another phone.')
  })
})

describe('the author’s period offer toasts', () => {
  const published = fr('coord.schedule.offered', { day: period.day })

  it('"Offre publiée" holds while open, then says who took it, and goes once withdrawn elsewhere', () => {
    expect(periodOfferToast(fr, { kind: 'open', stale: false }, published, period)).toBe(published)
    expect(periodOfferToast(fr, takenBy(other), published, period))
      .toBe('C’est fait : Bernard coordonne la période du lundi 15 mars à votre place.')
    expect(periodOfferToast(en, takenBy(other, 'accept'), 'x', periodEn))
      .toBe('Done: Bernard accepted the swap of the period of Monday 15 March.')
    expect(periodOfferToast(fr, { kind: 'withdrawn' }, published, period)).toBeNull()
    expect(periodOfferToast(fr, { kind: 'open', stale: true }, published, period))
      .toBe('Finalement, sans effet : la période du lundi 15 mars avait déjà changé de main.')
  })

  it('"Offre retirée" becomes "trop tard" when a take had already moved the period', () => {
    const withdrawn = fr('coord.offers.withdrawn')
    expect(periodWithdrawalToast(fr, { kind: 'withdrawn' }, withdrawn, period)).toBe(withdrawn)
    expect(periodWithdrawalToast(fr, takenBy(other), withdrawn, period))
      .toBe('Trop tard pour retirer l’offre : la période du lundi 15 mars était déjà passée à Bernard.')
    expect(periodWithdrawalToast(en, takenBy(other), 'x', periodEn))
      .toBe('Too late to withdraw the offer: the period of Monday 15 March had already gone to Bernard.')
  })

  it('a roster change undone by another phone says what the roster now shows', () => {
    const joined = fr('coord.roster.joined', { family: 'Martin', day: period.day })
    expect(rosterToast(fr, true, true, joined, 'Martin')).toBe(joined)
    expect(rosterToast(fr, false, true, joined, 'Martin'))
      .toBe('Finalement, Martin n’est pas dans la rotation : un autre téléphone l’a décidé.')
    expect(rosterToast(en, true, false, 'x', 'Martin'))
      .toBe('After all, Martin is in the rotation: another phone decided so.')
  })
})

describe('a walk slot offer’s toasts', () => {
  const values = { name: 'Léa', day: 'lundi 15 mars', direction: 'aller', adultName: (id: AdultId) => names[id] ?? '?' }
  const valuesEn = { ...values, day: 'Monday 15 March', direction: 'to school' }
  const sophie = 'sophie' as AdultId

  it('"créneau proposé" holds while open, names the taker once taken, goes once withdrawn elsewhere', () => {
    const offered = fr('swap.offerDone', { name: 'Léa', day: values.day, direction: values.direction })
    expect(slotOfferToast(fr, { kind: 'open' }, offered, values)).toBe(offered)
    expect(slotOfferToast(fr, { kind: 'taken', by: sophie }, offered, values))
      .toBe('C’est fait : Sophie remplace Léa le lundi 15 mars (aller).')
    expect(slotOfferToast(fr, { kind: 'withdrawn' }, offered, values)).toBeNull()
    expect(slotOfferToast(en, { kind: 'void' }, 'x', valuesEn))
      .toBe('After all, the offer does not stand: Léa no longer had this slot on Monday 15 March (to school).')
  })

  it('"Offre retirée : Léa reste sur le trajet" becomes "trop tard" once an earlier take synced', () => {
    const withdrawn = fr('swap.withdrawOfferDone', { name: 'Léa', day: values.day, direction: values.direction })
    expect(slotWithdrawalToast(fr, { kind: 'withdrawn' }, withdrawn, values)).toBe(withdrawn)
    expect(slotWithdrawalToast(fr, { kind: 'taken', by: sophie }, withdrawn, values))
      .toBe('Trop tard pour retirer l’offre : Sophie remplaçait déjà Léa le lundi 15 mars (aller).')
    expect(slotWithdrawalToast(en, { kind: 'taken', by: sophie }, 'x', valuesEn))
      .toBe('Too late to withdraw the offer: Sophie already replaced Léa on Monday 15 March (to school).')
  })
  it('"Proposition d’échange envoyée" becomes done or failed once answered, and goes once withdrawn elsewhere', () => {
    const sent = fr('swap.tradeSent', { family: 'Bernard' })
    expect(tradeSentToast(fr, { kind: 'open' }, sent)).toBe(sent)
    expect(tradeSentToast(fr, { kind: 'taken', by: sophie }, sent))
      .toBe('Échange fait : les deux créneaux ont changé de main.')
    expect(tradeSentToast(en, { kind: 'void' }, 'x'))
      .toBe('Trade failed: one of the slots was no longer available. Nothing changed.')
    expect(tradeSentToast(fr, { kind: 'withdrawn' }, sent)).toBeNull()
  })
})
