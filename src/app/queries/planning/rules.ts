// The planning rules "Planifier" and "Équité" run on the phone: default period, proposal and edits, candidates, the ledger.
export { defaultPlanningPeriod } from '../../../domain/planning/period.ts'
export { addPlannedPlace, planCandidates, planRota, summarisePlan } from '../../../domain/planning/plan.ts'
export { fairnessLedger } from '../../../domain/planning/ledger.ts'
