// Sums up .cpuprofile files (bench:phone --profile): where a measure's time goes, by script, by function (self) and by
// function on the stack (total), as the median over the files given, so one noisy run does not lead the reading.
// Usage: npm run bench:profile -- [--top N] file.cpuprofile...
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { z } from 'zod'

const CallFrameSchema = z.object({
  functionName: z.string(),
  url: z.string(),
  lineNumber: z.number(),
  columnNumber: z.number(),
})
const ProfileSchema = z.object({
  nodes: z.array(z.object({ id: z.number(), callFrame: CallFrameSchema, children: z.array(z.number()).optional() })),
  startTime: z.number(),
  endTime: z.number(),
  samples: z.array(z.number()),
  timeDeltas: z.array(z.number()),
})
type Profile = z.infer<typeof ProfileSchema>
type CallFrame = z.infer<typeof CallFrameSchema>

/** Milliseconds per name, for one profile. */
type Tally = Map<string, number>

interface Summary {
  readonly totalMs: number
  readonly byScript: Tally
  readonly self: Tally
  readonly total: Tally
}

const scriptOf = (frame: CallFrame): string => {
  if (frame.url === '') return frame.functionName.startsWith('(') ? frame.functionName : '(native)'
  return basename(new URL(frame.url, 'http://x/').pathname) || frame.url
}

const functionOf = (frame: CallFrame): string =>
  frame.url === '' ? frame.functionName : `${frame.functionName || '(anonymous)'} ${scriptOf(frame)}:${frame.lineNumber + 1}`

const add = (tally: Tally, key: string, ms: number): void => {
  tally.set(key, (tally.get(key) ?? 0) + ms)
}

/** Each sample's time (the delta to the next sample) goes to its function, its script and every function above it. */
const summarize = (profile: Profile): Summary => {
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]))
  const parents = new Map<number, number>()
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id)
  const summary: Summary = { totalMs: (profile.endTime - profile.startTime) / 1000, byScript: new Map(), self: new Map(), total: new Map() }
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000
    const frame = frames.get(id)
    if (frame === undefined) return
    add(summary.self, functionOf(frame), ms)
    add(summary.byScript, scriptOf(frame), ms)
    const onStack = new Set<string>()
    for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) {
      const above = frames.get(at)
      if (above !== undefined && above.url !== '') onStack.add(functionOf(above))
    }
    for (const name of onStack) add(summary.total, name, ms)
  })
  return summary
}

const medianOf = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/** Per name, the median over the profiles (a profile without the name counts 0). */
const medianTally = (tallies: readonly Tally[]): [string, number][] => {
  const names = new Set(tallies.flatMap((tally) => [...tally.keys()]))
  return [...names].map((name): [string, number] => [name, medianOf(tallies.map((tally) => tally.get(name) ?? 0))])
    .sort((a, b) => b[1] - a[1])
}

const printTable = (title: string, rows: readonly [string, number][], top: number, totalMs: number): void => {
  console.log(`\n${title}`)
  for (const [name, ms] of rows.slice(0, top)) {
    console.log(`${ms.toFixed(1).padStart(8)} ms ${((100 * ms) / totalMs).toFixed(1).padStart(5)}%  ${name}`)
  }
}

const main = async (): Promise<void> => {
  const args = process.argv.slice(2)
  const topAt = args.indexOf('--top')
  const top = topAt === -1 ? 25 : Number(args[topAt + 1])
  const files = args.filter((_, i) => i !== topAt && i !== topAt + 1)
  if (files.length === 0 || !Number.isInteger(top) || top < 1) {
    throw new Error('usage: npm run bench:profile -- [--top N] file.cpuprofile...')
  }
  const summaries = await Promise.all(files.map(async (file) => summarize(ProfileSchema.parse(JSON.parse(await readFile(file, 'utf8'))))))
  const totalMs = medianOf(summaries.map((summary) => summary.totalMs))
  console.log(`${files.length} profile(s), median length ${totalMs.toFixed(0)} ms (medians per row below)`)
  printTable('by script (self time)', medianTally(summaries.map((s) => s.byScript)), top, totalMs)
  printTable('by function, self time', medianTally(summaries.map((s) => s.self)), top, totalMs)
  printTable('by function, total time (itself and what it calls)', medianTally(summaries.map((s) => s.total)), top, totalMs)
}

await main()
