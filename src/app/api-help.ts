// The session's coups de main commands (issue 17): what the Coups de main screens may change, and how each can fail.
import type { HelpRequestId, HelpRequestInput } from '../domain/help/records.ts'
import type { FamilyId } from '../domain/ids.ts'
import type { FieldErrors } from '../domain/validation.ts'
import type { Result } from '../lib/result.ts'

/** Why an answer was not recorded: no such request, no family on this phone, my own request, closed or over. */
export type HelpAnswerError = 'notFound' | 'noFamily' | 'ownRequest' | 'notOpen' | 'notRecorded'
/** Only the requester's family confirms, closes, cancels, reopens. */
export type HelpOwnerError = 'notFound' | 'noFamily' | 'notMine' | 'notRecorded'

export interface HelpCommands {
  /** A new request or offer by my family; field errors as the form shows them. */
  postHelp(input: HelpRequestInput): Result<HelpRequestId, 'noFamily' | FieldErrors>
  /** "Je peux": read back, 'helping' when my family holds a place, 'waiting' when the places are taken. */
  answerHelp(id: HelpRequestId): Result<'helping' | 'waiting', HelpAnswerError>
  /** Takes my family's answer back ('nothingToWithdraw' when it has none standing). */
  withdrawHelpAnswer(id: HelpRequestId): Result<void, 'notFound' | 'noFamily' | 'nothingToWithdraw' | 'notRecorded'>
  /** The requester confirms a family that answered ('full' when every place is confirmed already). */
  confirmHelper(id: HelpRequestId, familyId: FamilyId): Result<void, HelpOwnerError | 'noAnswer' | 'full'>
  /** Close, cancel or reopen. */
  setHelpStatus(id: HelpRequestId, status: 'open' | 'closed' | 'cancelled'): Result<void, HelpOwnerError>
  /** Adds a kind to the collective's list (any member); its id. The label is trimmed, 1 to HELP_KIND_LABEL_MAX long. */
  addHelpKind(label: string): Result<string, FieldErrors>
  /** Hides a kind from the forms (shipped or added), or shows it again; requests of that kind keep it. */
  hideHelpKind(id: string, hidden: boolean): Result<void, 'notFound' | 'notRecorded'>
}
