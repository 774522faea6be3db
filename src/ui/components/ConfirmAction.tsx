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
        <button type="button" class="button button--danger" ref={yes} onClick={() => confirmAndKeepFocus(yes.current, onConfirm)}>
          {confirmLabel}
        </button>
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

/**
 * The confirmed item usually disappears with its buttons, and focus would fall back to <body>:
 * move it to the heading of the enclosing section so keyboard and screen-reader users keep their place.
 */
const confirmAndKeepFocus = (button: HTMLElement | null, onConfirm: () => void): void => {
  const section = button?.closest('section')
  onConfirm()
  setTimeout(() => {
    if (button?.isConnected) return
    const heading = section?.isConnected ? section.querySelector<HTMLElement>('h2, h3') : null
    const target = heading ?? document.getElementById('main')
    if (!target) return
    if (!target.hasAttribute('tabindex')) target.tabIndex = -1
    target.focus()
  }, 0)
}
