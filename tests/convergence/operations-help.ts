// Random coups de main operations on one replica, through the real writes of src/doc: requests and offers, answers,
// confirmations as the app makes them (canConfirm on the phone's own reading), close, cancel, reopen, fewer helpers.
import type * as Y from 'yjs'
import { MAP_FAMILIES } from '../../src/doc/keys.ts'
import { writeHelpAnswer, writeHelpRequest } from '../../src/doc/mutations-help.ts'
import { readFlatValues } from '../../src/doc/read-flat.ts'
import { helpAnswerKind, helpRequestKind } from '../../src/doc/record-kinds.ts'
import { createHelpRequestId, type HelpRequest } from '../../src/domain/help/records.ts'
import { canConfirm } from '../../src/domain/help/resolve.ts'
import { TimeOfDaySchema, localDate } from '../../src/domain/dates.ts'
import type { FamilyId } from '../../src/domain/ids.ts'
import type { OpContext, Replica } from './operations.ts'

type Op = (replica: Replica, context: OpContext) => void

const pick = <T>(random: () => number, items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)]
const families = (doc: Y.Doc): FamilyId[] => [...doc.getMap(MAP_FAMILIES).keys()] as FamilyId[]
const requests = (doc: Y.Doc): HelpRequest[] => readFlatValues(doc, helpRequestKind)
const authored = (replica: Replica) => ({ actor: replica.actor, at: '2027-03-01T08:00:00+01:00' })
const rewrite = (replica: Replica, request: HelpRequest, change: Partial<HelpRequest>): void => {
  const { id, familyId, type, kind, date, from, to, needed, note, status, confirmed } = request
  const fields = { id, familyId, type, kind, date, from, to, needed, note, status, confirmed }
  writeHelpRequest(replica.doc, { ...fields, ...change, ...authored(replica) })
}

const post: Op = (replica, { random }) => {
  const familyId = pick(random, families(replica.doc))
  if (familyId === undefined) return
  writeHelpRequest(replica.doc, {
    id: createHelpRequestId(), familyId, type: random() < 0.7 ? 'request' : 'offer', kind: 'carpool', date: localDate('2027-03-17'),
    from: TimeOfDaySchema.parse('14:00'), to: TimeOfDaySchema.parse('17:00'), needed: 1 + Math.floor(random() * 2), note: 'Jour de grève', status: 'open', confirmed: [],
    ...authored(replica),
  })
}

const answer: Op = (replica, { random }) => {
  const request = pick(random, requests(replica.doc))
  const familyId = pick(random, families(replica.doc).filter((id) => id !== request?.familyId))
  if (request === undefined || familyId === undefined) return
  writeHelpAnswer(replica.doc, { requestId: request.id, familyId, status: random() < 0.8 ? 'active' : 'withdrawn', ...authored(replica) })
}

const confirm: Op = (replica, { random }) => {
  const request = pick(random, requests(replica.doc))
  if (request === undefined) return
  const answers = readFlatValues(replica.doc, helpAnswerKind)
  const familyId = pick(random, answers.filter((a) => a.requestId === request.id).map((a) => a.familyId))
  const confirmed = familyId === undefined ? undefined : canConfirm(request, answers, familyId)
  if (confirmed?.ok === true) rewrite(replica, request, { confirmed: [...confirmed.value] })
}

const setStatus: Op = (replica, { random }) => {
  const request = pick(random, requests(replica.doc))
  if (request === undefined) return
  const roll = random()
  if (roll < 0.3) rewrite(replica, request, { status: 'closed' })
  else if (roll < 0.5) rewrite(replica, request, { status: 'cancelled' })
  else if (roll < 0.8) rewrite(replica, request, { status: 'open' })
  // Fewer helpers needed: the app drops the last confirmations over the new need in the same write.
  else rewrite(replica, request, { needed: 1, confirmed: request.confirmed.slice(0, 1) })
}

/** [weight, operation]: a few per run, beside hundreds of sign-ups. */
export const HELP_OPERATIONS: readonly (readonly [number, Op])[] = [[1.5, post], [3, answer], [1.5, confirm], [1, setStatus]]
