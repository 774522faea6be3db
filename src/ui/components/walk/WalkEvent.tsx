// A departure or arrival control of the walk screen: one big button, then "Départ de … à 8 h 12" with "Annuler" on the phone that marked it.
import type { TimeOfDay } from '../../../domain/dates.ts'
import { useI18n } from '../../i18n/context.tsx'

interface WalkEventProps {
  /** When it was marked (the author's time), or null when not yet. */
  readonly doneAt: TimeOfDay | null
  readonly doneText: string
  readonly actionText: string
  readonly undoLabel: string
  /** Only the phone that marked it can take it back. */
  readonly canUndo: boolean
  readonly onDo: () => void
  readonly onUndo: () => void
  readonly final?: boolean
  readonly testId: string
}

export function WalkEvent({ doneAt, doneText, actionText, undoLabel, canUndo, onDo, onUndo, final = false, testId }: WalkEventProps) {
  const { t } = useI18n()
  return (
    <div class={`walk-event${final ? ' walk-event--final' : ''}`} data-testid={testId}>
      {doneAt === null ? (
        <button type="button" class="walk-go" onClick={onDo}>{actionText}</button>
      ) : (
        <>
          <p class="walk-event__done" data-testid={`${testId}-done`}><span aria-hidden="true">✓ </span>{doneText}</p>
          {canUndo && (
            <button type="button" class="walk-undo" aria-label={undoLabel} onClick={onUndo}>{t('walk.undoEvent')}</button>
          )}
        </>
      )}
    </div>
  )
}
