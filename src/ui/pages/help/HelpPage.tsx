// /c/:id/coups-de-main: what coups de main are, the collective's open ones with "Je peux" (first: answering is what
// most visits are for), mine, the form to ask or offer, the kinds list.
import { HelpForm } from '../../components/help/HelpForm.tsx'
import { HelpKindsEditor } from '../../components/help/HelpKindsEditor.tsx'
import { HelpList, MyHelpList } from '../../components/help/HelpList.tsx'
import { PageTitle } from '../../components/PageTitle.tsx'
import { useNow } from '../../components/rota/useRotaNow.ts'
import { WhoAreYou } from '../../components/rota/WhoAreYou.tsx'
import { useStore } from '../../hooks/useStore.ts'
import { useI18n } from '../../i18n/context.tsx'
import { RotaFrame, type RotaScreenProps } from '../rota/RotaFrame.tsx'
import '../../components/help/help.css'

export function HelpPage() {
  return <RotaFrame render={(props) => <Help {...props} />} />
}

function Help({ session, base }: RotaScreenProps) {
  const { t } = useI18n()
  const view = useStore(session.view)
  const me = useStore(session.me)
  const now = useNow()
  const family = view.families.find((candidate) => candidate.id === me.familyId)
  return (
    <>
      <PageTitle name="help.title" />
      <p>{t('help.intro')}</p>
      <WhoAreYou session={session} />
      {family && (
        <>
          <section class="card" aria-labelledby="help-open-title" data-testid="help-open">
            <h2 id="help-open-title">{t('help.open.title')}</h2>
            <HelpList session={session} familyId={family.id} base={base} now={now} />
          </section>
          <section class="card" aria-labelledby="help-mine-title" data-testid="help-mine-list">
            <h2 id="help-mine-title">{t('help.mine.title')}</h2>
            <MyHelpList session={session} familyId={family.id} base={base} now={now} />
          </section>
          <section class="card" aria-labelledby="help-form-title">
            <h2 id="help-form-title">{t('help.form.title')}</h2>
            {/* Keyed by family: another family chosen on this phone starts a fresh form. */}
            <HelpForm key={family.id} session={session} />
          </section>
          <HelpKindsEditor session={session} />
        </>
      )}
    </>
  )
}
