// The bottom navigation of an open collective (or the demo): the week, my walks, today, and "Plus" (its home and
// management). In the app shell, so it holds no document code: the address says the collective and the current item.
import { useLocation } from 'preact-iso'
import { useServices } from '../hooks/services.ts'
import { useStore } from '../hooks/useStore.ts'
import { useI18n } from '../i18n/context.tsx'
import type { MessageKey } from '../i18n/fr.ts'

type Item = 'week' | 'mine' | 'today' | 'more'

// 24×24 outline icons (stroke: the text colour); the word under each says what it is.
const ICONS: Readonly<Record<Item, string>> = {
  week: 'M4 6h16v14H4zM4 10h16M8 3v5M16 3v5',
  mine: 'M12 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21c0-4 4-6 8-6s8 2 8 6',
  today: 'M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8zM12 2v3M12 19v3M2 12h3M19 12h3M5 5l2 2M17 17l2 2M5 19l2-2M17 7l2-2',
  more: 'M4 7h16M4 12h16M4 17h16',
}

const LABELS: Readonly<Record<Item, MessageKey>> = {
  week: 'rota.nav.week', mine: 'rota.nav.mine', today: 'rota.nav.today', more: 'nav.more',
}

/** The collective's base ('/c/<id>' or '/demo') when the address is one of its screens, else null. */
export const collectiveBaseOf = (path: string): string | null =>
  /^\/demo(\/|$)/.test(path) ? '/demo' : (/^\/c\/[^/]+/.exec(path)?.[0] ?? null)

/** The item a screen belongs to: its own three, walk mode under today, every other screen under "Plus". */
const currentItem = (path: string, base: string): Item | null => {
  const rest = path.slice(base.length)
  if (rest === '' || rest === '/') return base === '/demo' ? 'more' : null // the landing, about to move on
  if (/^\/semaine(\/|$)/.test(rest)) return 'week'
  if (rest === '/mes-trajets') return 'mine'
  if (rest === '/aujourdhui' || /^\/trajet(\/|$)/.test(rest)) return 'today'
  return 'more'
}

const hrefOf = (item: Item, base: string): string =>
  ({ week: `${base}/semaine`, mine: `${base}/mes-trajets`, today: `${base}/aujourdhui`, more: base === '/demo' ? base : `${base}/plus` })[item]

/** Shown on the screens of a collective this phone holds, and in the demo. */
export function BottomNav() {
  const { t } = useI18n()
  const { path } = useLocation()
  const collectives = useStore(useServices().collectives)
  const base = collectiveBaseOf(path)
  if (base === null || (base !== '/demo' && !collectives.some((c) => `/c/${c.id}` === base))) return null
  const current = currentItem(path, base)
  return (
    <nav class="bottom-nav no-print" aria-label={t('nav.bottom')}>
      <ul>
        {(['week', 'mine', 'today', 'more'] as const).map((item) => (
          <li key={item}>
            <a href={hrefOf(item, base)} aria-current={item === current ? 'page' : undefined} data-item={item}>
              <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
                <path d={ICONS[item]} fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />
              </svg>
              <span>{t(LABELS[item])}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}
