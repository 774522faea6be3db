// Planning records: an adult's availability, reduced-share periods, the fairness setting, and a published plan's sign-ups (one transaction).
//
// Like the walk-log records (see mutations-walk-log.ts), availability and exemptions are flat
// entries holding plain JSON written whole. They carry no name, note or reason, so nothing is
// sealed. A published plan is ordinary sign-up entries (the value shape of mutations-signups.ts)
// written together, so the coordinator's publication reaches every phone as one update.
import type * as Y from 'yjs'
import type { AdultId, FamilyId } from '../domain/ids.ts'
import {
  AvailabilityInputSchema, ExemptionInputSchema, FairnessSettingInputSchema, createExemptionId,
  type AvailabilityInput, type ExemptionId, type ExemptionInput, type FairnessSetting, type FairnessSettingInput,
} from '../domain/planning/records.ts'
import type { Slot, WalkRef } from '../domain/signup.ts'
import { err, ok } from '../lib/result.ts'
import { authorTime, nextSharedClock } from './clock.ts'
import { MAP_AVAILABILITY, MAP_EXEMPTIONS, MAP_SETTINGS, Origin, SETTINGS_FAIRNESS_FIELD, safeMap } from './keys.ts'
import { putPlaceEntry, storedEntry, withoutKeyFields } from './mutations-signups.ts'
import { SIGNUP_MAPS } from './signup-layout.ts'
import { putEntry, storedValue, type Authored } from './mutations-swaps.ts'
import { DOCUMENT_DAMAGED, parseInput, type EditResult } from './mutations-util.ts'

const stamp = (author: Authored): { actor: Authored['actor']; at: string } => ({ actor: author.actor, at: author.at ?? authorTime(Date.now()) })

/** A JSON copy: the stored value must not share arrays with the caller's input. */
const plainCopy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T

// ---------------------------------------------------------------------------------------------
// Availability
// ---------------------------------------------------------------------------------------------

/**
 * Replaces the adult's whole availability (key: the adult id). The caller checks that the adult
 * and the lines exist; `familyId` is the adult's family, so a family's records can be found and removed. Written
 * whole: the author's on-behalf mark is this write's, a later write without one drops it.
 */
export const writeAvailability = (
  doc: Y.Doc, adult: { readonly adultId: AdultId; readonly familyId: FamilyId }, input: AvailabilityInput, author: Authored,
): EditResult<void> => {
  const parsed = parseInput(AvailabilityInputSchema, input)
  if (!parsed.ok) return parsed
  const { recurring, exceptions, weeklyMax, preference } = parsed.value
  const record = {
    adultId: adult.adultId, familyId: adult.familyId, recurring: plainCopy(recurring), exceptions: plainCopy(exceptions), weeklyMax, preference, ...stamp(author),
    ...(author.onBehalf && { onBehalf: { ...author.onBehalf } }),
  }
  return putEntry(doc, MAP_AVAILABILITY, adult.adultId, record, Origin.setAvailability) ? ok(undefined) : err(DOCUMENT_DAMAGED)
}

// ---------------------------------------------------------------------------------------------
// Reduced-share periods (exemptions)
// ---------------------------------------------------------------------------------------------

/** "Part réduite": a new entry under a fresh id. The caller checks that the family exists. No reason is stored. */
export const writeExemption = (doc: Y.Doc, input: ExemptionInput, author: Authored): EditResult<ExemptionId> => {
  const parsed = parseInput(ExemptionInputSchema, input)
  if (!parsed.ok) return parsed
  const id = createExemptionId()
  const { familyId, from, to, sharePercent } = parsed.value
  const exemption = { id, familyId, from, to, sharePercent, ...stamp(author) }
  return putEntry(doc, MAP_EXEMPTIONS, id, exemption, Origin.declareExemption) ? ok(id) : err(DOCUMENT_DAMAGED)
}

/**
 * Any member may withdraw: the entry is rewritten whole with `withdrawn` added (unknown fields
 * kept). False when there is no such entry or it is withdrawn already.
 */
export const writeExemptionWithdrawal = (doc: Y.Doc, id: ExemptionId, author: Authored): boolean => {
  const current = storedValue(doc, MAP_EXEMPTIONS, id)
  if (current === undefined || current.withdrawn !== undefined) return false
  return putEntry(doc, MAP_EXEMPTIONS, id, { ...current, withdrawn: stamp(author) }, Origin.withdrawExemption)
}

// ---------------------------------------------------------------------------------------------
// Fairness setting
// ---------------------------------------------------------------------------------------------

/** The fairness setting as one settings field (last writer wins, like the other settings). */
export const writeFairnessSetting = (doc: Y.Doc, input: FairnessSettingInput): EditResult<FairnessSetting> => {
  const parsed = parseInput(FairnessSettingInputSchema, input)
  if (!parsed.ok) return parsed
  const map = safeMap(doc, MAP_SETTINGS)
  if (map === null) return err(DOCUMENT_DAMAGED)
  doc.transact(() => map.set(SETTINGS_FAIRNESS_FIELD, { ...parsed.value }), Origin.setFairness)
  return ok(parsed.value)
}

// ---------------------------------------------------------------------------------------------
// A published plan
// ---------------------------------------------------------------------------------------------

export interface PlannedSignUpWrite {
  readonly walk: WalkRef
  readonly adultId: AdultId
  readonly familyId: FamilyId
  readonly slot: Slot
}

/**
 * Writes the sign-ups in ONE transaction (Origin.publishPlan), with consecutive clocks from the
 * next shared clock, computed once (a plan holds hundreds of places). An adult already active on
 * a walk, or who withdrew from it, is left alone: a published plan never rewrites either entry. Returns how many entries
 * were written, or null when the document is damaged. The caller decides which places are still open.
 */
export const writePublishedSignUps = (doc: Y.Doc, writes: readonly PlannedSignUpWrite[], author: Authored): number | null => {
  if (SIGNUP_MAPS.some((name) => safeMap(doc, name) === null)) return null
  if (writes.length === 0) return 0
  const { actor, at } = stamp(author)
  let clock = nextSharedClock(doc)
  let written = 0
  doc.transact(() => {
    for (const write of writes) {
      const current = storedEntry(doc, write.walk, write.adultId, actor)
      // A withdrawn entry is the adult's choice to leave that walk: a plan never puts them back.
      if (current?.status === 'active' || current?.status === 'withdrawn') continue
      const entry = { familyId: write.familyId, slot: write.slot, status: 'active', clock, actor, at }
      putPlaceEntry(doc, write.walk, write.adultId, actor, { ...withoutKeyFields(current), ...entry })
      clock += 1
      written += 1
    }
  }, Origin.publishPlan)
  return written
}
