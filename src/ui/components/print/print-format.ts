// Pure text helpers of the print views: dates with their year, a holder's "first name (family)", the contact line, the times of a stop.
import type { Contact, LineDay } from '../../../app/queries/print/print-model.ts'
import type { PrintParamProblem } from '../../../app/queries/print/print-params.ts'
import { needsAdults } from '../../../app/queries/rota.ts'
import type { LocalDate } from '../../../domain/dates.ts'
import type { Family } from '../../../domain/family.ts'
import type { Adult } from '../../../domain/people.ts'
import type { WalkRota } from '../../../domain/rota-types.ts'
import type { Slot } from '../../../domain/signup.ts'
import type { MessageKey } from '../../i18n/fr.ts'
import { dateFormat } from '../../i18n/formats.ts'
import { ltrValue, pluralKey, type Language, type Translate } from '../../i18n/translate.ts'
import { cancellationText, slotText } from '../rota/rota-format.ts'

/** "mardi 2 mars 2027" / "Tuesday 2 March 2027": paper outlives the week, so the year is printed. */
export const formatFullDay = (date: LocalDate, language: Language): string => {
  const text = dateFormat(language, {
    weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`))
  return language === 'fr' ? text.replace(/(^|\s)1(\s)/, '$11er$2') : text
}

/** "Léa (Famille Martin)": first name and family, so a reader without the app knows whom to ask. */
export const holderName = (adult: Adult | undefined, families: ReadonlyMap<string, Family>): string => {
  if (adult === undefined) return '?'
  const family = families.get(adult.familyId)
  return family ? `${adult.firstName} (${family.displayName})` : adult.firstName
}

export const contactText = (t: Translate, language: Language, contact: Contact | null): string => {
  if (contact === null) return t('print.contactNone')
  return contact.phone === null
    ? t('print.contactNoPhone', { family: contact.familyName })
    : t('print.contact', { family: contact.familyName, phone: ltrValue(language, contact.phone) })
}

const PROBLEM_KEYS: Readonly<Record<PrintParamProblem, MessageKey>> = {
  line: 'print.error.line',
  date: 'print.error.date',
  direction: 'print.error.direction',
}
export const paramProblemText = (t: Translate, problem: PrintParamProblem): string => t(PROBLEM_KEYS[problem])

/** A free place: "à pourvoir" while the walk needs adults, "personne" once it started (history, never to fill). */
export const freePlaceText = (t: Translate, walk: Pick<WalkRota, 'state'>): string =>
  t(needsAdults(walk) ? 'print.toFill' : 'print.nobody')

/** "Conducteur : Léa (Famille Martin)", "Serre-file : à pourvoir", or "Serre-file : personne" once the walk started. */
export const placeText = (t: Translate, slot: Slot, holder: string | null, walk: Pick<WalkRota, 'state'>): string =>
  t('print.place', { slot: slotText(t, slot), name: holder ?? freePlaceText(t, walk) })

/** "8 enfants". */
export const childrenCount = (t: Translate, language: Language, n: number): string =>
  t(pluralKey(language, n, 'print.children.one', 'print.children.other'), { n })

/** A day whose walks are all cancelled for one reason (holidays, a strike) says it once across the row; null otherwise. */
export const dayCancellation = (t: Translate, day: LineDay, columns: number): string | null => {
  const walks = Object.values(day.walks)
  const texts = new Set(walks.map((walk) => (walk.cancellation ? cancellationText(t, walk.cancellation) : null)))
  const [only] = texts
  return walks.length === columns && texts.size === 1 && only ? only : null
}
