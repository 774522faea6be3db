// Validation of what parents type: the collective profile and family names, with message keys the UI translates.
import { describe, expect, it } from 'vitest'
import { CollectiveProfileInputSchema, StoredCollectiveProfileSchema } from '../../../src/domain/collective.ts'
import { FamilyInputSchema, StoredFamilySchema } from '../../../src/domain/family.ts'
import { FairnessSettingInputSchema } from '../../../src/domain/planning/records.ts'
import { SettingsInputSchema } from '../../../src/domain/settings.ts'
import { fieldErrorsOf } from '../../../src/domain/validation.ts'

const errorsOf = (input: unknown) => {
  const parsed = CollectiveProfileInputSchema.safeParse(input)
  return parsed.success ? {} : fieldErrorsOf(parsed.error)
}

describe('collective profile input', () => {
  it('trims and collapses spaces', () => {
    const parsed = CollectiveProfileInputSchema.parse({ name: '  Pédibus   des Pins ', school: 'École Jules Ferry', town: 'Lesparre-Médoc' })
    expect(parsed.name).toBe('Pédibus des Pins')
  })

  it('names every missing, blank or too long field', () => {
    expect(errorsOf({ name: '   ', school: 'x'.repeat(81) })).toEqual({ name: 'required', school: 'tooLong', town: 'required' })
  })

  it('refuses control characters', () => {
    expect(errorsOf({ name: 'a\u0007b', school: 'École', town: 'Pauillac' })).toEqual({ name: 'invalidCharacters' })
  })
})

describe('stored records', () => {
  it('keeps fields written by a newer version', () => {
    const stored = StoredCollectiveProfileSchema.parse({ name: 'P', school: 'S', town: 'T', motto: 'ensemble' })
    expect(stored).toMatchObject({ motto: 'ensemble' })
  })

  it('rejects a family with a malformed id or an oversized name', () => {
    expect(StoredFamilySchema.safeParse({ id: 'not-a-uuid', displayName: 'Martin' }).success).toBe(false)
    expect(StoredFamilySchema.safeParse({ id: crypto.randomUUID(), displayName: 'x'.repeat(10_000) }).success).toBe(false)
    expect(StoredFamilySchema.safeParse({ id: crypto.randomUUID(), displayName: 'Martin' }).success).toBe(true)
  })

  it('validates a family name typed in a form', () => {
    expect(FamilyInputSchema.safeParse({ displayName: '' }).success).toBe(false)
    expect(FamilyInputSchema.parse({ displayName: ' Famille  Martin ' })).toEqual({ displayName: 'Famille Martin' })
  })
})

describe('number fields', () => {
  it('call a fraction where a whole number is expected a wrong number, not a missing value', () => {
    const parsed = SettingsInputSchema.safeParse({ childrenPerAdult: 1.5 })
    expect(parsed.success ? {} : fieldErrorsOf(parsed.error)).toEqual({ childrenPerAdult: 'invalidNumber' })
    const missing = FairnessSettingInputSchema.safeParse({ basis: 'perChild' })
    expect(missing.success ? {} : fieldErrorsOf(missing.error)).toEqual({ coordinatorCredit: 'required' })
    const fraction = FairnessSettingInputSchema.safeParse({ basis: 'perChild', coordinatorCredit: 2.5 })
    expect(fraction.success ? {} : fieldErrorsOf(fraction.error)).toEqual({ coordinatorCredit: 'invalidNumber' })
  })
})
