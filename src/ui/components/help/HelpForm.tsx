// "Demander ou proposer un coup de main": request or offer, kind, optional date and times, families needed, a note.
import { useState } from 'preact/hooks'
import type { HelpCommands, SessionState } from '../../../app/api.ts'
import { helpKinds } from '../../../app/queries/help.ts'
import { HELP_NEEDED_MAX, HELP_NOTE_MAX, helpKindLabel } from '../../../app/queries/help-screens.ts'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { useStore } from '../../hooks/useStore.ts'
import { useI18n } from '../../i18n/context.tsx'
import { ChoiceGroup, FieldError, InputField, SelectField, TextAreaField, focusFirstManageError } from '../manage/fields.tsx'
import { HELP_FIELDS, emptyHelpValues, helpFieldErrors, helpInputOf, type HelpField, type HelpValues } from './help-form.ts'
import { helpErrorText } from './help-text.ts'

const idOf = (field: string): string => `help-${field}`

export function HelpForm({ session }: { session: SessionState & HelpCommands }) {
  const { t, language } = useI18n()
  const announce = useAnnounce()
  const kinds = helpKinds(useStore(session.view))
  const [values, setValues] = useState<HelpValues>(() => emptyHelpValues(kinds[0]?.id ?? ''))
  const [errors, setErrors] = useState<Partial<Record<HelpField | 'form', string>>>({})
  const [saved, setSaved] = useState<string | null>(null)
  // A kind hidden by another phone meanwhile: fall back to the first one shown.
  const kind = kinds.some((candidate) => candidate.id === values.kind) ? values.kind : (kinds[0]?.id ?? '')
  const set = (patch: Partial<HelpValues>) => setValues((current) => ({ ...current, ...patch }))
  const errorOf = (field: HelpField): string | null => {
    const key = errors[field]
    return key === undefined ? null : helpErrorText(t, field, key)
  }

  const submit = (event: Event) => {
    event.preventDefault()
    const result = session.postHelp(helpInputOf({ ...values, kind }))
    if (!result.ok) {
      const fieldErrors = result.error === 'noFamily' ? { form: 'noFamily' } : helpFieldErrors(result.error, values)
      setErrors(fieldErrors)
      setSaved(null)
      focusFirstManageError(HELP_FIELDS, fieldErrors, idOf)
      return
    }
    const text = t(`help.form.saved.${values.type}`)
    setErrors({})
    setSaved(text)
    announce(text)
    setValues(emptyHelpValues(kind))
  }

  return (
    <form class="form help-form" onSubmit={submit} noValidate data-testid="help-form">
      <ChoiceGroup<HelpValues['type']>
        id={idOf('type')}
        kind="radio"
        legend={t('help.form.type')}
        options={(['request', 'offer'] as const).map((type) => ({ value: type, label: t(`help.form.type.${type}`) }))}
        selected={[values.type]}
        onChange={([type]) => type && set({ type })}
      />
      <SelectField
        id={idOf('kind')}
        label={t('help.form.kind')}
        value={kind}
        onChange={(next) => set({ kind: next })}
        options={kinds.map((option) => ({ value: option.id, label: helpKindLabel(option, language) }))}
        error={errorOf('kind')}
      />
      <p class="field__hint">{t('help.form.windowHint')}</p>
      <InputField
        id={idOf('date')} type="date" label={t('help.form.date')} value={values.date}
        onInput={(date) => set({ date })} error={errorOf('date')}
      />
      <div class="help-form__times">
        <InputField
          id={idOf('from')} type="time" label={t('help.form.from')} value={values.from}
          onInput={(from) => set({ from })} error={errorOf('from')}
        />
        <InputField
          id={idOf('to')} type="time" label={t('help.form.to')} value={values.to}
          onInput={(to) => set({ to })} error={errorOf('to')}
        />
      </div>
      <InputField
        id={idOf('needed')} inputMode="numeric" maxDigits={2} label={t('help.form.needed')}
        hint={t('help.form.neededHint', { max: HELP_NEEDED_MAX })} value={values.needed}
        onInput={(needed) => set({ needed })} error={errorOf('needed')}
      />
      <TextAreaField
        id={idOf('note')} label={t('help.form.note')} hint={t('help.form.noteHint')} value={values.note} rows={3}
        onInput={(note) => set({ note })} error={errorOf('note')} maxLength={HELP_NOTE_MAX}
      />
      {errors.form && <FieldError id={idOf('form-error')} text={t('help.error.noFamily')} />}
      <div class="actions">
        <button type="submit" class="button button--primary">{t('help.form.save')}</button>
      </div>
      {saved && <p class="notice" data-testid="help-saved">{saved}</p>}
    </form>
  )
}
