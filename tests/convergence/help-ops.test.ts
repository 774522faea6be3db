// The harness's coups de main operations do reach the converged view: requests, answers, confirmations, withdrawals.
import { expect, it } from 'vitest'
import { DEFAULT_RUN, simulate } from './harness.ts'
import { BASE } from './seeds.ts'

it('runs coups de main operations: answers compete for places and requesters confirm, with every invariant', () => {
  const seen = { requests: 0, answers: 0, confirmed: 0, withdrawn: 0, closed: 0 }
  // Until each kind of operation has shown up (other operations share the draws, so how many runs it takes varies).
  const allSeen = () => Object.values(seen).every((count) => count > 0)
  for (let seed = BASE; seed < BASE + 60 && !allSeen(); seed++) {
    const failures = simulate(seed, DEFAULT_RUN, (view) => {
      seen.requests += view.help.requests.length
      seen.answers += view.help.answers.length
      seen.confirmed += view.help.requests.filter((r) => r.confirmed.length > 0).length
      seen.withdrawn += view.help.answers.filter((a) => a.status === 'withdrawn').length
      seen.closed += view.help.requests.filter((r) => r.status !== 'open').length
    })
    expect(failures).toEqual([])
  }
  for (const [what, count] of Object.entries(seen)) expect(count, what).toBeGreaterThan(0)
}, 120_000)
