// "Mode trajet" for one walk of "Aujourd'hui" (opens the walk screen, today's walks only) and its blank check-in sheet to print (joined collectives only, not the demo).
import { useLocation } from 'preact-iso'
import type { WalkRota } from '../../../domain/rota-types.ts'
import { useI18n } from '../../i18n/context.tsx'
import { directionText } from '../rota/rota-format.ts'
import { printSheetPath, walkPath } from './walk-paths.ts'

interface WalkModeLinkProps {
  readonly walk: WalkRota
  readonly lineName: string
  /** The walk is today's (Paris date): only then is there a walk to run; other days keep the sheet to print. */
  readonly today: boolean
}

export function WalkModeLink({ walk, lineName, today }: WalkModeLinkProps) {
  const { t } = useI18n()
  const { path } = useLocation()
  const base = /^\/c\/[A-Za-z0-9_-]+/.exec(path)?.[0]
  if (base === undefined || walk.cancellation !== null) return null
  const names = { line: lineName, direction: directionText(t, walk.direction) }
  return (
    <>
      {today && (
        <a class="button button--primary walk-entry__link" href={walkPath(base, walk)} aria-label={t('walk.entryLabel', names)} data-testid="walk-mode-open">
          <span class="flip-rtl" aria-hidden="true">➜</span> {t('walk.entry')}
        </a>
      )}
      <a class="walk-entry__sheet" href={printSheetPath(base, walk)} aria-label={t('walk.sheetLabel', names)}>
        {t('walk.sheet')}
      </a>
    </>
  )
}
