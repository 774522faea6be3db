// The planning commands: an adult's availability, reduced-share periods, the fairness setting, publishing a plan as sign-ups.
import { authorTime } from '../doc/clock.ts'
import * as edit from '../doc/mutations.ts'
import { parseInput } from '../doc/mutations-util.ts'
import { instantToParisDate } from '../domain/calendar/paris-time.ts'
import { compareDates, type LocalDate } from '../domain/dates.ts'
import { AvailabilityInputSchema, ExemptionInputSchema, type AvailabilityInput } from '../domain/planning/records.ts'
import type { FieldErrors } from '../domain/validation.ts'
import { err, ok } from '../lib/result.ts'
import type { CollectiveView, PlanningCommands } from './api.ts'
import type { CommandContext } from './commands.ts'
import { placesToPublish } from './plan-publication.ts'
import { onBehalfNow } from './acting.ts'


type ParsedAvailability = ReturnType<typeof AvailabilityInputSchema.parse>

/**
 * What is worth keeping of a parsed availability: date exceptions dated before today (Paris) can
 * no longer matter, and slots or exceptions naming a line the collective no longer has (another
 * member may have removed it) are dropped silently, so a removed line never makes an adult's
 * availability unsavable.
 */
const prunedAvailability = (view: CollectiveView, input: ParsedAvailability, today: LocalDate): ParsedAvailability => {
  const lineIds = new Set<string>(view.lines.map((line) => line.id))
  return {
    ...input,
    recurring: input.recurring.filter((slot) => lineIds.has(slot.lineId)),
    exceptions: input.exceptions.filter((exception) =>
      compareDates(exception.date, today) >= 0 && (exception.lineId === null || lineIds.has(exception.lineId))),
  }
}

/** Adds `field: code` unless the field has an error already (the form shows the first problem per field). */
const withError = (errors: FieldErrors, field: string, code: string): FieldErrors => (field in errors ? errors : { ...errors, [field]: code })

export const createPlanningCommands = ({ doc, view, me, acting, now }: CommandContext): PlanningCommands => {
  const author = (): edit.Authored => ({ actor: me.get().actorId, at: authorTime(now()) })

  return {
    setAvailability(adultId, input: AvailabilityInput) {
      const current = view.get()
      const adult = current.adults.find((candidate) => candidate.id === adultId)
      const parsed = parseInput(AvailabilityInputSchema, input)
      if (!parsed.ok) return adult === undefined ? err(withError(parsed.error, '_', 'unknownAdult')) : parsed
      if (adult === undefined) return err({ _: 'unknownAdult' })
      const kept = prunedAvailability(current, parsed.value, instantToParisDate(now()))
      // Saved while acting for the family: the record says who saved it (acting.ts).
      const onBehalf = onBehalfNow(acting, now())
      const written = { ...author(), ...(onBehalf && { onBehalf }) }
      return edit.writeAvailability(doc, { adultId, familyId: adult.familyId }, kept, written)
    },

    declareExemption(input) {
      const known = view.get().families.some((family) => family.id === input.familyId)
      const parsed = parseInput(ExemptionInputSchema, input)
      if (!parsed.ok) return known ? parsed : err(withError(parsed.error, 'familyId', 'unknownFamily'))
      if (!known) return err({ familyId: 'unknownFamily' })
      return edit.writeExemption(doc, parsed.value, author())
    },

    withdrawExemption(id) {
      const exemption = view.get().planning.exemptions.find((candidate) => candidate.id === id)
      if (exemption === undefined) return err('notFound')
      if (exemption.withdrawn !== undefined) return ok(undefined)
      return edit.writeExemptionWithdrawal(doc, id, author()) ? ok(undefined) : err('notRecorded')
    },

    setFairness: (input) => edit.writeFairnessSetting(doc, input),

    publishPlan(assignments) {
      const { writes, skipped } = placesToPublish(view.get(), assignments, now())
      const written = edit.writePublishedSignUps(doc, writes, author())
      if (written === null) return err('notRecorded')
      // A place the document already held active (not in the view: an invalid entry) counts as skipped.
      return ok({ written, skipped: skipped + writes.length - written })
    },
  }
}
