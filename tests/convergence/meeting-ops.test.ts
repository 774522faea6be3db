// The harness's Rencontres operations reach the converged view: meetings planned, replies from several phones per family.
import { expect, it } from 'vitest'
import { currentReplies } from '../../src/domain/meeting.ts'
import { DEFAULT_RUN, simulate } from './harness.ts'
import { BASE } from './seeds.ts'

it('runs meeting replies from every phone and converges on one answer per family, with every invariant', () => {
  const seen = { meetings: 0, replies: 0, merged: 0 }
  for (let seed = BASE; seed < BASE + 4; seed++) {
    const failures = simulate(seed, { ...DEFAULT_RUN, withMeetings: true }, (view) => {
      seen.meetings += view.meetings.meetings.length
      seen.replies += view.meetings.replies.length
      // Two phones' entries for one family, merged to one answer: the offline case happened.
      seen.merged += view.meetings.replies.length - currentReplies(view.meetings.replies).length
    })
    expect(failures).toEqual([])
  }
  for (const [what, count] of Object.entries(seen)) expect(count, what).toBeGreaterThan(0)
}, 60_000)
