// Links between the coordination page, the coordinator's "À faire" screen, the journal, "Équité" and "Planifier"; the current one is marked for screen readers.
import { useLocation } from 'preact-iso'
import { useI18n } from '../../i18n/context.tsx'
import type { MessageKey } from '../../i18n/fr.ts'

const LINKS: readonly { readonly path: string; readonly label: MessageKey }[] = [
  { path: '/coordination', label: 'coord.nav.roster' },
  { path: '/coordination/a-faire', label: 'coord.nav.duty' },
  { path: '/journal', label: 'coord.nav.journal' },
  { path: '/equite', label: 'planning.nav.fairness' },
  { path: '/planifier', label: 'planning.nav.plan' },
]

export function CoordinationNav({ collectiveId }: { collectiveId: string }) {
  const { t } = useI18n()
  const { path } = useLocation()
  return (
    <nav class="sub-nav" aria-label={t('coord.nav.label')}>
      {LINKS.map((link) => {
        const href = `/c/${collectiveId}${link.path}`
        return (
          <a key={href} class="button" href={href} aria-current={path === href ? 'page' : undefined}>
            {t(link.label)}
          </a>
        )
      })}
    </nav>
  )
}
