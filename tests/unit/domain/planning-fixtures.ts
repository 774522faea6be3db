// Builders for the fairness tests: a FairnessModel over the rota fixtures, families, exemptions, availabilities, instants.
import { parisToInstant } from '../../../src/domain/calendar/paris-time.ts'
import { localDate, type TimeOfDay } from '../../../src/domain/dates.ts'
import type { Family } from '../../../src/domain/family.ts'
import type { CollectiveModel } from '../../../src/domain/model.ts'
import { DEFAULT_FAIRNESS_SETTING, type Availability, type Exemption, type ExemptionId, type FairnessSetting } from '../../../src/domain/planning/records.ts'
import type { FairnessModel } from '../../../src/domain/planning/types.ts'
import { NO_SWAP_RECORDS } from '../../../src/domain/swaps/records.ts'
import { records } from './coordination-fixtures.ts'
import { actorId, adultId, createModel, familyId, lineId, uuid } from './rota-fixtures.ts'

const AT = '2026-11-28T10:00:00+01:00'

export const exemptionId = (n: number): ExemptionId => uuid(10, n)

export const createFamily = (n: number): Family => ({ id: familyId(n), displayName: `Famille ${n}` })

/** Families 1..count (adults 1..10 of the rota fixtures are in families 1..10). */
export const families = (count: number): Family[] => Array.from({ length: count }, (_, i) => createFamily(i + 1))

export interface PlanningFields {
  fairness?: Partial<FairnessSetting>
  availability?: Availability[]
  exemptions?: Exemption[]
}

/** createModel() plus no swaps, an empty roster (weekly from 2026-08-31) and the given planning records. */
export const fairnessModel = (overrides: Partial<CollectiveModel> & Partial<Pick<FairnessModel, 'swaps' | 'coordination'>> = {}, planning: PlanningFields = {}): FairnessModel => ({
  ...createModel(),
  families: families(3),
  swaps: NO_SWAP_RECORDS,
  coordination: records(),
  ...overrides,
  planning: {
    fairness: { ...DEFAULT_FAIRNESS_SETTING, ...planning.fairness },
    availability: planning.availability ?? [],
    exemptions: planning.exemptions ?? [],
  },
})

export const exemption = (n: number, family: number, from: string, to: string, sharePercent: number, withdrawn = false): Exemption => ({
  id: exemptionId(n),
  familyId: familyId(family),
  from: localDate(from),
  to: localDate(to),
  sharePercent,
  actor: actorId(family),
  at: AT,
  ...(withdrawn ? { withdrawn: { actor: actorId(family), at: AT } } : {}),
})

export const availability = (adult: number, family: number, fields: Partial<Pick<Availability, 'recurring' | 'exceptions' | 'weeklyMax' | 'preference'>> = {}): Availability => ({
  adultId: adultId(adult),
  familyId: familyId(family),
  recurring: [],
  exceptions: [],
  weeklyMax: null,
  preference: 'none',
  actor: actorId(adult),
  at: AT,
  ...fields,
})

/** A Paris wall-clock instant. */
export const parisAt = (date: string, time: string): number => parisToInstant(localDate(date), time as TimeOfDay)

export const LINE_1 = lineId(1)
