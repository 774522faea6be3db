// "Proposer une rencontre" / "Modifier la rencontre": kind, date, time, place and agenda, limits said before submit.
import { useState } from 'preact/hooks'
import type { CollectiveSession } from '../../../app/api.ts'
import {
  MEETING_AGENDA_MAX, MEETING_FIELDS, MEETING_KINDS, MEETING_PLACE_MAX, meetingFieldErrors, meetingInputOf, meetingValuesOf,
  type MeetingField, type MeetingValues,
} from '../../../app/queries/meeting-form.ts'
import type { Meeting, MeetingId } from '../../../domain/meeting.ts'
import type { FieldErrors } from '../../../domain/validation.ts'
import { useI18n } from '../../i18n/context.tsx'
import { FieldError, InputField, SelectField, TextAreaField, focusFirstManageError } from '../manage/fields.tsx'
import { KIND_KEYS, meetingErrorText } from './meeting-text.ts'

interface MeetingFormProps {
  readonly session: CollectiveSession
  /** The meeting to change; null for a new one. */
  readonly meeting: Meeting | null
  /** Called with the meeting's id once saved. */
  readonly onSaved: (id: MeetingId) => void
  /** A new meeting's starting values (the guided set-up's first meeting); none: an empty réunion de ligne. */
  readonly initial?: MeetingValues
}

const idOf = (field: string): string => `meeting-${field}`

export function MeetingForm({ session, meeting, onSaved, initial }: MeetingFormProps) {
  const { t } = useI18n()
  const [values, setValues] = useState<MeetingValues>(() => (meeting === null && initial !== undefined ? initial : meetingValuesOf(meeting)))
  const [errors, setErrors] = useState<Partial<Record<MeetingField, string>>>({})
  const set = (patch: Partial<MeetingValues>) => setValues((current) => ({ ...current, ...patch }))
  const errorOf = (field: MeetingField): string | null => {
    const key = errors[field]
    return key === undefined ? null : meetingErrorText(t, field, key)
  }

  const save = (): { ok: true; id: MeetingId } | { ok: false; errors: FieldErrors } => {
    const input = meetingInputOf(values)
    if (meeting === null) {
      const created = session.createMeeting(input)
      return created.ok ? { ok: true, id: created.value } : { ok: false, errors: created.error }
    }
    const edited = session.editMeeting(meeting.id, input)
    if (edited.ok) return { ok: true, id: meeting.id }
    return { ok: false, errors: edited.error === 'notFound' ? { _: 'notFound' } : edited.error }
  }

  const submit = (event: Event) => {
    event.preventDefault()
    const result = save()
    if (result.ok) {
      setErrors({})
      onSaved(result.id)
      return
    }
    const fieldErrors = meetingFieldErrors(result.errors)
    setErrors(fieldErrors)
    focusFirstManageError(MEETING_FIELDS, fieldErrors, idOf)
  }

  return (
    <form class="form meeting-form" onSubmit={submit} noValidate data-testid="meeting-form">
      <SelectField
        id={idOf('kind')} label={t('meetings.form.kind')} value={values.kind} error={errorOf('kind')}
        onChange={(kind) => set({ kind: MEETING_KINDS.find((candidate) => candidate === kind) ?? values.kind })}
        options={MEETING_KINDS.map((kind) => ({ value: kind, label: t(KIND_KEYS[kind]) }))}
      />
      <div class="meeting-form__when">
        <InputField
          id={idOf('date')} type="date" label={t('meetings.form.date')} value={values.date}
          onInput={(date) => set({ date })} error={errorOf('date')}
        />
        <InputField
          id={idOf('time')} type="time" label={t('meetings.form.time')} value={values.time}
          onInput={(time) => set({ time })} error={errorOf('time')}
        />
      </div>
      <InputField
        id={idOf('place')} label={t('meetings.form.place')} hint={t('meetings.form.placeHint')} value={values.place}
        onInput={(place) => set({ place })} error={errorOf('place')} maxLength={MEETING_PLACE_MAX}
      />
      <TextAreaField
        id={idOf('agenda')} label={t('meetings.form.agenda')} hint={t('meetings.form.agendaHint')} value={values.agenda}
        rows={5} onInput={(agenda) => set({ agenda })} error={errorOf('agenda')} maxLength={MEETING_AGENDA_MAX}
      />
      {errorOf('form') && <FieldError id={idOf('form-error')} text={errorOf('form') ?? ''} />}
      <div class="actions">
        <button type="submit" class="button button--primary">
          {t(meeting === null ? 'meetings.form.create' : 'meetings.form.save')}
        </button>
      </div>
    </form>
  )
}
