// "Publier" behind an inline confirmation ("Oui, publier" / "Annuler"), like ConfirmAction but not styled as a deletion; keyboard friendly; a failure shown and focused here.
import { useEffect, useRef, useState } from 'preact/hooks'
import { useI18n } from '../../i18n/context.tsx'

interface PublishActionProps {
  /** Publishes; returns null when done, else the French-first text of why not (shown here). */
  readonly onConfirm: () => string | null
}

export function PublishAction({ onConfirm }: PublishActionProps) {
  const { t } = useI18n()
  const [asking, setAsking] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const yes = useRef<HTMLButtonElement>(null)
  const trigger = useRef<HTMLButtonElement>(null)
  const errorText = useRef<HTMLParagraphElement>(null)
  const returnFocus = useRef(false)
  useEffect(() => {
    if (asking) yes.current?.focus()
    else if (error !== null) errorText.current?.focus()
    else if (returnFocus.current) trigger.current?.focus()
    returnFocus.current = false
  }, [asking, error])
  const confirm = () => {
    const failure = onConfirm()
    if (failure === null) {
      // The proposal (and this button) goes away: the period form's heading keeps the keyboard's place.
      setTimeout(() => document.getElementById('plan-period-title')?.focus(), 0)
      return
    }
    // Still here: the keyboard goes to why it failed (read out when focused), with "Publier" right after it to try again.
    setError(failure)
    setAsking(false)
  }
  const failure = error !== null && (
    <p class="field__error" id="plan-publish-error" tabIndex={-1} ref={errorText} data-testid="plan-publish-error">
      <span aria-hidden="true">⚠ </span>
      {error}
    </p>
  )
  if (!asking) {
    return (
      <>
        {failure}
        <button type="button" class="button button--primary" ref={trigger} aria-describedby={error === null ? undefined : 'plan-publish-error'} onClick={() => {
          setError(null)
          setAsking(true)
        }}>
          {t('planning.plan.publish')}
        </button>
      </>
    )
  }
  return (
    <div class="confirm confirm--neutral" role="group" aria-label={t('planning.plan.publishConfirm')}>
      <p class="confirm__question">{t('planning.plan.publishConfirm')}</p>
      <div class="actions">
        <button type="button" class="button button--primary" ref={yes} onClick={confirm}>
          {t('planning.plan.publishYes')}
        </button>
        <button type="button" class="button" onClick={() => {
          returnFocus.current = true
          setAsking(false)
        }}>
          {t('form.cancel')}
        </button>
      </div>
    </div>
  )
}
