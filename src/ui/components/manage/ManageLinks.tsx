// "Organiser le pédibus" on the collective's home: links to lines and stops, families, calendar, settings, the guided set-up and "Vos données".
import { useI18n } from '../../i18n/context.tsx'
import type { MessageKey } from '../../i18n/fr.ts'

const LINKS: readonly { readonly path: string; readonly label: MessageKey }[] = [
  { path: '/lignes', label: 'manage.links.lines' },
  { path: '/familles', label: 'manage.links.families' },
  { path: '/calendrier', label: 'manage.links.calendar' },
  { path: '/parametres', label: 'manage.links.settings' },
  { path: '/demarrage/ligne', label: 'manage.links.setup' },
  { path: '/donnees', label: 'privacy.link' },
]

export function ManageLinks({ collectiveId }: { collectiveId: string }) {
  const { t } = useI18n()
  return (
    <nav class="card" aria-labelledby="manage-links-title">
      <h2 id="manage-links-title">{t('manage.links.title')}</h2>
      <ul class="list">
        {LINKS.map(({ path, label }) => (
          <li key={path} class="list__item">
            <a class="list__link" href={`/c/${collectiveId}${path}`}>{t(label)}</a>
          </li>
        ))}
      </ul>
    </nav>
  )
}
