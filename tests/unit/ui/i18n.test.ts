// The English text covers exactly the French key set, and the domain's validation keys are translated.
import { describe, expect, it } from 'vitest'
import { en } from '../../../src/ui/i18n/en.ts'
import { fr } from '../../../src/ui/i18n/fr.ts'
import { fieldErrorKey, formatClock, pluralKey } from '../../../src/ui/i18n/translate.ts'
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

  it('formats a time as 24-hour HH:MM', () => {
    const at = Date.UTC(2026, 10, 28, 7, 5)
    expect(formatClock(at, 'fr', 'UTC')).toBe('07:05')
    expect(formatClock(at, 'en', 'UTC')).toBe('07:05')
    expect(formatClock(Date.UTC(2026, 10, 28, 19, 45), 'fr', 'Europe/Paris')).toBe('20:45')
  })
})
