// "Publier" behind an inline confirmation ("Oui, publier" / "Annuler"), like ConfirmAction but not styled as a deletion; keyboard friendly.
import { useEffect, useRef, useState } from 'preact/hooks'
import { useI18n } from '../../i18n/context.tsx'

export function PublishAction({ onConfirm }: { onConfirm: () => void }) {
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
      <button type="button" class="button button--primary" ref={trigger} onClick={() => setAsking(true)}>
        {t('planning.plan.publish')}
      </button>
    )
  }
  return (
    <div class="confirm confirm--neutral" role="group" aria-label={t('planning.plan.publishConfirm')}>
      <p class="confirm__question">{t('planning.plan.publishConfirm')}</p>
      <div class="actions">
        <button type="button" class="button button--primary" ref={yes} onClick={() => {
          onConfirm()
          // The proposal (and this button) goes away: the period form's heading keeps the keyboard's place.
          setTimeout(() => document.getElementById('plan-period-title')?.focus(), 0)
        }}>
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
