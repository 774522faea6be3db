// npm run bench:generations: the live document with one school year per generation (issue 14), against one document
// holding every year, for collectives created before 0.2.0 (first layout) and after (compact), at 40 and 150 families.
import * as Y from 'yjs'
import { buildSuccessorDoc } from '../src/doc/successor.ts'
import { schoolYearOf } from '../src/domain/calendar/school-year.ts'
import { addDays, localDate } from '../src/domain/dates.ts'
import { layoutGeneration, nextGenerationOf } from '../src/domain/year/next-generation.ts'
import { createActorId } from '../src/domain/ids.ts'
import { createInviteSecret, createRoomId, deriveSuccessorRoomId } from '../src/lib/credentials.ts'
import { deriveSealKey } from '../src/lib/seal.ts'
import { seededRandom } from '../tests/helpers/seeded-random.ts'
import { generateCollective, linesFor } from './collective.ts'
import { median, time } from './timing.ts'

/** The relay's default MAX_PAYLOAD: the live document should stay under a quarter of it. */
const MAX_PAYLOAD = 2 * 1024 * 1024
const DAYS_PER_YEAR = 364
/** The measured day: the end of a school year, when the live document is largest. */
const TODAY = localDate('2027-06-28')
const SIZES = [[40, 1], [40, 5], [150, 1]] as const
const RUNS = 3

const kib = (bytes: number): string => `${Math.round(bytes / 1024).toLocaleString('en')} KiB`

const measure = async (families: number, years: number, firstLayout: boolean) => {
  const roomId = createRoomId()
  const secret = createInviteSecret()
  const key = await deriveSealKey(roomId, secret)
  const successorKey = await deriveSealKey(await deriveSuccessorRoomId(roomId, secret), secret)
  const periods = Array.from({ length: years }, (_, k) => ({
    from: addDays(TODAY, -DAYS_PER_YEAR * (years - k)),
    to: addDays(TODAY, -DAYS_PER_YEAR * (years - k - 1) - 1),
  }))
  const { doc } = generateCollective({
    key, random: seededRandom(2026), families, lines: linesFor(families), periods, turnover: Math.round(families / 5),
    withdrawalRate: 0.08, firstLayout,
  })
  const whole = Y.encodeStateAsUpdate(doc).length
  // What a move on TODAY keeps live: the school year under way (src/domain/year/next-generation.ts).
  const next = nextGenerationOf(layoutGeneration(TODAY), Date.now(), createActorId())
  const samples: number[] = []
  let live = 0
  for (let run = 0; run < RUNS; run++) {
    const { value: successor, ms } = time(() => buildSuccessorDoc(doc, next, successorKey, Date.now()))
    samples.push(ms)
    live = Y.encodeStateAsUpdate(successor).length
    successor.destroy()
  }
  doc.destroy()
  return { whole, live, moveMs: samples }
}

console.log(`Live document per generation (measured on ${TODAY}, school year ${schoolYearOf(TODAY).label}; the move keeps it).`)
console.log(`Sizes: families x school years of sign-ups, every walk staffed, 8% withdrawn. Limit: 1/4 of MAX_PAYLOAD = ${kib(MAX_PAYLOAD / 4)}.`)
console.log('')
console.log('| collective | layout | one document, every year | live document after the move | of the limit | move (min / median / max) |')
console.log('|---|---|---|---|---|---|')
for (const [families, years] of SIZES) {
  for (const firstLayout of [true, false]) {
    const { whole, live, moveMs } = await measure(families, years, firstLayout)
    const sorted = [...moveMs].sort((a, b) => a - b)
    console.log(`| ${families}x${years} | ${firstLayout ? 'before 0.2.0' : 'compact'} | ${kib(whole)} | ${kib(live)} (x${(live / whole).toFixed(2)}) | ` +
      `${Math.round((100 * live) / (MAX_PAYLOAD / 4))}% | ${sorted[0]?.toFixed(0)} / ${median(moveMs).toFixed(0)} / ${sorted.at(-1)?.toFixed(0)} ms |`)
  }
}
