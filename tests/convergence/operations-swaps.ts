// Random swap and coordinator operations on one replica, through the real mutations of src/doc (offers, takes, trades, releases, roster, periods, handovers).
import type * as Y from 'yjs'
import {
  MAP_ADULTS, MAP_FAMILIES, MAP_LINES, MAP_OFFERS, MAP_PERIOD_OFFERS, MAP_RESPONSES,
} from '../../src/doc/keys.ts'
import { signUpEntriesOf } from '../../src/doc/signup-layout.ts'
import * as edit from '../../src/doc/mutations.ts'
import { addDays, localDate, weekdayOf, type LocalDate } from '../../src/domain/dates.ts'
import type { AdultId, FamilyId, LineId } from '../../src/domain/ids.ts'
import type { Direction } from '../../src/domain/line.ts'
import type { PeriodOfferId } from '../../src/domain/coordination/records.ts'
import { coordinatorSchedule } from '../../src/domain/coordination/schedule.ts'
import { readCoordination } from '../../src/doc/read-swaps.ts'
import type { OfferId } from '../../src/domain/swaps/records.ts'
import type { WalkRef } from '../../src/domain/signup.ts'
import type { OpContext, Replica } from './operations.ts'

/** operations.ts's FIRST_DAY (not imported: that module imports this one). */
const FIRST_DAY = localDate('2027-03-15')

type Op = (replica: Replica, context: OpContext) => void
type Plain = Record<string, unknown>

const pick = <T>(random: () => number, items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)]
const entries = (doc: Y.Doc, name: string): [string, Plain][] => [...doc.getMap<Plain>(name).entries()]
const familyOfAdult = (doc: Y.Doc, adultId: string): FamilyId | undefined => {
  const record = doc.getMap(MAP_ADULTS).get(adultId) as Y.Map<unknown> | undefined
  return record?.get('familyId') as FamilyId | undefined
}

/** A sign-up entry as a slot: its walk and adult from the key, its family from the value. */
const randomSlot = (doc: Y.Doc, random: () => number, familyId?: string): { walk: WalkRef; adultId: AdultId; familyId: FamilyId } | undefined => {
  const lines = doc.getMap(MAP_LINES)
  // Walks that run: an entry on a removed line or direction makes an offer that is only ever invalid.
  const runs = (key: string): boolean => {
    const [lineId, date, direction] = key.split('|')
    const line = lines.get(lineId ?? '') as Y.Map<unknown> | undefined
    const days = (line?.get('days') as number[] | undefined) ?? []
    return ((line?.get('directions') as string[] | undefined)?.includes(direction ?? '') ?? false) && days.includes(weekdayOf(date as LocalDate))
  }
  const candidates = signUpEntriesOf(doc).filter(([key, value]) =>
    value.status === 'active' && (familyId === undefined || value.familyId === familyId) && runs(key))
  const chosen = pick(random, candidates)
  if (chosen === undefined) return undefined
  const [lineId, date, direction, adultId] = chosen[0].split('|')
  return { walk: { lineId: lineId as LineId, date: date as LocalDate, direction: direction as Direction }, adultId: adultId as AdultId, familyId: chosen[1].familyId as FamilyId }
}

/** Mondays around the simulated weeks: the periods of the default weekly roster that records name. */
const MONDAYS: readonly LocalDate[] = [-14, -7, 0, 7, 14, 21].map((days) => addDays(FIRST_DAY, days))
const authored = (replica: Replica) => ({ actor: replica.actor, at: '2027-03-01T08:00:00+01:00' })

const offerSlot: Op = (replica, { random }) => {
  const { doc } = replica
  const slot = randomSlot(doc, random)
  if (slot === undefined) return
  if (random() < 0.55) {
    edit.writeOffer(doc, { kind: 'replacement', ...slot, ...authored(replica) })
    return
  }
  const targetFamily = pick(random, [...doc.getMap(MAP_FAMILIES).keys()].filter((id) => id !== slot.familyId)) as FamilyId | undefined
  if (targetFamily === undefined) return
  const theirs = random() < 0.7 ? randomSlot(doc, random, targetFamily) : undefined
  edit.writeOffer(doc, { kind: 'trade', ...slot, target: { familyId: targetFamily, walk: theirs?.walk }, ...authored(replica) })
}

const takeOffer: Op = (replica, { random }) => {
  const { doc } = replica
  const offer = pick(random, entries(doc, MAP_OFFERS).filter(([, value]) => value.kind === 'replacement' && value.withdrawn === undefined))
  const walk = offer?.[1].walk as WalkRef | undefined
  // Mostly adults not on that walk yet (as the app checks); sometimes anyone, to exercise the refusals.
  const onWalk = (adultId: string): boolean => walk !== undefined && edit.storedEntry(doc, walk, adultId as AdultId)?.status === 'active'
  const adults = [...doc.getMap(MAP_ADULTS).keys()].filter((id) => random() < 0.1 || (id !== offer?.[1].adultId && !onWalk(id)))
  const adultId = pick(random, adults) as AdultId | undefined
  const familyId = adultId === undefined ? undefined : familyOfAdult(doc, adultId)
  if (offer === undefined || adultId === undefined || familyId === undefined) return
  edit.writeResponse(doc, { offerId: offer[0] as OfferId, adultId, familyId, kind: 'take', ...authored(replica) })
}

const answerTrade: Op = (replica, { random }) => {
  const { doc } = replica
  const offer = pick(random, entries(doc, MAP_OFFERS).filter(([, value]) => value.kind === 'trade' && value.withdrawn === undefined))
  const target = offer?.[1].target as { familyId: FamilyId; walk?: WalkRef } | undefined
  if (offer === undefined || target === undefined) return
  // The target family's adult on the named walk, when there is one (else any of its slots).
  const named = target.walk === undefined ? undefined : pick(random, signUpEntriesOf(doc).filter(([key, value]) =>
    value.status === 'active' && value.familyId === target.familyId && key.startsWith(`${target.walk?.lineId}|${target.walk?.date}|${target.walk?.direction}|`)))
  const mine = named === undefined
    ? randomSlot(doc, random, target.familyId)
    : { adultId: named[0].split('|')[3] as AdultId, familyId: target.familyId, walk: target.walk as WalkRef }
  if (mine === undefined) return
  const accept = random() < 0.75
  const gives = accept ? (target.walk ?? mine.walk) : undefined
  edit.writeResponse(doc, { offerId: offer[0] as OfferId, adultId: mine.adultId, familyId: mine.familyId, kind: accept ? 'accept' : 'decline', gives, ...authored(replica) })
}

/** Only the offer's author withdraws it (as the app enforces). */
const withdrawOffer: Op = (replica, { random }) => {
  const offer = pick(random, entries(replica.doc, MAP_OFFERS).filter(([, value]) => value.actor === replica.actor && value.withdrawn === undefined))
  if (offer !== undefined) edit.writeOfferWithdrawal(replica.doc, offer[0] as OfferId, authored(replica))
}

/** A taker (or trade partner) gives the slot back: on the offer's walk. */
const releaseSlot: Op = (replica, { random }) => {
  const { doc } = replica
  const response = pick(random, entries(doc, MAP_RESPONSES).filter(([, value]) => value.kind !== 'decline'))
  const offer = response === undefined ? undefined : doc.getMap<Plain>(MAP_OFFERS).get(response[1].offerId as string)
  if (response === undefined || offer === undefined) return
  const { offerId, adultId, familyId } = response[1] as { offerId: OfferId; adultId: AdultId; familyId: FamilyId }
  edit.writeRelease(doc, { offerId, adultId, familyId, walk: offer.walk as WalkRef, ...authored(replica) })
}

const rosterMembership: Op = (replica, { random }) => {
  const familyId = pick(random, [...replica.doc.getMap(MAP_FAMILIES).keys()]) as FamilyId | undefined
  if (familyId === undefined) return
  const from = pick(random, MONDAYS) ?? FIRST_DAY
  edit.writeRosterEntry(replica.doc, { familyId, accepted: random() < 0.8, position: Math.floor(random() * 6), from, ...authored(replica) })
}

/** Mostly by the family that holds the period (as the app checks), for a trade against a period another family holds. */
const offerPeriod: Op = (replica, { random }) => {
  const families = [...replica.doc.getMap(MAP_FAMILIES).keys()] as FamilyId[]
  const schedule = coordinatorSchedule(readCoordination(replica.doc, []), MONDAYS[MONDAYS.length - 1]!)
  const held = schedule.periods.filter((period) => period.coordinator !== null && MONDAYS.includes(period.start))
  const own = random() < 0.85 ? pick(random, held) : undefined
  const familyId = own?.coordinator ?? pick(random, families)
  const periodStart = own?.start ?? pick(random, MONDAYS)
  if (familyId === undefined || familyId === null || periodStart === undefined) return
  let target: { familyId: FamilyId; periodStart: LocalDate } | undefined
  if (random() < 0.4) {
    const theirs = pick(random, held.filter((period) => period.coordinator !== familyId))
    if (theirs?.coordinator) target = { familyId: theirs.coordinator, periodStart: theirs.start }
    else if (random() < 0.3) target = { familyId: pick(random, families.filter((id) => id !== familyId)) ?? familyId, periodStart: pick(random, MONDAYS) ?? FIRST_DAY }
  }
  edit.writePeriodOffer(replica.doc, { periodStart, familyId, target, ...authored(replica) })
}

const answerPeriod: Op = (replica, { random }) => {
  const offers = entries(replica.doc, MAP_PERIOD_OFFERS)
  const trades = offers.filter(([, value]) => value.kind === 'trade')
  const offer = pick(random, random() < 0.5 && trades.length > 0 ? trades : offers)
  if (offer === undefined) return
  const target = offer[1].target as { familyId: FamilyId } | undefined
  const familyId = target !== undefined && random() < 0.95 ? target.familyId : (pick(random, [...replica.doc.getMap(MAP_FAMILIES).keys()]) as FamilyId | undefined)
  if (familyId === undefined) return
  const kind = target === undefined ? 'take' : random() < 0.75 ? 'accept' : 'decline'
  edit.writePeriodResponse(replica.doc, { offerId: offer[0] as PeriodOfferId, familyId, kind, ...authored(replica) })
}

const withdrawPeriodOffer: Op = (replica, { random }) => {
  const offer = pick(random, entries(replica.doc, MAP_PERIOD_OFFERS).filter(([, value]) => value.actor === replica.actor && value.withdrawn === undefined))
  if (offer !== undefined) edit.writePeriodOfferWithdrawal(replica.doc, offer[0] as PeriodOfferId, authored(replica))
}

const acknowledgeHandover: Op = (replica, { random }) => {
  const familyId = pick(random, [...replica.doc.getMap(MAP_FAMILIES).keys()]) as FamilyId | undefined
  const periodStart = pick(random, MONDAYS)
  if (familyId !== undefined && periodStart !== undefined) edit.writeHandoverAck(replica.doc, periodStart, familyId, authored(replica))
}

/** [weight, operation], added to the rota operations' weights (total about 82). */
export const SWAP_OPERATIONS: readonly (readonly [number, Op])[] = [
  [4, offerSlot],
  [6, takeOffer],
  [4, answerTrade],
  [1, withdrawOffer],
  [1, releaseSlot],
  [2, rosterMembership],
  [1.5, offerPeriod],
  [1.5, answerPeriod],
  [0.5, withdrawPeriodOffer],
  [0.5, acknowledgeHandover],
]
