// Top of the walk screen: the line (colour), date, direction, my slot, the counts, the emergency card one tap away, and the wake-lock status.
import type { AdultId } from '../../../domain/ids.ts'
import type { Line } from '../../../domain/line.ts'
import type { PairLine } from '../../../domain/pairs.ts'
import type { Adult } from '../../../domain/people.ts'
import type { Slot, WalkRef } from '../../../domain/signup.ts'
import type { CheckInSummary } from '../../../domain/walk-log/check-in.ts'
import { PageTitle } from '../PageTitle.tsx'
import { useI18n } from '../../i18n/context.tsx'
import { directionTitle, formatDayTitle, slotText } from '../rota/rota-format.ts'
import { summaryText } from './walk-text.ts'

interface WalkHeaderProps {
  readonly walk: WalkRef
  readonly line: Line | undefined
  readonly slot: Slot | null
  readonly summary: CheckInSummary
  readonly emergencyHref: string
  readonly awake: boolean
  /** "En binôme" lines: beside the adults on duty, never counted among them. */
  readonly pairs?: readonly PairLine[]
  readonly adults?: ReadonlyMap<AdultId, Adult>
}

export function WalkHeader({ walk, line, slot, summary, emergencyHref, awake, pairs = [], adults }: WalkHeaderProps) {
  const { t, language } = useI18n()
  return (
    <header class="walk-header">
      <PageTitle name="walk.index.title">
        <span class="walk-swatch" style={{ background: line?.colour ?? '#000000' }} aria-hidden="true" />
        {t('walk.heading', { line: line?.name ?? '?', direction: directionTitle(t, walk.direction) })}
      </PageTitle>
      <p class="walk-header__date">{formatDayTitle(walk.date, language)}</p>
      <p class="walk-header__slot" data-testid="my-slot">{slot === null ? t('walk.notOnDuty') : t('walk.mySlot', { slot: slotText(t, slot).toLowerCase() })}</p>
      <p class="walk-summary" data-testid="walk-summary">{summaryText(t, language, summary)}</p>
      {pairs.map(({ pair, review }) => {
        const values = { name: adults?.get(pair.adultId)?.firstName ?? '?', with: adults?.get(pair.withAdultId)?.firstName ?? '?' }
        return (
          <p key={pair.adultId} class="walk-header__pair" data-testid="walk-pair">
            {t(pair.kind === 'handover' ? 'rota.pair.handoverLine' : 'rota.pair.line', values)}
            {review && <strong> · {t('rota.pair.review', values)}</strong>}
          </p>
        )
      })}
      <a class="walk-emergency-link" href={emergencyHref} data-testid="emergency-link">
        <span aria-hidden="true">✚ </span>{t('walk.emergencyLink')}
      </a>
      {awake && <p class="walk-awake" data-testid="wake-lock">{t('walk.wakeLock')}</p>}
    </header>
  )
}
