// A complete, valid CollectiveView for UI and query tests: an empty collective of the real model types, plus what a test gives.
import type { CollectiveView } from '../../src/app/api.ts'
import type { CollectiveProfile } from '../../src/domain/collective.ts'
import { DEFAULT_ROSTER_SETTING } from '../../src/domain/coordination/records.ts'
import { EMPTY_PLANNING, type PlanningRecords } from '../../src/domain/planning/records.ts'
import { DEFAULT_SETTINGS } from '../../src/domain/settings.ts'
import { NO_SWAP_RECORDS, type SwapRecords } from '../../src/domain/swaps/records.ts'
import { NO_WALK_LOG, type WalkLogRecords } from '../../src/domain/walk-log/records.ts'

export const TEST_PROFILE: CollectiveProfile = { name: 'Pédibus des Écureuils', school: 'École Jules Ferry', town: 'Lesparre-Médoc' }

/**
 * What a test gives: any field of the view (a CollectiveModel from the domain fixtures spreads in as it is), and the
 * record groups (coordination, walk log, swaps, planning) in part: what is left out of a group stays empty.
 */
export interface ViewParts extends Partial<Omit<CollectiveView, 'coordination' | 'walkLog' | 'swaps' | 'planning'>> {
  readonly coordination?: Partial<CollectiveView['coordination']>
  readonly walkLog?: Partial<WalkLogRecords>
  readonly swaps?: Partial<SwapRecords>
  readonly planning?: Partial<PlanningRecords>
}

/**
 * The view a session would show for these records. Absences live in the model and in the walk log alike (every
 * rota computation counts the model's, the absence screens list the log's): given in one place, both have them.
 */
export const makeView = ({ coordination, walkLog, swaps, planning, ...model }: ViewParts = {}): CollectiveView => {
  const absences = model.absences ?? walkLog?.absences ?? []
  return {
    profile: TEST_PROFILE,
    settings: DEFAULT_SETTINGS,
    lines: [],
    stops: [],
    families: [],
    adults: [],
    children: [],
    exceptions: [],
    holidays: [],
    holidayOverrides: [],
    signUps: [],
    toCheck: [],
    schemaVersion: 1,
    ...model,
    absences,
    swaps: { ...NO_SWAP_RECORDS, ...swaps },
    walkLog: { ...NO_WALK_LOG, ...walkLog, absences: walkLog?.absences ?? absences },
    planning: { ...EMPTY_PLANNING, ...planning },
    coordination: { setting: DEFAULT_ROSTER_SETTING, roster: [], offers: [], responses: [], notes: [], acks: [], ...coordination },
  }
}
