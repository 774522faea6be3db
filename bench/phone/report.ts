// The phone bench's printed table: one line per size x CPU rate x measure (min / median / max ms, x4/x1), then how
// each measure grows between sizes, then each size's document and heap.
import { median } from '../timing.ts'
import type { Size } from './options.ts'
import type { BenchRoom } from './room.ts'

export const MEASURES = ['firstVisit', 'firstVisit4g', 'coldStart', 'signUp', 'nextWeek', 'walkMode'] as const
export type Measure = (typeof MEASURES)[number]

const LABELS: Record<Measure, string> = {
  firstVisit: 'first visit: navigation -> first contentful paint (online, nothing cached)',
  firstVisit4g: 'first visit on slow 4G (150 ms RTT, 1.6 Mbit/s down): navigation -> first contentful paint',
  coldStart: 'cold start offline -> first walk card of "Cette semaine" painted',
  signUp: 'tap "S’inscrire" -> card painted with the place held',
  nextWeek: 'tap "Semaine suivante" -> next week\'s walks painted',
  walkMode: 'open walk mode (router) -> check-in list painted',
}

/** Samples of one size: per CPU rate, per measure; and the heap after each cold start. */
export interface SizeResult {
  readonly room: BenchRoom
  readonly samples: Map<number, Map<Measure, number[]>>
  readonly heap: Map<number, number[]>
}

export const emptySamples = (rates: readonly number[]): SizeResult['samples'] =>
  new Map(rates.map((rate) => [rate, new Map(MEASURES.map((measure) => [measure, [] as number[]]))]))

const ms = (value: number): string => (Number.isFinite(value) ? value.toFixed(0) : '-').padStart(5)
const ratio = (a: number, b: number): string => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `x${(a / b).toFixed(2)}` : '-')
const spread = (samples: readonly number[]): string =>
  samples.length === 0 ? 'not measured'.padEnd(35) : `min ${ms(Math.min(...samples))} / median ${ms(median(samples))} / max ${ms(Math.max(...samples))} ms`
const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`

export const printReport = (results: readonly SizeResult[], rates: readonly number[], runs: number, notes: readonly string[]): void => {
  const base = rates[0] ?? 1
  const labelWidth = Math.max(...MEASURES.map((measure) => LABELS[measure].length))
  console.log('')
  console.log(`Speed on a phone: Chromium ${rates.map((rate) => `x${rate}`).join(' and ')} CPU (CDP Emulation.setCPUThrottlingRate), 390x844 @3x, touch, fr-FR;`)
  console.log(`the built app (dist/) served by the relay on 127.0.0.1; ${runs} runs per line; size = families x school years of sign-ups`)
  for (const result of results) {
    const { room } = result
    console.log('')
    console.log(`${room.size.label}: ${room.families} families, ${room.signUpWrites} sign-up writes, document ${(room.docBytes / 1024).toFixed(0)} KiB `
      + `(encodeStateAsUpdate), measured week of ${room.monday}`)
    for (const rate of rates) {
      for (const measure of MEASURES) {
        const samples = result.samples.get(rate)?.get(measure) ?? []
        const baseSamples = result.samples.get(base)?.get(measure) ?? []
        const versus = rate === base || samples.length === 0 ? '' : `  x${rate}/x${base} ${ratio(median(samples), median(baseSamples))}`
        console.log(`  ${room.size.label.padEnd(6)} x${String(rate).padEnd(2)} ${LABELS[measure].padEnd(labelWidth)}  ${spread(samples)}${versus}`)
      }
    }
    console.log(`  JS heap used after cold start (after a GC): ${rates.map((rate) => `x${rate} median ${mib(median(result.heap.get(rate) ?? []))}`).join(', ')}`)
  }
  const growths = growthPairs(results.map((result) => result.room.size))
  if (growths.length > 0) {
    console.log('')
    console.log('Growth between sizes (ratio of medians; linear growth would follow the families ratio):')
    for (const [small, large] of growths) {
      const from = results.find((result) => result.room.size.label === small.label)!
      const to = results.find((result) => result.room.size.label === large.label)!
      console.log(`  ${large.label} vs ${small.label} (families x${(large.families / small.families).toFixed(2)}, `
        + `document x${(to.room.docBytes / from.room.docBytes).toFixed(2)})`)
      for (const rate of rates) {
        const parts = MEASURES.map((measure) =>
          `${measure} ${ratio(median(to.samples.get(rate)?.get(measure) ?? []), median(from.samples.get(rate)?.get(measure) ?? []))}`)
        parts.push(`heap ${ratio(median(to.heap.get(rate) ?? []), median(from.heap.get(rate) ?? []))}`)
        console.log(`    x${rate}: ${parts.join(', ')}`)
      }
    }
  }
  for (const note of notes) console.log(`note: ${note}`)
}

/** Consecutive pairs of sizes with the same history and more families (150 vs 40, 500 vs 150), and history growth at 40 families. */
const growthPairs = (sizes: readonly Size[]): Array<[Size, Size]> => {
  const pairs: Array<[Size, Size]> = []
  const byYears = new Map<number, Size[]>()
  for (const size of sizes) byYears.set(size.years, [...(byYears.get(size.years) ?? []), size])
  for (const group of byYears.values()) {
    const sorted = [...group].sort((a, b) => a.families - b.families)
    for (let i = 1; i < sorted.length; i++) pairs.push([sorted[i - 1]!, sorted[i]!])
  }
  const byFamilies = new Map<number, Size[]>()
  for (const size of sizes) byFamilies.set(size.families, [...(byFamilies.get(size.families) ?? []), size])
  for (const group of byFamilies.values()) {
    const sorted = [...group].sort((a, b) => a.years - b.years)
    for (let i = 1; i < sorted.length; i++) pairs.push([sorted[i - 1]!, sorted[i]!])
  }
  return pairs
}
