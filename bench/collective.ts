// Bench collectives: lines, stops, families, adults and children written through src/doc/mutations.ts, every walk of the
// given periods staffed one sign-up per transaction (with withdrawals and yearly turnover), as phones would have written them.
import * as Y from 'yjs'
import * as edit from '../src/doc/mutations.ts'
import { readCollective } from '../src/doc/read.ts'
import { bindSealKey } from '../src/doc/codec.ts'
import { MAP_META, META_SCHEMA_VERSION } from '../src/doc/keys.ts'
import type { SealKey } from '../src/lib/seal.ts'
import type { LocalDate } from '../src/domain/dates.ts'
import { createActorId, type ActorId, type AdultId, type ChildId, type FamilyId, type LineId, type StopId } from '../src/domain/ids.ts'
import { expectedChildren, ratioCountOf, requiredAdultsFor } from '../src/domain/rota/slots.ts'
import { deriveWalks } from '../src/domain/rota/walks.ts'
import type { Slot } from '../src/domain/signup.ts'

export interface Member { familyId: FamilyId; adults: AdultId[]; lineId: LineId }

/** A line to create: its name and how many stops it has. */
export type LineSpec = readonly [name: string, stopCount: number]

/** The three lines of the five-year rota bench (40 families). */
export const ROTA_LINES: readonly LineSpec[] = [['Ligne des Pins', 6], ['Ligne du Lac', 5], ['Ligne de la Gare', 7]]

/** Lines for a collective of `families` families: the three rota lines, then one more line per 13 families or so. */
export const linesFor = (families: number): LineSpec[] => {
  const count = Math.max(ROTA_LINES.length, Math.round(families / 13))
  return [...ROTA_LINES, ...Array.from({ length: count - ROTA_LINES.length }, (_, n): LineSpec => [`Ligne ${n + 4}`, 5 + (n % 3)])]
}

export interface CollectiveOptions {
  /** The collective's seal key: personal fields are only ever written sealed. */
  readonly key: SealKey
  /** The seeded random source; the generator draws from it in a fixed order. */
  readonly random: () => number
  readonly families: number
  readonly lines: readonly LineSpec[]
  /** Staffed periods (school years), in order; families leave and join between two periods. */
  readonly periods: ReadonlyArray<{ readonly from: LocalDate; readonly to: LocalDate }>
  /** Families leaving (children off to collège) and joining before each period but the first. */
  readonly turnover: number
  /** Share of sign-ups withdrawn and replaced. */
  readonly withdrawalRate: number
  /** A collective created before 0.2.0 (schema 1): sign-ups written in the first layout. */
  readonly firstLayout?: boolean
}

export interface GeneratedCollective {
  doc: Y.Doc
  /** Families in the collective at the end, with their adults and line. */
  members: Member[]
  writes: number
  ms: number
}

const ok = <T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!result.ok) throw new Error(`bench data does not validate: ${JSON.stringify(result.error)}`)
  return result.value
}

type Lines = readonly { id: LineId; stops: StopId[] }[]

const addFamily = (doc: Y.Doc, random: () => number, n: number, lines: Lines): Member => {
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

/** Staffs every walk of the period (lead, tail, extras), one transaction per sign-up as phones write them. */
const staffPeriod = (
  doc: Y.Doc, options: CollectiveOptions, from: LocalDate, to: LocalDate, members: readonly Member[], actors: Map<AdultId, ActorId>,
): number => {
  const { random } = options
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
      if (random() < options.withdrawalRate) {
        edit.writeWithdrawal(doc, walk, adult, actor)
        const stand = pool[(start + slots.length + i) % pool.length]!
        edit.writeSignUp(doc, { walk, adultId: stand.adult, familyId: stand.member.familyId, slot, actor: actors.get(stand.adult) ?? createActorId() })
        writes += 2
      }
    })
  }
  return writes
}

/** A few edits per period: children change days, a stop moves, a family renames itself. */
const yearlyEdits = (doc: Y.Doc, random: () => number, lines: Lines): void => {
  const view = readCollective(doc)
  for (const child of view.children.slice(0, 10)) {
    edit.updateChild(doc, child.id as ChildId, { ...child, days: child.days.length === 4 ? [1, 2, 4] : [1, 2, 4, 5] })
  }
  const line = lines[Math.floor(random() * lines.length)]!
  edit.moveStop(doc, line.stops[1]!, 3)
  for (const family of view.families.slice(0, 3)) edit.renameFamily(doc, family.id, { displayName: `${family.displayName} bis` })
}

/** Builds the collective in a new doc bound to `options.key`. */
export const generateCollective = (options: CollectiveOptions): GeneratedCollective => {
  const started = performance.now()
  const { random } = options
  const doc = new Y.Doc()
  bindSealKey(doc, options.key)
  edit.initCollective(doc, { name: 'Pédibus des Pins', school: 'École des Pins', town: 'Mérignac' })
  if (options.firstLayout === true) doc.getMap(MAP_META).set(META_SCHEMA_VERSION, 1)
  const lines = options.lines.map(([name, stopCount], l) => {
    const id = ok(edit.addLine(doc, { name, colour: '#2e7d32', directions: ['aller', 'retour'], days: [1, 2, 4, 5] }))
    const stops = Array.from({ length: stopCount }, (_, s) => ok(edit.addStop(doc, id, {
      name: `Arrêt ${l}-${s}`, times: { aller: `08:${String(5 + 3 * s).padStart(2, '0')}`, retour: `16:${String(55 - 3 * s).padStart(2, '0')}` },
      access: { stepFree: s % 2 === 0, dangerousCrossing: s === 2, note: s === 2 ? 'Traversée dangereuse : attendre le feu' : '' },
    })))
    return { id, stops }
  })
  let members = Array.from({ length: options.families }, (_, n) => addFamily(doc, random, n, lines))
  let next = options.families
  const actors = new Map<AdultId, ActorId>()
  let writes = 0
  options.periods.forEach(({ from, to }, index) => {
    if (index > 0) {
      for (const leaving of members.slice(0, options.turnover)) edit.removeFamily(doc, leaving.familyId)
      members = [...members.slice(options.turnover), ...Array.from({ length: options.turnover }, () => addFamily(doc, random, next++, lines))]
    }
    writes += staffPeriod(doc, options, from, to, members, actors)
    yearlyEdits(doc, random, lines)
  })
  return { doc, members, writes, ms: performance.now() - started }
}
