// "Charte du collectif" on the settings screen (issue 18): any member writes or changes the charter, or starts from the
// default one; the limit is said before submit and counted as typed.
import { useEffect, useRef, useState } from 'preact/hooks'
import type { CharterCommands, CollectiveView } from '../../../app/api.ts'
import { charterOf } from '../../../app/queries/charter.ts'
import { TEXT_LIMITS } from '../../../app/queries/limits.ts'
import type { FieldErrors } from '../../../domain/validation.ts'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { useI18n } from '../../i18n/context.tsx'
import { errorTextOf } from '../manage/errors.ts'
import { TextAreaField } from '../manage/fields.tsx'

interface CharterSectionProps {
  readonly session: CharterCommands
  readonly view: Pick<CollectiveView, 'charter'>
}

export function CharterSection({ session, view }: CharterSectionProps) {
  const { t } = useI18n()
  const announce = useAnnounce()
  const stored = charterOf(view)
  const [text, setText] = useState(stored ?? '')
  const [errors, setErrors] = useState<FieldErrors>({})
  // Until the member types, follow the shared charter (read after the first render, or changed on another phone).
  const dirty = useRef(false)
  useEffect(() => {
    if (!dirty.current) setText(stored ?? '')
  }, [stored])
  const edit = (value: string) => {
    dirty.current = true
    setText(value)
  }

  const submit = (event: Event) => {
    event.preventDefault()
    const result = session.setCharter({ text })
    if (!result.ok) {
      setErrors(result.error)
      document.getElementById('charter-text')?.focus()
      return
    }
    setErrors({})
    dirty.current = false
    setText(result.value)
    announce(t(result.value === '' ? 'charter.removed' : 'charter.saved'))
  }

  return (
    <section class="card charter" aria-labelledby="charter-title" data-testid="charter">
      <h2 id="charter-title">{t('charter.title')}</h2>
      <p>{t('charter.intro')}</p>
      {stored === null && <p class="field__hint" data-testid="charter-none">{t('charter.none')}</p>}
      <form class="form" onSubmit={submit} noValidate>
        <TextAreaField
          id="charter-text"
          label={t('charter.label')}
          hint={t('charter.hint')}
          value={text}
          onInput={edit}
          rows={10}
          maxLength={TEXT_LIMITS.charter}
          error={errorTextOf(t, errors, 'text', TEXT_LIMITS.charter)}
        />
        <div class="actions">
          {text.trim() === '' && (
            <button type="button" class="button" data-testid="charter-default" onClick={() => edit(t('charter.default'))}>
              {t('charter.useDefault')}
            </button>
          )}
          <button type="submit" class="button button--primary" data-testid="charter-save">{t('charter.save')}</button>
        </div>
      </form>
    </section>
  )
}
