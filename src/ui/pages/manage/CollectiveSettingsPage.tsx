// "Paramètres du collectif" (/c/:id/parametres): the collective's settings form, its charter, data exports (a template
// too), end of school year.
import { CharterSection } from '../../components/charter/CharterSection.tsx'
import { ExportSection } from '../../components/export/ExportSection.tsx'
import { SettingsForm } from '../../components/manage/SettingsForm.tsx'
import { NewYearSection } from '../../components/year/NewYearSection.tsx'
import { PageTitle } from '../../components/PageTitle.tsx'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { useI18n } from '../../i18n/context.tsx'
import { BackLink, SessionGate, type ScreenProps } from './SessionGate.tsx'

export function CollectiveSettingsPage() {
  return <SessionGate screen={SettingsScreen} />
}

function SettingsScreen({ session, view }: ScreenProps) {
  const { t } = useI18n()
  const announce = useAnnounce()
  return (
    <>
      <PageTitle name="manage.settings.title" />
      <p>{t('manage.settings.intro')}</p>
      <section class="card" aria-label={t('manage.settings.title')}>
        <SettingsForm
          settings={view.settings}
          onSubmit={(input) => {
            const result = session.updateSettings(input)
            if (result.ok) announce(t('manage.saved'))
            return result
          }}
        />
      </section>
      <CharterSection session={session} view={view} />
      <ExportSection session={session} />
      <NewYearSection session={session} view={view} />
      <BackLink href={`/c/${session.id}/plus`} label={t('invite.done')} />
    </>
  )
}
