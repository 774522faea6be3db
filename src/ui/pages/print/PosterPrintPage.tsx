// /c/:id/imprimer/affiche/:lineId: the stop poster of one line on one A4 page.
import { stopsOfLine } from '../../../app/queries/collective.ts'
import { contactOn, lineDays, posterStretch } from '../../../app/queries/print/print-model.ts'
import { parseLineParam } from '../../../app/queries/print/print-params.ts'
import { todayIn } from '../../../app/queries/rota.ts'
import { PosterSheet } from '../../components/print/PosterSheet.tsx'
import { PrintGate, PrintLayout, PrintProblem, type PrintScreenProps } from '../../components/print/PrintFrame.tsx'
import { paramProblemText } from '../../components/print/print-format.ts'
import { useI18n } from '../../i18n/context.tsx'

export function PosterPrintPage() {
  return <PrintGate screen={PosterPrint} />
}

function PosterPrint({ view, params, base, now }: PrintScreenProps) {
  const { t } = useI18n()
  const lines = `${base}/lignes`
  const backLabel = t('print.error.backLines')
  const parsed = parseLineParam(params)
  if (!parsed.ok) return <PrintProblem text={paramProblemText(t, parsed.error)} back={lines} backLabel={backLabel} />
  const line = view.lines.find((candidate) => candidate.id === parsed.value)
  if (line === undefined) return <PrintProblem text={t('print.error.line')} back={lines} backLabel={backLabel} />
  const today = todayIn(now)
  const stretch = posterStretch(view, today)
  const stops = stopsOfLine(view.stops, line.id)
  const days = lineDays(view, line.id, stretch.from, stretch.to, now)
  return (
    <PrintLayout back={`${lines}/${line.id}`}>
      <PosterSheet
        line={line}
        stops={stops}
        stretch={stretch}
        days={days}
        adults={view.adults}
        collective={view.profile?.name ?? null}
        contact={contactOn(view, today)}
        today={today}
      />
    </PrintLayout>
  )
}
