// The roster's rotation: who is a member for a given period, and the base coordinator of each period before any swap.
//
// The rotation is a recurrence, not "index mod member count": each period goes to the member
// that follows the previous period's coordinator in the cyclic order (position, then familyId).
// So a family that leaves is simply skipped and a family that joins is slotted in at its
// position; everyone else keeps their turn order, and past periods never move.
import type { FamilyId } from '../ids.ts'
import { compareLogical, compareText } from '../record-order.ts'
import { periodAt, type Period } from './periods.ts'
import type { CoordinatorRosterSetting, RosterEntry } from './records.ts'

export interface RosterMember {
  readonly familyId: FamilyId
  readonly position: number
}

/** Rotation order: position, then familyId (two phones may pick the same position concurrently). */
export const compareMembers = (a: RosterMember, b: RosterMember): number => a.position - b.position || compareText(a.familyId, b.familyId)

/**
 * Logical order of a family's entries; equal stamps (one device never writes two, but a forged or
 * buggy record may) are ordered by their other fields so every phone still picks the same one.
 */
const compareEntries = (a: RosterEntry, b: RosterEntry): number =>
  compareLogical(a, b) || compareText(a.from, b.from) || Number(a.accepted) - Number(b.accepted) || a.position - b.position

/**
 * Members for the period starting `periodStart`, in rotation order: per family, the latest entry
 * (logical order) whose `from` is on or before that date decides; none means not a member.
 */
export const membersFor = (roster: readonly RosterEntry[], periodStart: string): RosterMember[] => {
  const latest = new Map<FamilyId, RosterEntry>()
  for (const entry of roster) {
    if (entry.from > periodStart) continue
    const current = latest.get(entry.familyId)
    if (current === undefined || compareEntries(entry, current) > 0) latest.set(entry.familyId, entry)
  }
  return [...latest.values()]
    .filter((entry) => entry.accepted)
    .map((entry) => ({ familyId: entry.familyId, position: entry.position }))
    .sort(compareMembers)
}

/** The current members (for the period that starts after every entry): what the roster screen lists. */
export const currentMembers = (roster: readonly RosterEntry[]): RosterMember[] => membersFor(roster, '9999-12-31')

export interface BasePeriod extends Period {
  /** Null when nobody is on the roster for that period. */
  readonly coordinator: FamilyId | null
  readonly memberCount: number
}

/** The first member strictly after `previous` in rotation order, wrapping round; the first member when there is no previous. */
const successor = (members: readonly RosterMember[], previous: RosterMember | null): RosterMember | undefined =>
  previous === null ? members[0] : (members.find((member) => compareMembers(member, previous) > 0) ?? members[0])

/**
 * Base coordinators of periods 0..lastIndex. An empty period keeps the previous coordinator's
 * place in the order, so the rotation resumes where it stopped when families come back.
 */
export const baseRotation = (setting: CoordinatorRosterSetting, roster: readonly RosterEntry[], lastIndex: number): BasePeriod[] => {
  const periods: BasePeriod[] = []
  let previous: RosterMember | null = null
  for (let index = 0; index <= lastIndex; index++) {
    const period = periodAt(setting, index)
    const members = membersFor(roster, period.start)
    const chosen: RosterMember | null = successor(members, previous) ?? null
    if (chosen !== null) previous = chosen
    periods.push({ ...period, coordinator: chosen?.familyId ?? null, memberCount: members.length })
  }
  return periods
}
