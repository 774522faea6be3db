// Importing school holidays from an ICS calendar for years not shipped: choose a file or paste its text, then see the count or a French error.
import { useState } from 'preact/hooks'
import type { CalendarCommands } from '../../../app/api.ts'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { useI18n } from '../../i18n/context.tsx'
import { pluralKey } from '../../i18n/translate.ts'
import type { MessageKey } from '../../i18n/fr.ts'
import { FieldError, TextAreaField } from './fields.tsx'

/** ICS files of a few years of holidays are small; anything far larger is not a holiday calendar. */
const MAX_FILE_BYTES = 1_000_000

export function HolidayImport({ session }: { session: CalendarCommands }) {
  const { t, language } = useI18n()
  const announce = useAnnounce()
  const [text, setText] = useState('')
  const [error, setError] = useState<MessageKey | null>(null)
  const [done, setDone] = useState<string | null>(null)

  const readFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0]
    if (!file) return
    setDone(null)
    if (file.size > MAX_FILE_BYTES) {
      setError('manage.holidays.tooBig')
      return
    }
    setError(null)
    setText(await file.text())
  }

  const submit = (event: Event) => {
    event.preventDefault()
    setDone(null)
    if (text.trim() === '') {
      setError('manage.holidays.empty')
      document.getElementById('holidays-text')?.focus()
      return
    }
    const result = session.importHolidays(text)
    if (result.ok) {
      setError(null)
      setText('')
      const message = t(pluralKey<MessageKey>(language, result.value, 'manage.holidays.imported.one', 'manage.holidays.imported.other'), { n: result.value })
      setDone(message)
      announce(message)
    } else {
      setError(result.error === 'noEvents' ? 'manage.holidays.noEvents' : 'manage.holidays.invalid')
      document.getElementById('holidays-text')?.focus()
    }
  }

  return (
    <form class="form" onSubmit={submit} noValidate>
      <div class="field">
        <label for="holidays-file">{t('manage.holidays.file')}</label>
        <p class="field__hint" id="holidays-file-hint">{t('manage.holidays.fileHint')}</p>
        <input id="holidays-file" type="file" accept=".ics,text/calendar" aria-describedby="holidays-file-hint" onChange={(event) => void readFile(event.currentTarget)} />
      </div>
      <TextAreaField
        id="holidays-text"
        label={t('manage.holidays.paste')}
        hint={t('manage.holidays.pasteHint')}
        value={text}
        rows={4}
        onInput={setText}
        error={error ? t(error) : null}
      />
      <div class="actions">
        <button type="submit" class="button button--primary">{t('manage.holidays.import')}</button>
      </div>
      {done && <p class="notice" data-testid="holidays-result">{done}</p>}
      {error === 'manage.holidays.tooBig' && <FieldError id="holidays-file-error" text={t(error)} />}
    </form>
  )
}
