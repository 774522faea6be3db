// The association responsible for the data (the controller): its name and a contact, optional settings, checked as typed.
import { describe, expect, it } from 'vitest'
import {
  ASSOCIATION_CONTACT_MAX, ASSOCIATION_NAME_MAX, DEFAULT_SETTINGS, SettingsInputSchema, SettingsSchema,
} from '../../../src/domain/settings.ts'
import { fieldErrorsOf } from '../../../src/domain/validation.ts'

const errorsOf = (input: unknown) => {
  const parsed = SettingsInputSchema.safeParse(input)
  return parsed.success ? {} : fieldErrorsOf(parsed.error)
}

describe('the association responsible for the data', () => {
  it('is not filled in by default, and a settings record written before it reads as not filled in', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({ associationName: '', associationContact: '' })
    const { associationName, associationContact, ...older } = DEFAULT_SETTINGS
    expect(associationName + associationContact).toBe('')
    expect(SettingsSchema.parse(older)).toMatchObject({ associationName: '', associationContact: '' })
  })

  it('accepts a name with an e-mail address or a postal address with its postcode, trimmed', () => {
    const parsed = SettingsInputSchema.parse({
      associationName: '  Les Écureuils   du Médoc ', associationContact: ' bureau@ecureuils-medoc.fr ',
    })
    expect(parsed).toEqual({ associationName: 'Les Écureuils du Médoc', associationContact: 'bureau@ecureuils-medoc.fr' })
    expect(errorsOf({ associationContact: 'Mairie, 1 place de l’Église, 33340 Lesparre-Médoc' })).toEqual({})
    expect(errorsOf({ associationContact: 'BP 12 - 33340 LESPARRE CEDEX' })).toEqual({})
  })

  it('may be emptied: an empty name or contact means "not filled in"', () => {
    expect(SettingsInputSchema.parse({ associationName: '   ', associationContact: '' }))
      .toEqual({ associationName: '', associationContact: '' })
  })

  it('refuses a contact that is neither an e-mail address nor a postal address with a postcode', () => {
    for (const contact of ['bureau@', 'bureau@ecureuils', 'écrire à bureau@ecureuils.fr', '06 12 34 56 78', 'la présidente']) {
      expect(errorsOf({ associationContact: contact }), contact).toEqual({ associationContact: 'invalidContact' })
    }
  })

  it('refuses texts over their limits and control characters', () => {
    expect(errorsOf({ associationName: 'a'.repeat(ASSOCIATION_NAME_MAX) })).toEqual({})
    expect(errorsOf({ associationName: 'a'.repeat(ASSOCIATION_NAME_MAX + 1) })).toEqual({ associationName: 'tooLong' })
    const address = `${'1 rue '.padEnd(ASSOCIATION_CONTACT_MAX - 6, 'a')} 33340`
    expect(address.length).toBe(ASSOCIATION_CONTACT_MAX)
    expect(errorsOf({ associationContact: address })).toEqual({})
    expect(errorsOf({ associationContact: `a${address}` })).toEqual({ associationContact: 'tooLong' })
    expect(errorsOf({ associationName: 'a\u0007b' })).toEqual({ associationName: 'invalidCharacters' })
  })

  it('reads back what was stored, and refuses an oversized stored value', () => {
    const stored = { ...DEFAULT_SETTINGS, associationName: 'Les Écureuils', associationContact: 'bureau@ecureuils.fr' }
    expect(SettingsSchema.parse(stored)).toEqual(stored)
    expect(SettingsSchema.shape.associationName.safeParse('x'.repeat(10_000)).success).toBe(false)
    expect(SettingsSchema.shape.associationContact.safeParse(42).success).toBe(false)
  })
})
