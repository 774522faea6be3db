// Coordinator records: roster setting and entries, period offers and answers, handover notes and acknowledgements (flat entries, one transaction each).
import type * as Y from 'yjs'
import {
  CoordinatorRosterSettingSchema, HandoverNoteInputSchema, createPeriodOfferId, handoverKeyOf, periodResponseKeyOf, rosterEntryKeyOf,
  type CoordinatorRosterSetting, type PeriodOfferId, type PeriodResponse,
} from '../domain/coordination/records.ts'
import type { LocalDate } from '../domain/dates.ts'
import type { FamilyId } from '../domain/ids.ts'
import { err, ok } from '../lib/result.ts'
import { authorTime, nextSharedClock } from './clock.ts'
import { personalContext, sealPersonal } from './codec.ts'
import {
  MAP_HANDOVER_ACKS, MAP_HANDOVER_NOTES, MAP_PERIOD_OFFERS, MAP_PERIOD_RESPONSES, MAP_ROSTER, MAP_SETTINGS, Origin, SETTINGS_ROSTER_FIELD, safeMap,
} from './keys.ts'
import { DOCUMENT_DAMAGED, parseInput, type EditResult } from './mutations-util.ts'
import { putEntry, storedValue, type Authored } from './mutations-swaps.ts'

/** The roster setting as one settings field (last writer wins, like the other settings). */
export const writeRosterSetting = (doc: Y.Doc, input: CoordinatorRosterSetting): EditResult<CoordinatorRosterSetting> => {
  const parsed = parseInput(CoordinatorRosterSettingSchema, input)
  if (!parsed.ok) return parsed
  const map = safeMap(doc, MAP_SETTINGS)
  if (map === null) return err(DOCUMENT_DAMAGED)
  doc.transact(() => map.set(SETTINGS_ROSTER_FIELD, { ...parsed.value }), Origin.setRoster)
  return ok(parsed.value)
}

export interface RosterEntryWrite extends Authored {
  readonly familyId: FamilyId
  readonly accepted: boolean
  readonly position: number
  /** The start of the period from which the entry applies (the next period: past ones never move). */
  readonly from: LocalDate
}

export const writeRosterEntry = (doc: Y.Doc, write: RosterEntryWrite): boolean => {
  const entry = { ...write, clock: nextSharedClock(doc), at: write.at ?? authorTime(Date.now()) }
  return putEntry(doc, MAP_ROSTER, rosterEntryKeyOf(write), entry, Origin.setRosterMembership)
}

export interface PeriodOfferWrite extends Authored {
  readonly periodStart: LocalDate
  readonly familyId: FamilyId
  readonly target?: { readonly familyId: FamilyId; readonly periodStart: LocalDate }
}

export const writePeriodOffer = (doc: Y.Doc, write: PeriodOfferWrite): PeriodOfferId | null => {
  const id = createPeriodOfferId()
  const { target, at, ...rest } = write
  const offer = {
    ...rest, id, kind: target === undefined ? 'replacement' : 'trade', ...(target === undefined ? {} : { target: { ...target } }),
    clock: nextSharedClock(doc), at: at ?? authorTime(Date.now()),
  }
  return putEntry(doc, MAP_PERIOD_OFFERS, id, offer, Origin.offerPeriod) ? id : null
}

export const writePeriodOfferWithdrawal = (doc: Y.Doc, offerId: PeriodOfferId, author: Authored): boolean => {
  const current = storedValue(doc, MAP_PERIOD_OFFERS, offerId)
  if (current === undefined || current.withdrawn !== undefined) return false
  const withdrawn = { clock: nextSharedClock(doc), actor: author.actor, at: author.at ?? authorTime(Date.now()) }
  return putEntry(doc, MAP_PERIOD_OFFERS, offerId, { ...current, withdrawn }, Origin.withdrawPeriodOffer)
}

export interface PeriodResponseWrite extends Authored {
  readonly offerId: PeriodOfferId
  readonly familyId: FamilyId
  readonly kind: PeriodResponse['kind']
}

export const writePeriodResponse = (doc: Y.Doc, write: PeriodResponseWrite): boolean => {
  const response = { ...write, clock: nextSharedClock(doc), at: write.at ?? authorTime(Date.now()) }
  return putEntry(doc, MAP_PERIOD_RESPONSES, periodResponseKeyOf(write), response, Origin.answerPeriodOffer)
}

/** A family's note for the coordinator of the period (one per family and period: a new note replaces it); text sealed as personal. */
export const writeHandoverNote = (
  doc: Y.Doc, periodStart: LocalDate, familyId: FamilyId, input: { readonly text: string }, author: Authored,
): EditResult<void> => {
  const parsed = parseInput(HandoverNoteInputSchema, input)
  if (!parsed.ok) return parsed
  const key = handoverKeyOf({ periodStart, familyId })
  const text = sealPersonal(doc, personalContext(MAP_HANDOVER_NOTES, key, 'text'), parsed.value.text)
  const note = { periodStart, familyId, text, clock: nextSharedClock(doc), actor: author.actor, at: author.at ?? authorTime(Date.now()) }
  return putEntry(doc, MAP_HANDOVER_NOTES, key, note, Origin.addHandoverNote) ? ok(undefined) : err(DOCUMENT_DAMAGED)
}

/** The incoming coordinator's acknowledgement; already acknowledged: nothing is written. */
export const writeHandoverAck = (doc: Y.Doc, periodStart: LocalDate, familyId: FamilyId, author: Authored): boolean => {
  const key = handoverKeyOf({ periodStart, familyId })
  if (storedValue(doc, MAP_HANDOVER_ACKS, key) !== undefined) return true
  const ack = { periodStart, familyId, clock: nextSharedClock(doc), actor: author.actor, at: author.at ?? authorTime(Date.now()) }
  return putEntry(doc, MAP_HANDOVER_ACKS, key, ack, Origin.acknowledgeHandover)
}
