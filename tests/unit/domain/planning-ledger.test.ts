// The fairness ledger: done and planned split at `now`, swaps, cancelled walks, credits, shares, balances, reduced shares.
import { describe, expect, it } from 'vitest'
import { addDays, localDate } from '../../../src/domain/dates.ts'
import type { Direction } from '../../../src/domain/line.ts'
import { fairnessLedger } from '../../../src/domain/planning/ledger.ts'
import type { FairnessModel, Ledger, LedgerRow } from '../../../src/domain/planning/types.ts'
import { resolveWalks, walkStartInstant } from '../../../src/domain/rota/resolve.ts'
import { deriveWalks } from '../../../src/domain/rota/walks.ts'
import type { SignUp, Slot } from '../../../src/domain/signup.ts'
import { seededRandom, seedFromEnv } from '../../helpers/seeded-random.ts'
import { join, records } from './coordination-fixtures.ts'
import { exemption, fairnessModel, families, parisAt, type PlanningFields } from './planning-fixtures.ts'
import { createAdult, createChild, createException, createLine, createSignUp, familyId, lineId } from './rota-fixtures.ts'
import { offer, response } from './swaps-fixtures.ts'

// Line 1 runs on Thursdays (aller 08:10, retour 16:40). At noon on Thursday 10 September 2026 the walks of
// 3 September and the aller of the 10th have started; the retour of the 10th has not.
const NOW = parisAt('2026-09-10', '12:00')
const at = (date: string, direction: Direction = 'aller') => ({ lineId: lineId(1), date: localDate(date), direction })
const place = (adult: number, slot: Slot, clock: number, date: string, direction: Direction = 'aller'): SignUp => createSignUp(adult, slot, clock, adult, { date, direction })

/** Every started walk exactly covered by two adults; two places planned. */
const SIGN_UPS = [
  place(1, 'lead', 1, '2026-09-03'),
  place(2, 'tail', 2, '2026-09-03'),
  place(1, 'lead', 3, '2026-09-03', 'retour'),
  place(3, 'tail', 4, '2026-09-03', 'retour'),
  place(2, 'lead', 5, '2026-09-10'),
  place(3, 'tail', 6, '2026-09-10'),
  place(1, 'lead', 7, '2026-09-10', 'retour'),
  place(2, 'lead', 8, '2026-10-01'),
]

/** Family 1 has two children walking, families 2 and 3 one each: weights 2, 1, 1. */
const thursdays = (overrides: Partial<FairnessModel> = {}, planning: PlanningFields = {}): FairnessModel =>
  fairnessModel(
    { lines: [createLine(1, { days: [4] })], children: [createChild(1, 1), createChild(2, 1), createChild(3, 2), createChild(4, 3)], signUps: SIGN_UPS, ...overrides },
    planning,
  )

const rowsOf = (ledger: Ledger): Omit<LedgerRow, 'familyId' | 'reducedUntil'>[] =>
  ledger.rows.map(({ done, planned, credits, share, balance }) => ({ done, planned, credits, share, balance }))
const column = (ledger: Ledger, key: keyof Omit<LedgerRow, 'familyId' | 'reducedUntil'>): number[] => ledger.rows.map((row) => row[key])
const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0)

describe('fairnessLedger', () => {
  it('covers the school year of today, every family in model order', () => {
    const ledger = fairnessLedger(thursdays({ families: [...families(3)].reverse() }), NOW)
    expect(ledger.year).toEqual({ from: localDate('2026-09-01'), to: localDate('2027-08-31') })
    expect(ledger.rows.map((row) => row.familyId)).toEqual([familyId(3), familyId(2), familyId(1)])
  })

  it('puts nobody behind for walks nobody held: a collective that starts in March owes nothing for the autumn', () => {
    const fresh = fairnessLedger(thursdays({ signUps: [place(2, 'lead', 8, '2026-10-01')] }), NOW)
    expect(rowsOf(fresh).map(({ share, balance }) => ({ share, balance }))).toEqual([
      { share: 0, balance: 0 }, { share: 0, balance: 0 }, { share: 0, balance: 0 },
    ])
  })

  it('keeps the balances summing to zero when a started walk was left short', () => {
    const short = fairnessLedger(thursdays({ signUps: SIGN_UPS.filter((signUp) => signUp.clock !== 6) }), NOW)
    expect(sum(column(short, 'balance'))).toBeCloseTo(0, 9)
    expect(sum(column(short, 'share'))).toBeCloseTo(5, 9)
  })

  it('splits held places into done and planned at now, and shares what has started', () => {
    expect(rowsOf(fairnessLedger(thursdays(), NOW))).toEqual([
      { done: 2, planned: 1, credits: 0, share: 3, balance: -1 },
      { done: 2, planned: 1, credits: 0, share: 1.5, balance: 0.5 },
      { done: 2, planned: 0, credits: 0, share: 1.5, balance: 0.5 },
    ])
  })

  it('counts a walk as done from its start instant', () => {
    const start = walkStartInstant({ date: localDate('2026-09-10'), direction: 'retour', startTime: null }) // no stop times: 16:30
    const untimed = thursdays({ stops: [] })
    expect(column(fairnessLedger(untimed, start - 1), 'done')).toEqual([2, 2, 2])
    expect(column(fairnessLedger(untimed, start), 'done')).toEqual([3, 2, 2])
    expect(column(fairnessLedger(untimed, start), 'planned')).toEqual([0, 1, 0])
  })

  it('moves a place between families when a swap moves it, done or planned', () => {
    const swaps = {
      offers: [offer(1, 1, 20, { walk: at('2026-09-03') }), offer(2, 1, 22, { walk: at('2026-09-10', 'retour') })],
      responses: [response(1, 3, 'take', 21), response(2, 3, 'take', 23)],
      releases: [],
    }
    const ledger = fairnessLedger(thursdays({ swaps }), NOW)
    expect(column(ledger, 'done')).toEqual([1, 2, 3])
    expect(column(ledger, 'planned')).toEqual([0, 1, 1])
  })

  it('counts an adult by their family, whoever wrote the sign-up', () => {
    const ledger = fairnessLedger(thursdays({ adults: [createAdult(1, 1), createAdult(2, 3), createAdult(3, 3)] }), NOW)
    expect(column(ledger, 'done')).toEqual([2, 0, 4])
  })

  it('does not count cancelled walks, held or not', () => {
    const strike = createException(1, { date: '2026-09-03', lineId: null, direction: null, reason: 'strike', note: '' })
    const ledger = fairnessLedger(thursdays({ exceptions: [strike] }), NOW)
    expect(rowsOf(ledger)).toEqual([
      { done: 0, planned: 1, credits: 0, share: 1, balance: -1 },
      { done: 1, planned: 1, credits: 0, share: 0.5, balance: 0.5 },
      { done: 1, planned: 0, credits: 0, share: 0.5, balance: 0.5 },
    ])
  })

  it('credits coordinator periods that have started, and shares them like walks', () => {
    // Periods of 31 August (family 1) and 7 September (family 2) have started; 14 September has not.
    const ledger = fairnessLedger(thursdays({ coordination: records({ roster: [join(1, 1, 1), join(2, 2, 2)] }) }), NOW)
    expect(rowsOf(ledger)).toEqual([
      { done: 2, planned: 1, credits: 2, share: 5, balance: -1 },
      { done: 2, planned: 1, credits: 2, share: 2.5, balance: 1.5 },
      { done: 2, planned: 0, credits: 0, share: 2.5, balance: -0.5 },
    ])
  })

  it('shares less with a family on a reduced share, and says until when', () => {
    const planning = { exemptions: [exemption(1, 1, '2026-09-01', '2026-09-30', 50), exemption(2, 2, '2026-09-11', '2026-09-30', 0), exemption(3, 3, '2026-09-01', '2026-09-30', 0, true)] }
    const ledger = fairnessLedger(thursdays({}, planning), NOW)
    expect(column(ledger, 'share')).toEqual([2, 2, 2])
    expect(ledger.rows.map((row) => row.reducedUntil)).toEqual([localDate('2026-09-30'), null, null])
  })

  it('keeps balance = done + credits - share, summing to zero when every started walk is exactly covered (seeded)', () => {
    const seed = seedFromEnv('PLANNING_SEED', 20260910)
    const random = seededRandom(seed)
    const pick = (n: number): number => Math.floor(random() * n)
    for (let round = 0; round < 20; round++) {
      const familyCount = 2 + pick(6)
      const adults = Array.from({ length: 12 }, (_, i) => createAdult(i + 1, 1 + pick(familyCount)))
      const children = Array.from({ length: pick(30) }, (_, i) => createChild(i + 1, 1 + pick(familyCount), { countsExtra: random() < 0.2 }))
      const now = parisAt(addDays(localDate('2026-09-07'), pick(30)), `${String(7 + pick(12)).padStart(2, '0')}:${String(pick(60)).padStart(2, '0')}`)
      const base = fairnessModel(
        { families: families(familyCount), adults, children, coordination: records({ roster: [join(1, 1, 1), join(2, 2, 2)] }) },
        { fairness: { basis: random() < 0.5 ? 'perChild' : 'perFamily', coordinatorCredit: pick(4) }, exemptions: [exemption(1, 1 + pick(familyCount), '2026-09-10', '2026-09-25', 50)] },
      )
      // Every started walk exactly covered by distinct random adults, plus a few planned places.
      const signUps: SignUp[] = []
      let required = 0
      for (const walk of resolveWalks(base, deriveWalks(base, localDate('2026-09-01'), localDate('2026-10-31')), now)) {
        const started = walkStartInstant(walk) <= now
        if (started && walk.cancellation === null) required += walk.requiredAdults
        const count = started ? walk.requiredAdults : pick(2)
        const chosen = [...adults].sort(() => random() - 0.5).slice(0, count)
        chosen.forEach((adult, i) => signUps.push(createSignUp(Number(adult.id.slice(-12)), i === 0 ? 'lead' : i === 1 ? 'tail' : 'extra', signUps.length + 1, 1, walk)))
      }
      const ledger = fairnessLedger({ ...base, signUps }, now)
      const credits = sum(column(ledger, 'credits'))
      const context = `seed ${seed} round ${round} (PLANNING_SEED=${seed} replays it)`
      for (const row of ledger.rows) expect(row.balance, context).toBeCloseTo(row.done + row.credits - row.share, 9)
      expect(sum(column(ledger, 'done')), context).toBe(required)
      expect(sum(column(ledger, 'share')), context).toBeCloseTo(required + credits, 9)
      expect(sum(column(ledger, 'balance')), context).toBeCloseTo(0, 9)
    }
  })
})
