// A departure or arrival control of the walk screen: one big button, then "Départ de … à 8 h 12" with "Annuler" on the phone that marked it.
import type { TimeOfDay } from '../../../domain/dates.ts'
import { useI18n } from '../../i18n/context.tsx'
import { focusLater, walkEventIds } from './walk-focus.ts'

interface WalkEventProps {
  /** DOM id prefix of the control's parts (see walkEventIds), unique on the screen. */
  readonly id: string
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

export function WalkEvent({ id, doneAt, doneText, actionText, undoLabel, canUndo, onDo, onUndo, final = false, testId }: WalkEventProps) {
  const { t } = useI18n()
  const ids = walkEventIds(id)
  // The tapped button is replaced by the other state: focus follows to what replaced it, so a
  // keyboard or screen-reader user is not dropped at the top of the page mid-walk.
  const doIt = () => {
    onDo()
    focusLater(ids.done)
  }
  // After an undo, the big button is back; if another phone's mark still holds, its line stays.
  const undo = () => {
    onUndo()
    focusLater(ids.go, ids.done)
  }
  return (
    <div class={`walk-event${final ? ' walk-event--final' : ''}`} data-testid={testId}>
      {doneAt === null ? (
        <button type="button" class="walk-go" id={ids.go} onClick={doIt}>{actionText}</button>
      ) : (
        <>
          <p class="walk-event__done" id={ids.done} tabIndex={-1} data-testid={`${testId}-done`}><span aria-hidden="true">✓ </span>{doneText}</p>
          {canUndo && (
            <button type="button" class="walk-undo" id={ids.undo} aria-label={undoLabel} onClick={undo}>{t('walk.undoEvent')}</button>
          )}
        </>
      )}
    </div>
  )
}
