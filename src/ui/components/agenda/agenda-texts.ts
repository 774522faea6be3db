// The words of the agenda file in the phone's language: the domain's CalendarTexts filled from the agenda translations.
import type { CalendarTexts } from '../../../domain/calendar/ics-export.ts'
import type { MeetingKind } from '../../../domain/meeting.ts'
import type { Slot } from '../../../domain/signup.ts'
import type { MessageKey } from '../../i18n/fr.ts'
import type { Language, Translate } from '../../i18n/translate.ts'
import { directionText, formatDay } from '../rota/rota-format.ts'

const SLOT_KEYS: Readonly<Record<Slot, MessageKey>> = {
  lead: 'agenda.ics.slot.lead',
  tail: 'agenda.ics.slot.tail',
  extra: 'agenda.ics.slot.extra',
}

const MEETING_KEYS: Readonly<Record<MeetingKind, MessageKey>> = {
  lineMeeting: 'agenda.ics.meeting.lineMeeting',
  assembly: 'agenda.ics.meeting.assembly',
  snack: 'agenda.ics.meeting.snack',
  trialWalk: 'agenda.ics.meeting.trialWalk',
}

export const calendarTexts = (t: Translate, language: Language): CalendarTexts => ({
  calendarName: (collective) => (collective.trim() === '' ? t('agenda.ics.calendarNameNone') : t('agenda.ics.calendarName', { collective })),
  walkSummary: (walk) => t('agenda.ics.summary', { line: walk.lineName, direction: directionText(t, walk.direction), slot: t(SLOT_KEYS[walk.slot]) }),
  cancelledSummary: (summary) => t('agenda.ics.cancelled', { summary }),
  walkHolder: (walk) => t('agenda.ics.holder', { name: walk.adultFirstName, slot: t(SLOT_KEYS[walk.slot]) }),
  stopsHeading: t('agenda.ics.stops'),
  noTime: t('agenda.ics.noTime'),
  coordinationSummary: t('agenda.ics.coordination'),
  coordinationDescription: (period) => t('agenda.ics.coordinationText', { start: formatDay(period.start, language), end: formatDay(period.end, language) }),
  // A meeting written before kinds were asked is named as a meeting.
  meetingSummary: (meeting) => t('agenda.ics.meeting', { kind: t(MEETING_KEYS[meeting.kind ?? 'assembly']) }),
  meetingDescription: t('agenda.ics.meetingText'),
})
