// What must hold of the planning records once replicas converge: all valid, the ledger and a plan computed alike everywhere, and no publication reviving a withdrawn place.
import type { CollectiveSnapshot } from '../../src/doc/read.ts'
import { addDays } from '../../src/domain/dates.ts'
import { fairnessLedger } from '../../src/domain/planning/ledger.ts'
import { planRota } from '../../src/domain/planning/plan.ts'
import { signUpKeyOf } from '../../src/domain/signup.ts'
import type { PublicationWitness } from './operations-planning.ts'
import { FIRST_DAY } from './operations.ts'

const PLANNING_KINDS = new Set(['availability', 'exemption'])
/** The first week of the run's walks: where sign-ups, plans, availability and reduced shares collide. */
const PERIOD = { from: FIRST_DAY, to: addDays(FIRST_DAY, 4) }

/** The derivation's JSON, or the error it threw (a failure on its own: a view must never make it throw). */
const derived = (name: string, compute: () => unknown): { json: string; failure: string | null } => {
  try {
    return { json: JSON.stringify(compute()), failure: null }
  } catch (error) {
    return { json: '', failure: `${name} threw: ${error instanceof Error ? error.message : String(error)}` }
  }
}

/**
 * The fairness ledger and a plan of the first week, on every replica's reading: they never throw
 * (availability and reduced shares left behind by concurrent removals of adults or families
 * included) and are identical (a plan must not depend on delivery order).
 */
const checkDerivations = (views: readonly CollectiveSnapshot[], now: number): string[] => {
  const failures: string[] = []
  for (const [name, compute] of [
    ['fairnessLedger', (view: CollectiveSnapshot) => fairnessLedger(view, now)],
    ['planRota', (view: CollectiveSnapshot) => planRota(view, PERIOD, now)],
  ] as const) {
    const results = views.map((view) => derived(name, () => compute(view)))
    for (const result of results) if (result.failure !== null) failures.push(result.failure)
    if (results.every((result) => result.failure === null) && new Set(results.map((result) => result.json)).size > 1) {
      failures.push(`${name} differs between replicas`)
    }
  }
  return failures
}

/** A place its phone showed withdrawn never ends active through that publication (its actor and one of its clocks). */
const checkPublications = (view: CollectiveSnapshot, publications: readonly PublicationWitness[]): string[] => {
  const byKey = new Map(view.signUps.map((signUp) => [signUpKeyOf(signUp, signUp.adultId), signUp]))
  const failures: string[] = []
  for (const publication of publications) {
    for (const key of publication.withdrawnKeys) {
      const final = byKey.get(key)
      if (final?.status === 'active' && final.actor === publication.actor && final.clock >= publication.fromClock && final.clock < publication.toClock) {
        failures.push(`sign-up ${key}: a published plan turned a withdrawn place back to active`)
      }
    }
  }
  return failures
}

/** `withDerivations`: also compute the ledger and a plan (about 45 ms a run: the harness asks for it on about one run in eight). */
export const checkPlanning = (
  views: readonly CollectiveSnapshot[], publications: readonly PublicationWitness[], now: number, withDerivations: boolean,
): string[] => {
  const view = views[0]!
  const failures: string[] = []
  const toCheck = view.toCheck.filter((record) => PLANNING_KINDS.has(record.kind) || (record.kind === 'settings' && record.key === 'fairness'))
  if (toCheck.length > 0) failures.push(`planning records to check: ${toCheck.map((record) => `${record.kind} ${record.problems.join(',')}`).join('; ')}`)
  return [...failures, ...(withDerivations ? checkDerivations(views, now) : []), ...checkPublications(view, publications)]
}
