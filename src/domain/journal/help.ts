// Coups de main in the journal: a request or offer at its latest state (its one stamp), and each family's answer.
import type { HelpAnswer, HelpRecords, HelpRequest } from '../help/records.ts'
import { helpAnswerKeyOf } from '../help/records.ts'
import type { FamilyId } from '../ids.ts'
import type { HelpJournalKind, JournalEvent } from './events.ts'

const stampOf = (record: HelpRequest | HelpAnswer) =>
  ({ clock: record.clock, actor: record.actor, ...(record.at === undefined ? {} : { at: record.at }) })

const dayOf = (request: HelpRequest) => (request.date === undefined ? {} : { periodStart: request.date })

/**
 * The request as it stands: cancelled, closed, confirmed (one event per helper, "{family} confirme l'aide de
 * {other}"), else posted. The record is written whole, so its earlier states have no stamp left to place them.
 */
const requestEvents = (request: HelpRequest): JournalEvent[] => {
  const base = { familyId: request.familyId, ...dayOf(request), ...stampOf(request) }
  if (request.status !== 'open') {
    const kind: HelpJournalKind = request.status === 'closed' ? 'helpClosed' : 'helpCancelled'
    return [{ ...base, kind, ref: `${kind}|${request.id}` }]
  }
  if (request.confirmed.length > 0) {
    return request.confirmed.map((helper: FamilyId) =>
      ({ ...base, kind: 'helpConfirmed', otherFamilyId: helper, ref: `helpConfirmed|${request.id}|${helper}` }))
  }
  const kind: HelpJournalKind = request.type === 'offer' ? 'helpOffered' : 'helpRequested'
  return [{ ...base, kind, ref: `${kind}|${request.id}` }]
}

/** "{family} peut aider {other}", "... est intéressée par l'offre de {other}", or the answer taken back. */
const answerEvent = (answer: HelpAnswer, request: HelpRequest): JournalEvent => {
  const kind: HelpJournalKind = answer.status === 'withdrawn' ? 'helpAnswerWithdrawn'
    : request.type === 'offer' ? 'helpOfferTaken' : 'helpAnswered'
  return {
    kind, familyId: answer.familyId, otherFamilyId: request.familyId, ...dayOf(request),
    ref: `helpAnswer|${helpAnswerKeyOf(answer)}`, ...stampOf(answer),
  }
}

/** Every coups de main event; answers to an unknown request, or by the requester's own family, changed nothing. */
export const helpJournalEvents = (records: HelpRecords): JournalEvent[] => {
  const requests = new Map(records.requests.map((request) => [request.id, request]))
  const answers = records.answers.flatMap((answer) => {
    const request = requests.get(answer.requestId)
    return request === undefined || request.familyId === answer.familyId ? [] : [answerEvent(answer, request)]
  })
  return [...records.requests.flatMap(requestEvents), ...answers]
}
