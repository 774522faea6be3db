// Parses the print views' address segments with the domain's schemas: a line id, a date, a direction; never casts.
import type { LocalDate } from '../../../domain/dates.ts'
import { LineIdSchema, type LineId } from '../../../domain/ids.ts'
import { DirectionSchema, type Direction } from '../../../domain/line.ts'
import type { WalkRef } from '../../../domain/signup.ts'
import { err, ok, type Result } from '../../../lib/result.ts'
import { parseLocalDate } from '../calendar.ts'

/** Which segment of the address is wrong: each has its own French message. */
export type PrintParamProblem = 'line' | 'date' | 'direction'

type Params = Readonly<Record<string, string | undefined>>

export const parseLineParam = (params: Params): Result<LineId, PrintParamProblem> => {
  const lineId = LineIdSchema.safeParse(params.lineId)
  return lineId.success ? ok(lineId.data) : err('line')
}

/** `/semaine/:lineId/:monday`: any real date is taken back to its Monday by the caller. */
export const parseWeekParams = (params: Params): Result<{ readonly lineId: LineId; readonly monday: LocalDate }, PrintParamProblem> => {
  const lineId = parseLineParam(params)
  if (!lineId.ok) return lineId
  const monday = parseLocalDate(params.monday)
  return monday === null ? err('date') : ok({ lineId: lineId.value, monday })
}

/** `/:lineId/:date/:direction` of the check-in sheet and the emergency card. */
export const parseWalkParams = (params: Params): Result<WalkRef, PrintParamProblem> => {
  const lineId = parseLineParam(params)
  if (!lineId.ok) return lineId
  const date = parseLocalDate(params.date)
  if (date === null) return err('date')
  const direction = DirectionSchema.safeParse(params.direction)
  return direction.success ? ok({ lineId: lineId.value, date, direction: direction.data satisfies Direction }) : err('direction')
}
