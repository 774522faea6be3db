// Coups de main in the journal: a request at its latest state (posted, confirmed, closed, cancelled) and each answer.
import { describe, expect, it } from 'vitest'
import { localDate } from '../../../src/domain/dates.ts'
import { createHelpRequestId, type HelpAnswer, type HelpRequest } from '../../../src/domain/help/records.ts'
import type { ActorId, FamilyId } from '../../../src/domain/ids.ts'
import { deriveJournal } from '../../../src/domain/journal/index.ts'

const actor = '11111111-1111-4111-8111-111111111111' as ActorId
const martin = '00000000-0000-4000-8000-000000000001' as FamilyId
const durand = '00000000-0000-4000-8000-000000000002' as FamilyId
const nguyen = '00000000-0000-4000-8000-000000000003' as FamilyId
const at = '2027-03-15T08:12:00+01:00'

const request = (clock: number, change: Partial<HelpRequest> = {}): HelpRequest => ({
  id: createHelpRequestId(), familyId: martin, type: 'request', kind: 'wednesday', date: localDate('2027-03-17'),
  needed: 1, note: '', status: 'open', confirmed: [], clock, actor, at, ...change,
})
const answer = (of: HelpRequest, familyId: FamilyId, clock: number, status: HelpAnswer['status'] = 'active'): HelpAnswer =>
  ({ requestId: of.id, familyId, status, clock, actor, at })
const journalOf = (requests: HelpRequest[], answers: HelpAnswer[] = []) =>
  deriveJournal({ signUps: [], help: { requests, answers, kinds: [] } })
    .map((event) => [event.kind, event.clock, event.familyId, event.otherFamilyId])

describe('coups de main in the journal', () => {
  it('records a request posted and two families answering, in clock order, naming the requester', () => {
    const posted = request(3)
    expect(journalOf([posted], [answer(posted, nguyen, 6), answer(posted, durand, 5)])).toEqual([
      ['helpRequested', 3, martin, undefined],
      ['helpAnswered', 5, durand, martin],
      ['helpAnswered', 6, nguyen, martin],
    ])
    expect(deriveJournal({ signUps: [], help: { requests: [posted], answers: [], kinds: [] } })[0])
      .toEqual(expect.objectContaining({ periodStart: '2027-03-17', at, ref: `helpRequested|${posted.id}` }))
  })

  it('records an offer, taken up, and an answer taken back', () => {
    const offer = request(2, { type: 'offer' })
    expect(journalOf([offer], [answer(offer, durand, 4), answer(offer, nguyen, 7, 'withdrawn')])).toEqual([
      ['helpOffered', 2, martin, undefined],
      ['helpOfferTaken', 4, durand, martin],
      ['helpAnswerWithdrawn', 7, nguyen, martin],
    ])
  })

  it('shows a request at its latest state: confirmed (one line per helper), closed, cancelled', () => {
    const confirmed = request(8, { needed: 2, confirmed: [durand, nguyen] })
    expect(journalOf([confirmed])).toEqual([['helpConfirmed', 8, martin, durand], ['helpConfirmed', 8, martin, nguyen]])
    expect(journalOf([request(9, { status: 'closed', confirmed: [durand] })])).toEqual([['helpClosed', 9, martin, undefined]])
    expect(journalOf([request(9, { status: 'cancelled' })])).toEqual([['helpCancelled', 9, martin, undefined]])
  })

  it('leaves out answers to an unknown request and the requester’s own answer, and undated requests have no day', () => {
    const undated = request(1, { date: undefined })
    const elsewhere = request(2)
    const answers = [answer(elsewhere, durand, 3), answer(undated, martin, 4)]
    const events = deriveJournal({ signUps: [], help: { requests: [undated], answers, kinds: [] } })
    expect(events.map((event) => event.kind)).toEqual(['helpRequested'])
    expect(events[0]?.periodStart).toBeUndefined()
  })
})
