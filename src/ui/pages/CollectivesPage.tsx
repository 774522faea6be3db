// The collective switcher: every collective held on this phone, to open or forget; links to create or join another, or restore a backup.
import { useLocation } from 'preact-iso'
import type { JoinedCollective } from '../../app/api.ts'
import { ConfirmAction } from '../components/ConfirmAction.tsx'
import { RestoreBackup } from '../components/export/RestoreBackup.tsx'
import { PageTitle } from '../components/PageTitle.tsx'
import { useAnnounce } from '../hooks/announcer.tsx'
import { useServices } from '../hooks/services.ts'
import { useStore } from '../hooks/useStore.ts'
import { useI18n } from '../i18n/context.tsx'

export function CollectivesPage({ currentId }: { currentId: string | null }) {
  const { t } = useI18n()
  const services = useServices()
  const announce = useAnnounce()
  const { route } = useLocation()
  const collectives = useStore(services.collectives)
  const nameOf = (collective: JoinedCollective) => collective.name || t('collectives.unnamed')

  const forget = async (collective: JoinedCollective) => {
    await services.forgetCollective(collective.id)
    announce(t('collectives.forgotten', { name: nameOf(collective) }))
    if (collective.id === currentId || collectives.length <= 1) route('/', true)
  }

  return (
    <>
      <PageTitle name="collectives.title" />
      <p>{t('collectives.intro')}</p>
      <ul class="list" data-testid="collectives">
        {collectives.map((collective) => (
          <li key={collective.id} class="list__item">
            <a
              class="list__link"
              href={`/c/${collective.id}`}
              aria-current={collective.id === currentId ? 'page' : undefined}
            >
              {nameOf(collective)}
              {collective.id === currentId && <span class="muted"> {t('collectives.current')}</span>}
            </a>
            <ConfirmAction
              label={t('collectives.forget')}
              accessibleLabel={`${t('collectives.forget')} : ${nameOf(collective)}`}
              question={t('collectives.forgetConfirm', { name: nameOf(collective) })}
              confirmLabel={t('collectives.forgetYes')}
              onConfirm={() => void forget(collective)}
            />
          </li>
        ))}
      </ul>
      <h2>{t('collectives.add')}</h2>
      <div class="actions">
        <a class="button" href="/creer">{t('welcome.create')}</a>
        <a class="button" href="/rejoindre">{t('welcome.join')}</a>
      </div>
      <RestoreBackup />
    </>
  )
}
