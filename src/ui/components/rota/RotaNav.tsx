// Links between the rota screens (Cette semaine, Mes trajets, Aujourd’hui, Absences, Mes disponibilités); the current one is marked for screen readers.
import { useLocation } from 'preact-iso'
import { useI18n } from '../../i18n/context.tsx'
import './rota.css'

export function RotaNav({ base }: { base: string }) {
  const { t } = useI18n()
  const { path } = useLocation()
  const links = [
    { href: `${base}/semaine`, label: t('rota.nav.week'), match: `${base}/semaine` },
    { href: `${base}/mes-trajets`, label: t('rota.nav.mine'), match: `${base}/mes-trajets` },
    { href: `${base}/aujourdhui`, label: t('rota.nav.today'), match: `${base}/aujourdhui` },
    // The demo has no absences screen.
    ...(base.startsWith('/c/') ? [{ href: `${base}/absences`, label: t('absence.nav'), match: `${base}/absences` }] : []),
    // Nor an availability screen: its planning records live in a real collective.
    ...(base.startsWith('/c/') ? [{ href: `${base}/disponibilites`, label: t('planning.nav.availability'), match: `${base}/disponibilites` }] : []),
  ]
  return (
    <nav class="rota-nav" aria-label={t('rota.nav.label')}>
      {links.map((link) => (
        <a key={link.href} class="button" href={link.href} aria-current={path.startsWith(link.match) ? 'page' : undefined}>
          {link.label}
        </a>
      ))}
    </nav>
  )
}
