// TEMPORARY debug (to be deleted).
import { describe, it, vi } from 'vitest'
import type * as Y from 'yjs'
import type * as Mutations from '../../src/doc/mutations.ts'
import { DEFAULT_RUN, simulate } from './harness.ts'

vi.mock('../../src/doc/mutations.ts', async (importOriginal) => {
  const original = await importOriginal<typeof Mutations>()
  const { signUpKeyOf } = await import('../../src/domain/signup.ts')
  const { readCollective } = await import('../../src/doc/read.ts')
  const { swapStateOf } = await import('../../src/app/queries/swap-state.ts')
  const TARGET = process.env.DEBUG_TARGET!
  const [line, date, dir, adult] = TARGET.split('|')
  const walkKey = `${line}|${date}|${dir}`
  const NOW = Date.parse('2027-03-14T19:00:00Z')
  const dump = (doc: Y.Doc, label: string) => {
    const view = readCollective(doc)
    const sameTime = (s: { date: string; direction: string }) => s.date === date && s.direction === dir
    console.log(label, JSON.stringify({
      signUps: view.signUps.filter((s) => sameTime(s)).map((s) => `${s.lineId.slice(0, 4)} ${s.adultId.slice(0, 4)} ${s.slot} ${s.status} ${s.clock} ${s.actor.slice(0, 4)}`),
      offers: view.swaps.offers.filter((o) => o.walk.date === date).map((o) => JSON.stringify(o)),
      responses: view.swaps.responses.map((r) => JSON.stringify(r)), releases: view.swaps.releases.map((r) => JSON.stringify(r)),
    }, null, 1))
    const res = swapStateOf(view, NOW).resolution
    const w = res.walks.get(walkKey as never)
    console.log(label, 'resolution', JSON.stringify({ walk: w && { lead: w.lead, tail: w.tail, extras: w.extras, waiting: w.waiting, superseded: w.superseded, viaSwap: w.viaSwap, released: w.released }, responses: res.responses.map((r) => `${r.response.offerId.slice(0, 4)} ${r.response.adultId.slice(0, 4)} ${r.response.clock} ${r.result.kind}`), ended: res.ended, setAside: [...res.setAside].map(([s, l]) => `${s.lineId.slice(0, 4)} ${s.adultId.slice(0, 4)} ${s.slot} ${s.clock} -> ${l?.slice(0, 4)}`) }, null, 1))
  }
  const writePublishedSignUps: typeof original.writePublishedSignUps = (doc, writes, author) => {
    const hit = writes.some((w) => signUpKeyOf(w.walk, w.adultId) === TARGET)
    if (hit) dump(doc, 'BEFORE')
    const r = original.writePublishedSignUps(doc, writes, author)
    if (hit) { console.log('WRITES', JSON.stringify(writes.map((w) => `${w.walk.lineId.slice(0, 4)} ${w.walk.date} ${w.walk.direction} ${w.adultId.slice(0, 4)} ${w.slot}`))); dump(doc, 'AFTER') }
    return r
  }
  return { ...original, writePublishedSignUps }
})

describe('debug', () => {
  it('seed', () => {
    console.log(simulate(Number(process.env.DEBUG_SEED), DEFAULT_RUN))
  })
})
