// Intl formatters built once per language and options: building one costs far more than formatting with it.
//
// A week screen formats a day per walk card; a new Intl.DateTimeFormat per call made it cost hundreds of
// microseconds each on a phone.
import type { Language } from './translate.ts'

export const localeOf = (language: Language): string => (language === 'fr' ? 'fr-FR' : 'en-GB')

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
