// Date exceptions of an availability: the list (each with "Retirer") and a small adder (date, disponible / pas disponible, trajet); saved with the form.
import { useState } from 'preact/hooks'
import { addException, removeException, type AvailabilityValues, type ExceptionValues } from '../../../app/queries/planning/availability-view.ts'
import type { Direction } from '../../../domain/line.ts'
import type { AvailabilityException } from '../../../domain/planning/records.ts'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { useI18n } from '../../i18n/context.tsx'
import type { Language, Translate } from '../../i18n/translate.ts'
import { ChoiceGroup, FieldError, InputField, SelectField } from '../manage/fields.tsx'
import { directionText, directionTitle, formatDay } from '../rota/rota-format.ts'
import { planningErrorText } from './planning-text.ts'

interface ExceptionsEditorProps {
  /** The fieldset id (the form focuses it on an error). */
  readonly id: string
  readonly values: AvailabilityValues
  readonly onChange: (values: AvailabilityValues) => void
  readonly error?: string | null
}

/** "jeudi 4 mars : pas disponible (toute la journée)". */
export const exceptionText = (t: Translate, language: Language, exception: AvailabilityException): string =>
  t(exception.available ? 'planning.availability.exceptionText.available' : 'planning.availability.exceptionText.unavailable', {
    day: formatDay(exception.date, language),
    direction: exception.direction === null ? t('planning.availability.exceptionWholeDay') : directionText(t, exception.direction),
  })

const EMPTY_DRAFT: ExceptionValues = { date: '', available: false, direction: '' }

export function ExceptionsEditor({ id, values, onChange, error }: ExceptionsEditorProps) {
  const { t, language } = useI18n()
  const announce = useAnnounce()
  const [draft, setDraft] = useState<ExceptionValues>(EMPTY_DRAFT)
  const [draftError, setDraftError] = useState<string | null>(null)
  const add = () => {
    const result = addException(values, draft)
    if (!result.ok) {
      setDraftError(result.error === 'duplicate' ? t('planning.availability.exceptionDuplicate') : planningErrorText(t, result.error))
      document.getElementById(`${id}-date`)?.focus()
      return
    }
    setDraftError(null)
    setDraft({ ...EMPTY_DRAFT, available: draft.available })
    onChange(result.values)
    announce(t('planning.availability.exceptionAdded'))
  }
  const remove = (index: number) => {
    onChange(removeException(values, index))
    announce(t('planning.availability.exceptionRemoved'))
    // The removed row's button is gone: keep keyboard users in the list.
    requestAnimationFrame(() => document.getElementById(`${id}-date`)?.focus())
  }
  return (
    <fieldset class={error ? 'choices field field--error' : 'choices field'} id={id} aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}>
      <legend>{t('planning.availability.exceptionsTitle')}</legend>
      <p class="field__hint" id={`${id}-hint`}>{t('planning.availability.exceptionsHint')}</p>
      {values.exceptions.length === 0 ? (
        <p class="muted">{t('planning.availability.exceptionsNone')}</p>
      ) : (
        <ul class="list" data-testid="availability-exceptions">
          {values.exceptions.map((exception, index) => {
            const text = exceptionText(t, language, exception)
            return (
              <li key={`${exception.date}|${exception.direction ?? ''}|${exception.lineId ?? ''}`} class="list__item">
                <span>{text}</span>
                <button type="button" class="button button--danger-quiet" aria-label={t('planning.availability.exceptionRemoveLabel', { text })} onClick={() => remove(index)}>
                  {t('planning.availability.exceptionRemove')}
                </button>
              </li>
            )
          })}
        </ul>
      )}
      {error && <FieldError id={`${id}-error`} text={error} />}
      <div class="planning-adder">
        <InputField
          id={`${id}-date`}
          type="date"
          label={t('planning.availability.exceptionDate')}
          value={draft.date}
          onInput={(date) => setDraft({ ...draft, date })}
          error={draftError}
        />
        <ChoiceGroup<'available' | 'unavailable'>
          id={`${id}-kind`}
          kind="radio"
          legend={t('planning.availability.exceptionKind')}
          options={(['unavailable', 'available'] as const).map((value) => ({ value, label: t(`planning.availability.exceptionKind.${value}`) }))}
          selected={[draft.available ? 'available' : 'unavailable']}
          onChange={([kind]) => kind && setDraft({ ...draft, available: kind === 'available' })}
        />
        <SelectField
          id={`${id}-direction`}
          label={t('planning.availability.exceptionDirection')}
          value={draft.direction}
          onChange={(direction) => setDraft({ ...draft, direction: directionOf(direction) })}
          options={[
            { value: '', label: t('planning.availability.exceptionDirection.all') },
            ...(['aller', 'retour'] as const).map((direction) => ({ value: direction, label: directionTitle(t, direction) })),
          ]}
        />
        <button type="button" class="button" onClick={add}>{t('planning.availability.exceptionAdd')}</button>
      </div>
    </fieldset>
  )
}

const directionOf = (value: string): Direction | '' => (value === 'aller' || value === 'retour' ? value : '')
