// Selections over the effective rota for the screens: whose sign-up is mine, people by id, my waiting notices (place taken or no longer needed).
import { compareDates, type LocalDate } from '../../domain/dates.ts'
import type { AdultId, ChildId, FamilyId, LineId } from '../../domain/ids.ts'
import type { Direction } from '../../domain/line.ts'
import type { CollectiveModel } from '../../domain/model.ts'
import type { Adult, Child } from '../../domain/people.ts'
import type { WalkRota } from '../../domain/rota-types.ts'
import { compareSignUps, type SignUp } from '../../domain/signup.ts'
import type { DeviceIdentity } from '../api.ts'
import { holdersOf } from './rota.ts'

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

/**
 * The lines my family walks on: its children's routes, and any line of `walks` where one of its adults holds a place or
 * waits for one. Empty for a phone that has not said who it is.
 */
export const familyLineIds = (
  model: Pick<CollectiveModel, 'children'>, familyId: FamilyId | null, walks: readonly WalkRota[],
): ReadonlySet<LineId> => {
  const lines = new Set<LineId>()
  if (familyId === null) return lines
  for (const child of model.children) {
    if (child.familyId !== familyId) continue
    if (child.routes.aller) lines.add(child.routes.aller.lineId)
    if (child.routes.retour) lines.add(child.routes.retour.lineId)
  }
  const ours = (signUp: SignUp | null) => signUp !== null && signUp.familyId === familyId
  for (const walk of walks) {
    if (ours(walk.lead) || ours(walk.tail) || walk.extras.some(ours) || walk.waiting.some(ours)) lines.add(walk.lineId)
  }
  return lines
}

export const adultName = (adults: ReadonlyMap<AdultId, Adult>, id: AdultId): string => adults.get(id)?.firstName ?? '?'

/** 'taken': the place was held first by another sign-up; 'fewerNeeded': an extra place that the walk no longer needs. */
export type WaitingReason = 'taken' | 'fewerNeeded'

export interface WaitingNotice {
  /** What happened to which sign-up (line, walk, adult, its clock and actor, why): a dismissal names it. */
  readonly key: string
  readonly date: LocalDate
  readonly direction: Direction
  readonly reason: WaitingReason
  /** First names of who holds the slot asked for, earliest first; empty if unknown (and for 'fewerNeeded'). */
  readonly holders: readonly string[]
}

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
      const place = `${walk.lineId}|${walk.date}|${walk.direction}|${waiting.adultId}`
      const key = (reason: WaitingReason) => `waiting|${place}|${waiting.clock}|${waiting.actor}|${reason}`
      if (waitsForFewerNeeded(walk, waiting)) {
        const reason = 'fewerNeeded'
        notices.push({ key: key(reason), date: walk.date, direction: walk.direction, reason, holders: [] })
        continue
      }
      const before = holdersOf(walk, waiting.slot).filter((holder) => compareSignUps(holder, waiting) < 0)
      const shown = before.length > 0 ? before : holdersOf(walk, waiting.slot)
      const holders = [...new Set(shown.map((s) => adultName(adults, s.adultId)))]
      notices.push({ key: key('taken'), date: walk.date, direction: walk.direction, reason: 'taken', holders })
    }
  }
  return notices.sort((a, b) => compareDates(a.date, b.date) || a.direction.localeCompare(b.direction))
}
