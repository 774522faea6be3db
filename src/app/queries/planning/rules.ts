// The planning rules "Planifier" and "Équité" run on the phone: the default period, the proposal and its edits, the candidates for a place, the year's ledger.
export { defaultPlanningPeriod } from '../../../domain/planning/period.ts'
export { addPlannedPlace, planCandidates, planRota, summarisePlan } from '../../../domain/planning/plan.ts'
export { fairnessLedger } from '../../../domain/planning/ledger.ts'
