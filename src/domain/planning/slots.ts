// Which slot (lead, tail, extra) each adult the solver placed on a walk gets: preferences first, then candidate order.
import type { AdultId } from '../ids.ts'
import type { Slot } from '../signup.ts'
import type { RolePreference } from './records.ts'

export interface LabelledPlace {
  readonly adultId: AdultId
  readonly slot: Slot
}

/** Whether giving this slot goes against the adult's preference (a "tail" adult asked to lead, or the reverse). */
const against = (slot: Slot, preference: RolePreference): boolean =>
  (slot === 'lead' && preference === 'tail') || (slot === 'tail' && preference === 'lead')

/**
 * `adults` are the walk's placed adults in candidate order; `freeSlots` the walk's open slots in
 * order (lead if empty, tail if empty, then extras). Fewer adults than slots fill the first ones:
 * a walk needs a front and a back before anyone else. An adult preferring lead gets the lead slot,
 * one preferring tail the tail slot; the other slots go, in order, to the first adult left whose
 * preference they do not go against (else simply the first left). Result in slot order.
 */
export const labelSlots = (freeSlots: readonly Slot[], adults: readonly AdultId[], preferenceOf: (adultId: AdultId) => RolePreference): LabelledPlace[] => {
  const slots = freeSlots.slice(0, adults.length)
  const left = [...adults]
  const given = new Map<number, AdultId>()
  const take = (index: number): AdultId | undefined => left.splice(index, 1)[0]
  for (const wanted of ['lead', 'tail'] as const) {
    const slotIndex = slots.indexOf(wanted)
    const adultIndex = left.findIndex((adultId) => preferenceOf(adultId) === wanted)
    if (slotIndex < 0 || adultIndex < 0) continue
    const adultId = take(adultIndex)
    if (adultId !== undefined) given.set(slotIndex, adultId)
  }
  slots.forEach((slot, slotIndex) => {
    if (given.has(slotIndex)) return
    const willing = left.findIndex((adultId) => !against(slot, preferenceOf(adultId)))
    const adultId = take(willing < 0 ? 0 : willing)
    if (adultId !== undefined) given.set(slotIndex, adultId)
  })
  return slots.flatMap((slot, slotIndex) => {
    const adultId = given.get(slotIndex)
    return adultId === undefined ? [] : [{ adultId, slot }]
  })
}

const SLOT_RANK: Readonly<Record<Slot, number>> = { lead: 0, tail: 1, extra: 2 }

/** Lead before tail before extras (the order a Plan lists a walk's places in). */
export const compareSlots = (a: Slot, b: Slot): number => SLOT_RANK[a] - SLOT_RANK[b]
