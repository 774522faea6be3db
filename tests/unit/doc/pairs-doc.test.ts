// Pairs in the document: written and read back, withdrawn in place, removed with the newcomer, the experienced adult or the line.
import { describe, expect, it } from 'vitest'
import * as edit from '../../../src/doc/mutations.ts'
import { writePair } from '../../../src/doc/mutations-pairs.ts'
import { readCollective } from '../../../src/doc/read.ts'
import { ActorIdSchema, type AdultId } from '../../../src/domain/ids.ts'
import { newFixture, valueOf, walkOn } from './fixtures.ts'

const actor = ActorIdSchema.parse('00000000-0000-4000-8999-000000000001')

const world = () => {
  const fixture = newFixture()
  const familyId = valueOf(edit.addFamily(fixture.doc, { displayName: 'Dupont' }))
  const marie: AdultId = valueOf(edit.addAdult(fixture.doc, familyId, { firstName: 'Marie', phone: '', charterAcceptedOn: '2026-09-07', insured: true }))
  const walk = walkOn(fixture.lineId)
  valueOf(writePair(fixture.doc, { walk, adultId: marie, withAdultId: fixture.adultId, kind: 'pair', status: 'active', actor }))
  return { ...fixture, marie, walk }
}

describe('pairs in the document', () => {
  it('reads back one pair per walk and newcomer; a withdrawal rewrites it with a later clock', () => {
    const { doc, marie, walk, adultId } = world()
    const [pair] = readCollective(doc).pairs
    expect(pair).toMatchObject({ walk, adultId: marie, withAdultId: adultId, kind: 'pair', status: 'active' })
    valueOf(writePair(doc, { walk, adultId: marie, withAdultId: adultId, kind: 'pair', status: 'withdrawn', actor }))
    const pairs = readCollective(doc).pairs
    expect(pairs).toHaveLength(1)
    expect(pairs[0]!.status).toBe('withdrawn')
    expect(pairs[0]!.clock).toBeGreaterThan(pair!.clock)
  })

  it('goes with the newcomer, the experienced adult or the line', () => {
    for (const remove of ['newcomer', 'experienced', 'line'] as const) {
      const { doc, marie, adultId, lineId } = world()
      if (remove === 'newcomer') edit.removeAdult(doc, marie)
      else if (remove === 'experienced') edit.removeAdult(doc, adultId)
      else edit.removeLine(doc, lineId)
      expect(readCollective(doc).pairs, remove).toEqual([])
      expect(readCollective(doc).toCheck.filter((record) => record.kind === 'pair'), remove).toEqual([])
    }
  })
})
