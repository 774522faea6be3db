// The children commands: add and edit a child, and the family's agreement to its support note (given, withdrawn).
//
// Any member edits a child's name, stops and days (a trust network), but the support note and "counts extra" are the
// child's family's: written by it, or by a member "à sa demande", under an agreement of one of its adults, recorded in
// the child's record (src/domain/support-consent.ts decides; the reader makes a record that breaks it "to check").
import { authorTime } from '../doc/clock.ts'
import * as edit from '../doc/mutations.ts'
import { parseInput } from '../doc/mutations-util.ts'
import { instantToParisDate } from '../domain/calendar/paris-time.ts'
import { AdultIdSchema, type ChildId, type FamilyId } from '../domain/ids.ts'
import { ChildInputSchema, type ChildInput } from '../domain/people.ts'
import { supportWithdrawal, supportWrite, type SupportConsent, type SupportWriter } from '../domain/support-consent.ts'
import type { FieldErrors } from '../domain/validation.ts'
import { err, ok, type Result } from '../lib/result.ts'
import type { PeopleCommands } from './api.ts'
import type { CommandContext } from './commands.ts'

type ChildCommands = Pick<PeopleCommands, 'addChild' | 'updateChild' | 'withdrawSupportConsent'>

export const createChildCommands = ({ doc, view, me, now }: CommandContext): ChildCommands => {
  const writer = (onRequest: boolean): SupportWriter => {
    const identity = me.get()
    return { familyId: identity.familyId, adultId: identity.adultId, actor: identity.actorId, at: authorTime(now()), onRequest }
  }
  const familyAdults = (familyId: FamilyId) => view.get().adults.filter((adult) => adult.familyId === familyId).map((adult) => adult.id)

  /** The consent record to store with this write, or every error of the form at once (fields, then the consent rule). */
  const consentFor = (familyId: FamilyId, id: ChildId | null, input: ChildInput): Result<SupportConsent | undefined, FieldErrors> => {
    const parsed = parseInput(ChildInputSchema, input)
    // A child "to check" is not in the view: its repair writes the note as new, so it needs an agreement again.
    const stored = id === null ? null : (view.get().children.find((child) => child.id === id) ?? null)
    const rule = supportWrite({
      childFamilyId: familyId,
      stored,
      next: { support: typeof input.support === 'string' ? input.support : '', countsExtra: input.countsExtra === true },
      // An id that is not one is refused by the form's parse above; the rule then sees none.
      consentBy: input.consentBy === undefined ? undefined : AdultIdSchema.safeParse(input.consentBy).data,
      familyAdults: familyAdults(familyId),
      writer: writer(input.onRequest === true),
    })
    if (parsed.ok && rule.ok) return rule
    return err({ ...(parsed.ok ? {} : parsed.error), ...(rule.ok ? {} : rule.error) })
  }

  return {
    addChild(familyId, input) {
      const consent = consentFor(familyId, null, input)
      if (!consent.ok) return consent
      return edit.addChild(doc, familyId, input, instantToParisDate(now()), consent.value)
    },

    updateChild(id, input) {
      const familyId = edit.storedChildFamily(doc, id)
      // No child (removed elsewhere), or one whose family is unreadable: the edit answers as it did (not found, repair).
      if (familyId === null) return edit.updateChild(doc, id, input)
      const consent = consentFor(familyId, id, input)
      if (!consent.ok) return consent
      return edit.updateChild(doc, id, input, consent.value)
    },

    withdrawSupportConsent(id, onRequest) {
      const child = view.get().children.find((candidate) => candidate.id === id)
      if (child === undefined) return err('notFound')
      const consent = supportWithdrawal({ childFamilyId: child.familyId, stored: child, writer: writer(onRequest) })
      if (!consent.ok) return consent
      return edit.withdrawSupportConsent(doc, id, consent.value) ? ok(undefined) : err('notFound')
    },
  }
}
