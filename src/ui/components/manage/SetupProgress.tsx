// The guided set-up's steps (école, première ligne, première famille, inviter), on every step including the last:
// where I am, what is done, each step reachable.
import { useI18n } from '../../i18n/context.tsx'
import type { MessageKey } from '../../i18n/fr.ts'

export type SetupStep = 'school' | 'line' | 'family' | 'invite'

const STEPS: readonly { readonly step: SetupStep; readonly label: MessageKey; readonly path: string }[] = [
  { step: 'school', label: 'manage.setup.step.school', path: '' },
  { step: 'line', label: 'manage.setup.step.line', path: '/demarrage/ligne' },
  { step: 'family', label: 'manage.setup.step.family', path: '/demarrage/famille' },
  { step: 'invite', label: 'manage.setup.step.invite', path: '/demarrage/inviter' },
]

interface SetupProgressProps {
  readonly collectiveId: string
  readonly current: SetupStep
  readonly done: ReadonlySet<SetupStep>
}

export function SetupProgress({ collectiveId, current, done }: SetupProgressProps) {
  const { t } = useI18n()
  const index = STEPS.findIndex((s) => s.step === current)
  return (
    <nav aria-label={t('manage.setup.progress')}>
      <p class="lead">{t('manage.setup.stepOf', { n: index + 1, count: STEPS.length })}</p>
      <ol class="steps">
        {STEPS.map(({ step, label, path }) => {
          const state = done.has(step) ? t('manage.setup.done') : null
          return (
            <li key={step} class={step === current ? 'steps__item steps__item--current' : 'steps__item'}>
              {step === current ? (
                <span aria-current="step">{t(label)}</span>
              ) : (
                <a class="list__link" href={`/c/${collectiveId}${path}`}>{t(label)}</a>
              )}
              {state && <span class="muted"> <span aria-hidden="true">✓ </span>{state}</span>}
            </li>
          )
        })}
      </ol>
    </nav>
  )
}
