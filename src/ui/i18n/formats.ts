// Intl formatters built once per language and options: building one costs far more than formatting with it.
//
// A week screen formats a day per walk card; a new Intl.DateTimeFormat per call made it cost hundreds of
// microseconds each on a phone.
import type { Language } from './translate.ts'

/**
 * Arabic with Latin digits ('nu-latn'): the school's papers, walk times, dates and phone numbers a family reads here are
 * written with Latin digits in France, so the same figures on screen can be compared with them at a glance.
 */
const LOCALES: Readonly<Record<Language, string>> = { fr: 'fr-FR', en: 'en-GB', ar: 'ar-u-nu-latn' }

export const localeOf = (language: Language): string => LOCALES[language]

const formats = new Map<string, unknown>()

const cached = <T>(kind: string, language: Language, options: object, make: () => T): T => {
  const key = `${kind}|${language}|${JSON.stringify(options)}`
  const known = formats.get(key) as T | undefined
  if (known !== undefined) return known
  const made = make()
  formats.set(key, made)
  return made
}

export const dateFormat = (language: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat =>
  cached('date', language, options, () => new Intl.DateTimeFormat(localeOf(language), options))

export const numberFormat = (language: Language, options: Intl.NumberFormatOptions): Intl.NumberFormat =>
  cached('number', language, options, () => new Intl.NumberFormat(localeOf(language), options))

export const listFormat = (language: Language, options: Intl.ListFormatOptions): Intl.ListFormat =>
  cached('list', language, options, () => new Intl.ListFormat(localeOf(language), options))

/**
 * A stored "HH:MM" time of day as the language writes it, through Intl ("8:27" in English, "08:27" in Arabic); a text
 * that is not such a time is shown as it is. French writes "8 h 27" (its typographic rule, which Intl does not
 * follow): its screens keep their own form.
 */
export const timeOfDayText = (time: string, language: Language): string => {
  const match = /^(\d{1,2}):(\d{2})$/.exec(time)
  if (match === null) return time
  const at = Date.UTC(2000, 0, 1, Number(match[1]), Number(match[2]))
  return dateFormat(language, { hour: 'numeric', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' }).format(at)
}

/**
 * Items joined by the language's comma ("Léa, Tom"; "ليا، توم" with the Arabic comma): a plain list with no "and",
 * which Intl.ListFormat does not write (its 'unit' lists add "et" in French).
 */
export const commaList = (language: Language, items: readonly string[]): string =>
  items.join(language === 'ar' ? '، ' : ', ')
