// The fairness ledger ("Équité"): per family, over the school year, places done and planned, credits, fair share, balance.
import { instantToParisDate } from '../calendar/paris-time.ts'
import { schoolYearOf } from '../calendar/school-year.ts'
import { addDays, type LocalDate } from '../dates.ts'
import type { FamilyId } from '../ids.ts'
import { hasStarted } from '../rota/walk-state.ts'
import { countHolders, creditYearStart, dayBefore, familyOfAdult, runningWalks, zeroPerFamily } from './held.ts'
import { exemptionAppliesOn, type Exemption } from './records.ts'
import { coordinatorCredits, fairShares, heldDemandsOf } from './share.ts'
import type { Ledger, LedgerRow, FairnessModel } from './types.ts'

/** The last day of the reductions applying today (the family's share is reduced until then), or null. */
const reducedUntil = (exemptions: readonly Exemption[], familyId: FamilyId, today: LocalDate): LocalDate | null => {
  let until: LocalDate | null = null
  for (const exemption of exemptions) {
    if (exemption.familyId !== familyId || exemption.sharePercent >= 100 || !exemptionAppliesOn(exemption, today)) continue
    if (until === null || exemption.to > until) until = exemption.to
  }
  return until
}

/**
 * The ledger at `now`, over the school year containing today (Paris). A walk counts as done once
 * it has started; cancelled walks count nowhere. Coordinator periods count from their start, in
 * the school year whose first week they start in.
 */
export const fairnessLedger = (model: FairnessModel, now: number): Ledger => {
  const today = instantToParisDate(now)
  const year = schoolYearOf(today)
  const walks = runningWalks(model, year.from, year.to, now)
  const started = walks.filter((walk) => hasStarted(walk, now))
  const toCome = walks.filter((walk) => !hasStarted(walk, now))
  const nextYearCredits = creditYearStart(addDays(year.to, 1))
  const lastCreditStart = today < nextYearCredits ? today : dayBefore(nextYearCredits)
  const credits = coordinatorCredits(model, { from: creditYearStart(today), to: lastCreditStart })
  const families = familyOfAdult(model)
  const done = zeroPerFamily(model)
  const planned = zeroPerFamily(model)
  for (const walk of started) countHolders(done, walk, families)
  for (const walk of toCome) countHolders(planned, walk, families)
  const credited = zeroPerFamily(model)
  for (const credit of credits) credited.set(credit.familyId, (credited.get(credit.familyId) ?? 0) + credit.walks)
  const shares = fairShares(model, heldDemandsOf(started, credits, families))
  const rows = model.families.map((family): LedgerRow => {
    const row = { done: done.get(family.id) ?? 0, credits: credited.get(family.id) ?? 0, share: shares.get(family.id) ?? 0 }
    return {
      familyId: family.id,
      ...row,
      planned: planned.get(family.id) ?? 0,
      balance: row.done + row.credits - row.share,
      reducedUntil: reducedUntil(model.planning.exemptions, family.id, today),
    }
  })
  return { year: { from: year.from, to: year.to }, rows }
}
