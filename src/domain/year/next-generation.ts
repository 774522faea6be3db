// What a collective's next document generation holds: the archived one's records minus the year's past ones.
//
// A new school year (or a move to the current document layout) archives the collective's room as it is and goes on
// in a successor room holding only what the new year needs. The archiving phone writes its request into the old
// document before the room is frozen; every phone that follows reads it from the frozen room and builds the same
// successor, so the result never depends on who copies.
import { z } from 'zod/mini'
import { LocalDateSchema, type LocalDate } from '../dates.ts'
import type { ExportSource } from '../export/collective-export.ts'
import { ActorIdSchema, ChildIdSchema, type ActorId } from '../ids.ts'
import { absenceKeyOf } from '../absence-records.ts'
import { handoverKeyOf, periodResponseKeyOf } from '../coordination/records.ts'
import { exemptionKeyOf } from '../planning/records.ts'
import { signUpKeyOf } from '../signup.ts'
import { releaseKeyOf, responseKeyOf } from '../swaps/records.ts'
import { checkInKeyOf, walkEventKeyOf, walkNoteKeyOf } from '../walk-log/records.ts'
import { instantToParisDate } from '../calendar/paris-time.ts'
import { schoolYearOf } from '../calendar/school-year.ts'
import { planNewSchoolYear, type NewYearPlan, type YearRecordKind } from './past-records.ts'
import { planIsEmpty, schoolYearEndingBefore } from './summary.ts'

/** The request stored in the archived document (its meta): what its successor keeps. */
export const NextGenerationSchema = z.object({
  /** The successor's first day: records about earlier dates stay in the archive only. */
  startsOn: LocalDateSchema,
  /** Children who left: kept in the archive, not in the successor. */
  removeChildIds: z.array(ChildIdSchema).check(z.maxLength(10_000)),
  /** The school year the archive holds, as it is shown: '2026-2027'. */
  archiveLabel: z.string().check(z.regex(/^\d{4}-\d{4}$/)),
  /** Why: the end of a school year, or moving a collective written by an older version to the current layout. */
  reason: z.enum(['newSchoolYear', 'layout']),
  /** When the archiving phone asked (epoch ms): records written after it are new ones, whatever their date. */
  requestedAt: z.number().check(z.int(), z.nonnegative()),
  /**
   * The device that builds the successor (the archiving phone's actor id): the others wait for its build, so the
   * successor is built once. Past TAKEOVER_MS without a complete build, any phone builds it.
   */
  builder: z.optional(ActorIdSchema),
})
export type NextGeneration = z.output<typeof NextGenerationSchema>

/** How long the other phones wait for the builder's successor before any of them builds it. */
export const TAKEOVER_MS = 10 * 60_000

/** What a member (or the layout move) asks; the archiving phone adds when and who builds (NextGeneration). */
export type NextGenerationRequest = Omit<NextGeneration, 'requestedAt' | 'builder'>

/** The request as stored: asked at `now`, built by `builder`. */
export const nextGenerationOf = (request: NextGenerationRequest, now: number, builder: ActorId): NextGeneration => ({
  startsOn: request.startsOn, removeChildIds: [...request.removeChildIds], archiveLabel: request.archiveLabel, reason: request.reason,
  requestedAt: now, builder,
})

/**
 * Moving an older collective to the current layout on `today`: the live document keeps the current school year, the
 * archive holds the years before it (named by the last one).
 */
export const layoutGeneration = (today: LocalDate): NextGenerationRequest => {
  const year = schoolYearOf(today)
  return { startsOn: year.from, removeChildIds: [], archiveLabel: schoolYearEndingBefore(year.from), reason: 'layout' }
}

/**
 * The successor's first day for the self-healing clean-up (src/doc/year-cleanup.ts): the new year's first day, or the
 * day of the request if earlier, so a record written after the move (a strike on 25 June, the new year asked on
 * 14 June for 1 September) is a new one, never taken for a past one coming back.
 */
export const successorYearStart = (next: NextGeneration): LocalDate => {
  const requestedOn = instantToParisDate(next.requestedAt)
  return requestedOn < next.startsOn ? requestedOn : next.startsOn
}

const keep = <T>(records: readonly T[], planned: readonly string[], keyOf: (record: T) => string): T[] => {
  if (planned.length === 0) return [...records]
  const gone = new Set(planned)
  return records.filter((record) => !gone.has(keyOf(record)))
}

/** `source` without the planned records: the same records, under the same ids, as the archived document read. */
export const withoutPlanned = (source: ExportSource, plan: NewYearPlan): ExportSource => {
  const of = (kind: YearRecordKind): readonly string[] => plan[kind]
  const { swaps, coordination, walkLog, planning } = source
  return {
    ...source,
    children: keep(source.children, of('children'), (child) => child.id),
    exceptions: keep(source.exceptions, of('exceptions'), (exception) => exception.id),
    signUps: keep(source.signUps, of('signUps'), (signUp) => signUpKeyOf(signUp, signUp.adultId)),
    swaps: {
      offers: keep(swaps.offers, of('offers'), (offer) => offer.id),
      responses: keep(swaps.responses, of('responses'), responseKeyOf),
      releases: keep(swaps.releases, of('releases'), releaseKeyOf),
    },
    coordination: {
      ...coordination,
      offers: keep(coordination.offers, of('periodOffers'), (offer) => offer.id),
      responses: keep(coordination.responses, of('periodResponses'), periodResponseKeyOf),
      notes: keep(coordination.notes, of('handoverNotes'), handoverKeyOf),
      acks: keep(coordination.acks, of('handoverAcks'), handoverKeyOf),
    },
    walkLog: {
      absences: keep(walkLog.absences, of('absences'), absenceKeyOf),
      checkIns: keep(walkLog.checkIns, of('checkIns'), checkInKeyOf),
      events: keep(walkLog.events, of('walkEvents'), walkEventKeyOf),
      notes: keep(walkLog.notes, of('walkNotes'), walkNoteKeyOf),
    },
    ...(planning === undefined ? {} : { planning: { ...planning, exemptions: keep(planning.exemptions, of('exemptions'), exemptionKeyOf) } }),
  }
}

/** What the successor of a document holding `source` starts with, and what stays in the archive only. */
export const successorOf = (
  source: ExportSource, next: Pick<NextGeneration, 'startsOn' | 'removeChildIds'>,
): { source: ExportSource; plan: NewYearPlan } => {
  const plan = planNewSchoolYear(source, { before: next.startsOn, removeChildIds: next.removeChildIds })
  return { source: withoutPlanned(source, plan), plan }
}

/** A phone whose clock is this far past the collective's latest sign-up is not trusted to say a school year ended. */
const LATEST_WRITE_MAX_AGE_MS = 120 * 24 * 3_600_000

/** The latest sign-up's author time (epoch ms), or null when none can be read. */
const latestSignUpAt = (source: ExportSource): number | null => {
  let latest: number | null = null
  for (const signUp of source.signUps) {
    const at = signUp.at === undefined ? Number.NaN : Date.parse(signUp.at)
    if (Number.isFinite(at) && (latest === null || at > latest)) latest = at
  }
  return latest
}

/**
 * The generation a live document is due for at `now`, or null: a collective written before 0.2.0 (schema 1) moves
 * to the current layout; one still holding records of an earlier school year (nobody started the new one) starts it,
 * keeping every child (the children who left can be removed afterwards). Nothing is lost either way: the archive
 * holds it all. A phone whose clock disagrees with the collective (its latest sign-up written more than 120 days
 * before `now`, or after it) starts no new year on its own.
 */
export const dueGeneration = (source: ExportSource, schemaVersion: number | null, now: number): NextGenerationRequest | null => {
  const today = instantToParisDate(now)
  if (schemaVersion === 1) return layoutGeneration(today)
  const latest = latestSignUpAt(source)
  if (latest === null || latest > now + 24 * 3_600_000 || now - latest > LATEST_WRITE_MAX_AGE_MS) return null
  const { from } = schoolYearOf(today)
  if (planIsEmpty(planNewSchoolYear(source, { before: from, removeChildIds: [] }))) return null
  return { startsOn: from, removeChildIds: [], archiveLabel: schoolYearEndingBefore(from), reason: 'newSchoolYear' }
}
