// "Mes trajets" and "Mon prochain trajet" resolve only the walks where the family can hold or wait for a place: the
// same answer as resolving every walk up to the furthest one named (the previous reading), after seeded sign-ups,
// withdrawals, offers, takes, trades and releases on three phones that sync now and then.
import { describe, expect, it } from 'vitest'
import { addDays, compareDates, localDate, type LocalDate } from '../../../src/domain/dates.ts'
import type { FamilyId } from '../../../src/domain/ids.ts'
import { deriveWalks, type MyWalk } from '../../../src/domain/rota/index.ts'
import type { Slot, WalkRef } from '../../../src/domain/signup.ts'
import { walkStartInstant } from '../../../src/domain/rota/index.ts'
import { effectiveOf, familyPlaces, holdersOf, HORIZON_WEEKS, nextHeldWalk, todayIn, type RotaModel } from '../../../src/app/queries/rota.ts'
import { mondayOf } from '../../../src/app/queries/calendar.ts'
import { seedFromEnv, seededRandom } from '../../helpers/seeded-random.ts'
import { newWorld, NOW, syncAll, walkOn, type Phone } from './swap-phones.ts'

/** The previous reading: every walk from today to the horizon's end, or to the furthest sign-up or offer of the family. */
const referencePlaces = (model: RotaModel, familyId: FamilyId, today: LocalDate, now: number): MyWalk[] => {
  let to = addDays(mondayOf(today), 7 * HORIZON_WEEKS - 1)
  for (const signUp of model.signUps) {
    if (signUp.familyId === familyId && signUp.status === 'active' && compareDates(signUp.date, to) > 0) to = signUp.date
  }
  for (const offer of model.swaps?.offers ?? []) {
    for (const date of [offer.walk.date, offer.target?.walk?.date]) if (date !== undefined && compareDates(date, to) > 0) to = date
  }
  const mine = new Set(model.adults.filter((adult) => adult.familyId === familyId).map((adult) => adult.id))
  return effectiveOf(model, deriveWalks(model, today, to), now).flatMap((rota): MyWalk[] => {
    const roles = [
      ...holdersOf(rota).filter((s) => mine.has(s.adultId)).map((s) => ({ adultId: s.adultId, slot: s.slot, status: 'held' as const })),
      ...rota.waiting.filter((s) => mine.has(s.adultId)).map((s) => ({ adultId: s.adultId, slot: s.slot, status: 'waiting' as const })),
    ]
    return roles.length > 0 ? [{ rota, roles, childIds: [] }] : []
  })
}

const referenceNext = (model: RotaModel, familyId: FamilyId, today: LocalDate, now: number): string | null => {
  for (const place of referencePlaces(model, familyId, today, now)) {
    const role = place.roles.find((candidate) => candidate.status === 'held')
    if (role && !place.rota.cancellation && walkStartInstant(place.rota) > now) return `${place.rota.key} ${role.adultId} ${role.slot}`
  }
  return null
}

const shape = (walks: readonly MyWalk[]): string[] => walks.map((walk) => `${walk.rota.key} ${JSON.stringify(walk.roles)}`)

const SEED = seedFromEnv('FAMILY_PLACES_SEED', 20261207)
const RUNS = 12
const OPERATIONS = 60
const SLOTS: readonly Slot[] = ['lead', 'tail', 'extra']

describe('family places', () => {
  it('equal every walk resolved up to the furthest one named, after random swaps on three phones (seeded)', () => {
    for (let run = 0; run < RUNS; run++) {
      const seed = SEED + run
      const random = seededRandom(seed)
      const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
      const world = newWorld()
      const phones = world.phones as Phone[]
      // Walks over ten weeks from Monday 15 March 2027: some beyond the six-week horizon.
      const walkAt = (): WalkRef => walkOn(world.lineId, addDays(localDate('2027-03-15'), Math.floor(random() * 70)), pick(['aller', 'retour']))
      for (let op = 0; op < OPERATIONS; op++) {
        const index = Math.floor(random() * phones.length)
        const phone = phones[index]!
        const adult = world.adults[index]!
        const view = phone.view.get()
        const offers = view.swaps?.offers ?? []
        const roll = random()
        if (roll < 0.4) phone.commands.signUp(walkAt(), pick(SLOTS), adult)
        else if (roll < 0.5) phone.commands.withdraw(walkAt(), adult)
        else if (roll < 0.62) {
          const mine = view.signUps.filter((signUp) => signUp.adultId === adult && signUp.status === 'active')
          if (mine.length > 0) phone.commands.offerSlot(pick(mine), adult)
        } else if (roll < 0.72) {
          const mine = view.signUps.filter((signUp) => signUp.adultId === adult && signUp.status === 'active')
          const other = pick(world.families.filter((family) => family !== world.families[index]))
          if (mine.length > 0) phone.commands.proposeTrade(pick(mine), adult, random() < 0.5 ? { familyId: other } : { familyId: other, walk: walkAt() })
        } else if (roll < 0.84 && offers.length > 0) {
          const offer = pick(offers)
          if (offer.target === undefined) phone.commands.takeOffer(offer.id, adult)
          else phone.commands.answerTrade(offer.id, adult, random() < 0.7 ? { accept: true, gives: offer.target.walk ?? walkAt() } : { accept: false })
        } else if (roll < 0.9 && offers.length > 0) phone.commands.releaseSlot(pick(offers).id, adult)
        else if (roll < 0.94 && offers.length > 0) phone.commands.withdrawOffer(pick(offers).id)
        if (random() < 0.3) syncAll(phones)
      }
      syncAll(phones)
      for (const days of [0, 2, 9, 30]) {
        const now = NOW + days * 86_400_000 + Math.floor(random() * 86_400_000)
        const today = todayIn(now)
        for (const phone of phones) {
          const model = phone.view.get()
          for (const familyId of world.families) {
            const context = `seed ${seed} (FAMILY_PLACES_SEED=${SEED}, run ${run}), +${days} days, family ${familyId}`
            expect(shape(familyPlaces(model, familyId, today, now)), context).toEqual(shape(referencePlaces(model, familyId, today, now)))
            const next = nextHeldWalk(model, familyId, today, now)
            expect(next === null ? null : `${next.walk.key} ${next.role.adultId} ${next.role.slot}`, context)
              .toBe(referenceNext(model, familyId, today, now))
          }
        }
      }
    }
  })
})
