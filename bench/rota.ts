// Rota benchmark (printed, never asserted): a five-year collective (3 lines, 40 families, 60 children, every walk staffed,
// edits, withdrawals, yearly turnover), its document size, load time from IndexedDB, and the rota computations.
import 'fake-indexeddb/auto'
import { IndexeddbPersistence } from 'y-indexeddb'
import * as Y from 'yjs'
import * as edit from '../src/doc/mutations.ts'
import { nextSharedClock, scanNextSharedClock } from '../src/doc/clock.ts'
import { readCollective, type CollectiveSnapshot } from '../src/doc/read.ts'
import { liveCollective } from '../src/doc/read-live.ts'
import { cleanUpPastYear } from '../src/doc/year-cleanup.ts'
import { weekOf } from '../src/app/queries/rota.ts'
import { bindSealKey } from '../src/doc/codec.ts'
import type { SealKey } from '../src/lib/seal.ts'
import { parisToInstant } from '../src/domain/calendar/paris-time.ts'
import { addDays, localDate, mondayOf, type LocalDate, type TimeOfDay } from '../src/domain/dates.ts'
import { createActorId, type ActorId, type AdultId, type ChildId, type FamilyId, type LineId, type StopId } from '../src/domain/ids.ts'
import { resolveWalks, weekRota } from '../src/domain/rota/resolve.ts'
import { indexSignUps, signUpIndexCounts } from '../src/domain/rota/signup-index.ts'
import { expectedChildren, ratioCountOf, requiredAdultsFor } from '../src/domain/rota/slots.ts'
import { deriveWalks, type Walk } from '../src/domain/rota/walks.ts'
import type { Slot } from '../src/domain/signup.ts'
import { seededRandom } from '../tests/helpers/seeded-random.ts'
import { median, time, timeMedian } from './timing.ts'

/** min / median / max of samples in ms, for one printed line. */
const spread = (samples: readonly number[], digits = 2): string =>
  `min ${Math.min(...samples).toFixed(digits)} / median ${median(samples).toFixed(digits)} / max ${Math.max(...samples).toFixed(digits)} ms`

const FIRST_SCHOOL_YEAR = 2026
const YEARS = 5
const LINES = [['Ligne des Pins', 6], ['Ligne du Lac', 5], ['Ligne de la Gare', 7]] as const
const FAMILIES = 40
const WITHDRAWAL_RATE = 0.08
/** Families leaving (children off to collège) and joining at each new school year. */
const TURNOVER = 8
const random = seededRandom(2026)

interface Member { familyId: FamilyId; adults: AdultId[]; lineId: LineId }
const ok = <T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!result.ok) throw new Error(`bench data does not validate: ${JSON.stringify(result.error)}`)
  return result.value
}

const addFamily = (doc: Y.Doc, n: number, lines: readonly { id: LineId; stops: StopId[] }[]): Member => {
  const line = lines[n % lines.length]!
  const familyId = ok(edit.addFamily(doc, { displayName: `Famille ${n}` }))
  const adults = Array.from({ length: n % 2 === 0 ? 2 : 1 }, (_, i) =>
    ok(edit.addAdult(doc, familyId, { firstName: `Parent ${n}-${i}`, phone: '06 12 34 56 78', charterAcceptedOn: '2026-09-01', insured: true })))
  for (let i = 0; i < (n % 2 === 1 ? 2 : 1); i++) {
    const route = { lineId: line.id, stopId: line.stops[Math.floor(random() * line.stops.length)]! }
    edit.addChild(doc, familyId, {
      firstName: `Enfant ${n}-${i}`, initial: 'B', routes: { aller: route, retour: route }, days: random() < 0.8 ? [1, 2, 4, 5] : [1, 2, 4],
      support: random() < 0.1 ? 'Tenir la main aux traversées' : '', countsExtra: random() < 0.1,
    })
  }
  return { familyId, adults, lineId: line.id }
}

/** Staffs every walk of the school year (lead, tail, extras), one transaction per sign-up as phones write them. */
const staffYear = (doc: Y.Doc, from: LocalDate, to: LocalDate, members: readonly Member[], actors: Map<AdultId, ActorId>): number => {
  const model = readCollective(doc)
  let writes = 0
  for (const walk of deriveWalks(model, from, to)) {
    if (walk.cancellation !== null) continue
    const required = requiredAdultsFor(model.settings, ratioCountOf(expectedChildren(model.children, walk)))
    const pool = members.filter((member) => member.lineId === walk.lineId).flatMap((member) => member.adults.map((adult) => ({ adult, member })))
    const slots: Slot[] = ['lead', 'tail', ...Array.from({ length: required - 2 }, () => 'extra' as const)]
    const start = Math.floor(random() * pool.length)
    slots.forEach((slot, i) => {
      const { adult, member } = pool[(start + i) % pool.length]!
      const actor = actors.get(adult) ?? createActorId()
      actors.set(adult, actor)
      edit.writeSignUp(doc, { walk, adultId: adult, familyId: member.familyId, slot, actor })
      writes++
      if (random() < WITHDRAWAL_RATE) {
        edit.writeWithdrawal(doc, walk, adult, actor)
        const stand = pool[(start + slots.length + i) % pool.length]!
        edit.writeSignUp(doc, { walk, adultId: stand.adult, familyId: stand.member.familyId, slot, actor: actors.get(stand.adult) ?? createActorId() })
        writes += 2
      }
    })
  }
  return writes
}

/** A few edits per year: children change days, a stop moves, a family renames itself. */
const yearlyEdits = (doc: Y.Doc, lines: readonly { id: LineId; stops: StopId[] }[]): void => {
  const view = readCollective(doc)
  for (const child of view.children.slice(0, 10)) {
    edit.updateChild(doc, child.id as ChildId, { ...child, days: child.days.length === 4 ? [1, 2, 4] : [1, 2, 4, 5] })
  }
  const line = lines[Math.floor(random() * lines.length)]!
  edit.moveStop(doc, line.stops[1]!, 3)
  for (const family of view.families.slice(0, 3)) edit.renameFamily(doc, family.id, { displayName: `${family.displayName} bis` })
}

/** The collective's key, as a session binds it: personal fields are only ever written sealed, and read opened. */
const BENCH_KEY = crypto.getRandomValues(new Uint8Array(32)) as SealKey

const generate = (): { doc: Y.Doc; writes: number; ms: number } => {
  const started = performance.now()
  const doc = new Y.Doc()
  bindSealKey(doc, BENCH_KEY)
  edit.initCollective(doc, { name: 'Pédibus des Pins', school: 'École des Pins', town: 'Mérignac' })
  const lines = LINES.map(([name, stopCount], l) => {
    const id = ok(edit.addLine(doc, { name, colour: '#2e7d32', directions: ['aller', 'retour'], days: [1, 2, 4, 5] }))
    const stops = Array.from({ length: stopCount }, (_, s) => ok(edit.addStop(doc, id, {
      name: `Arrêt ${l}-${s}`, times: { aller: `08:${String(5 + 3 * s).padStart(2, '0')}`, retour: `16:${String(55 - 3 * s).padStart(2, '0')}` },
      access: { stepFree: s % 2 === 0, dangerousCrossing: s === 2, note: s === 2 ? 'Traversée dangereuse : attendre le feu' : '' },
    })))
    return { id, stops }
  })
  let members = Array.from({ length: FAMILIES }, (_, n) => addFamily(doc, n, lines))
  let next = FAMILIES
  const actors = new Map<AdultId, ActorId>()
  let writes = 0
  for (let year = FIRST_SCHOOL_YEAR; year < FIRST_SCHOOL_YEAR + YEARS; year++) {
    if (year > FIRST_SCHOOL_YEAR) {
      for (const leaving of members.slice(0, TURNOVER)) edit.removeFamily(doc, leaving.familyId)
      members = [...members.slice(TURNOVER), ...Array.from({ length: TURNOVER }, () => addFamily(doc, next++, lines))]
    }
    writes += staffYear(doc, localDate(`${year}-09-01`), localDate(`${year + 1}-07-04`), members, actors)
    yearlyEdits(doc, lines)
  }
  return { doc, writes, ms: performance.now() - started }
}


const loadFromIndexedDb = async (name: string): Promise<{ doc: Y.Doc; ms: number }> => {
  const started = performance.now()
  const doc = new Y.Doc()
  bindSealKey(doc, BENCH_KEY)
  const persistence = new IndexeddbPersistence(name, doc)
  await persistence.whenSynced
  const ms = performance.now() - started
  await persistence.destroy()
  return { doc, ms }
}

const main = async (): Promise<void> => {
  const { doc, writes, ms: generateMs } = generate()
  const update = Y.encodeStateAsUpdate(doc)
  const view = readCollective(doc)
  const active = view.signUps.filter((signUp) => signUp.status === 'active').length
  console.log(`five-year collective: ${view.lines.length} lines, ${view.stops.length} stops, ${view.families.length} families, ${view.adults.length} adults, ${view.children.length} children`)
  console.log(`  ${writes} sign-up writes (${WITHDRAWAL_RATE * 100}% withdrawn and replaced), ${view.signUps.length} entries (${active} active), generated in ${(generateMs / 1000).toFixed(1)} s`)
  console.log(`  document size (encodeStateAsUpdate): ${(update.byteLength / 1024).toFixed(0)} KiB`)

  const name = 'bench-rota-doc'
  const store = new IndexeddbPersistence(name, doc)
  await store.whenSynced
  await store.destroy()
  const loads = []
  for (let i = 0; i < 5; i++) loads.push((await loadFromIndexedDb(name)).ms)
  const decode = timeMedian(5, () => Y.applyUpdate(new Y.Doc(), update))
  console.log(`  load from IndexedDB (y-indexeddb over fake-indexeddb): median ${median(loads).toFixed(0)} ms; baseline Y.applyUpdate of the same bytes: ${decode.toFixed(0)} ms (x${(median(loads) / decode).toFixed(1)})`)

  const loaded = (await loadFromIndexedDb(name)).doc
  const firstRead = time(() => readCollective(loaded)).ms
  const cachedRead = timeMedian(5, () => readCollective(loaded))
  console.log(`  read the whole view (validated, personal fields sealed and opened): first ${firstRead.toFixed(0)} ms, again ${cachedRead.toFixed(0)} ms (sign-up parses and opened values cached)`)

  const model = readCollective(loaded)
  const monday = mondayOf(localDate('2029-03-12'))
  const now = parisToInstant(addDays(monday, -2), '10:00' as TimeOfDay)
  const week = timeMedian(21, () => weekRota(model, monday, now))
  const year = time(() => deriveWalks(model, localDate('2029-09-01'), localDate('2030-07-04')))
  const yearResolved = timeMedian(5, () => resolveWalks(model, deriveWalks(model, localDate('2029-09-01'), localDate('2030-07-04')), now))
  const walks: Walk[] = year.value
  const index = timeMedian(21, () => indexSignUps(model))
  console.log(`  "Cette semaine" (weekRota, 3 lines): median ${week.toFixed(2)} ms, of which indexing every sign-up of five years ${index.toFixed(2)} ms`)
  console.log(`  a school year of walks: derive ${walks.length} walks ${year.ms.toFixed(1)} ms; derive + resolve ${yearResolved.toFixed(1)} ms (x${(yearResolved / week).toFixed(0)} one week)`)
  const signUpWrite = timeMedian(21, () => {
    const walk = walks[Math.floor(random() * walks.length)]!
    const adult = model.adults[Math.floor(random() * model.adults.length)]!
    edit.writeSignUp(loaded, { walk, adultId: adult.id, familyId: adult.familyId, slot: 'extra', actor: createActorId() })
  })
  console.log(`  one sign-up write on the five-year document: median ${signUpWrite.toFixed(2)} ms`)
  const indexed = timeMedian(21, () => nextSharedClock(loaded))
  const scanned = timeMedian(5, () => scanNextSharedClock(loaded))
  console.log(`    its next shared clock: from the per-doc index ${(indexed * 1000).toFixed(0)} µs; a scan of every clocked map ${scanned.toFixed(2)} ms`)
  remoteUpdateToWeek(loaded, walks, monday, now)
}

const REMOTE_REPEATS = 41

/**
 * What a phone does when another phone's sign-up arrives: apply the update, read the view again as the session does
 * (with the year clean-up's check of a change from outside), then compute what "Cette semaine" shows (weekOf, as
 * WeekPage does). The update is written on a replica, untimed. Run with the session's incremental view and, for
 * comparison on the same machine and moment, with a full readCollective after each update (the session until issue 13).
 */
const remoteUpdateToWeek = (doc: Y.Doc, walks: readonly Walk[], monday: LocalDate, now: number): void => {
  const remote = new Y.Doc()
  bindSealKey(remote, BENCH_KEY)
  Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc))
  const adults = readCollective(remote).adults
  const weekWalks = deriveWalks(readCollective(remote), monday, addDays(monday, 6))
  const live = liveCollective(doc)
  live.read()
  const runs = (label: string, read: () => CollectiveSnapshot): void => {
    const totals: number[] = []
    const applies: number[] = []
    const reads: number[] = []
    const weeks: number[] = []
    for (let i = 0; i < REMOTE_REPEATS; i++) {
      const before = Y.encodeStateVector(remote)
      const walk = weekWalks[i % weekWalks.length] ?? walks[0]!
      // An adult already there on that slot writes nothing: another one then.
      while (Y.getState(remote.store, remote.clientID) === (Y.decodeStateVector(before).get(remote.clientID) ?? 0)) {
        const adult = adults[Math.floor(random() * adults.length)]!
        edit.writeSignUp(remote, { walk, adultId: adult.id, familyId: adult.familyId, slot: 'extra', actor: createActorId() })
      }
      const update = Y.encodeStateAsUpdate(remote, before)
      const started = performance.now()
      Y.applyUpdate(doc, update, 'relay')
      const applied = performance.now()
      const view = read()
      cleanUpPastYear(doc, view)
      const viewed = performance.now()
      const days = weekOf(view, monday, now)
      const done = performance.now()
      if (days.length === 0) throw new Error('bench: an empty week')
      totals.push(done - started)
      applies.push(applied - started)
      reads.push(viewed - applied)
      weeks.push(done - viewed)
    }
    console.log(`  one remote update -> new "Cette semaine" view, ${label} (${REMOTE_REPEATS} runs): ${spread(totals)}`)
    console.log(`    of which apply ${median(applies).toFixed(2)}, read the view ${spread(reads)}, weekOf ${median(weeks).toFixed(2)} ms (median)`)
  }
  const counts = { ...signUpIndexCounts }
  runs('incremental view (the session)', () => live.read())
  console.log(`    sign-up indexes of the new lists: ${signUpIndexCounts.patched - counts.patched} patched from the previous list, `
    + `${signUpIndexCounts.built - counts.built} built anew (goal of issue 13: <= 5 ms from update to view; 100 ms when it was filed)`)
  runs('full read after each update (before)', () => readCollective(doc))
  live.destroy()
}

await main()
