// "Trajets de la famille X" (issue 18): a family's coming places on the effective rota, one row per adult and walk,
// for the sheet a member prints for a family without a smartphone.
import type { CollectiveView } from '../../api.ts'
import { addDays, compareDates, mondayOf, type LocalDate } from '../../../domain/dates.ts'
import { FamilyIdSchema, type AdultId, type FamilyId } from '../../../domain/ids.ts'
import type { Direction } from '../../../domain/line.ts'
import type { Slot } from '../../../domain/signup.ts'
import { walkStopsInOrder } from '../../../domain/walk-log/progress.ts'
import { familyPlaces, HORIZON_WEEKS } from '../rota.ts'
import { contactOn, type Contact } from './print-model.ts'

export interface FamilyWalkRow {
  readonly key: string
  readonly date: LocalDate
  readonly lineName: string
  readonly direction: Direction
  /** Where the walk starts (its first stop in this direction) and when; null when the line has no timed stop. */
  readonly stopName: string | null
  readonly time: string | null
  readonly adultId: AdultId
  readonly adultName: string
  readonly slot: Slot
  /** On the waiting list, not holding the place (yet). */
  readonly waiting: boolean
  readonly cancelled: boolean
}

export interface FamilyWalksSheet {
  readonly familyName: string
  readonly rows: readonly FamilyWalkRow[]
  /** The last day listed: the end of the rota's horizon. */
  readonly until: LocalDate
  readonly contact: Contact | null
}

/** The family's places from `today` to the end of the horizon (HORIZON_WEEKS), in the rota's order; null: no family. */
export const familyWalksSheet = (view: CollectiveView, familyId: FamilyId, today: LocalDate, now: number): FamilyWalksSheet | null => {
  const family = view.families.find((candidate) => candidate.id === familyId)
  if (family === undefined) return null
  const until = addDays(mondayOf(today), 7 * HORIZON_WEEKS - 1)
  const rows: FamilyWalkRow[] = []
  for (const { rota, roles } of familyPlaces(view, familyId, today, now)) {
    if (compareDates(rota.date, until) > 0) continue
    const line = view.lines.find((candidate) => candidate.id === rota.lineId)
    const first = walkStopsInOrder(view, rota).find((stop) => stop.times[rota.direction] !== undefined)
    for (const role of roles) {
      rows.push({
        key: `${rota.key}|${role.adultId}`,
        date: rota.date,
        lineName: line?.name ?? '',
        direction: rota.direction,
        stopName: first?.name ?? null,
        time: first?.times[rota.direction] ?? rota.startTime,
        adultId: role.adultId,
        adultName: view.adults.find((adult) => adult.id === role.adultId)?.firstName ?? '?',
        slot: role.slot,
        waiting: role.status === 'waiting',
        cancelled: rota.cancellation !== null,
      })
    }
  }
  return { familyName: family.displayName, rows, until, contact: contactOn(view, today) }
}

/** The family id of the address (`/imprimer/famille/:familyId`), parsed, never cast; null when it is not one. */
export const parseFamilyParam = (value: string | undefined): FamilyId | null => {
  const parsed = FamilyIdSchema.safeParse(value)
  return parsed.success ? parsed.data : null
}
