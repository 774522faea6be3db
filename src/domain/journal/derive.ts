// The journal derived from the document's records: sign-ups, roster changes, period offers and answers, handovers, walks done and logbook notes, plus slot swaps when fed.
//
// Never stored: every phone rebuilds the same list from the same records, so it can never
// disagree with the rota. An entry rewritten in place (a sign-up withdrawn) shows its latest
// state only: the document keeps no older version of it.
import type { HelpRecords } from '../help/records.ts'
import type { Meeting } from '../meeting.ts'
import { coordinatorSchedule } from '../coordination/schedule.ts'
import { periodResponseKeyOf, rosterEntryKeyOf, handoverKeyOf, type HandoverAck, type HandoverNote } from '../coordination/records.ts'
import type { CoordinationRecords } from '../coordination/records.ts'
import type { CalendarException } from '../calendar-records.ts'
import type { AdultId, FamilyId } from '../ids.ts'
import type { Adult, Child } from '../people.ts'
import { signUpKeyOf, type SignUp, type WalkKey, type WalkRef } from '../signup.ts'
import { doneArrivals, walksDone } from '../walk-log/history.ts'
import type { WalkLogRecords } from '../walk-log/records.ts'
import { compareJournalEvents, type JournalEvent, type JournalKind, type SlotSwapJournalEvent } from './events.ts'
import { helpJournalEvents } from './help.ts'

export interface JournalInput {
  readonly signUps: readonly SignUp[]
  /** Absent: no coordinator events. */
  readonly coordination?: CoordinationRecords & { readonly notes: readonly HandoverNote[]; readonly acks: readonly HandoverAck[] }
  /** Hook for src/domain/swaps: its walk-slot events, already derived from its records. */
  readonly slotSwaps?: readonly SlotSwapJournalEvent[]
  /** Cancellations; only those written with a logical clock (by this version on) have a place in the order. */
  readonly exceptions?: readonly CalendarException[]
  /** Absent: no walk-done nor logbook-note events. The check-ins count the children present (with walkDuty). */
  readonly walkLog?: Pick<WalkLogRecords, 'events' | 'notes'> & Partial<Pick<WalkLogRecords, 'checkIns'>>
  /** Names the family of a walk's arrival author (walk events carry the adult only). */
  readonly adults?: readonly Pick<Adult, 'id' | 'familyId'>[]
  /**
   * "Trajet fait : Sophie, Paul · 5 enfants": given, each walkDone event names the adults on duty
   * (the walk's holders in the effective rota, which the journal cannot resolve itself, plus whoever
   * marked) and the children present. Absent: the events say who marked the arrival only.
   */
  /** Absent: no meeting events. Meetings written without stamps (before issue 17) have no place in the order. */
  readonly meetings?: readonly Meeting[]
  /** Absent: no coups de main events. */
  readonly help?: HelpRecords
  readonly walkDuty?: {
    readonly children: readonly Pick<Child, 'id'>[]
    readonly holdersOf: (walk: WalkRef) => readonly AdultId[]
  }
}

type DutyOf = (key: WalkKey) => Pick<JournalEvent, 'dutyAdultIds' | 'presentCount'>

const dutyOf = (log: NonNullable<JournalInput['walkLog']>, duty: JournalInput['walkDuty']): DutyOf => {
  if (duty === undefined) return () => ({})
  const done = new Map(walksDone(duty, { checkIns: log.checkIns ?? [], events: log.events, notes: log.notes }, duty.holdersOf).map((walk) => [walk.key, walk]))
  return (key) => {
    const walk = done.get(key)
    return walk === undefined ? {} : { dutyAdultIds: walk.dutyAdultIds, presentCount: walk.presentCount }
  }
}

const walkLogEvents = (log: NonNullable<JournalInput['walkLog']>, adults: readonly Pick<Adult, 'id' | 'familyId'>[], duty: JournalInput['walkDuty']): JournalEvent[] => {
  const families = new Map<AdultId, FamilyId>(adults.map((adult) => [adult.id, adult.familyId]))
  const onDuty = dutyOf(log, duty)
  const events: JournalEvent[] = []
  for (const [key, arrival] of doneArrivals(log.events)) {
    const familyId = families.get(arrival.adultId)
    events.push({
      ...onDuty(key),
      kind: 'walkDone',
      ...(familyId === undefined ? {} : { familyId }),
      adultId: arrival.adultId,
      lineId: arrival.walk.lineId,
      walk: { lineId: arrival.walk.lineId, date: arrival.walk.date, direction: arrival.walk.direction },
      ref: `walkDone|${key}`,
      clock: arrival.clock,
      actor: arrival.actor,
      at: arrival.at,
    })
  }
  // A deleted note leaves the journal with its text: it may have named a child by mistake.
  for (const note of log.notes) {
    if (note.withdrawn !== undefined) continue
    events.push({
      kind: 'walkNote',
      familyId: note.familyId,
      adultId: note.adultId,
      lineId: note.walk.lineId,
      walk: { lineId: note.walk.lineId, date: note.walk.date, direction: note.walk.direction },
      ref: note.id,
      clock: note.clock,
      actor: note.actor,
      at: note.at,
    })
  }
  return events
}

const cancellationEvents = (exceptions: readonly CalendarException[]): JournalEvent[] =>
  exceptions.flatMap((exception): JournalEvent[] => {
    if (exception.clock === undefined || exception.actor === undefined) return []
    return [{
      kind: 'walkCancelled',
      ...(exception.familyId === undefined ? {} : { familyId: exception.familyId }),
      ...(exception.lineId === null ? {} : { lineId: exception.lineId }),
      ...(exception.lineId !== null && exception.direction !== null
        ? { walk: { lineId: exception.lineId, date: exception.date, direction: exception.direction } }
        : { periodStart: exception.date }),
      ref: `exception|${exception.id}`,
      clock: exception.clock,
      actor: exception.actor,
      ...(exception.at === undefined ? {} : { at: exception.at }),
    }]
  })

const signUpEvents = (signUps: readonly SignUp[]): JournalEvent[] =>
  signUps.map((signUp) => ({
    kind: signUp.status === 'active' ? 'signedUp' : 'withdrew',
    familyId: signUp.familyId,
    adultId: signUp.adultId,
    lineId: signUp.lineId,
    walk: { lineId: signUp.lineId, date: signUp.date, direction: signUp.direction },
    slot: signUp.slot,
    ref: signUpKeyOf(signUp, signUp.adultId),
    clock: signUp.clock,
    actor: signUp.actor,
    ...(signUp.at === undefined ? {} : { at: signUp.at }),
    ...(signUp.onBehalf === undefined ? {} : { onBehalf: signUp.onBehalf }),
  }))

const RESULT_KIND = { won: 'periodTaken', alreadyTaken: 'periodTakeLost', void: 'periodTakeVoid' } as const

const coordinationEvents = (records: NonNullable<JournalInput['coordination']>): JournalEvent[] => {
  const events: JournalEvent[] = records.roster.map((entry) => ({
    kind: entry.accepted ? 'coordinatorJoined' : 'coordinatorLeft',
    familyId: entry.familyId,
    periodStart: entry.from,
    ref: `roster|${rosterEntryKeyOf(entry)}`,
    clock: entry.clock,
    actor: entry.actor,
    ...(entry.at === undefined ? {} : { at: entry.at }),
  }))
  // The schedule's results say which take won; computing it through the start is enough, it extends itself to every offer.
  const schedule = coordinatorSchedule(records, records.setting.startsOn)
  for (const { offer } of schedule.offers) {
    const other = offer.target === undefined ? {} : { otherFamilyId: offer.target.familyId }
    const base = { familyId: offer.familyId, periodStart: offer.periodStart, ...other }
    events.push({ ...base, kind: 'periodOffered', ref: `offer|${offer.id}`, clock: offer.clock, actor: offer.actor, at: offer.at })
    if (offer.withdrawn) {
      events.push({ ...base, kind: 'periodOfferWithdrawn', ref: `withdrawn|${offer.id}`, clock: offer.withdrawn.clock, actor: offer.withdrawn.actor, at: offer.withdrawn.at })
    }
  }
  const offers = new Map(schedule.offers.map(({ offer }) => [offer.id, offer]))
  for (const response of records.responses) {
    const offer = offers.get(response.offerId)
    const result = schedule.responses.get(periodResponseKeyOf(response))
    // Answers the resolution ignored (unknown offer, a family not allowed) are not history: they changed nothing and nobody was told.
    if (offer === undefined || result === undefined || result === 'ignored') continue
    const kind: JournalKind = response.kind === 'decline' ? 'periodDeclined' : RESULT_KIND[result]
    events.push({
      kind,
      familyId: response.familyId,
      otherFamilyId: offer.familyId,
      periodStart: offer.periodStart,
      ref: `response|${periodResponseKeyOf(response)}`,
      clock: response.clock,
      actor: response.actor,
      at: response.at,
    })
  }
  for (const note of records.notes) {
    events.push({ kind: 'handoverNote', familyId: note.familyId, periodStart: note.periodStart, ref: `note|${handoverKeyOf(note)}`, clock: note.clock, actor: note.actor, ...(note.at === undefined ? {} : { at: note.at }) })
  }
  for (const ack of records.acks) {
    events.push({ kind: 'handoverAcknowledged', familyId: ack.familyId, periodStart: ack.periodStart, ref: `ack|${handoverKeyOf(ack)}`, clock: ack.clock, actor: ack.actor, at: ack.at })
  }
  return events
}

/** Every event of the collective in logical order (clock, then author), whatever the order the records came in. */
export const deriveJournal = (input: JournalInput): JournalEvent[] =>
  [
    ...signUpEvents(input.signUps),
    ...(input.coordination ? coordinationEvents(input.coordination) : []),
    ...(input.slotSwaps ?? []),
    ...cancellationEvents(input.exceptions ?? []),
    ...(input.walkLog ? walkLogEvents(input.walkLog, input.adults ?? [], input.walkDuty) : []),
    ...(input.meetings ?? []).flatMap(meetingEvents),
    ...(input.help ? helpJournalEvents(input.help) : []),
  ].sort(compareJournalEvents)

/** One event per stamped step; the decisions' text is read on the meeting's page, never copied into the journal. */
const meetingEvents = (meeting: Meeting): JournalEvent[] => {
  const steps = [['meetingPlanned', 'meeting', meeting.planned], ['meetingCancelled', 'meetingCancelled', meeting.cancelledBy],
    ['meetingDecided', 'meetingDecided', meeting.decided]] as const
  return steps.flatMap(([kind, prefix, stamp]): JournalEvent[] => stamp === undefined ? [] : [{
    kind,
    ...(stamp.familyId === undefined ? {} : { familyId: stamp.familyId }),
    periodStart: meeting.date,
    ref: `${prefix}|${meeting.id}`,
    clock: stamp.clock,
    actor: stamp.actor,
    at: stamp.at,
  }])
}
