// The school's holiday zone from its postcode or département: the ministry's map, Corse and overseas recognised.
import { describe, expect, it } from 'vitest'
import { departmentOfPostcode, knownDepartments, schoolPlaceOf } from '../../../src/domain/school-place.ts'

describe('schoolPlaceOf', () => {
  it.each([
    ['35000', 'B', 'Rennes'], // Rennes
    ['33000', 'A', 'Bordeaux'], // Bordeaux
    ['33700', 'A', 'Bordeaux'], // Mérignac
    ['75011', 'C', 'Paris'],
    ['69003', 'A', 'Lyon'],
    ['13001', 'B', 'Aix-Marseille'],
    ['31000', 'C', 'Toulouse'],
    ['14000', 'B', 'Normandie'], // Caen, merged into Normandie
    ['76000', 'B', 'Normandie'], // Rouen
    ['67000', 'B', 'Strasbourg'],
    ['93200', 'C', 'Créteil'],
    ['92100', 'C', 'Versailles'],
    ['01000', 'A', 'Lyon'], // Bourg-en-Bresse: a leading zero
    ['44000', 'B', 'Nantes'],
    ['34000', 'C', 'Montpellier'],
    ['63000', 'A', 'Clermont-Ferrand'],
  ])('postcode %s is zone %s (académie de %s)', (postcode, zone, academy) => {
    expect(schoolPlaceOf(postcode)).toMatchObject({ kind: 'zone', zone, academy })
  })

  it('reads a département code and a postcode typed with a space', () => {
    expect(schoolPlaceOf('35')).toMatchObject({ kind: 'zone', zone: 'B', department: '35' })
    expect(schoolPlaceOf(' 35 000 ')).toMatchObject({ kind: 'zone', zone: 'B' })
    expect(schoolPlaceOf('1')).toMatchObject({ kind: 'zone', zone: 'A', department: '01' })
  })

  it('recognises Corse and the overseas académies as having their own calendar', () => {
    expect(schoolPlaceOf('20000')).toEqual({ kind: 'ownCalendar', department: '2A', academy: 'Corse' })
    expect(schoolPlaceOf('20200')).toEqual({ kind: 'ownCalendar', department: '2B', academy: 'Corse' })
    expect(schoolPlaceOf('2b')).toMatchObject({ kind: 'ownCalendar', academy: 'Corse' })
    expect(schoolPlaceOf('97400')).toMatchObject({ kind: 'ownCalendar', academy: 'La Réunion' })
    expect(schoolPlaceOf('97600')).toMatchObject({ kind: 'ownCalendar', academy: 'Mayotte' })
    expect(schoolPlaceOf('97133')).toMatchObject({ kind: 'ownCalendar', academy: 'Guadeloupe' }) // Saint-Barthélemy
    expect(schoolPlaceOf('98800')).toMatchObject({ kind: 'ownCalendar', academy: 'Nouvelle-Calédonie' })
  })

  it('knows nothing of texts that are not a French postcode or département', () => {
    for (const text of ['', 'Rennes', '3500', '350000', '00000', '99', '96000', '98000', '20', 'ABCDE']) {
      expect(schoolPlaceOf(text), text).toBeNull()
    }
  })

  it('covers the 96 metropolitan départements, each in exactly one académie', () => {
    const metropolitan = knownDepartments().filter((code) => code.length === 2)
    expect(metropolitan).toHaveLength(96)
    expect(new Set(metropolitan).size).toBe(96)
    const expected = Array.from({ length: 95 }, (_, n) => String(n + 1).padStart(2, '0')).filter((code) => code !== '20')
    expect(new Set(metropolitan)).toEqual(new Set([...expected, '2A', '2B']))
  })

  it('gives every metropolitan zone its académies (8 in A, 11 in B, 5 in C)', () => {
    const academies = { A: new Set<string>(), B: new Set<string>(), C: new Set<string>() }
    for (const code of knownDepartments()) {
      const place = schoolPlaceOf(code)
      if (place?.kind === 'zone') academies[place.zone].add(place.academy)
    }
    expect([academies.A.size, academies.B.size, academies.C.size]).toEqual([8, 11, 5])
  })
})

describe('departmentOfPostcode', () => {
  it('splits Corse at 202 and keeps three digits overseas', () => {
    expect(departmentOfPostcode('20199')).toBe('2A')
    expect(departmentOfPostcode('20290')).toBe('2B')
    expect(departmentOfPostcode('97300')).toBe('973')
    expect(departmentOfPostcode('3500')).toBeNull()
  })
})
