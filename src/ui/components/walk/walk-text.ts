// Pure text helpers of the walk mode: times ("8 h 27"), check-in statuses, the counts line, disagreements, arrival notices, errors.
import type { TimeOfDay } from '../../../domain/dates.ts'
import type { AdultId } from '../../../domain/ids.ts'
import type { Adult } from '../../../domain/people.ts'
import type { MarkedStatus } from '../../../domain/walk-log/records.ts'
import type { ArrivalNotice, CurrentMark } from '../../../domain/walk-log/types.ts'
import type { WalkLogError } from '../../../app/api.ts'
import { timeOfDayText } from '../../i18n/formats.ts'
import type { MessageKey } from '../../i18n/fr.ts'
import { fieldErrorText, pluralKey, type Language, type Translate } from '../../i18n/translate.ts'

/** "8 h 27" in French (how it is said and printed), Intl's "8:27" otherwise; the stored form is "08:27". */
export const formatTime = (time: TimeOfDay | string, language: Language): string => {
  if (language !== 'fr') return timeOfDayText(time, language)
  const [hh = '0', mm = '00'] = time.split(':')
  return `${Number(hh)} h ${mm}`
}

export const STATUSES: readonly MarkedStatus[] = ['present', 'absent', 'excused']

const STATUS_KEYS: Readonly<Record<MarkedStatus, MessageKey>> = {
  present: 'walk.status.present',
  absent: 'walk.status.absent',
  excused: 'walk.status.excused',
}
/** "Présent" / "Absent" / "Excusé": the buttons and the shown status. */
export const statusText = (t: Translate, status: MarkedStatus): string => t(STATUS_KEYS[status])

const MARK_KEYS: Readonly<Record<MarkedStatus, MessageKey>> = { present: 'walk.mark.present', absent: 'walk.mark.absent', excused: 'walk.mark.excused' }
const ANNOUNCE_KEYS: Readonly<Record<MarkedStatus, MessageKey>> = {
  present: 'walk.announce.present',
  absent: 'walk.announce.absent',
  excused: 'walk.announce.excused',
}

/** "Léa M. : présence notée", or "Léa M. : pointage annulé" for an undo (status null). */
export const markAnnouncement = (t: Translate, name: string, status: MarkedStatus | null): string =>
  status === null ? t('walk.announce.cleared', { name }) : t(ANNOUNCE_KEYS[status], { name })

/** The status line of a child: "À pointer", "Présent", "Excusé (absence signalée)". */
export const shownStatusText = (t: Translate, status: MarkedStatus | null, prefilled: boolean): string => {
  if (status === null) return t('walk.status.unmarked')
  return prefilled ? t('walk.status.prefilled') : statusText(t, status)
}

export interface SummaryCounts {
  readonly present: number
  readonly absent: number
  readonly excused: number
  readonly unmarked: number
  readonly disagreements: number
}

/** "3 présents · 1 excusé · 2 à pointer": present always, the other counts when not zero. */
export const summaryText = (t: Translate, language: Language, counts: SummaryCounts): string => {
  const part = (n: number, one: MessageKey, other: MessageKey) => t(pluralKey(language, n, one, other), { n })
  const parts = [part(counts.present, 'walk.summary.present.one', 'walk.summary.present.other')]
  if (counts.absent > 0) parts.push(part(counts.absent, 'walk.summary.absent.one', 'walk.summary.absent.other'))
  if (counts.excused > 0) parts.push(part(counts.excused, 'walk.summary.excused.one', 'walk.summary.excused.other'))
  if (counts.unmarked > 0) parts.push(t('walk.summary.unmarked', { n: counts.unmarked }))
  if (counts.disagreements > 0) parts.push(part(counts.disagreements, 'walk.summary.disagreements.one', 'walk.summary.disagreements.other'))
  return parts.join(' · ')
}

/** "Marie : présent · Paul : absent — vérifiez", with the adults' first names. */
export const disagreementText = (t: Translate, marks: readonly CurrentMark[], adults: ReadonlyMap<AdultId, Adult>): string =>
  t('walk.disagreement', {
    marks: marks.map((mark) => `${adults.get(mark.adultId)?.firstName ?? '?'} : ${t(MARK_KEYS[mark.status])}`).join(' · '),
  })

/** "Le pédibus est arrivé à l'école à 8 h 27 avec Léa" (aller), "Le pédibus a déposé Léa à son arrêt (Mairie) à 16 h 52" (retour). */
export const arrivalText = (t: Translate, language: Language, notice: ArrivalNotice, childName: string, stopName: string | null): string => {
  const time = formatTime(notice.arrivedAt, language)
  if (notice.walk.direction === 'aller') return t('walk.arrival.school', { name: childName, time })
  return stopName === null ? t('walk.arrival.end', { name: childName, time }) : t('walk.arrival.stop', { name: childName, stop: stopName, time })
}

/**
 * 'notToday' (a mark on another day's walk) is being added to WalkLogError by the app side; listed
 * here too so this compiles before and after. Once WalkLogError has it, `| 'notToday'` can go.
 */
type ShownWalkError = WalkLogError | 'notToday'

const ERROR_KEYS: Readonly<Record<ShownWalkError, MessageKey>> = {
  unknownChild: 'walk.error.unknownChild',
  unknownAdult: 'walk.error.unknownAdult',
  walkNotRunning: 'walk.error.walkNotRunning',
  notToday: 'walk.error.notToday',
  notFound: 'walk.error.notFound',
  notAuthor: 'walk.error.notAuthor',
  notRecorded: 'walk.error.notRecorded',
}
export const walkErrorText = (t: Translate, error: ShownWalkError): string => t(ERROR_KEYS[error])

const isWalkLogError = (key: string): key is ShownWalkError => Object.hasOwn(ERROR_KEYS, key)

/** The guest form's own refusals (src/domain/walk-log/guests.ts): a first name only, on the walk's day only. */
const GUEST_ERROR_KEYS: Readonly<Record<string, MessageKey>> = {
  firstNameOnly: 'walk.add.firstNameOnly',
  guestOnWalkDayOnly: 'walk.add.dayOnly',
}

/**
 * The French text of a form's error on `field` ('required', 'tooLong', …), or of the command's own error (key '_');
 * `maxLength` is the field's limit, quoted when the text is over it.
 */
export const formErrorText = (
  t: Translate, errors: Readonly<Record<string, string>>, field: string, maxLength?: number,
): string => {
  const key = errors[field] ?? errors._ ?? Object.values(errors)[0] ?? 'unknownError'
  const guestKey = Object.hasOwn(GUEST_ERROR_KEYS, key) ? GUEST_ERROR_KEYS[key] : undefined
  if (guestKey !== undefined) return t(guestKey)
  return isWalkLogError(key) ? walkErrorText(t, key) : fieldErrorText(t, key, maxLength)
}
