// The meeting forms' read side (Rencontres): the kinds and limits they offer, form values <-> input, errors by field.
import type { Meeting, MeetingInput, MeetingKind } from '../../domain/meeting.ts'
import type { FieldErrors } from '../../domain/validation.ts'

export {
  MEETING_AGENDA_MAX, MEETING_DECISIONS_MAX, MEETING_KINDS, MEETING_PLACE_MAX,
} from '../../domain/meeting.ts'

/** What the form holds while typed: plain strings, checked by the command on submit. */
export interface MeetingValues {
  readonly kind: MeetingKind
  readonly date: string
  readonly time: string
  readonly place: string
  readonly agenda: string
}

/** A new meeting starts as a réunion de ligne with no date or time chosen; an edit starts from the meeting. */
export const meetingValuesOf = (meeting: Meeting | null): MeetingValues => ({
  kind: meeting?.kind ?? 'lineMeeting',
  date: meeting?.date ?? '',
  time: meeting?.time ?? '',
  place: meeting?.place ?? '',
  agenda: meeting?.agenda ?? '',
})

/**
 * The guided set-up's first meeting (issue 17): an assemblée to meet, agree on lines, stops and the charter and plan
 * the first walks; its agenda in the phone's language, every field still editable, no date chosen for the collective.
 */
export const firstMeetingValues = (agenda: string): MeetingValues =>
  ({ kind: 'assembly', date: '', time: '', place: '', agenda })

export const meetingInputOf = (values: MeetingValues): MeetingInput => ({ ...values })

/** The form's fields, in order (the first one in error gets the focus). */
export const MEETING_FIELDS = ['kind', 'date', 'time', 'place', 'agenda'] as const
export type MeetingField = (typeof MEETING_FIELDS)[number] | 'form'

const isField = (head: string): head is (typeof MEETING_FIELDS)[number] =>
  (MEETING_FIELDS as readonly string[]).includes(head)

/** Domain errors keyed by input path, one per field (the first); anything else is a form-level error, never dropped. */
export const meetingFieldErrors = (errors: FieldErrors): Partial<Record<MeetingField, string>> => {
  const flat: Partial<Record<MeetingField, string>> = {}
  for (const [path, key] of Object.entries(errors)) {
    const head = path.split('.')[0] ?? ''
    flat[isField(head) ? head : 'form'] ??= key
  }
  return flat
}

