// Pure text helpers of the rota screens: French/English dates, today in Paris, directions, slots, walk states, cancellations, the notices.
import type { LocalDate } from '../../../domain/dates.ts'
import type { Direction } from '../../../domain/line.ts'
import type { PeriodSlug, PublicHolidayId } from '../../../domain/holiday-kinds.ts'
import type { WalkCancellation, WalkState } from '../../../domain/rota-types.ts'
import type { Slot } from '../../../domain/signup.ts'
import type { WithdrawError, WithdrawOutcome } from '../../../app/api.ts'
import type { GoneNotice } from '../../../app/queries/rota.ts'
import type { WaitingNotice } from '../../../app/queries/rota-view.ts'
import type { Result } from '../../../lib/result.ts'
import type { MessageKey } from '../../i18n/fr.ts'
import { dateFormat, listFormat } from '../../i18n/formats.ts'
import type { Language, Translate } from '../../i18n/translate.ts'


const utcNoon = (date: LocalDate): Date => new Date(`${date}T12:00:00Z`)

/** "jeudi 4 mars" / "Thursday 4 March"; French writes the first of the month "1er". */
export const formatDay = (date: LocalDate, language: Language): string => {
  const text = dateFormat(language, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(utcNoon(date))
  return language === 'fr' ? text.replace(/(^|\s)1(\s)/, '$11er$2') : text
}

/** "Jeudi 4 mars": a day as a heading. */
export const formatDayTitle = (date: LocalDate, language: Language): string => {
  const text = formatDay(date, language)
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** "jeu. 4 mars" / "Thu 4 Mar": compact day labels. */
export const formatShortDay = (date: LocalDate, language: Language): string => {
  const text = dateFormat(language, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(utcNoon(date))
  return language === 'fr' ? text.replace(/(^|\s)1(\s)/, '$11er$2') : text
}

/** Today's civil date in the collective's time zone (Europe/Paris), whatever the phone's zone. */
export { todayIn } from '../../../app/queries/rota.ts'

/** A 'YYYY-MM-DD' from an address segment, or null when it is not a real date. */
export const parseDateParam = (text: string | undefined): LocalDate | null => {
  if (!text || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return null
  const date = new Date(`${text}T00:00:00Z`)
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text ? null : (text as LocalDate)
}

export const directionText = (t: Translate, direction: Direction): string =>
  t(direction === 'aller' ? 'rota.direction.aller' : 'rota.direction.retour')

export const directionTitle = (t: Translate, direction: Direction): string =>
  t(direction === 'aller' ? 'rota.directionTitle.aller' : 'rota.directionTitle.retour')

const SLOT_KEYS: Readonly<Record<Slot, MessageKey>> = { lead: 'rota.slot.lead', tail: 'rota.slot.tail', extra: 'rota.slot.extra' }
export const slotText = (t: Translate, slot: Slot): string => t(SLOT_KEYS[slot])

const STATE_KEYS: Readonly<Record<WalkState, MessageKey>> = {
  covered: 'rota.state.covered',
  toFill: 'rota.state.toFill',
  urgent: 'rota.state.urgent',
  cancelled: 'rota.state.cancelled',
  understaffed: 'rota.state.understaffed',
  beforeCollective: 'rota.state.beforeCollective',
}
export const stateText = (t: Translate, state: WalkState): string => t(STATE_KEYS[state])

/** A text icon per state, so a state never relies on colour alone (the word is always shown too). */
export const STATE_ICONS: Readonly<Record<WalkState, string>> = {
  covered: '✓', toFill: '!', urgent: '⚠', cancelled: '✕', understaffed: '–', beforeCollective: '·',
}

export const REASON_KEYS = {
  strike: 'rota.reason.strike',
  weatherAlert: 'rota.reason.weatherAlert',
  schoolTrip: 'rota.reason.schoolTrip',
  other: 'rota.reason.other',
} as const satisfies Record<string, MessageKey>

/** Message of each shipped holiday period's name: a kind without its French and English name does not compile. */
export const PERIOD_NAME_KEYS = {
  toussaint: 'holiday.period.toussaint',
  noel: 'holiday.period.noel',
  hiver: 'holiday.period.hiver',
  printemps: 'holiday.period.printemps',
  ascension: 'holiday.period.ascension',
  ete: 'holiday.period.ete',
} as const satisfies Record<PeriodSlug, MessageKey>

/** Message of each public holiday's name. */
export const PUBLIC_HOLIDAY_NAME_KEYS = {
  newYear: 'holiday.public.newYear',
  easterMonday: 'holiday.public.easterMonday',
  labourDay: 'holiday.public.labourDay',
  victory1945: 'holiday.public.victory1945',
  ascension: 'holiday.public.ascension',
  whitMonday: 'holiday.public.whitMonday',
  bastilleDay: 'holiday.public.bastilleDay',
  assumption: 'holiday.public.assumption',
  allSaints: 'holiday.public.allSaints',
  armistice1918: 'holiday.public.armistice1918',
  christmas: 'holiday.public.christmas',
  goodFriday: 'holiday.public.goodFriday',
  saintStephen: 'holiday.public.saintStephen',
} as const satisfies Record<PublicHolidayId, MessageKey>

/** A holiday period's name in the reader's language: a shipped one by its kind, one the collective added as typed. */
export const holidayName = (t: Translate, period: { readonly label: string; readonly slug?: PeriodSlug }): string =>
  period.slug === undefined ? period.label : t(PERIOD_NAME_KEYS[period.slug])

/** "Annulé : grève", "Annulé : vacances (Vacances d'hiver) (dates à confirmer)", "Annulé : sortie scolaire (musée)". */
export const cancellationText = (t: Translate, cancellation: WalkCancellation): string => {
  let reason: string
  if (cancellation.kind === 'exception') {
    const base = t(REASON_KEYS[cancellation.reason])
    const note = cancellation.note.trim()
    reason = note ? `${base} (${note})` : base
  } else if (cancellation.kind === 'holiday') {
    reason = t('rota.reason.holiday', { label: holidayName(t, cancellation) })
    if (cancellation.provisional === true) reason = `${reason} ${t('rota.reason.toConfirm')}`
  } else {
    reason = t('rota.reason.publicHoliday', { label: t(PUBLIC_HOLIDAY_NAME_KEYS[cancellation.id]) })
  }
  return t('rota.cancelled', { reason })
}

/**
 * "Votre inscription au trajet du jeudi 4 mars (aller) n'a pas été retenue : la place était déjà prise par Léa. Vous êtes en liste d'attente."
 * or, for an extra place no longer needed, "Trajet du jeudi 4 mars (aller) : votre place n'est plus nécessaire pour l'instant, …".
 */
export const waitingNoticeText = (t: Translate, language: Language, notice: WaitingNotice): string => {
  const day = formatDay(notice.date, language)
  const direction = directionText(t, notice.direction)
  if (notice.reason === 'fewerNeeded') return t('rota.notice.fewerNeeded', { day, direction })
  const holder = notice.holders.length === 0
    ? t('rota.notice.someone')
    : listFormat(language, { type: 'conjunction' }).format(notice.holders)
  return t(notice.holders.length > 1 ? 'rota.notice.waitingMany' : 'rota.notice.waiting', { day, direction, holder })
}

/** "Le trajet du jeudi 4 mars (aller) de la Ligne des Pins n'a plus lieu : votre inscription n'est plus active." */
export const goneNoticeText = (t: Translate, language: Language, notice: GoneNotice): string => {
  const values = { day: formatDay(notice.walk.date, language), direction: directionText(t, notice.walk.direction) }
  if (notice.keptLineName !== undefined) {
    return t('rota.notice.doubleBooked', { ...values, name: notice.adultName, line: notice.lineName ?? '?', kept: notice.keptLineName })
  }
  return notice.lineName === null ? t('rota.notice.goneNoLine', values) : t('rota.notice.gone', { ...values, line: notice.lineName })
}

/** What a withdrawal did ("C'est noté", "Rien à retirer", "Trop tard"), from the command's answer. */
export const withdrawText = (
  t: Translate,
  result: Result<WithdrawOutcome, WithdrawError>,
  values: { readonly name: string; readonly day: string; readonly direction: string },
  done: MessageKey = 'rota.slot.withdrawn',
): string => {
  if (result.ok) return t(result.value === 'released' ? 'rota.slot.released' : done, values)
  if (result.error === 'nothingToWithdraw') return t('rota.slot.nothingToWithdraw', values)
  return t(result.error === 'expired' ? 'rota.slot.withdrawExpired' : 'rota.slot.withdrawNotRecorded', values)
}

/**
 * "tel:" address of a phone number as typed ("06 12 34 56 78" -> "tel:0612345678"); null when the adult gave none
 * (the phone is optional): a screen then names the adult with "Pas de numéro", never a link that dials nothing.
 */
export const telHref = (phone: string): string | null => {
  const dialled = phone.replace(/[^0-9+]/g, '')
  return /[0-9]/.test(dialled) ? `tel:${dialled}` : null
}

/** A phone number to print or show as typed, or null when the adult gave none. */
export const shownPhone = (phone: string): string | null => (telHref(phone) === null ? null : phone.trim())
