// Acting for a family without a smartphone (issue 18): who "me" is while a member acts for that family, and the
// on-behalf mark the rota and swap commands write with each change.
import type { OnBehalf } from '../domain/on-behalf.ts'
import type { FamilyId } from '../domain/ids.ts'
import { err, ok } from '../lib/result.ts'
import { createStore, type ReadableStore } from '../lib/store.ts'
import { authorTime } from '../doc/clock.ts'
import type { ActingFor, ActingSession, CollectiveView, DeviceIdentity } from './api.ts'

export interface Acting extends ActingSession {
  /** The phone's own identity, or the family acted for (with the phone's own actor id: the phone still writes). */
  readonly me: ReadableStore<DeviceIdentity>
}

const meOf = (own: DeviceIdentity, acting: ActingFor | null): DeviceIdentity =>
  acting === null ? own : { actorId: own.actorId, familyId: acting.familyId, adultId: acting.adultId }

/**
 * The acting mode over the phone's own identity. In memory only, on purpose: a reload ends it, so a phone lent
 * or left on a table never stays in someone else's name. Its listener on `own` lives as long as the session's stores
 * (no timer, socket or DOM listener to release).
 */
export const createActing = (own: ReadableStore<DeviceIdentity>, view: ReadableStore<CollectiveView>): Acting => {
  const acting = createStore<ActingFor | null>(null)
  const me = createStore<DeviceIdentity>(own.get())
  const refresh = (): void => me.set(meOf(own.get(), acting.get()))
  own.subscribe(refresh)
  acting.subscribe(refresh)
  return {
    me,
    acting,
    actFor(familyId: FamilyId) {
      const mine = own.get()
      const current = view.get()
      if (mine.familyId === null) return err('noIdentity')
      if (!current.families.some((family) => family.id === familyId)) return err('unknownFamily')
      if (familyId === mine.familyId) return err('ownFamily')
      const adult = current.adults
        .filter((candidate) => candidate.familyId === familyId)
        .sort((a, b) => a.firstName.localeCompare(b.firstName, 'fr') || a.id.localeCompare(b.id))[0]
      if (adult === undefined) return err('noAdult')
      const next: ActingFor = { familyId, adultId: adult.id, byFamilyId: mine.familyId, byAdultId: mine.adultId }
      acting.set(next)
      return ok(next)
    },
    stopActing: () => acting.set(null),
  }
}

/** The mark a change made now carries: who acts and the phone's local time; undefined outside the acting mode. */
export const onBehalfNow = (acting: ReadableStore<ActingFor | null> | undefined, now: number): OnBehalf | undefined => {
  const current = acting?.get() ?? null
  if (current === null) return undefined
  return {
    byFamilyId: current.byFamilyId,
    ...(current.byAdultId === null ? {} : { byAdultId: current.byAdultId }),
    at: authorTime(now),
  }
}
