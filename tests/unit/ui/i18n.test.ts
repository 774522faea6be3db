// The English and Arabic texts cover exactly the French key set, and the domain's validation keys are translated.
import { describe, expect, it } from 'vitest'
import { ar } from '../../../src/ui/i18n/ar.ts'
import { en } from '../../../src/ui/i18n/en.ts'
import { commaList, dateFormat, numberFormat, timeOfDayText } from '../../../src/ui/i18n/formats.ts'
import { fr } from '../../../src/ui/i18n/fr.ts'
import { directionOf, fieldErrorKey, formatClock, ltrValue, pluralKey, translatorOf } from '../../../src/ui/i18n/translate.ts'
import { createTranslate } from '../../helpers/translate.ts'

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort()

describe('translations', () => {
  it('English has every French key and no other', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort())
  })

  it('no message is empty in either language', () => {
    for (const messages of [fr, en]) {
      for (const [key, text] of Object.entries(messages)) expect(text.trim(), key).not.toBe('')
    }
  })

  it('French stays neutral in gender: children and adults have no recorded gender, so no "(e)" or "·e"', () => {
    const gendered = Object.entries(fr).filter(([, text]) => /\(e\)|·e\b/.test(text)).map(([key]) => key)
    expect(gendered).toEqual([])
  })

  it('each English message uses the same {placeholders} as its French original', () => {
    for (const key of Object.keys(fr) as (keyof typeof fr)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(fr[key]))
    }
  })

  it('Arabic has a text for every French key and no other (missing ones would show as keys)', () => {
    const frenchKeys = Object.keys(fr) as (keyof typeof fr)[]
    expect(frenchKeys.filter((key) => (ar[key] ?? '').trim() === '')).toEqual([])
    expect(Object.keys(ar).filter((key) => !Object.hasOwn(fr, key))).toEqual([])
  })

  it('each Arabic message uses the same {placeholders} as its French original, none missing, none added', () => {
    const differing = (Object.keys(fr) as (keyof typeof fr)[])
      .filter((key) => ar[key] !== undefined && placeholders(ar[key]).join() !== placeholders(fr[key]).join())
    expect(differing).toEqual([])
  })

  it('a name ending with a full stop (a child’s initial) ends the sentence with one full stop, not two', () => {
    const t = createTranslate('fr')
    expect(t('manage.child.added', { name: 'Léa D.' })).toBe('Enfant ajouté : Léa D.')
    expect(t('manage.removed', { name: 'Léa D.' })).toBe('Retiré : Léa D.')
    expect(t('manage.child.added', { name: 'Léa' })).toBe('Enfant ajouté : Léa.')
    expect(createTranslate('en')('manage.child.added', { name: 'Léa D.' })).toBe('Child added: Léa D.')
  })

  it('translates the domain validation keys in both languages', () => {
    const domainKeys = ['required', 'tooLong', 'invalidCharacters']
    expect(domainKeys.map((k) => createTranslate('fr')(fieldErrorKey(k)))).toEqual([
      'Ce champ est obligatoire.',
      'Ce texte est trop long.',
      'Ce texte contient des caractères non autorisés.',
    ])
    for (const k of domainKeys) expect(createTranslate('en')(fieldErrorKey(k))).not.toBe(createTranslate('fr')(fieldErrorKey(k)))
    expect(fieldErrorKey('somethingNew')).toBe('form.unknownError')
  })

  it('fills placeholders and leaves unknown ones visible', () => {
    const t = createTranslate('fr')
    expect(t('families.added', { name: 'Famille Martin' })).toBe('Ajoutée : Famille Martin.')
    expect(t('families.added')).toBe('Ajoutée : {name}.')
  })

  it('chooses French and English plural forms', () => {
    expect(pluralKey('fr', 0, 'one', 'other')).toBe('one')
    expect(pluralKey('fr', 1, 'one', 'other')).toBe('one')
    expect(pluralKey('fr', 2, 'one', 'other')).toBe('other')
    expect(pluralKey('en', 0, 'one', 'other')).toBe('other')
    expect(pluralKey('en', 1, 'one', 'other')).toBe('one')
  })

  it('chooses the Arabic singular only for 1 (its texts have two forms, the other one reads right for 0 and 2+)', () => {
    expect([0, 1, 2, 11].map((n) => pluralKey('ar', n, 'one', 'other'))).toEqual(['other', 'one', 'other', 'other'])
  })

  it('lays Arabic out right to left and French and English left to right', () => {
    expect([directionOf('fr'), directionOf('en'), directionOf('ar')]).toEqual(['ltr', 'ltr', 'rtl'])
  })

  it('writes Arabic dates, times and numbers with Latin digits, like the school papers', () => {
    const day = dateFormat('ar', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(Date.UTC(2027, 2, 4, 12))
    expect(day).toMatch(/\b4\b/)
    expect(day).toMatch(/[\u0600-\u06ff]/)
    expect(formatClock(Date.UTC(2026, 10, 28, 7, 5), 'ar', 'UTC')).toBe('07:05')
    expect(numberFormat('ar', {}).format(1234.5)).not.toMatch(/[\u0660-\u0669]/)
    expect(timeOfDayText('08:27', 'ar')).toMatch(/^0?8:27$/)
    expect(timeOfDayText('08:27', 'en')).toBe('8:27')
  })

  it('separates list items with the Arabic comma in Arabic', () => {
    expect(commaList('ar', ['Léa', 'Tom'])).toBe('Léa، Tom')
    expect(commaList('fr', ['Léa', 'Tom'])).toBe('Léa, Tom')
  })

  it('keeps a phone number in a right-to-left sentence in its own order (Unicode isolates), and French as it is', () => {
    expect(ltrValue('ar', '06 12 34 56 78')).toBe('\u206606 12 34 56 78\u2069')
    expect(ltrValue('fr', '06 12 34 56 78')).toBe('06 12 34 56 78')
  })

  it('isolates each value filled into a right-to-left text, so "Tom M." keeps its full stop after the initial', () => {
    const messages = { 'manage.child.added': 'أُضيف الطفل: {name}.' }
    expect(translatorOf(messages, 'rtl')('manage.child.added', { name: 'Tom M.' })).toBe('أُضيف الطفل: \u2068Tom M.\u2069')
    expect(translatorOf(messages, 'rtl')('manage.child.added', { name: 'Tom' })).toBe('أُضيف الطفل: \u2068Tom\u2069.')
    expect(translatorOf({ 'manage.child.added': 'Enfant ajouté : {name}.' })('manage.child.added', { name: 'Tom' }))
      .toBe('Enfant ajouté : Tom.')
  })

  it('formats a time as 24-hour HH:MM', () => {
    const at = Date.UTC(2026, 10, 28, 7, 5)
    expect(formatClock(at, 'fr', 'UTC')).toBe('07:05')
    expect(formatClock(at, 'en', 'UTC')).toBe('07:05')
    expect(formatClock(Date.UTC(2026, 10, 28, 19, 45), 'fr', 'Europe/Paris')).toBe('20:45')
  })
})
