// Shapes of the derived rota (walks, their slots, holders and waiting lists) that the rules compute and screens show.
import type { CancelReason } from './calendar-records.ts'
import type { LocalDate, TimeOfDay } from './dates.ts'
import type { PeriodSlug, PublicHolidayId } from './holiday-kinds.ts'
import type { ChildId } from './ids.ts'
import type { SignUp, WalkKey, WalkRef } from './signup.ts'

/** Why a walk does not run; holidays come from the shipped calendar or an import, exceptions from the collective. */
export type WalkCancellation =
  | { readonly kind: 'exception'; readonly reason: CancelReason; readonly note: string }
  /** `provisional`: the shipped period was not compared with the official text ("dates à confirmer"). */
  /** `slug`: a shipped period's kind, which screens name in the reader's language (`label` is then French). */
  | { readonly kind: 'holiday'; readonly label: string; readonly slug?: PeriodSlug; readonly provisional?: true }
  | { readonly kind: 'publicHoliday'; readonly label: string; readonly id: PublicHolidayId }

/**
 * 'toFill' (à pourvoir): not started, fewer holders than required; 'urgent': toFill and starting within 48 h.
 * Once started, a walk short of adults is history, never to fill: 'understaffed', or 'beforeCollective' when nobody
 * held a place and it predates the collective's first family (src/domain/rota/walk-state.ts).
 */
export type WalkState = 'covered' | 'toFill' | 'urgent' | 'cancelled' | 'understaffed' | 'beforeCollective'

export interface WalkRota extends WalkRef {
  readonly key: WalkKey
  /** Time at the line's first stop in this direction, null when the line has no timed stop. */
  readonly startTime: TimeOfDay | null
  readonly cancellation: WalkCancellation | null
  /** Children expected that day on this line and direction, declared absences left out. */
  readonly expectedChildIds: readonly ChildId[]
  /** Children counted in the ratio (a child who counts extra counts twice). */
  readonly ratioCount: number
  /** max(minimum adults, ceil(ratioCount / childrenPerAdult)). */
  readonly requiredAdults: number
  readonly lead: SignUp | null
  readonly tail: SignUp | null
  /** Holders of extra places, in order; at most the places needed without absences, minus 2 (an absence never takes a held seat away). */
  readonly extras: readonly SignUp[]
  /** Active sign-ups not kept (slot already held): shown as the waiting list, their authors told. */
  readonly waiting: readonly SignUp[]
  readonly state: WalkState
}

export interface DayRota {
  readonly date: LocalDate
  readonly walks: readonly WalkRota[]
}
