// /c/:id/imprimer/semaine/:lineId/:monday: the week rota of one line on one A4 page.
import { mondayOf } from '../../../app/queries/calendar.ts'
import { contactOn, lineWeek } from '../../../app/queries/print/print-model.ts'
import { parseWeekParams } from '../../../app/queries/print/print-params.ts'
import { todayIn } from '../../../app/queries/rota.ts'
import { PrintGate, PrintLayout, PrintProblem, type PrintScreenProps } from '../../components/print/PrintFrame.tsx'
import { paramProblemText } from '../../components/print/print-format.ts'
import { WeekSheet } from '../../components/print/WeekSheet.tsx'
import { useI18n } from '../../i18n/context.tsx'

export function WeekPrintPage() {
  return <PrintGate screen={WeekPrint} />
}

function WeekPrint({ view, params, base, now }: PrintScreenProps) {
  const { t } = useI18n()
  const parsed = parseWeekParams(params)
  const backLabel = t('print.error.backWeek')
  if (!parsed.ok) return <PrintProblem text={paramProblemText(t, parsed.error)} back={`${base}/semaine`} backLabel={backLabel} />
  const monday = mondayOf(parsed.value.monday)
  const back = `${base}/semaine/${monday}`
  const line = view.lines.find((candidate) => candidate.id === parsed.value.lineId)
  if (line === undefined) return <PrintProblem text={t('print.error.line')} back={back} backLabel={backLabel} />
  const days = lineWeek(view, line.id, monday, now)
  return (
    <PrintLayout back={back}>
      <WeekSheet
        line={line}
        monday={monday}
        days={days}
        adults={view.adults}
        families={view.families}
        collective={view.profile?.name ?? null}
        contact={contactOn(view, monday)}
        today={todayIn(now)}
      />
    </PrintLayout>
  )
}
