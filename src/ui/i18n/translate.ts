// Pure translation helpers: pick the language's messages, fill `{param}` slots, choose plural forms, format times.
import { dateFormat } from './formats.ts'
import type { MessageKey } from './fr.ts'
import type { LoadedMessages } from './messages.ts'

export type Language = 'fr' | 'en'
export type Params = Readonly<Record<string, string | number>>
export type Translate = (key: MessageKey, params?: Params) => string

/**
 * The translate function over one language's messages (src/ui/i18n/messages.ts loads them), read at each call: texts
 * added to the object later are found. A key not loaded shows as itself rather than breaking the screen.
 */
export const translatorOf = (messages: LoadedMessages): Translate => {
  return (key, params) => {
    const text = messages[key] ?? key
    if (!params) return text
    // A value ending with a full stop ("Léa D.") ends the sentence too: the message's own full stop is dropped.
    return text.replace(/\{(\w+)\}(\.?)/g, (slot, name: string, stop: string) => {
      if (!(name in params)) return slot
      const value = String(params[name])
      return stop !== '' && value.endsWith('.') ? value : value + stop
    })
  }
}

/** French treats 0 and 1 as singular ("0 modification"), English only 1. */
export const pluralKey = <K extends string>(language: Language, n: number, one: K, other: K): K =>
  (language === 'fr' ? n < 2 : n === 1) ? one : other

/** "HH:MM" in the phone's time zone (or the given one, for tests). */
export const formatClock = (epochMs: number, language: Language, timeZone?: string): string =>
  dateFormat(language, {
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    ...(timeZone ? { timeZone } : {}),
  }).format(epochMs)

const FIELD_ERROR_KEYS: Readonly<Record<string, MessageKey>> = {
  required: 'form.required',
  tooLong: 'form.tooLong',
  invalidCharacters: 'form.invalidCharacters',
  familyRemoved: 'toCheck.familyRemoved',
  // A child's note or flag its family did not agree to (src/domain/support-consent.ts), as the reader lists it.
  'supportConsent:custom': 'toCheck.supportConsent',
  dateOutOfRange: 'form.dateOutOfRange',
  unknownPostcode: 'create.placeUnknown',
}

/** Domain validation keys ('required', 'tooLong', ...) to interface text; unknown keys get a generic message. */
export const fieldErrorKey = (domainKey: string): MessageKey => FIELD_ERROR_KEYS[domainKey] ?? 'form.unknownError'

/** A validation key's text; a text over its limit quotes the limit when the field has one ("80 caractères au plus"). */
export const fieldErrorText = (t: Translate, domainKey: string, maxLength?: number): string =>
  domainKey === 'tooLong' && maxLength !== undefined
    ? t('form.tooLongMax', { max: maxLength })
    : t(fieldErrorKey(domainKey))
