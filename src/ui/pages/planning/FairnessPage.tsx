// /c/:id/equite "Équité": the ledger per family (neutral, family order), how the share is computed, coups de main given
// and received (unless turned off), reduced shares, and the fairness settings.
import { useMemo } from 'preact/hooks'
import type { CollectiveView, PlanningCommands, SessionIdentity } from '../../../app/api.ts'
import { fairnessLedger } from '../../../app/queries/planning/rules.ts'
import type { Ledger } from '../../../domain/planning/types.ts'
import { CoordinationNav } from '../../components/coordination/CoordinationNav.tsx'
import { useCoordination } from '../../components/coordination/useCoordination.ts'
import { PageTitle } from '../../components/PageTitle.tsx'
import { ExemptionsSection } from '../../components/planning/ExemptionsSection.tsx'
import { FairnessSettingForm } from '../../components/planning/FairnessSettingForm.tsx'
import { HelpCountsTable } from '../../components/planning/HelpCountsTable.tsx'
import { LedgerTable } from '../../components/planning/LedgerTable.tsx'
import { formatDay } from '../../components/rota/rota-format.ts'
import { useReportError, type ReportError } from '../../hooks/report-error.ts'
import { useI18n } from '../../i18n/context.tsx'
import { SessionGate, type ScreenProps } from '../manage/SessionGate.tsx'

export function FairnessPage() {
  return <SessionGate screen={Fairness} />
}

/**
 * The ledger, or null if the rules failed on unexpected records: the rest of the screen stays usable,
 * and the failure goes to the error channel (a bug in the rules must not pass unseen).
 */
export const safeLedger = (view: CollectiveView, now: number, report: ReportError): Ledger | null => {
  try {
    return fairnessLedger(view, now)
  } catch (error) {
    report('planning.ledger', error)
    return null
  }
}

/** The screen itself (rendered by the tests with a fake session). */
export function Fairness({ session, view }: Pick<ScreenProps, 'view'> & { session: SessionIdentity & PlanningCommands }) {
  const { t, language } = useI18n()
  const { myFamily, now, today } = useCoordination(session)
  const report = useReportError()
  // Computed (and a failure reported) once per view and minute, not on every render.
  const ledger = useMemo(() => safeLedger(view, now, report), [view, now, report])
  const { fairness } = view.planning
  const toCheck = view.toCheck.some((record) => record.kind === 'availability' || record.kind === 'exemption')
  return (
    <>
      <PageTitle name="planning.fairness.title" />
      <CoordinationNav collectiveId={session.id} />
      <p>{t('planning.fairness.intro')}</p>
      <section class="card" aria-labelledby="ledger-title">
        <h2 id="ledger-title">{t('planning.fairness.ledgerTitle')}</h2>
        {ledger === null ? (
          <p class="notice">{t('planning.fairness.unavailable')}</p>
        ) : (
          <>
            <p class="muted">{t('planning.fairness.year', { from: formatDay(ledger.year.from, language), to: formatDay(ledger.year.to, language) })}</p>
            <LedgerTable ledger={ledger} families={view.families} />
          </>
        )}
        <p data-testid="share-explained">
          {t(fairness.basis === 'perChild' ? 'planning.fairness.howBasisPerChild' : 'planning.fairness.howBasisPerFamily')}
        </p>
        {toCheck && <p class="notice">{t('planning.fairness.toCheck')}</p>}
      </section>
      <HelpCountsTable view={view} now={now} />
      <ExemptionsSection session={session} view={view} myFamily={myFamily} today={today} />
      {/* Not keyed by the stored setting: a sync from another phone must not wipe what is being typed (the form follows it while untouched). */}
      <FairnessSettingForm session={session} setting={fairness} />
    </>
  )
}
