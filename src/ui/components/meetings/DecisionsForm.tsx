// "Relevé de décisions": from the meeting's day on, a member writes what was decided (limit said before submit).
import { useState } from 'preact/hooks'
import type { CollectiveSession } from '../../../app/api.ts'
import { MEETING_DECISIONS_MAX } from '../../../app/queries/meeting-form.ts'
import type { Meeting } from '../../../domain/meeting.ts'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { useI18n } from '../../i18n/context.tsx'
import { TextAreaField } from '../manage/fields.tsx'
import { meetingErrorText } from './meeting-text.ts'

const FIELD_ID = 'meeting-decisions'

/** The French-first reason a record was refused. */
const decisionsErrorKey = (error: string): 'meetings.decisions.notYet' | 'meetings.decisions.closed' | null =>
  error === 'notYet' ? 'meetings.decisions.notYet' : error === 'closed' ? 'meetings.decisions.closed' : null

export function DecisionsForm({ session, meeting }: { session: CollectiveSession; meeting: Meeting }) {
  const { t } = useI18n()
  const announce = useAnnounce()
  const [text, setText] = useState(meeting.decisions ?? '')
  const [error, setError] = useState<string | null>(null)

  const submit = (event: Event) => {
    event.preventDefault()
    const result = session.recordDecisions(meeting.id, text)
    if (result.ok) {
      setError(null)
      announce(t('meetings.decisions.saved'))
      return
    }
    const reason = typeof result.error === 'string' ? result.error : Object.values(result.error)[0] ?? ''
    const stated = decisionsErrorKey(reason)
    setError(stated === null ? meetingErrorText(t, 'decisions', reason) : t(stated))
    requestAnimationFrame(() => document.getElementById(FIELD_ID)?.focus())
  }

  return (
    <form class="form" onSubmit={submit} noValidate data-testid="decisions-form">
      <TextAreaField
        id={FIELD_ID} label={t('meetings.decisions.label')} hint={t('meetings.decisions.hint')} value={text} rows={5}
        onInput={setText} error={error} maxLength={MEETING_DECISIONS_MAX}
      />
      <div class="actions">
        <button type="submit" class="button button--primary">{t('meetings.decisions.save')}</button>
      </div>
    </form>
  )
}
