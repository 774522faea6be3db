// /c/:id/imprimer/guide: the guide "Monter un pédibus" on a few A4 pages, in the interface language, with its own
// toolbar ("Imprimer ou enregistrer en PDF"); built from the collective's place, lines and charter only.
import { useMemo } from 'preact/hooks'
import { guideOf } from '../../../app/queries/print/guide.ts'
import { todayIn } from '../../../app/queries/rota.ts'
import { GuideSheet } from '../../components/print/GuideSheet.tsx'
import { PrintGate, type PrintScreenProps } from '../../components/print/PrintFrame.tsx'
import { useI18n } from '../../i18n/context.tsx'

export function GuidePrintPage() {
  return <PrintGate screen={GuidePrint} />
}

function GuidePrint({ view, base, now }: PrintScreenProps) {
  const { t } = useI18n()
  const guide = useMemo(() => guideOf(view), [view])
  return (
    <>
      <div class="print-toolbar no-print" role="group" aria-label={t('print.toolbar.label')}>
        <button type="button" class="button button--primary" onClick={() => window.print()}>{t('guide.print')}</button>
        <a class="button" href={`${base}/plus`}><span class="flip-rtl" aria-hidden="true">←</span>&nbsp;{t('guide.back')}</a>
        <p class="muted print-toolbar__hint">{t('guide.hint')}</p>
      </div>
      {/* Focusable: on a phone the A4 tables scroll sideways, and a keyboard must reach them too. */}
      <article class="print-sheet guide-sheet" data-testid="print-sheet" tabIndex={0} aria-label={t('print.sheet.label')}>
        <GuideSheet guide={guide} today={todayIn(now)} />
      </article>
    </>
  )
}
