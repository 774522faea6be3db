// The coups de main commands: each checks the request as the screens show it (the view), writes once, and answers
// what the view then shows (an answer's place is read back, as a walk sign-up's is).
import { writeHelpAnswer, writeHelpKind, writeHelpRequest } from '../doc/mutations-help.ts'
import { parseInput } from '../doc/mutations-util.ts'
import {
  HelpRequestInputSchema, createHelpRequestId, type HelpRequest, type HelpRequestFields, type HelpRequestId,
} from '../domain/help/records.ts'
import { HelpKindInputSchema, allHelpKindsOf } from '../domain/help/kinds.ts'
import { canAnswer, canConfirm, resolveHelp } from '../domain/help/resolve.ts'
import { err, ok, type Result } from '../lib/result.ts'
import { authorTime } from '../doc/clock.ts'
import type { HelpCommands, HelpOwnerError } from './api-help.ts'
import type { CommandContext } from './commands.ts'

const fieldsOf = ({ id, familyId, type, kind, date, from, to, needed, note, status, confirmed }: HelpRequest): HelpRequestFields =>
  ({ id, familyId, type, kind, date, from, to, needed, note, status, confirmed })

export const createHelpCommands = ({ doc, view, me, now }: CommandContext): HelpCommands => {
  const help = () => view.get().help
  const requestOf = (id: HelpRequestId): HelpRequest | undefined => help()?.requests.find((request) => request.id === id)
  const authored = () => ({ actor: me.get().actorId, at: authorTime(now()) })
  /** The request, when my family wrote it. */
  const mine = (id: HelpRequestId): Result<HelpRequest, HelpOwnerError> => {
    const request = requestOf(id)
    const { familyId } = me.get()
    if (request === undefined) return err('notFound')
    if (familyId === null) return err('noFamily')
    return request.familyId === familyId ? ok(request) : err('notMine')
  }
  const rewrite = (request: HelpRequest, change: Partial<HelpRequestFields>): Result<void, 'notRecorded'> =>
    writeHelpRequest(doc, { ...fieldsOf(request), ...change, ...authored() }).ok ? ok(undefined) : err('notRecorded')

  return {
    postHelp(input) {
      const { familyId } = me.get()
      if (familyId === null) return err('noFamily')
      const parsed = parseInput(HelpRequestInputSchema, input)
      if (!parsed.ok) return parsed
      const written = writeHelpRequest(doc, {
        ...parsed.value, id: createHelpRequestId(), familyId, status: 'open', confirmed: [], ...authored(),
      })
      return written.ok ? ok(written.value) : written
    },

    answerHelp(id) {
      const request = requestOf(id)
      const { familyId } = me.get()
      if (request === undefined) return err('notFound')
      if (familyId === null) return err('noFamily')
      const allowed = canAnswer(request, familyId, now())
      if (!allowed.ok) return allowed
      if (!writeHelpAnswer(doc, { requestId: id, familyId, status: 'active', ...authored() }).ok) return err('notRecorded')
      const after = requestOf(id)
      return ok(after !== undefined && resolveHelp(after, help()?.answers ?? []).holders.includes(familyId) ? 'helping' : 'waiting')
    },

    withdrawHelpAnswer(id) {
      const { familyId } = me.get()
      if (requestOf(id) === undefined) return err('notFound')
      if (familyId === null) return err('noFamily')
      const standing = help()?.answers.some((a) => a.requestId === id && a.familyId === familyId && a.status === 'active')
      if (standing !== true) return err('nothingToWithdraw')
      return writeHelpAnswer(doc, { requestId: id, familyId, status: 'withdrawn', ...authored() }).ok ? ok(undefined) : err('notRecorded')
    },

    confirmHelper(id, helper) {
      const request = mine(id)
      if (!request.ok) return request
      const confirmed = canConfirm(request.value, help()?.answers ?? [], helper)
      return confirmed.ok ? rewrite(request.value, { confirmed: [...confirmed.value] }) : confirmed
    },

    setHelpStatus(id, status) {
      const request = mine(id)
      return request.ok ? rewrite(request.value, { status }) : request
    },

    addHelpKind(label) {
      const parsed = parseInput(HelpKindInputSchema, { label })
      if (!parsed.ok) return parsed
      return writeHelpKind(doc, { id: crypto.randomUUID(), label: parsed.value.label, hidden: false })
    },

    hideHelpKind(id, hidden) {
      const edits = help()?.kinds ?? []
      const kind = allHelpKindsOf(edits).find((candidate) => candidate.id === id)
      if (kind === undefined) return err('notFound')
      const label = typeof kind.label === 'string' ? { label: kind.label } : {}
      return writeHelpKind(doc, { id, ...label, hidden }).ok ? ok(undefined) : err('notRecorded')
    },
  }
}
