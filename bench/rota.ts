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
import { createActorId } from '../src/domain/ids.ts'
import { resolveWalks, weekRota } from '../src/domain/rota/resolve.ts'
import { indexSignUps, signUpIndexCounts } from '../src/domain/rota/signup-index.ts'
import { deriveWalks, type Walk } from '../src/domain/rota/walks.ts'
import { seededRandom } from '../tests/helpers/seeded-random.ts'
import { generateCollective, ROTA_LINES } from './collective.ts'
import { median, time, timeMedian } from './timing.ts'

/** min / median / max of samples in ms, for one printed line. */
const spread = (samples: readonly number[], digits = 2): string =>
  `min ${Math.min(...samples).toFixed(digits)} / median ${median(samples).toFixed(digits)} / max ${Math.max(...samples).toFixed(digits)} ms`

const FIRST_SCHOOL_YEAR = 2026
const YEARS = 5
const FAMILIES = 40
const WITHDRAWAL_RATE = 0.08
/** Families leaving (children off to collège) and joining at each new school year. */
const TURNOVER = 8
const random = seededRandom(2026)

/** The collective's key, as a session binds it: personal fields are only ever written sealed, and read opened. */
const BENCH_KEY = crypto.getRandomValues(new Uint8Array(32)) as SealKey

const generate = (): { doc: Y.Doc; writes: number; ms: number } => generateCollective({
  key: BENCH_KEY,
  random,
  families: FAMILIES,
  lines: ROTA_LINES,
  periods: Array.from({ length: YEARS }, (_, i) => ({
    from: localDate(`${FIRST_SCHOOL_YEAR + i}-09-01`), to: localDate(`${FIRST_SCHOOL_YEAR + i + 1}-07-04`),
  })),
  turnover: TURNOVER,
  withdrawalRate: WITHDRAWAL_RATE,
})

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
