// Shapes derived from the walk log that screens show: a walk's check-in list, its progress, arrival notices, walks done.
import type { LocalDate, TimeOfDay } from '../dates.ts'
import type { AdultId, ChildId, FamilyId, StopId } from '../ids.ts'
import type { WalkKey, WalkRef } from '../signup.ts'
import type { ActorId } from '../ids.ts'
import type { Absence, CheckIn, GuestId, MarkedStatus, WalkNote } from './records.ts'

/** Who a check-in line is about: a child of the collective, or a guest added on the pavement. */
export type CheckInSubject =
  | { readonly kind: 'child'; readonly childId: ChildId }
  /** `name` null: the guest's first name was erased after the walk's day (walk-log/guests.ts). */
  | { readonly kind: 'guest'; readonly guestId: GuestId; readonly name: string | null }

/** One device's current (not superseded) mark, as shown when adults disagree. */
export interface CurrentMark {
  readonly status: MarkedStatus
  readonly adultId: AdultId
  readonly actor: ActorId
  readonly at: string
  readonly stopId: StopId | null
}

/** One line of a walk's check-in list. */
export interface ChildCheckIn {
  readonly subject: CheckInSubject
  /** The key of the subject (ChildId or GuestId), stable for lists. */
  readonly id: string
  /** On the expected list (route, day, not declared absent); false for declared-absent, added or guest children. */
  readonly expected: boolean
  /** Where the child joins this walk (route stop), or where a mark put them; null when unknown. */
  readonly stopId: StopId | null
  /** Declared absences covering this walk (active only). */
  readonly absences: readonly Absence[]
  /**
   * The status shown: the latest current mark by logical order; with no mark, 'excused' when an
   * absence is declared (pre-filled), else null (not checked in yet).
   */
  readonly status: MarkedStatus | null
  /** true when `status` comes from a declared absence and nobody marked the child yet. */
  readonly prefilled: boolean
  /** Current marks of every device (marks superseded by a later mark that had seen them are left out). */
  readonly marks: readonly CurrentMark[]
  /** Current marks disagree on the status: shown to the adults, who settle it by marking again. */
  readonly disagreement: boolean
}

/** A stop of the walk in walking order (retour: reversed), with its departure when marked. */
export interface WalkStopProgress {
  readonly stopId: StopId
  readonly time: TimeOfDay | null
  /** Earliest (logical order) departure not cancelled: its author's local time HH:MM, and who. */
  readonly departedAt: TimeOfDay | null
  readonly departedBy: AdultId | null
}

export interface WalkProgress {
  readonly walk: WalkRef
  readonly key: WalkKey
  readonly stops: readonly WalkStopProgress[]
  /** Retour only: departure from school. */
  readonly schoolDepartedAt: TimeOfDay | null
  /** Aller: arrived at school; retour: the walk ended. Null until marked (or after undo). */
  readonly arrivedAt: TimeOfDay | null
  readonly arrivedBy: AdultId | null
  /** The date of the arrival mark's author time (usually the walk's date). */
  readonly arrivedOn: LocalDate | null
}

/** "Léa est arrivée à l'école à 8 h 27": for the children's families, once the arrival syncs. */
export interface ArrivalNotice {
  readonly walk: WalkRef
  readonly key: string
  readonly childId: ChildId
  readonly familyId: FamilyId
  readonly arrivedAt: TimeOfDay
  /** Retour: the stop where the child was handed over (their route stop), else null. */
  readonly stopId: StopId | null
}

/** A walk actually done: it has an arrival mark; who was on duty and how many children walked. */
export interface WalkDone {
  readonly walk: WalkRef
  readonly key: WalkKey
  readonly arrivedAt: TimeOfDay
  /** Adults who held a slot (effective rota) or wrote a mark, a departure or the arrival; sorted, distinct. */
  readonly dutyAdultIds: readonly AdultId[]
  readonly presentCount: number
  readonly notes: readonly WalkNote[]
  /** For the journal: the arrival record's logical stamp and author. */
  readonly clock: number
  readonly actor: ActorId
  readonly at: string
}

export type { CheckIn }
