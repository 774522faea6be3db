// The walk a check-in sheet or emergency card prints: from the address, on the effective rota, or why there is none (bad address, not run that day, cancelled).
import type { LocalDate } from '../../../domain/dates.ts'
import type { Line } from '../../../domain/line.ts'
import type { WalkCancellation, WalkRota } from '../../../domain/rota-types.ts'
import type { WalkRef } from '../../../domain/signup.ts'
import { err, ok, type Result } from '../../../lib/result.ts'
import { effectiveWalkOf, type RotaModel } from '../rota.ts'
import { parseWalkParams, type PrintParamProblem } from './print-params.ts'

export type PrintWalkProblem =
  | { readonly kind: 'param'; readonly problem: PrintParamProblem; readonly date: LocalDate | null }
  | { readonly kind: 'notRunning'; readonly line: Line; readonly walk: WalkRef }
  | { readonly kind: 'cancelled'; readonly line: Line; readonly walk: WalkRef; readonly cancellation: WalkCancellation }

export const printWalkOf = (
  model: RotaModel, params: Readonly<Record<string, string | undefined>>, now: number,
): Result<{ readonly line: Line; readonly walk: WalkRota }, PrintWalkProblem> => {
  const parsed = parseWalkParams(params)
  if (!parsed.ok) return err({ kind: 'param', problem: parsed.error, date: null })
  const ref = parsed.value
  const line = model.lines.find((candidate) => candidate.id === ref.lineId)
  if (line === undefined) return err({ kind: 'param', problem: 'line', date: ref.date })
  const rota = effectiveWalkOf(model, ref, now)
  if (rota === null) return err({ kind: 'notRunning', line, walk: ref })
  if (rota.cancellation !== null) return err({ kind: 'cancelled', line, walk: ref, cancellation: rota.cancellation })
  return ok({ line, walk: rota })
}
