// "Qui y va ?": one big button per adult of my family; focus goes to the first one.
import { useEffect, useRef } from 'preact/hooks'
import type { AdultId } from '../../../domain/ids.ts'
import type { Adult } from '../../../domain/people.ts'
import { useI18n } from '../../i18n/context.tsx'

interface AdultPickerProps {
  readonly question: string
  readonly adults: readonly Adult[]
  readonly onChoose: (adultId: AdultId) => void
  readonly onCancel: () => void
}

export function AdultPicker({ question, adults, onChoose, onCancel }: AdultPickerProps) {
  const { t } = useI18n()
  const first = useRef<HTMLButtonElement>(null)
  useEffect(() => first.current?.focus(), [])
  return (
    <div class="chooser" role="group" aria-label={question} data-testid="taker-choice">
      <p class="chooser__question">{question}</p>
      <div class="actions">
        {adults.map((adult, i) => (
          <button key={adult.id} type="button" class="button button--primary" ref={i === 0 ? first : undefined} onClick={() => onChoose(adult.id)}>
            {adult.firstName}
          </button>
        ))}
        <button type="button" class="button" onClick={onCancel}>{t('form.cancel')}</button>
      </div>
    </div>
  )
}
