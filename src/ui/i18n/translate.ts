// Pure translation helpers: pick the language's messages, fill `{param}` slots, choose plural forms, format times.
import { dateFormat } from './formats.ts'
import type { Language } from '../../domain/language.ts'
import type { MessageKey } from './fr.ts'
import type { LoadedMessages } from './messages.ts'

/** The interface languages (src/domain/language.ts: the app and the phone's preferences share them). */
export type { Language }
/** Arabic is written right to left: the whole page is laid out mirrored (styles use logical properties). */
export const directionOf = (language: Language): 'rtl' | 'ltr' => (language === 'ar' ? 'rtl' : 'ltr')

/**
 * A value written left to right (a phone number, a code) put into a message's text: in right-to-left text it is
 * wrapped in Unicode isolates (LRI ... PDI), or "06 12 34 56 78" would show its groups in reverse order.
 */
export const ltrValue = (language: Language, value: string): string =>
  directionOf(language) === 'rtl' ? `\u2066${value}\u2069` : value

export type Params = Readonly<Record<string, string | number>>
export type Translate = (key: MessageKey, params?: Params) => string

/**
 * The translate function over one language's messages (src/ui/i18n/messages.ts loads them), read at each call: texts
 * added to the object later are found. A key not loaded shows as itself rather than breaking the screen. In a
 * right-to-left language each value is isolated (FSI ... PDI: its own direction, from its first letter), or a name
 * typed in Latin letters would lose its order at the edges ("Tom M." shown ".Tom M", a time jumping to the line's end).
 */
export const translatorOf = (messages: LoadedMessages, direction: 'ltr' | 'rtl' = 'ltr'): Translate => {
  const shown = direction === 'rtl' ? (value: string) => `\u2068${value}\u2069` : (value: string) => value
  return (key, params) => {
    const text = messages[key] ?? key
    if (!params) return text
    // A value ending with a full stop ("Léa D.") ends the sentence too: the message's own full stop is dropped.
    return text.replace(/\{(\w+)\}(\.?)/g, (slot, name: string, stop: string) => {
      if (!(name in params)) return slot
      const value = String(params[name])
      return stop !== '' && value.endsWith('.') ? shown(value) : shown(value) + stop
    })
  }
}

/**
 * French treats 0 and 1 as singular ("0 modification"), English and Arabic only 1. Arabic has more forms (two, few,
 * many), but the catalogues carry two per text: its translations are worded so that 'other' reads right for 0 and 2+.
 */
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
