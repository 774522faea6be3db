// The walk screen's writes: who marks (this phone's adult, asked first when unknown), the result told in the live region, and "Annuler" for the last action.
import { useState } from 'preact/hooks'
import type { CollectiveView, DeviceIdentity, PeopleView, WalkLogCommands, WalkLogError } from '../../../app/api.ts'
import type { AdultId } from '../../../domain/ids.ts'
import type { Result } from '../../../lib/result.ts'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { useI18n } from '../../i18n/context.tsx'
import { focusLater, refocusLater } from './walk-focus.ts'
import { walkErrorText } from './walk-text.ts'

type Run = (adultId: AdultId) => Result<unknown, WalkLogError>

export interface WalkAction {
  readonly run: Run
  /** Read out when it worked ("Léa M. : présence notée"); also names the "Annuler" button. */
  readonly done: string
  /** How "Annuler" takes it back, when it can. */
  readonly undo?: Run
  /**
   * Ids to focus (first present) after "Annuler" took it back, when the tapped control was replaced
   * (a departure's big button). Without it, the tapped control gets focus back if still on the page.
   */
  readonly focusAfterUndo?: readonly string[]
}

interface LastAction {
  readonly label: string
  readonly undo: Run
  readonly focusAfterUndo: readonly string[]
  /** The control that was tapped (a mark button stays on the page). */
  readonly tapped: HTMLElement | null
}

/** The element with focus when the action was asked for: the button that was tapped. */
const focusedElement = (): HTMLElement | null =>
  typeof document !== 'undefined' && document.activeElement instanceof HTMLElement ? document.activeElement : null

export interface WalkActions {
  /** Runs `then` with this phone's adult; when the phone has not said who it is, asks first and runs it after. */
  readonly withAdult: (then: (adultId: AdultId) => void) => void
  readonly perform: (action: WalkAction) => void
  /** True while the "Qui êtes-vous ?" form is waiting to run an action. */
  readonly asking: boolean
  readonly chosen: (adultId: AdultId) => void
  readonly cancelAsking: () => void
  readonly last: { readonly label: string } | null
  readonly undoLast: () => void
  /** Drops "Annuler" (what it would take back was undone another way). */
  readonly forgetLast: () => void
  readonly error: string | null
}

/** This phone's adult, when it is still an adult of the collective. */
export const myAdultId = (view: Pick<CollectiveView, 'adults'>, me: Pick<DeviceIdentity, 'adultId'>): AdultId | null =>
  me.adultId !== null && view.adults.some((adult) => adult.id === me.adultId) ? me.adultId : null

export const useWalkActions = (session: WalkLogCommands, view: PeopleView, me: DeviceIdentity): WalkActions => {
  const { t } = useI18n()
  const announce = useAnnounce()
  const [pending, setPending] = useState<((adultId: AdultId) => void) | null>(null)
  const [last, setLast] = useState<LastAction | null>(null)
  const [error, setError] = useState<string | null>(null)
  const adultId = myAdultId(view, me)

  const withAdult = (then: (adultId: AdultId) => void) => {
    if (adultId !== null) then(adultId)
    else setPending(() => then)
  }

  const report = (result: Result<unknown, WalkLogError>, done: string): boolean => {
    if (!result.ok) {
      const text = walkErrorText(t, result.error)
      setError(text)
      announce(text)
      return false
    }
    setError(null)
    announce(done)
    return true
  }

  const perform = (action: WalkAction) => {
    const tapped = focusedElement()
    withAdult((who) => {
      if (!report(action.run(who), action.done)) return
      setLast(action.undo ? { label: action.done, undo: action.undo, focusAfterUndo: action.focusAfterUndo ?? [], tapped } : null)
    })
  }

  const undoLast = () => {
    if (last === null) return
    withAdult((who) => {
      if (!report(last.undo(who), t('walk.undone', { action: last.label }))) return
      setLast(null)
      // The "Annuler" bar goes away with its button: focus returns to the action taken back.
      if (last.focusAfterUndo.length > 0) focusLater(...last.focusAfterUndo)
      else refocusLater(last.tapped)
    })
  }

  return {
    withAdult,
    perform,
    asking: pending !== null,
    chosen: (who) => {
      const run = pending
      setPending(null)
      run?.(who)
    },
    cancelAsking: () => setPending(null),
    last: last === null ? null : { label: last.label },
    undoLast,
    forgetLast: () => setLast(null),
    error,
  }
}
