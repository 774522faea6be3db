// /c/:id/imprimer/famille/:familyId: one family's coming walks on an A4 sheet (issue 18), to hand to a family without
// a smartphone; reached from the family's page and the "à sa demande" banner.
import { familyWalksSheet, parseFamilyParam } from '../../../app/queries/print/family-walks.ts'
import { todayIn } from '../../../app/queries/rota.ts'
import { FamilyWalksSheet } from '../../components/print/FamilyWalksSheet.tsx'
import { PrintGate, PrintLayout, PrintProblem, type PrintScreenProps } from '../../components/print/PrintFrame.tsx'
import { useI18n } from '../../i18n/context.tsx'

export function FamilyWalksPrintPage() {
  return <PrintGate screen={FamilyWalksPrint} />
}

function FamilyWalksPrint({ view, params, base, now }: PrintScreenProps) {
  const { t } = useI18n()
  const familyId = parseFamilyParam(params.familyId)
  const today = todayIn(now)
  const sheet = familyId === null ? null : familyWalksSheet(view, familyId, today, now)
  if (familyId === null || sheet === null) {
    return <PrintProblem text={t('familyWalks.notFound')} back={`${base}/familles`} backLabel={t('manage.families.back')} />
  }
  return (
    <PrintLayout back={`${base}/familles/${familyId}`} backLabel={t('familyWalks.back')}>
      <FamilyWalksSheet sheet={sheet} collective={view.profile?.name ?? null} today={today} />
    </PrintLayout>
  )
}
