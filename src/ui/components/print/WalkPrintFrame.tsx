// Frame of the two per-walk print views (check-in sheet, emergency card): resolves the walk, or says in French why there is nothing to print.
import type { ComponentChildren } from 'preact'
import { mondayOf } from '../../../app/queries/calendar.ts'
import { printWalkOf } from '../../../app/queries/print/print-walk.ts'
import type { Line } from '../../../domain/line.ts'
import type { WalkRota } from '../../../domain/rota-types.ts'
import { useI18n } from '../../i18n/context.tsx'
import { cancellationText, directionText, formatDay } from '../rota/rota-format.ts'
import { PrintLayout, PrintProblem, type PrintScreenProps } from './PrintFrame.tsx'
import { paramProblemText } from './print-format.ts'

export interface WalkSheetContext {
  readonly line: Line
  readonly walk: WalkRota
}

interface WalkPrintFrameProps extends PrintScreenProps {
  readonly compact: (context: WalkSheetContext) => boolean
  readonly render: (context: WalkSheetContext) => ComponentChildren
}

export function WalkPrintFrame({ view, params, base, now, compact, render }: WalkPrintFrameProps) {
  const { t, language } = useI18n()
  const resolved = printWalkOf(view, params, now)
  const backLabel = t('print.error.backWeek')
  if (!resolved.ok) {
    const problem = resolved.error
    if (problem.kind === 'param') {
      const back = problem.date === null ? `${base}/semaine` : `${base}/semaine/${mondayOf(problem.date)}`
      return <PrintProblem text={paramProblemText(t, problem.problem)} back={back} backLabel={backLabel} />
    }
    const values = { line: problem.line.name, day: formatDay(problem.walk.date, language), direction: directionText(t, problem.walk.direction) }
    const text = problem.kind === 'notRunning'
      ? t('print.error.notRunning', values)
      : t('print.error.cancelled', { ...values, reason: cancellationText(t, problem.cancellation) })
    return <PrintProblem text={text} back={`${base}/semaine/${mondayOf(problem.walk.date)}`} backLabel={backLabel} />
  }
  const { walk } = resolved.value
  // Back to the walk mode, where the adult on duty opens these sheets.
  return (
    <PrintLayout back={`${base}/trajet/${walk.lineId}/${walk.date}/${walk.direction}`} compact={compact(resolved.value)}>
      {render(resolved.value)}
    </PrintLayout>
  )
}
