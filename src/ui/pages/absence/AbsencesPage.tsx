// /c/:id/absences: my family's children with their coming absences ("Retirer") and the form to report one; other families' absences are not shown here.
import { useMemo } from 'preact/hooks'
import { familyChildren } from '../../../app/queries/absence/absence-view.ts'
import { todayIn } from '../../../app/queries/rota.ts'
import { AbsenceForm } from '../../components/absence/AbsenceForm.tsx'
import { AbsenceList } from '../../components/absence/AbsenceList.tsx'
import { PageTitle } from '../../components/PageTitle.tsx'
import { useNow } from '../../components/rota/useRotaNow.ts'
import { WhoAreYou } from '../../components/rota/WhoAreYou.tsx'
import { useStore } from '../../hooks/useStore.ts'
import { useI18n } from '../../i18n/context.tsx'
import { RotaFrame, type RotaScreenProps } from '../rota/RotaFrame.tsx'

export function AbsencesPage() {
  return <RotaFrame render={(props) => <Absences {...props} />} />
}

function Absences({ session }: RotaScreenProps) {
  const { t } = useI18n()
  const view = useStore(session.view)
  const me = useStore(session.me)
  const now = useNow()
  const today = todayIn(now)
  const family = view.families.find((candidate) => candidate.id === me.familyId)
  const kids = useMemo(() => (family ? familyChildren(view, family.id) : []), [view, family])
  return (
    <>
      <PageTitle name="absence.title" />
      <p>{t('absence.intro')}</p>
      <WhoAreYou session={session} />
      {family && kids.length === 0 && <p class="notice">{t('absence.noChildren')}</p>}
      {family && kids.length > 0 && (
        <>
          <section class="card" aria-labelledby="absence-form-title">
            <h2 id="absence-form-title">{t('absence.form.title')}</h2>
            {/* Keyed by family: another family chosen on this phone starts a fresh form. */}
            <AbsenceForm key={family.id} session={session} kids={kids} today={today} now={now} />
          </section>
          <section class="card" aria-labelledby="absence-list-title" data-testid="absence-list">
            <h2 id="absence-list-title">{t('absence.list.title')}</h2>
            <AbsenceList session={session} kids={kids} today={today} />
          </section>
        </>
      )}
    </>
  )
}
