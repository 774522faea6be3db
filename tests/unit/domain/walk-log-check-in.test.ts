// Check-in merge: per-device marks, superseded when a later mark had seen them, disagreements shown; the walk's list in walking order; a seeded property.
//   Replay one failing seed: CHECKIN_SEED=<seed> npx vitest run tests/unit/domain/walk-log-check-in.test.ts
import { describe, expect, it } from 'vitest'
import type { ActorId } from '../../../src/domain/ids.ts'
import { checkInKeyOf, checkInSummary, currentMarks, ownMark, seenFor, walkCheckIns, type CheckIn, type CheckInStatus, type ChildCheckIn, type WalkLogRecords } from '../../../src/domain/walk-log/index.ts'
import { NO_WALK_LOG, SEEN_MAX } from '../../../src/domain/walk-log/records.ts'
import { seededRandom } from '../../helpers/seeded-random.ts'
import { actorId, childId, createChild, createModel, lineId, stopId } from './rota-fixtures.ts'
import { absence, ALLER, guestId, mark, RETOUR, rotaOf } from './walk-log-fixtures.ts'

const both = (stop: number) => ({ aller: { lineId: lineId(1), stopId: stopId(stop) }, retour: { lineId: lineId(1), stopId: stopId(stop) } })
const children = [
  createChild(1, 1, { firstName: 'Zoé', routes: both(3) }),
  createChild(2, 2, { firstName: 'Léa', routes: both(1) }),
  createChild(3, 3, { firstName: 'Adam', routes: both(3) }),
  createChild(4, 4, { firstName: 'Inès', routes: both(2) }),
  // Walks on Mondays only: not expected on Thursday.
  createChild(5, 5, { firstName: 'Noé', routes: both(2), days: [1] }),
]
const model = createModel({ children })
const logOf = (checkIns: CheckIn[], extra: Partial<WalkLogRecords> = {}): WalkLogRecords => ({ ...NO_WALK_LOG, checkIns, ...extra })
const lineOf = (list: readonly ChildCheckIn[], id: string) => list.find((line) => line.id === id)

describe('one child’s marks', () => {
  const only = (checkIns: CheckIn[]) => lineOf(walkCheckIns(model, rotaOf(model, ALLER), logOf(checkIns)), childId(2))

  it('nobody marked: no status', () => {
    expect(only([])).toMatchObject({ status: null, prefilled: false, marks: [], disagreement: false, expected: true })
  })

  it('a device’s mark is the status', () => {
    expect(only([mark(1, 2, 'present', 3)])).toMatchObject({ status: 'present', disagreement: false })
  })

  it('a later mark that had seen another device’s mark supersedes it', () => {
    const line = only([mark(1, 2, 'present', 3), mark(2, 2, 'absent', 4, { seen: { 1: 3 } })])
    expect(line).toMatchObject({ status: 'absent', disagreement: false })
    expect(line?.marks.map((m) => m.actor)).toEqual([actorId(2)])
  })

  it('a mark that had seen an older version of the other device’s entry does not supersede its new mark', () => {
    const line = only([mark(1, 2, 'present', 5), mark(2, 2, 'absent', 4, { seen: { 1: 3 } })])
    expect(line).toMatchObject({ status: 'present', disagreement: true })
    expect(line?.marks.map((m) => m.status)).toEqual(['absent', 'present'])
  })

  it('blind marks that differ: a disagreement, the latest by logical order shown', () => {
    const line = only([mark(2, 2, 'absent', 4), mark(1, 2, 'present', 4)])
    expect(line).toMatchObject({ status: 'absent', disagreement: true })
    expect(line?.marks).toHaveLength(2)
  })

  it('blind marks that agree: no disagreement, both kept', () => {
    const line = only([mark(2, 2, 'present', 4), mark(1, 2, 'present', 3)])
    expect(line).toMatchObject({ status: 'present', disagreement: false })
    expect(line?.marks).toHaveLength(2)
  })

  it('an undo (unmarked) clears only the device’s own mark: another adult’s mark it had seen shows again', () => {
    expect(only([mark(1, 2, 'present', 3), mark(1, 2, 'unmarked', 4)].slice(1))).toMatchObject({ status: null, marks: [] })
    // Written by an older version with a full `seen`: still not an erasure of device 1's mark.
    expect(only([mark(1, 2, 'present', 3), mark(2, 2, 'unmarked', 4, { seen: { 1: 3 } })])).toMatchObject({ status: 'present', disagreement: false })
    expect(only([mark(1, 2, 'present', 3), mark(2, 2, 'unmarked', 4)])).toMatchObject({ status: 'present', disagreement: false })
    // Device 2 overrode device 1 then undid: device 1's "present" is back.
    expect(only([mark(1, 2, 'present', 3), mark(2, 2, 'unmarked', 5)])?.marks.map((m) => m.actor)).toEqual([actorId(1)])
  })

  it('ownMark: this device’s entry, cleared ones included, never another device’s', () => {
    const entries = [mark(1, 2, 'present', 3), mark(2, 2, 'unmarked', 6, { seen: { 1: 3 } }), mark(2, 2, 'absent', 5), mark(2, 1, 'excused', 9)]
    expect(ownMark(entries, ALLER, childId(2), actorId(2))).toMatchObject({ status: 'unmarked', clock: 6 })
    expect(ownMark(entries, ALLER, childId(2), actorId(1))).toMatchObject({ status: 'present', clock: 3 })
    expect(ownMark(entries, ALLER, childId(2), actorId(3))).toBeNull()
    expect(ownMark(entries, RETOUR, childId(2), actorId(1))).toBeNull()
  })

  it('keeps a device’s highest clock if an older version of its entry is also given', () => {
    expect(only([mark(1, 2, 'present', 5), mark(1, 2, 'absent', 3)])).toMatchObject({ status: 'present', disagreement: false })
  })

  it('a declared absence pre-fills "excusé" until someone marks the child', () => {
    const absences = [absence(1, 2, '2026-12-03')]
    const withAbsence = createModel({ children, absences })
    const rota = rotaOf(withAbsence, ALLER)
    const line = lineOf(walkCheckIns(withAbsence, rota, logOf([], { absences })), childId(2))
    expect(line).toMatchObject({ status: 'excused', prefilled: true, expected: false })
    expect(line?.absences.map((a) => a.id)).toEqual([absences[0]?.id])
    const marked = lineOf(walkCheckIns(withAbsence, rota, logOf([mark(1, 2, 'present', 7)], { absences })), childId(2))
    expect(marked).toMatchObject({ status: 'present', prefilled: false, expected: false })
  })

  it('seenFor: every other device’s entry (cleared ones too) at its clock, never my own', () => {
    const entries = [mark(1, 2, 'present', 3), mark(2, 2, 'unmarked', 6), mark(3, 2, 'absent', 4), mark(2, 1, 'absent', 9), mark(2, 2, 'present', 8, { walk: RETOUR })]
    expect(seenFor(entries, ALLER, childId(2), actorId(1))).toEqual({ [actorId(2)]: 6, [actorId(3)]: 4 })
    expect(currentMarks(entries, ALLER, childId(2)).map((m) => m.actor)).toEqual([actorId(1), actorId(3)])
  })

  it('seenFor keeps the latest SEEN_MAX devices, so the new mark stays a valid record', () => {
    const many = Array.from({ length: SEEN_MAX + 4 }, (_, i) => mark(i + 2, 2, 'present', i + 1))
    const seen = seenFor(many, ALLER, childId(2), actorId(1))
    expect(Object.keys(seen)).toHaveLength(SEEN_MAX)
    expect(seen[actorId(SEEN_MAX + 5)]).toBe(SEEN_MAX + 4)
    expect(seen).not.toHaveProperty(actorId(2))
  })
})

describe('the walk’s list', () => {
  const listOf = (checkIns: CheckIn[], direction: 'aller' | 'retour' = 'aller', absences = [absence(1, 4, '2026-12-03')]) => {
    const withAbsence = createModel({ children, absences })
    const walk = direction === 'aller' ? ALLER : RETOUR
    return walkCheckIns(withAbsence, rotaOf(withAbsence, walk), logOf(checkIns.map((m) => ({ ...m, walk })), { absences }))
  }

  it('expected children by stop in walking order then name; then declared absent; then marked but not expected; then guests', () => {
    const checkIns = [
      mark(1, 5, 'present', 2, { stop: 2 }),
      mark(1, 0, 'present', 3, { guest: 2, guestName: 'Mia', stop: null }),
      mark(2, 0, 'present', 4, { guest: 1, guestName: 'Ali', stop: 1 }),
      mark(1, 99, 'present', 5),
    ]
    const aller = listOf(checkIns)
    expect(aller.map((line) => [line.subject.kind === 'guest' ? line.subject.name : line.id, line.expected])).toEqual([
      [childId(2), true], [childId(3), true], [childId(1), true], [childId(4), false], [childId(5), false], ['Ali', false], ['Mia', false],
    ])
    expect(lineOf(aller, childId(4))).toMatchObject({ status: 'excused', prefilled: true })
    expect(lineOf(aller, guestId(2))).toMatchObject({ stopId: null, status: 'present', subject: { kind: 'guest', guestId: guestId(2), name: 'Mia' } })
    expect(lineOf(aller, childId(99))).toBeUndefined()
    const retour = listOf(checkIns, 'retour')
    expect(retour.slice(0, 3).map((line) => line.id)).toEqual([childId(3), childId(1), childId(2)])
  })

  it('a child’s stop is their route stop on this line, else where the mark put them', () => {
    const list = listOf([mark(1, 5, 'present', 2, { stop: 3 }), mark(1, 2, 'present', 3, { stop: 3 })])
    expect(lineOf(list, childId(2))?.stopId).toBe(stopId(1))
    expect(lineOf(list, childId(5))?.stopId).toBe(stopId(2))
    const offLine = createModel({ children: [createChild(6, 6, { routes: { aller: { lineId: lineId(2), stopId: stopId(9) } } })] })
    const line = walkCheckIns(offLine, rotaOf(offLine, ALLER), logOf([mark(1, 6, 'present', 2, { stop: 3 })]))
    expect(line.map((l) => [l.id, l.stopId, l.expected])).toEqual([[childId(6), stopId(3), false]])
  })

  it('a child not expected, or a guest, whose only marks were cleared leaves the list', () => {
    const list = listOf([mark(1, 5, 'unmarked', 2), mark(1, 0, 'unmarked', 3, { guest: 1, guestName: 'Ali' })])
    expect(list.map((line) => line.id)).not.toContain(childId(5))
    expect(list.map((line) => line.id)).not.toContain(guestId(1))
  })

  it('a guest’s name is the one of its latest named entry; marks on another walk are not counted', () => {
    const list = listOf([mark(1, 0, 'present', 2, { guest: 1, guestName: 'Ali' }), mark(2, 0, 'present', 5, { guest: 1, guestName: 'Alix', seen: { 1: 2 } })])
    expect(lineOf(list, guestId(1))?.subject).toEqual({ kind: 'guest', guestId: guestId(1), name: 'Alix' })
    const elsewhere = walkCheckIns(model, rotaOf(model, ALLER), logOf([mark(1, 2, 'present', 3, { walk: RETOUR })]))
    expect(lineOf(elsewhere, childId(2))?.status).toBeNull()
  })

  it('counts the list', () => {
    // Child 3: blind marks at the same clock, the higher actor's 'present' shown; child 1 unmarked; child 4 declared absent.
    const list = listOf([mark(1, 2, 'present', 2), mark(1, 3, 'absent', 3), mark(2, 3, 'present', 3), mark(1, 5, 'absent', 3), mark(1, 0, 'present', 4, { guest: 1, guestName: 'Ali' })])
    expect(lineOf(list, childId(3))?.status).toBe('present')
    expect(checkInSummary(list)).toEqual({ present: 3, absent: 1, excused: 1, unmarked: 1, disagreements: 1 })
  })
})

// ---------------------------------------------------------------------------------------------
// Seeded property: devices marking offline and syncing at random
// ---------------------------------------------------------------------------------------------

const replayed = process.env.CHECKIN_SEED
const SEEDS = replayed !== undefined && Number.isInteger(Number(replayed)) ? [Number(replayed)] : Array.from({ length: 400 }, (_, i) => 20270302 + i)
const STATUSES: CheckInStatus[] = ['present', 'absent', 'excused', 'unmarked']
const CHILD = 2

interface Device { readonly actor: number; readonly known: Map<string, CheckIn> }
interface Run { readonly writes: CheckIn[]; readonly finals: CheckIn[]; readonly lastWrite: CheckIn | null; readonly allSeenBeforeEachWrite: boolean }

const keep = (known: Map<string, CheckIn>, entry: CheckIn): void => {
  const key = checkInKeyOf(entry)
  const old = known.get(key)
  if (old === undefined || old.clock < entry.clock) known.set(key, entry)
}

/** 2–3 devices; each step one device marks (seeing what it has), or one device receives another's entries. */
const simulate = (random: () => number, fullSync: boolean): Run => {
  const devices: Device[] = Array.from({ length: 2 + Math.floor(random() * 2) }, (_, i) => ({ actor: i + 1, known: new Map() }))
  const writes: CheckIn[] = []
  let lastWrite: CheckIn | null = null
  let allSeen = true
  for (let step = 0; step < 4 + Math.floor(random() * 10); step += 1) {
    const device = devices[Math.floor(random() * devices.length)] as Device
    if (fullSync || random() < 0.55) {
      if (fullSync) for (const other of devices) for (const entry of other.known.values()) keep(device.known, entry)
      const known = [...device.known.values()]
      const others = new Set(writes.filter((w) => w.actor !== actorId(device.actor)).map((w) => w.actor))
      if ([...others].some((actor) => !known.some((entry) => entry.actor === actor))) allSeen = false
      const clock = Math.max(0, ...known.map((entry) => entry.clock)) + 1
      const status = STATUSES[Math.floor(random() * STATUSES.length)] as CheckInStatus
      // As writeCheckIn does: an undo has seen nothing (it withdraws only this device's mark).
      const seen = status === 'unmarked' ? {} : seenFor(known, ALLER, childId(CHILD), actorId(device.actor))
      const entry: CheckIn = { ...mark(device.actor, CHILD, status, clock), seen }
      keep(device.known, entry)
      writes.push(entry)
      lastWrite = entry
    } else {
      const from = devices[Math.floor(random() * devices.length)] as Device
      for (const entry of from.known.values()) keep(device.known, entry)
    }
  }
  const finals = new Map<string, CheckIn>()
  for (const entry of writes) keep(finals, entry)
  return { writes, finals: [...finals.values()], lastWrite, allSeenBeforeEachWrite: allSeen }
}

const shuffled = <T>(random: () => number, list: readonly T[]): T[] => {
  const copy = [...list]
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1))
    ;[copy[i], copy[j]] = [copy[j] as T, copy[i] as T]
  }
  return copy
}

const rota = rotaOf(model, ALLER)
const lineFor = (entries: CheckIn[]) => lineOf(walkCheckIns(model, rota, logOf(entries)), childId(CHILD))

describe('check-in merge properties (seeded; CHECKIN_SEED=n replays one seed)', () => {
  it('every order of applying the same entries gives the same list', () => {
    for (const seed of SEEDS) {
      const random = seededRandom(seed)
      const run = simulate(random, false)
      const reference = walkCheckIns(model, rota, logOf(run.finals))
      for (let round = 0; round < 4; round += 1) {
        // Apply every write (older versions too) in a random order, keeping each device's highest clock, as the document does.
        const applied = new Map<string, CheckIn>()
        for (const entry of shuffled(random, run.writes)) keep(applied, entry)
        expect(walkCheckIns(model, rota, logOf([...applied.values()])), `CHECKIN_SEED=${seed}, round ${round}`).toEqual(reference)
        expect(walkCheckIns(model, rota, logOf(shuffled(random, run.finals))), `CHECKIN_SEED=${seed}, round ${round}`).toEqual(reference)
      }
    }
  })

  it('never loses a mark: each device’s latest mark is current, or superseded by a mark that had seen it', () => {
    for (const seed of SEEDS) {
      const run = simulate(seededRandom(seed), false)
      const line = lineFor(run.finals)
      for (const entry of run.finals) {
        if (entry.status === 'unmarked') continue
        const shown = line?.marks.some((m) => m.actor === entry.actor && m.status === entry.status) ?? false
        const supersededBy = run.finals.find((other) => other.actor !== entry.actor && other.status !== 'unmarked' && (other.seen[entry.actor] ?? -1) >= entry.clock)
        expect(shown || supersededBy !== undefined, `CHECKIN_SEED=${seed}, actor ${entry.actor}`).toBe(true)
        expect(shown && supersededBy !== undefined, `CHECKIN_SEED=${seed}, actor ${entry.actor} both shown and superseded`).toBe(false)
      }
      // The status is one of the current marks, the latest in logical order.
      const latest = [...(line?.marks ?? [])].pop()
      expect(line?.status ?? null, `CHECKIN_SEED=${seed}`).toBe(latest?.status ?? null)
      expect(line?.disagreement, `CHECKIN_SEED=${seed}`).toBe(new Set(line?.marks.map((m) => m.status)).size > 1)
    }
  })

  it('when each device saw the others’ marks before writing, the latest writer wins (an undo: its own mark goes) with no disagreement', () => {
    for (const seed of SEEDS) {
      const run = simulate(seededRandom(seed), true)
      expect(run.allSeenBeforeEachWrite).toBe(true)
      const line = lineFor(run.finals)
      const last = run.lastWrite
      // A last undo leaves what the other devices had marked (at most one mark, see below), never its own.
      if (last !== null && last.status === 'unmarked') expect(line?.marks.some((m) => m.actor === last.actor) ?? false, `CHECKIN_SEED=${seed}`).toBe(false)
      else expect(line?.status ?? null, `CHECKIN_SEED=${seed}`).toBe(last === null ? null : last.status)
      expect(line?.disagreement, `CHECKIN_SEED=${seed}`).toBe(false)
      expect(line?.marks.length ?? 0, `CHECKIN_SEED=${seed}`).toBeLessThanOrEqual(1)
    }
  })

  it('an undo never changes what the other devices’ marks show: the list is the same with the cleared entries left out', () => {
    for (const seed of SEEDS) {
      const run = simulate(seededRandom(seed), seed % 2 === 0)
      const withoutUndos = run.finals.filter((entry) => entry.status !== 'unmarked')
      expect(lineFor(run.finals), `CHECKIN_SEED=${seed}`).toEqual(lineFor(withoutUndos))
    }
  })

  it('a last mark that had seen every other device’s final entry wins, whatever the syncs before', () => {
    let checked = 0
    for (const seed of SEEDS) {
      const run = simulate(seededRandom(seed), false)
      const last = run.lastWrite
      if (last === null) continue
      const sawAll = run.finals.every((entry) => entry.actor === last.actor || last.seen[entry.actor as ActorId] === entry.clock)
      if (!sawAll) continue
      checked += 1
      const line = lineFor(run.finals)
      expect(line?.status ?? null, `CHECKIN_SEED=${seed}`).toBe(last.status === 'unmarked' ? null : last.status)
      expect(line?.disagreement, `CHECKIN_SEED=${seed}`).toBe(false)
    }
    expect(checked).toBeGreaterThan(20)
  })
})
