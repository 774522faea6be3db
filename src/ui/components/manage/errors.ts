// French-first text for the domain's validation keys met on management forms (times, phones, initials, numbers...).
import type { MessageKey } from '../../i18n/fr.ts'
import { fieldErrorKey, fieldErrorText, type Translate } from '../../i18n/translate.ts'

const MANAGE_ERROR_KEYS: Readonly<Record<string, MessageKey>> = {
  invalidColour: 'manage.error.invalidColour',
  invalidTime: 'manage.error.invalidTime',
  invalidDate: 'manage.error.invalidDate',
  invalidPhone: 'manage.error.invalidPhone',
  invalidInitial: 'manage.error.invalidInitial',
  invalidNumber: 'manage.error.invalidNumber',
  tooSmall: 'manage.error.tooSmall',
  tooLarge: 'manage.error.tooLarge',
  minAdultsFloor: 'manage.error.minAdultsFloor',
  endBeforeStart: 'manage.error.endBeforeStart',
  invalidContact: 'manage.error.invalidContact',
  associationNameMissing: 'manage.error.associationNameMissing',
  consentRequired: 'manage.error.consentRequired',
  consentNotOfFamily: 'manage.error.consentNotOfFamily',
  notYourFamily: 'manage.error.notYourFamily',
}

/** The message key for a domain validation key; unknown keys get the generic message. */
export const manageErrorKey = (domainKey: string): MessageKey => MANAGE_ERROR_KEYS[domainKey] ?? fieldErrorKey(domainKey)

/** One validation key's text; a text over its limit quotes the limit when the field has one. */
export const errorText = (t: Translate, key: string, maxLength?: number): string =>
  key === 'tooLong' ? fieldErrorText(t, key, maxLength) : t(manageErrorKey(key))

/** A field's error text, or null when the field has none; `maxLength` is the field's limit, quoted when exceeded. */
export const errorTextOf = (
  t: Translate, errors: Readonly<Record<string, string>>, field: string, maxLength?: number,
): string | null => {
  const key = errors[field]
  return key === undefined ? null : errorText(t, key, maxLength)
}
