// The whole collective as a restorable JSON file (built from the readers' valid records), and its parser for a restore.
import type { Charter } from '../charter.ts'
import type { HandoverAck, HandoverNote, CoordinationRecords } from '../coordination/records.ts'
import { NO_HELP, type HelpRecords } from '../help/records.ts'
import { NO_MEETINGS, type MeetingRecords } from '../meeting.ts'
import type { CollectiveModel } from '../model.ts'
import type { Pair } from '../pairs.ts'
import { EMPTY_PLANNING, type PlanningRecords } from '../planning/records.ts'
import type { SwapRecords } from '../swaps/records.ts'
import type { WalkLogRecords } from '../walk-log/records.ts'
import { err, ok, type Result } from '../../lib/result.ts'
import { COLLECTIVE_EXPORT_FORMAT, CollectiveExportSchema, EXPORT_VERSION, type CollectiveExport } from './format.ts'

/** What an export reads: the collective's valid records (the app's CollectiveView is one). Records "to check" are left out. */
export interface ExportSource extends CollectiveModel {
  readonly swaps: SwapRecords
  readonly coordination: CoordinationRecords & { readonly notes: readonly HandoverNote[]; readonly acks: readonly HandoverAck[] }
  readonly walkLog: WalkLogRecords
  /** Availability, reduced-share periods, the fairness setting; absent (a hand-built source): none and the default. */
  readonly planning?: PlanningRecords
  /** Meetings and replies, coups de main (issue 17); absent (a hand-built source): none. */
  readonly meetings?: MeetingRecords
  readonly help?: HelpRecords
  /** "Trajet en binôme" (issue 17); absent (a hand-built source): none. */
  readonly pairs?: readonly Pair[]
  /** The collective's charter (issue 18); absent or null: none. */
  readonly charter?: Charter | null
}

export const exportTimestamp = (epochMs: number): string => new Date(epochMs).toISOString()

export const buildCollectiveExport = (source: ExportSource, exportedAt: number): CollectiveExport => ({
  format: COLLECTIVE_EXPORT_FORMAT,
  version: EXPORT_VERSION,
  exportedAt: exportTimestamp(exportedAt),
  profile: source.profile,
  settings: source.settings,
  lines: [...source.lines],
  stops: [...source.stops],
  families: [...source.families],
  adults: [...source.adults],
  children: [...source.children],
  exceptions: [...source.exceptions],
  holidays: [...source.holidays],
  holidayOverrides: [...(source.holidayOverrides ?? [])],
  signUps: [...source.signUps],
  swaps: { offers: [...source.swaps.offers], responses: [...source.swaps.responses], releases: [...source.swaps.releases] },
  coordination: {
    setting: source.coordination.setting,
    roster: [...source.coordination.roster],
    offers: [...source.coordination.offers],
    responses: [...source.coordination.responses],
    notes: [...source.coordination.notes],
    acks: [...source.coordination.acks],
  },
  walkLog: {
    absences: [...source.walkLog.absences],
    checkIns: [...source.walkLog.checkIns],
    events: [...source.walkLog.events],
    notes: [...source.walkLog.notes],
  },
  planning: planningOf(source),
  meetings: meetingsOf(source),
  help: helpOf(source),
  pairs: [...(source.pairs ?? [])],
  charter: source.charter === undefined || source.charter === null ? [] : [source.charter],
})

const meetingsOf = ({ meetings = NO_MEETINGS }: ExportSource): CollectiveExport['meetings'] =>
  ({ meetings: [...meetings.meetings], replies: [...meetings.replies] })

const helpOf = ({ help = NO_HELP }: ExportSource): CollectiveExport['help'] =>
  ({ requests: [...help.requests], answers: [...help.answers], kinds: [...help.kinds] })

const planningOf = (source: ExportSource): CollectiveExport['planning'] => {
  const planning = source.planning ?? EMPTY_PLANNING
  return { fairness: planning.fairness, availability: [...planning.availability], exemptions: [...planning.exemptions] }
}

/** Two spaces: the file is meant to be readable by the family who keeps it. */
export const collectiveExportJson = (source: ExportSource, exportedAt: number): string =>
  JSON.stringify(buildCollectiveExport(source, exportedAt), null, 2)

/**
 * 'invalidExport' for anything but a whole, valid collective file of this version (bad JSON, a
 * family file, a record that fails its schema, no profile): a restore then creates nothing.
 */
export const parseCollectiveExport = (json: string): Result<CollectiveExport & { readonly profile: NonNullable<CollectiveExport['profile']> }, 'invalidExport'> => {
  let raw: unknown
  try {
    raw = JSON.parse(json)
  } catch {
    return err('invalidExport')
  }
  const parsed = CollectiveExportSchema.safeParse(raw)
  if (!parsed.success || parsed.data.profile === null) return err('invalidExport')
  return ok({ ...parsed.data, profile: parsed.data.profile })
}
