// Two offline phones put one adult on two walks at the same time: both phones resolve it alike, tell the family, and the set-aside place can be withdrawn.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import * as edit from '../../../src/doc/mutations.ts'
import { readCollective } from '../../../src/doc/read.ts'
import { createActorId } from '../../../src/domain/ids.ts'
import { effectiveWalkOf, goneNotices } from '../../../src/app/queries/rota.ts'
import { keyedDoc } from '../../helpers/seal-key.ts'
import { exchange, newFixture, valueOf, walkOn } from '../doc/fixtures.ts'

const NOW = Date.parse('2027-03-10T09:00:00Z')

describe('a double booking from two offline phones', () => {
  for (const order of ['ab', 'ba'] as const) {
    it(`keeps the earliest place on both phones and tells the family the other is set aside (exchange ${order})`, () => {
      const { doc: a, lineId, adultId, familyId } = newFixture()
      const lineB = valueOf(edit.addLine(a, { name: 'Ligne B', colour: '#1565c0', directions: ['aller', 'retour'], days: [1, 2, 4, 5] }))
      const b = keyedDoc()
      Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
      const onA = walkOn(lineId)
      const onB = walkOn(lineB)
      edit.writeSignUp(a, { walk: onA, adultId, familyId, slot: 'lead', actor: createActorId() })
      edit.writePublishedSignUps(b, [{ walk: onB, adultId, familyId, slot: 'tail' }], { actor: createActorId() })
      exchange(a, b, order)
      const views = [readCollective(a), readCollective(b)]
      const shown = views.map((view) => [onA, onB].map((walk) => {
        const effective = effectiveWalkOf(view, walk, NOW)
        return [effective?.lead?.adultId ?? null, effective?.tail?.adultId ?? null]
      }))
      expect(shown[1]).toEqual(shown[0])
      // Exactly one of the two places counts.
      expect(shown[0]!.flat().filter((id) => id === adultId)).toHaveLength(1)
      const notices = goneNotices(views[0]!, (signUp) => signUp.familyId === familyId, NOW)
      expect(notices).toHaveLength(1)
      expect(notices[0]).toMatchObject({ adultId, keptLineName: expect.any(String) })
    })
  }
})
