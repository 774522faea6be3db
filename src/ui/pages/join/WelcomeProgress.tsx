// The guided join's stepper ("Étape 1 sur 3": ma famille, mes enfants, mes disponibilités), in the set-up stepper's look.
import type { WelcomeStep } from '../../../app/api.ts'
import { WELCOME_STEPS } from '../../../app/queries/welcome.ts'
import { useI18n } from '../../i18n/context.tsx'

export function WelcomeProgress({ current }: { current: WelcomeStep }) {
  const { t } = useI18n()
  const index = WELCOME_STEPS.indexOf(current)
  return (
    <nav aria-label={t('welcome.progress')}>
      <p class="lead">{t('manage.setup.stepOf', { n: index + 1, count: WELCOME_STEPS.length })}</p>
      <ol class="steps">
        {WELCOME_STEPS.map((step, at) => (
          <li key={step} class={step === current ? 'steps__item steps__item--current' : 'steps__item'}>
            {step === current ? <span aria-current="step">{t(`welcome.step.${step}`)}</span> : t(`welcome.step.${step}`)}
            {at < index && <span class="muted"> <span aria-hidden="true">✓ </span>{t('manage.setup.done')}</span>}
          </li>
        ))}
      </ol>
    </nav>
  )
}
