// Cancellations enter the journal: the exception records who cancelled, with the next shared logical clock.
import { describe, expect, it } from 'vitest'
import * as edit from '../../../src/doc/mutations.ts'
import { readCollective } from '../../../src/doc/read.ts'
import { localDate } from '../../../src/domain/dates.ts'
import type { ActorId } from '../../../src/domain/ids.ts'
import { deriveJournal } from '../../../src/domain/journal/index.ts'
import { newFixture, valueOf, walkOn } from './fixtures.ts'

const actor = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc' as ActorId

describe('cancellations in the journal', () => {
  it('a cancellation written after a sign-up comes after it, with its author, line and walk', () => {
    const { doc, lineId, adultId, familyId } = newFixture()
    edit.writeSignUp(doc, { walk: walkOn(lineId), adultId, familyId, slot: 'lead', actor, at: '2027-03-10T20:00:00+01:00' })
    const author = { actor, familyId, at: '2027-03-11T07:30:00+01:00' }
    valueOf(edit.addException(doc, { date: localDate('2027-03-15'), lineId, direction: 'aller', reason: 'strike', note: '' }, author))
    valueOf(edit.addException(doc, { date: localDate('2027-03-16'), lineId: null, direction: null, reason: 'weatherAlert', note: '' }, { ...author, familyId: null }))

    const view = readCollective(doc)
    const journal = deriveJournal({ signUps: view.signUps, exceptions: view.exceptions })
    expect(journal.map((event) => event.kind)).toEqual(['signedUp', 'walkCancelled', 'walkCancelled'])
    const [signUp, walk, day] = journal
    expect(walk!.clock).toBeGreaterThan(signUp!.clock)
    expect(day!.clock).toBeGreaterThan(walk!.clock)
    expect(walk).toMatchObject({ familyId, lineId, walk: walkOn(lineId), at: author.at })
    expect(day).toMatchObject({ periodStart: '2027-03-16' })
    expect(day).not.toHaveProperty('familyId')
    expect(day).not.toHaveProperty('lineId')
  })

  it('an older cancellation without a clock stays out of the logical order instead of guessing', () => {
    const { doc, lineId } = newFixture()
    valueOf(edit.addException(doc, { date: localDate('2027-03-15'), lineId, direction: null, reason: 'schoolTrip', note: '' }))
    const view = readCollective(doc)
    expect(view.exceptions).toHaveLength(1)
    expect(deriveJournal({ signUps: [], exceptions: view.exceptions })).toEqual([])
  })
})
