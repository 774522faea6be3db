// Coups de main writes: a request or offer and a family's "Je peux", each a flat entry stamped with the shared clock.
//
// A request is written whole by its family (close, cancel, reopen, confirm rewrite it: last writer wins, and each
// write keeps its confirmed list within its need); an answer is keyed by request and family. Who helps is derived
// (src/domain/help/resolve.ts), never stored beyond the requester's confirmations.
import type * as Y from 'yjs'
import type { StoredHelpKind } from '../domain/help/kinds.ts'
import type { HelpAnswer, HelpRequestFields, HelpRequestId } from '../domain/help/records.ts'
import type { FieldErrors } from '../domain/validation.ts'
import { err, ok, type Result } from '../lib/result.ts'
import { authorTime, nextSharedClock } from './clock.ts'
import { putEntry } from './entries.ts'
import { ChangeOrigin } from './keys.ts'
import type { Authored } from './mutations-swaps.ts'
import { helpAnswerKind, helpKindKind, helpRequestKind } from './record-kinds.ts'

const requestOrigin = new ChangeOrigin('helpRequest')
const answerOrigin = new ChangeOrigin('helpAnswer')
const kindOrigin = new ChangeOrigin('helpKind')

const stamp = (doc: Y.Doc, write: Authored) => ({ clock: nextSharedClock(doc), actor: write.actor, at: write.at ?? authorTime(Date.now()) })

/** Writes the request whole, with a new clock; its id when written, field errors when invalid. */
export const writeHelpRequest = (
  doc: Y.Doc, request: HelpRequestFields & Authored,
): Result<HelpRequestId, FieldErrors> => {
  const written = putEntry(doc, helpRequestKind, { ...request, ...stamp(doc, request) }, requestOrigin)
  return written.ok ? ok(request.id) : err(written.error)
}

/** Writes (or withdraws) a family's answer to a request: one entry per request and family. */
export const writeHelpAnswer = (
  doc: Y.Doc, answer: Pick<HelpAnswer, 'requestId' | 'familyId' | 'status'> & Authored,
): Result<string, FieldErrors> => putEntry(doc, helpAnswerKind, { ...answer, ...stamp(doc, answer) }, answerOrigin)

/** The collective's edit of one kind (a shipped kind hidden or shown again, a kind added or hidden): keyed by its id. */
export const writeHelpKind = (doc: Y.Doc, kind: StoredHelpKind): Result<string, FieldErrors> =>
  putEntry(doc, helpKindKind, kind, kindOrigin)
