// The summary a partner link publishes (issue 18), built from the same effective rota the week screen shows: lines,
// stops, times, days, holidays and this week's coverage; never a family, an adult, a child, a note or a record id.
import { holidayOn } from '../../domain/calendar/school-calendar.ts'
import { addDays, weekdayOf, type LocalDate } from '../../domain/dates.ts'
import type { Line, Stop } from '../../domain/line.ts'
import { compareStops } from '../../domain/line.ts'
import {
  PARTNER_SUMMARY_VERSION, PartnerSummarySchema, type PartnerLine, type PartnerSummary, type PartnerWalk,
} from '../../domain/partner-summary.ts'
import type { WalkRota } from '../../domain/rota-types.ts'
import { defaultWeekMonday, holdersOf, todayIn, weekOf, type RotaModel } from './rota.ts'

export type { PartnerSummary, PartnerWalk, PartnerLine } from '../../domain/partner-summary.ts'
export { PARTNER_LABEL_MAX, MAX_PARTNER_LINKS } from '../../domain/partner-summary.ts'

/** How far ahead the next school holidays are looked for. */
const HOLIDAY_HORIZON_DAYS = 200
const LAST_WEEKDAY = 5

const lineOf = (line: Line, stops: readonly Stop[]): PartnerLine => ({
  name: line.name,
  colour: line.colour,
  directions: [...line.directions],
  days: [...line.days].sort(),
  stops: stops.filter((stop) => stop.lineId === line.id).sort(compareStops).map((stop) => ({
    name: stop.name,
    aller: stop.times.aller ?? null,
    retour: stop.times.retour ?? null,
    stepFree: stop.access.stepFree,
    dangerousCrossing: stop.access.dangerousCrossing,
    accessNote: stop.access.note,
  })),
})

/** A walk as a partner sees it: covered, or how many places are to fill; null for a walk before the collective. */
const walkOf = (walk: WalkRota, lineName: string): PartnerWalk | null => {
  if (walk.state === 'beforeCollective') return null
  const base = { date: walk.date, line: lineName, direction: walk.direction, time: walk.startTime }
  if (walk.cancellation !== null) return { ...base, state: 'cancelled', toFill: 0, cancelledBy: walk.cancellation.kind }
  const toFill = Math.max(0, walk.requiredAdults - holdersOf(walk).length)
  return { ...base, state: toFill === 0 ? 'covered' : 'toFill', toFill, cancelledBy: null }
}

const nextHolidaysOf = (model: RotaModel, today: LocalDate): PartnerSummary['nextHolidays'] => {
  for (let offset = 0; offset < HOLIDAY_HORIZON_DAYS; offset++) {
    const period = holidayOn(model.settings, model.holidays, addDays(today, offset), model.holidayOverrides ?? [])
    if (period !== null) return { label: period.label.slice(0, 120), start: period.start, end: period.end }
  }
  return null
}

/** This week's walks, Monday to Friday (Paris time), in date, time and line order. */
const weekWalksOf = (model: RotaModel, monday: LocalDate, now: number): PartnerWalk[] => {
  const names = new Map(model.lines.map((line) => [line.id, line.name]))
  return weekOf(model, monday, now)
    .filter((day) => weekdayOf(day.date) <= LAST_WEEKDAY)
    .flatMap((day) => day.walks.flatMap((walk) => walkOf(walk, names.get(walk.lineId) ?? '') ?? []))
    .sort((a, b) => a.date.localeCompare(b.date) || (a.time ?? '').localeCompare(b.time ?? '') || a.line.localeCompare(b.line))
}

/** The whole summary at `now`, validated by the schema the partner's page parses with. */
export const partnerSummaryOf = (model: RotaModel, now: number): PartnerSummary => {
  const today = todayIn(now)
  const monday = defaultWeekMonday(today, model.settings.operatingWeekdays)
  const week = weekWalksOf(model, monday, now)
  const running = week.filter((walk) => walk.state !== 'cancelled')
  return PartnerSummarySchema.parse({
    v: PARTNER_SUMMARY_VERSION,
    collective: model.profile?.name ?? null,
    publishedAt: now,
    operatingWeekdays: [...model.settings.operatingWeekdays].sort(),
    holidayZone: model.settings.ownCalendar === true ? null : model.settings.holidayZone,
    nextHolidays: nextHolidaysOf(model, today),
    lines: model.lines.map((line) => lineOf(line, model.stops)),
    weekOf: monday,
    week,
    totals: {
      walks: running.length,
      covered: running.filter((walk) => walk.state === 'covered').length,
      toFill: running.filter((walk) => walk.state === 'toFill').length,
      placesToFill: running.reduce((sum, walk) => sum + walk.toFill, 0),
    },
  })
}

/** The summary without its date: two summaries alike in this are the same publication (nothing to send). */
export const partnerSummaryContent = (summary: PartnerSummary): string => JSON.stringify({ ...summary, publishedAt: 0 })
