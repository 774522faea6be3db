// Builders for coordinator tests: roster entries, period offers and responses, notes, acknowledgements, with readable ids.
import type { CoordinationRecords, CoordinatorRosterSetting, HandoverAck, HandoverNote, PeriodOffer, PeriodOfferId, PeriodResponse, RosterEntry } from '../../../src/domain/coordination/records.ts'
import { localDate, type LocalDate } from '../../../src/domain/dates.ts'
import { actorId, familyId, uuid } from './rota-fixtures.ts'

export const offerId = (n: number): PeriodOfferId => uuid(9, n)

/** Weekly periods from Monday 2026-08-31: period k starts 2026-08-31 + 7k. */
export const WEEKLY: CoordinatorRosterSetting = { periodLength: 'week', startsOn: localDate('2026-08-31') }

export const weekStart = (k: number): LocalDate => {
  const date = new Date(Date.UTC(2026, 7, 31 + 7 * k))
  return localDate(date.toISOString().slice(0, 10))
}

export const AT = '2026-11-28T10:00:00+01:00'

export const join = (family: number, position: number, clock: number, from = '2026-08-31', accepted = true): RosterEntry => ({
  familyId: familyId(family),
  accepted,
  position,
  from: localDate(from),
  clock,
  actor: actorId(family),
})

export const leave = (family: number, position: number, clock: number, from: string): RosterEntry => join(family, position, clock, from, false)

export const replacementOffer = (n: number, family: number, periodStart: LocalDate, clock: number, withdrawnAt?: number): PeriodOffer => ({
  id: offerId(n),
  kind: 'replacement',
  periodStart,
  familyId: familyId(family),
  clock,
  actor: actorId(family),
  at: AT,
  ...(withdrawnAt === undefined ? {} : { withdrawn: { clock: withdrawnAt, actor: actorId(family), at: AT } }),
})

export const tradeOffer = (n: number, family: number, periodStart: LocalDate, target: number, targetStart: LocalDate, clock: number): PeriodOffer => ({
  id: offerId(n),
  kind: 'trade',
  periodStart,
  familyId: familyId(family),
  clock,
  actor: actorId(family),
  at: AT,
  target: { familyId: familyId(target), periodStart: targetStart },
})

export const respond = (offer: number, family: number, kind: PeriodResponse['kind'], clock: number, actor = family): PeriodResponse => ({
  offerId: offerId(offer),
  familyId: familyId(family),
  kind,
  clock,
  actor: actorId(actor),
  at: AT,
})

export const note = (family: number, periodStart: LocalDate, text: string, clock: number): HandoverNote => ({
  periodStart,
  familyId: familyId(family),
  text,
  clock,
  actor: actorId(family),
})

export const ack = (family: number, periodStart: LocalDate, clock: number): HandoverAck => ({
  periodStart,
  familyId: familyId(family),
  clock,
  actor: actorId(family),
  at: AT,
})

export const records = (overrides: Partial<CoordinationRecords> = {}): CoordinationRecords => ({
  setting: WEEKLY,
  roster: [],
  offers: [],
  responses: [],
  ...overrides,
})

/** Every permutation of a short list (up to 5 items), or a few rotations and reversals of a longer one. */
export const orders = <T>(list: readonly T[]): T[][] => {
  if (list.length <= 5) {
    if (list.length <= 1) return [[...list]]
    return list.flatMap((item, i) => orders([...list.slice(0, i), ...list.slice(i + 1)]).map((rest) => [item, ...rest]))
  }
  const rotations = list.map((_, i) => [...list.slice(i), ...list.slice(0, i)])
  return [...rotations, ...rotations.map((r) => [...r].reverse())]
}
