// "Mode trajet" for one walk of "Aujourd'hui": opens the walk screen of that walk (joined collectives only, not the demo).
import { useLocation } from 'preact-iso'
import type { WalkRota } from '../../../domain/rota-types.ts'
import { useI18n } from '../../i18n/context.tsx'
import { directionText } from '../rota/rota-format.ts'
import { walkPath } from './walk-source.ts'

export function WalkModeLink({ walk, lineName }: { walk: WalkRota; lineName: string }) {
  const { t } = useI18n()
  const { path } = useLocation()
  const base = /^\/c\/[A-Za-z0-9_-]+/.exec(path)?.[0]
  if (base === undefined || walk.cancellation !== null) return null
  return (
    <a
      class="button button--primary walk-entry__link"
      href={walkPath(base, walk)}
      aria-label={t('walk.entryLabel', { line: lineName, direction: directionText(t, walk.direction) })}
      data-testid="walk-mode-open"
    >
      <span aria-hidden="true">➜ </span>{t('walk.entry')}
    </a>
  )
}
