// Pure selections over derived walks for the screens: whose sign-up is mine, holder names, my waiting notices (place taken or no longer needed).
import type { DeviceIdentity } from '../../../app/api.ts'
import { compareDates, type LocalDate } from '../../../domain/dates.ts'
import type { AdultId, ChildId, FamilyId } from '../../../domain/ids.ts'
import type { CollectiveModel } from '../../../domain/model.ts'
import type { Adult, Child } from '../../../domain/people.ts'
import type { WalkRota } from '../../../domain/rota-types.ts'
import { compareSignUps, type SignUp, type Slot } from '../../../domain/signup.ts'
import type { WaitingNotice } from './rota-format.ts'

export type Me = Pick<DeviceIdentity, 'actorId' | 'familyId'>

/** A sign-up is mine when my family's adult holds it or this phone wrote it. */
export const isMine = (signUp: Pick<SignUp, 'familyId' | 'actor'>, me: Me): boolean =>
  (me.familyId !== null && signUp.familyId === me.familyId) || signUp.actor === me.actorId

export const adultsById = (model: Pick<CollectiveModel, 'adults'>): ReadonlyMap<AdultId, Adult> =>
  new Map(model.adults.map((adult) => [adult.id, adult]))

export const childrenById = (model: Pick<CollectiveModel, 'children'>): ReadonlyMap<ChildId, Child> =>
  new Map(model.children.map((child) => [child.id, child]))

export const adultsOfFamily = (model: Pick<CollectiveModel, 'adults'>, familyId: FamilyId | null): readonly Adult[] =>
  familyId === null ? [] : model.adults.filter((adult) => adult.familyId === familyId)

/** The sign-ups holding a slot of the walk, in slot order. */
export const holdersOf = (walk: WalkRota, slot: Slot): readonly SignUp[] => {
  if (slot === 'lead') return walk.lead ? [walk.lead] : []
  if (slot === 'tail') return walk.tail ? [walk.tail] : []
  return walk.extras
}

/** Every held place of the walk with its slot, lead first. */
export const heldPlaces = (walk: WalkRota): ReadonlyArray<{ readonly slot: Slot; readonly signUp: SignUp }> => [
  ...(walk.lead ? [{ slot: 'lead' as const, signUp: walk.lead }] : []),
  ...(walk.tail ? [{ slot: 'tail' as const, signUp: walk.tail }] : []),
  ...walk.extras.map((signUp) => ({ slot: 'extra' as const, signUp })),
]

export const adultName = (adults: ReadonlyMap<AdultId, Adult>, id: AdultId): string => adults.get(id)?.firstName ?? '?'

/**
 * Whether a waiting sign-up waits only because the walk needs fewer adults now: an extra place
 * when the walk has no extra place left (it needs just its lead and tail). The UI offers an extra
 * place only while one exists, so such a sign-up was made when more children were expected.
 * With extra places left, a waiting extra is told who held the places first (also true).
 */
export const waitsForFewerNeeded = (walk: Pick<WalkRota, 'requiredAdults'>, waiting: Pick<SignUp, 'slot'>): boolean =>
  waiting.slot === 'extra' && walk.requiredAdults - 2 <= 0

/**
 * The notices I must see: each of my sign-ups on the waiting list of a walk that still runs, from
 * `today` on, with who held the slot before me (earlier in the deterministic order), or that the
 * walk needs fewer adults now.
 */
export const waitingNotices = (walks: readonly WalkRota[], me: Me, adults: ReadonlyMap<AdultId, Adult>, today: LocalDate): WaitingNotice[] => {
  const notices: WaitingNotice[] = []
  for (const walk of walks) {
    if (walk.cancellation || compareDates(walk.date, today) < 0) continue
    for (const waiting of walk.waiting) {
      if (!isMine(waiting, me)) continue
      if (waitsForFewerNeeded(walk, waiting)) {
        notices.push({ date: walk.date, direction: walk.direction, reason: 'fewerNeeded', holders: [] })
        continue
      }
      const before = holdersOf(walk, waiting.slot).filter((holder) => compareSignUps(holder, waiting) < 0)
      const shown = before.length > 0 ? before : holdersOf(walk, waiting.slot)
      notices.push({ date: walk.date, direction: walk.direction, reason: 'taken', holders: [...new Set(shown.map((s) => adultName(adults, s.adultId)))] })
    }
  }
  return notices.sort((a, b) => compareDates(a.date, b.date) || a.direction.localeCompare(b.direction))
}
