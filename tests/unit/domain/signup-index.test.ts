// A sign-up list's indexes patched from the list it came from (the reader's recorded change) equal indexes built anew.
import { describe, expect, it } from 'vitest'
import * as edit from '../../../src/doc/mutations.ts'
import { liveCollective } from '../../../src/doc/read-live.ts'
import type { CollectiveSnapshot } from '../../../src/doc/read.ts'
import { createActorId, type AdultId, type FamilyId } from '../../../src/domain/ids.ts'
import { doubleBookings, droppedSignUps, indexSignUps, signUpIndexCounts } from '../../../src/domain/rota/signup-index.ts'
import { walkKeyOf } from '../../../src/domain/signup.ts'
import { seedFromEnv, seededRandom } from '../../helpers/seeded-random.ts'
import { newFixture, valueOf, walkOn } from '../doc/fixtures.ts'

const SEEDS = 20
const STEPS = 80
const DATES = ['2027-03-15', '2027-03-16'] as const

type Random = () => number
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!

/** The indexes of the view, and the same computed from a copy of its list (no recorded change: built anew). */
const compare = (view: CollectiveSnapshot) => {
  const fresh = { ...view, signUps: [...view.signUps] }
  const walkKeys = [...new Set(view.signUps.map((signUp) => walkKeyOf(signUp)))].sort()
  const shape = (model: CollectiveSnapshot) => ({
    byWalk: walkKeys.map((key) => [key, indexSignUps(model).signUpsOf(key)]),
    bookings: doubleBookings(model),
    dropped: [...droppedSignUps(model)].sort((a, b) => a.clock - b.clock || a.adultId.localeCompare(b.adultId)),
  })
  return { patched: shape(view), built: shape(fresh) }
}

describe('sign-up indexes patched from the previous list', () => {
  it('equal the indexes built from scratch after random sign-ups, withdrawals and double bookings', () => {
    const base = seedFromEnv('SIGNUP_INDEX_SEED', 1)
    const before = { ...signUpIndexCounts }
    for (let seed = base; seed < base + SEEDS; seed++) {
      const random = seededRandom(seed)
      const fixture = newFixture()
      const { doc } = fixture
      const lineB = valueOf(edit.addLine(doc, { name: 'Ligne B', colour: '#1565c0', directions: ['aller', 'retour'], days: [1, 2, 4, 5] }))
      const adults: { id: AdultId; familyId: FamilyId }[] = [{ id: fixture.adultId, familyId: fixture.familyId }]
      for (let i = 0; i < 3; i++) {
        const familyId = valueOf(edit.addFamily(doc, { displayName: `F${i}` }))
        adults.push({ id: valueOf(edit.addAdult(doc, familyId, { firstName: `P${i}`, phone: '06 12 34 56 78', charterAcceptedOn: '2026-09-07', insured: true })), familyId })
      }
      const actor = createActorId()
      const live = liveCollective(doc)
      live.read()
      for (let step = 0; step < STEPS; step++) {
        const adult = pick(random, adults)
        const walk = walkOn(pick(random, [fixture.lineId, lineB]), pick(random, DATES), random() < 0.5 ? 'aller' : 'retour')
        const roll = random()
        const write = { walk, adultId: adult.id, familyId: adult.familyId, slot: pick(random, ['lead', 'tail', 'extra'] as const) }
        // Published places are written as they come: one adult may end on two walks at the same time.
        if (roll < 0.5) edit.writePublishedSignUps(doc, [write], { actor })
        else if (roll < 0.8) edit.writeSignUp(doc, { ...write, actor })
        else edit.writeWithdrawal(doc, walk, adult.id, actor)
        // Sometimes several updates arrive before the rota is read again: their changes are folded together.
        if (random() < 0.6) {
          const { patched, built } = compare(live.read())
          expect(patched, `seed ${seed} (replay: SIGNUP_INDEX_SEED=${seed}), step ${step}`).toEqual(built)
        }
      }
      live.destroy()
    }
    expect(signUpIndexCounts.patched - before.patched).toBeGreaterThan(SEEDS * STEPS * 0.3)
  })
})
