// Sign-ups kept current entry by entry: a change reads again only the keys it touched and patches the sorted list.
//
// A five-year document holds ~10,000 entries; grouping and sorting them all again after each change costs more than
// everything else the view reads. The result always equals readSignUps (tests/unit/doc/read-live.test.ts).
import type * as Y from 'yjs'
import { recordSignUpChange } from '../domain/rota/signup-index.ts'
import { compareSignUps, currentEntryOf, type SignUp, type WalkKey } from '../domain/signup.ts'
import { MAP_SHORT_IDS, safeMap } from './keys.ts'
import { SIGNUP_MAPS } from './signup-layout.ts'
import { signUpEntryOf, type SignUpEntry as Entry } from './read-rota.ts'
import { compareIds, type RecordToCheck } from './read-util.ts'

export interface LiveSignUps {
  /** One entry per place, sorted by place, as readSignUps returns them; a new array only when one changed. */
  readonly signUps: readonly SignUp[]
  readonly toCheck: readonly RecordToCheck[]
  /**
   * Reads again the entries under the keys changed in each map, and, when short ids were registered (MAP_SHORT_IDS's
   * keys in `changed`), the entries "to check" that may name them. False when a map is no longer the one read, when a
   * short id that a read entry resolved changed (read everything again), or when two entries of a place tie and only
   * the maps' order (which readSignUps follows) would pick one.
   */
  update(changed: ReadonlyMap<string, Iterable<string>>): boolean
}

/** Position of `place` in the ascending `places`, or where it would go. */
const positionIn = (places: readonly string[], place: string): number => {
  let low = 0
  let high = places.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (compareIds(places[middle]!, place) < 0) low = middle + 1
    else high = middle
  }
  return low
}

/** `walk|adult` -> `walk`. */
const walkOfPlace = (place: string): WalkKey => place.slice(0, place.lastIndexOf('|')) as WalkKey

/** Every sign-up of the walks of `touched` places: places of one walk are adjacent (they share the `walk|` prefix). */
const walksOf = (places: readonly string[], signUps: readonly SignUp[], touched: ReadonlySet<string>): Map<WalkKey, SignUp[]> => {
  const walks = new Map<WalkKey, SignUp[]>()
  for (const place of touched) {
    const walk = walkOfPlace(place)
    if (walks.has(walk)) continue
    const prefix = `${walk}|`
    const list: SignUp[] = []
    for (let at = positionIn(places, prefix); at < places.length && places[at]!.startsWith(prefix); at++) list.push(signUps[at]!)
    walks.set(walk, list)
  }
  return walks
}

/** An entry's name across both maps (a key could be in both: written by a broken client). */
const tagOf = (mapName: string, key: string): string => `${mapName}\n${key}`

/**
 * The short ids (first 8 characters) of every id a read sign-up names: a registration that changes one of them may
 * change what entries read as. A new one (a phone's first write registers its device) can change only entries "to
 * check", which named it before it arrived.
 */
const addShortIds = (shorts: Set<string>, signUp: SignUp): void => {
  for (const id of [signUp.lineId, signUp.adultId, signUp.actor, signUp.familyId]) shorts.add(id.slice(0, 8))
}

/** The sign-ups of the document's sign-up maps, null when one is not a map (readSignUps then lists it "to check"). */
export const liveSignUps = (doc: Y.Doc): LiveSignUps | null => {
  const maps = SIGNUP_MAPS.map((name) => safeMap(doc, name))
  if (maps.some((map) => map === null)) return null
  const named = SIGNUP_MAPS.map((name, i) => [name, maps[i]!] as const)
  const entries = new Map<string, Entry>()
  const byPlace = new Map<string, Map<string, SignUp>>()
  const usedShorts = new Set<string>()
  /** Map name and key of each entry "to check". */
  const listedEntries = new Map<string, readonly [string, string]>()
  const add = (place: string, key: string, signUp: SignUp): void => {
    addShortIds(usedShorts, signUp)
    const keys = byPlace.get(place)
    if (keys === undefined) byPlace.set(place, new Map([[key, signUp]]))
    else keys.set(key, signUp)
  }
  // Entries with a problem, in the maps' order (readSignUps lists them so).
  const problems = (): RecordToCheck[] => {
    const listed: RecordToCheck[] = []
    for (const [name, map] of named) {
      for (const key of map.keys()) {
        const entry = entries.get(tagOf(name, key))
        if (entry !== undefined && 'toCheck' in entry) listed.push(entry.toCheck)
      }
    }
    return listed
  }
  for (const [name, map] of named) {
    for (const [key, value] of map.entries()) {
      const entry = signUpEntryOf(doc, key, value)
      entries.set(tagOf(name, key), entry)
      if ('place' in entry) add(entry.place, tagOf(name, key), entry.signUp)
      else listedEntries.set(tagOf(name, key), [name, key])
    }
  }
  const places = [...byPlace.keys()].sort(compareIds)
  const currentOf = (place: string): SignUp | undefined => {
    const list = [...(byPlace.get(place)?.values() ?? [])]
    return list.length === 1 ? list[0] : currentEntryOf(list)
  }
  let signUps: readonly SignUp[] = places.flatMap((place) => currentOf(place) ?? [])
  let toCheck: readonly RecordToCheck[] = problems()

  /** The keys to read again, by map: those changed, and the entries "to check" when short ids were registered. */
  const keysToRead = (changed: ReadonlyMap<string, Iterable<string>>): Map<string, Set<string>> | null => {
    const keys = new Map<string, Set<string>>(SIGNUP_MAPS.map((name) => [name, new Set(changed.get(name) ?? [])]))
    const shorts = [...(changed.get(MAP_SHORT_IDS) ?? [])]
    if (shorts.some((short) => usedShorts.has(short))) return null
    if (shorts.length > 0) for (const [name, key] of listedEntries.values()) keys.get(name)?.add(key)
    return keys
  }

  const update = (changed: ReadonlyMap<string, Iterable<string>>): boolean => {
    if (named.some(([name, map]) => safeMap(doc, name) !== map)) return false
    const toRead = keysToRead(changed)
    if (toRead === null) return false
    const touched = new Set<string>()
    let listed = false
    for (const [name, map] of named) {
      for (const key of toRead.get(name) ?? []) {
        const tag = tagOf(name, key)
        const before = entries.get(tag)
        const after = map.has(key) ? signUpEntryOf(doc, key, map.get(key)) : undefined
        if (before !== undefined && 'place' in before) {
          byPlace.get(before.place)?.delete(tag)
          touched.add(before.place)
        } else if (before !== undefined) listed = true
        listedEntries.delete(tag)
        if (after === undefined) entries.delete(tag)
        else {
          entries.set(tag, after)
          if ('place' in after) {
            add(after.place, tag, after.signUp)
            touched.add(after.place)
          } else {
            listed = true
            listedEntries.set(tag, [name, key])
          }
        }
      }
    }
    let patched: SignUp[] | null = null
    for (const place of touched) {
      const list = [...(byPlace.get(place)?.values() ?? [])]
      if (list.length === 0) byPlace.delete(place)
      const current = list.length === 1 ? list[0] : currentEntryOf(list)
      // A tie is decided by the order of the entries, which here is not the map's: read everything again.
      const tied = (entry: SignUp): boolean => entry !== current && compareSignUps(entry, current!) === 0
      if (current !== undefined && list.some(tied)) return false
      const at = positionIn(places, place)
      const present = places[at] === place
      if (present ? (patched ?? signUps)[at] === current : current === undefined) continue
      patched ??= [...signUps]
      if (current === undefined) {
        places.splice(at, 1)
        patched.splice(at, 1)
      } else if (present) patched[at] = current
      else {
        places.splice(at, 0, place)
        patched.splice(at, 0, current)
      }
    }
    if (patched !== null) {
      recordSignUpChange(patched, signUps, walksOf(places, patched, touched))
      signUps = patched
    }
    if (listed) toCheck = problems()
    return true
  }

  return {
    get signUps() {
      return signUps
    },
    get toCheck() {
      return toCheck
    },
    update,
  }
}
