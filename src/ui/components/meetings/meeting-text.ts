// Pure text of the Rencontres screens: a meeting's kind and time, the answers' counts, my family's answer, field errors.
import {
  MEETING_AGENDA_MAX, MEETING_DECISIONS_MAX, MEETING_PLACE_MAX, type MeetingField,
} from '../../../app/queries/meeting-form.ts'
import type { Meeting, MeetingAnswer, MeetingKind, ReplyCounts } from '../../../domain/meeting.ts'
import type { MessageKey } from '../../i18n/fr.ts'
import { fieldErrorText, type Language, type Translate } from '../../i18n/translate.ts'
import { formatDay } from '../rota/rota-format.ts'

export const KIND_KEYS: Readonly<Record<MeetingKind, MessageKey>> = {
  lineMeeting: 'meetings.kind.lineMeeting',
  assembly: 'meetings.kind.assembly',
  snack: 'meetings.kind.snack',
  trialWalk: 'meetings.kind.trialWalk',
}

export const ANSWER_KEYS: Readonly<Record<MeetingAnswer, MessageKey>> = {
  yes: 'meetings.reply.yes',
  maybe: 'meetings.reply.maybe',
  no: 'meetings.reply.no',
}

const MINE_KEYS: Readonly<Record<MeetingAnswer, MessageKey>> = {
  yes: 'meetings.mine.yes',
  maybe: 'meetings.mine.maybe',
  no: 'meetings.mine.no',
}

/** "Réunion de ligne"; a meeting written before the kinds existed reads as an assembly (as the family's .ics does). */
export const kindText = (t: Translate, kind: MeetingKind | undefined): string => t(KIND_KEYS[kind ?? 'assembly'])

/** "jeudi 11 mars à 18:30"; only the day for a meeting written without a time. */
export const whenText = (t: Translate, language: Language, meeting: Pick<Meeting, 'date' | 'time'>): string => {
  const day = formatDay(meeting.date, language)
  return meeting.time === undefined ? day : t('meetings.when', { day, time: meeting.time })
}

/** "Réunion de ligne – jeudi 11 mars à 18:30": a meeting's heading and link. */
export const headingText = (t: Translate, language: Language, meeting: Meeting): string =>
  t('meetings.heading', { kind: kindText(t, meeting.kind), when: whenText(t, language, meeting) })

/** "3 oui · 1 peut-être · 0 non". */
export const countsText = (t: Translate, counts: ReplyCounts): string =>
  t('meetings.counts', { yes: counts.yes, maybe: counts.maybe, no: counts.no })

/** "Votre famille : oui", or that it has not answered. */
export const mineText = (t: Translate, mine: MeetingAnswer | null): string =>
  mine === null ? t('meetings.mine.none') : t(MINE_KEYS[mine])

const LIMITS: Partial<Record<MeetingField | 'decisions', number>> = {
  place: MEETING_PLACE_MAX,
  agenda: MEETING_AGENDA_MAX,
  decisions: MEETING_DECISIONS_MAX,
}

const FIELD_KEYS: Partial<Record<MeetingField, MessageKey>> = {
  kind: 'meetings.error.kind',
  date: 'meetings.error.date',
  time: 'meetings.error.time',
}

/** The French-first message of a domain error met on the meeting or decisions form. */
export const meetingErrorText = (t: Translate, field: MeetingField | 'decisions', key: string): string => {
  if (key === 'notFound') return t('meetings.error.gone')
  const fixed = field === 'decisions' ? undefined : FIELD_KEYS[field]
  if (fixed !== undefined) return t(fixed)
  if (field === 'place' && key === 'required') return t('meetings.error.place')
  // The agenda and the decisions are only bounded: their one error is length (zod/mini's generic message, no key).
  if (field === 'agenda' || field === 'decisions') return t('form.tooLongMax', { max: LIMITS[field] ?? 0 })
  return fieldErrorText(t, key, LIMITS[field])
}
