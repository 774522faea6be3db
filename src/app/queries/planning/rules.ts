// The planning rules "Planifier" and "Équité" run on the phone: default period, proposal and edits, candidates, the ledger.
import * as plan from '../../../domain/planning/plan.ts'
import type { AdultId } from '../../../domain/ids.ts'
import type { DateRange, FairnessModel, Plan, PlannedSlot } from '../../../domain/planning/types.ts'
import type { WalkKey } from '../../../domain/signup.ts'
import type { CollectiveView } from '../../api.ts'
import { habituesByChild } from '../habitues.ts'

export { defaultPlanningPeriod } from '../../../domain/planning/period.ts'
export { planCandidates } from '../../../domain/planning/plan.ts'
export { fairnessLedger } from '../../../domain/planning/ledger.ts'

// One model per view: the proposal, its edits and additions read the same habitué·e·s (computed once per view).
const models = new WeakMap<CollectiveView, { readonly now: number; readonly model: FairnessModel }>()

/** The view with its habitué·e·s from the walk log: the planner prefers them, requires one where a child asks. */
export const planningModel = (view: CollectiveView, now: number): FairnessModel => {
  const cached = models.get(view)
  if (cached?.now === now) return cached.model
  const model: FairnessModel = { ...view, habitues: habituesByChild(view, now) }
  models.set(view, { now, model })
  return model
}

/** planRota (src/domain/planning/plan.ts) on the view with its habitué·e·s. */
export const planRota = (view: CollectiveView, period: DateRange, now: number): Plan =>
  plan.planRota(planningModel(view, now), period, now)

/** summarisePlan on the view with its habitué·e·s (a walk still missing one says so). */
export const summarisePlan = (
  view: CollectiveView, period: DateRange, assignments: readonly PlannedSlot[], now: number,
): Plan =>
  plan.summarisePlan(planningModel(view, now), period, assignments, now)

/** addPlannedPlace on the view with its habitué·e·s. */
export const addPlannedPlace = (
  view: CollectiveView, current: Plan, key: WalkKey, adultId: AdultId, now: number,
): Plan | null =>
  plan.addPlannedPlace(planningModel(view, now), current, key, adultId, now)
