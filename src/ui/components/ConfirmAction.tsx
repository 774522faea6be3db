// A destructive action behind an inline confirmation ("Retirer ?" -> "Oui, retirer" / "Annuler"), keyboard friendly.
import { useEffect, useRef, useState } from 'preact/hooks'
import { useI18n } from '../i18n/context.tsx'

interface ConfirmActionProps {
  readonly label: string
  /** Accessible name of the first button when `label` alone is ambiguous in a list ("Retirer Famille Martin"). */
  readonly accessibleLabel?: string
  readonly question: string
  readonly confirmLabel: string
  readonly onConfirm: () => void
}

export function ConfirmAction({ label, accessibleLabel, question, confirmLabel, onConfirm }: ConfirmActionProps) {
  const { t } = useI18n()
  const [asking, setAsking] = useState(false)
  const yes = useRef<HTMLButtonElement>(null)
  const trigger = useRef<HTMLButtonElement>(null)
  const returnFocus = useRef(false)

  useEffect(() => {
    if (asking) yes.current?.focus()
    else if (returnFocus.current) trigger.current?.focus()
    returnFocus.current = false
  }, [asking])

  if (!asking) {
    return (
      <button type="button" class="button button--danger-quiet" ref={trigger} aria-label={accessibleLabel} onClick={() => setAsking(true)}>
        {label}
      </button>
    )
  }
  return (
    <div class="confirm" role="group" aria-label={question}>
      <p class="confirm__question">{question}</p>
      <div class="actions">
        <button type="button" class="button button--danger" ref={yes} onClick={onConfirm}>{confirmLabel}</button>
        <button
          type="button"
          class="button"
          onClick={() => {
            returnFocus.current = true
            setAsking(false)
          }}
        >
          {t('form.cancel')}
        </button>
      </div>
    </div>
  )
}
