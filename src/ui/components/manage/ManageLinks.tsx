// "Organiser le pédibus" on "Plus": my family's absences and availability, coordination and journal, coups de main and
// meetings, lines, families, calendar, settings and exports, the guided set-up and the printable guide, "Vos données",
// inviting a family, and each line's printable week.
import { useMemo } from 'preact/hooks'
import type { SessionIdentity, SessionState } from '../../../app/api.ts'
import { defaultWeekMonday } from '../../../app/queries/rota.ts'
import { useStore } from '../../hooks/useStore.ts'
import { useI18n } from '../../i18n/context.tsx'
import type { MessageKey } from '../../i18n/fr.ts'
import { todayIn } from '../rota/rota-format.ts'
import { useNow } from '../rota/useRotaNow.ts'

const LINKS: readonly { readonly path: string; readonly label: MessageKey }[] = [
  { path: '/absences', label: 'absence.nav' },
  { path: '/disponibilites', label: 'planning.nav.availability' },
  { path: '/coordination', label: 'coord.nav.roster' },
  { path: '/journal', label: 'journal.title' },
  { path: '/coups-de-main', label: 'help.nav' },
  { path: '/rencontres', label: 'meetings.nav' },
  { path: '/lignes', label: 'manage.links.lines' },
  { path: '/familles', label: 'manage.links.families' },
  { path: '/calendrier', label: 'manage.links.calendar' },
  { path: '/parametres', label: 'manage.links.settings' },
  { path: '/parametres#export-title', label: 'export.title' },
  { path: '/inviter', label: 'home.invite' },
  { path: '/partenaires', label: 'partners.link' },
  { path: '/demarrage/ligne', label: 'manage.links.setup' },
  { path: '/imprimer/guide', label: 'guide.screen' },
  { path: '/donnees', label: 'privacy.link' },
  { path: '/premiers-pas', label: 'firstSteps.link' },
]

export function ManageLinks({ session }: { session: SessionState & SessionIdentity }) {
  const { t } = useI18n()
  const view = useStore(session.view)
  const monday = defaultWeekMonday(todayIn(useNow()), view.settings.operatingWeekdays)
  const lines = useMemo(() => [...view.lines].sort((a, b) => a.name.localeCompare(b.name, 'fr')), [view.lines])
  const base = `/c/${session.id}`
  return (
    <nav class="card" aria-labelledby="manage-links-title">
      <h2 id="manage-links-title">{t('manage.links.title')}</h2>
      <ul class="list">
        {LINKS.map(({ path, label }) => (
          <li key={path} class="list__item">
            <a class="list__link" href={`${base}${path}`}>{t(label)}</a>
          </li>
        ))}
        {lines.map((line) => (
          <li key={line.id} class="list__item">
            <a class="list__link" href={`${base}/imprimer/semaine/${line.id}/${monday}`}>
              {t('print.link.weekLabel', { line: line.name })}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}
