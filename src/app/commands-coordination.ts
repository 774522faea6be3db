// The coordinator commands: roster setting and membership (from the next period on), period offers and answers, handover notes and acknowledgements.
import { authorTime } from '../doc/clock.ts'
import * as edit from '../doc/mutations.ts'
import { instantToParisDate } from '../domain/calendar/paris-time.ts'
import { periodAt } from '../domain/coordination/periods.ts'
import { periodResponseKeyOf, type PeriodOffer, type PeriodOfferId } from '../domain/coordination/records.ts'
import { nextPeriodIndex } from '../domain/coordination/schedule.ts'
import { addDays, compareDates, type LocalDate } from '../domain/dates.ts'
import { err, ok } from '../lib/result.ts'
import type { CoordinationCommands } from './api.ts'
import type { CommandContext } from './commands.ts'
import { periodHolder, scheduleThrough } from './queries/coordination.ts'

export const createCoordinationCommands = ({ doc, view, me, now }: CommandContext): CoordinationCommands => {
  const author = (): edit.Authored => ({ actor: me.get().actorId, at: authorTime(now()) })
  const today = (): LocalDate => instantToParisDate(now())
  const hasFamily = (familyId: string): boolean => view.get().families.some((family) => family.id === familyId)
  const offerOf = (offerId: PeriodOfferId): PeriodOffer | undefined => view.get().coordination.offers.find((offer) => offer.id === offerId)
  /** A period that ended before today cannot be offered or answered any more. */
  const isOver = (periodStart: LocalDate): boolean => {
    const { setting } = view.get().coordination
    const next = periodAt(setting, nextPeriodIndex({ setting }, periodStart))
    return compareDates(addDays(next.start, -1), today()) < 0
  }

  return {
    setRoster: (setting) => edit.writeRosterSetting(doc, setting),

    setRosterMembership(familyId, accepted) {
      // A family removed on another phone must not come back into the rotation through an old screen.
      if (!hasFamily(familyId)) return err('notFound')
      const { coordination } = view.get()
      const from = periodAt(coordination.setting, nextPeriodIndex(coordination, today())).start
      const own = coordination.roster.filter((entry) => entry.familyId === familyId)
      const latest = own.reduce<(typeof own)[number] | undefined>((best, entry) => (best === undefined || entry.clock > best.clock ? entry : best), undefined)
      // A family keeps its place in the order; a new one goes at the end.
      const position = latest?.position ?? Math.max(0, ...coordination.roster.map((entry) => entry.position)) + 1
      if (!edit.writeRosterEntry(doc, { familyId, accepted, position, from, ...author() })) return err('notRecorded')
      // Read back: an entry the readers refuse (listed "to check") changes nothing on any screen.
      const written = view.get().coordination.roster.some((entry) => entry.familyId === familyId && entry.from === from && entry.accepted === accepted)
      return written ? ok(undefined) : err('notRecorded')
    },

    offerPeriod(periodStart, familyId, target) {
      if (!hasFamily(familyId)) return err('notFound')
      const holder = periodHolder(view.get().coordination, periodStart)
      if (holder === undefined) return err('notFound')
      if (isOver(periodStart)) return err('expired')
      if (holder !== familyId) return err('notHolder')
      if (target !== undefined) {
        if (!hasFamily(target.familyId)) return err('notFound')
        if (target.familyId === familyId) return err('notEligible')
        const theirs = periodHolder(view.get().coordination, target.periodStart)
        if (theirs === undefined) return err('notFound')
        if (isOver(target.periodStart)) return err('expired')
        if (theirs !== target.familyId) return err('notHolder')
      }
      const id = edit.writePeriodOffer(doc, { periodStart, familyId, target, ...author() })
      return id === null ? err('notRecorded') : ok(id)
    },

    withdrawPeriodOffer(offerId) {
      const offer = offerOf(offerId)
      if (offer === undefined) return err('notFound')
      const mine = me.get()
      if (offer.actor !== mine.actorId && offer.familyId !== mine.familyId) return err('notHolder')
      if (offer.withdrawn !== undefined) return ok(undefined)
      return edit.writePeriodOfferWithdrawal(doc, offerId, author()) ? ok(undefined) : err('notRecorded')
    },

    answerPeriodOffer(offerId, familyId, kind) {
      const offer = offerOf(offerId)
      if (offer === undefined || !hasFamily(familyId)) return err('notFound')
      const allowed = offer.kind === 'trade' ? kind !== 'take' && offer.target?.familyId === familyId : kind === 'take' && offer.familyId !== familyId
      if (!allowed) return err('notEligible')
      if (isOver(offer.periodStart)) return err('expired')
      const before = scheduleThrough(view.get().coordination, offer.periodStart).offers.find((outcome) => outcome.offer.id === offerId)
      if (before !== undefined && before.status !== 'open') {
        if (offer.kind === 'trade') return ok('failed')
        return ok(before.status === 'withdrawn' ? 'withdrawn' : before.status === 'invalid' ? 'void' : 'alreadyTaken')
      }
      if (!edit.writePeriodResponse(doc, { offerId, familyId, kind, ...author() })) return err('notRecorded')
      const result = scheduleThrough(view.get().coordination, offer.periodStart).responses.get(periodResponseKeyOf({ offerId, familyId }))
      if (result === undefined) return err('notRecorded')
      if (result === 'ignored') return err('notEligible')
      if (kind === 'decline') return ok('declined')
      if (offer.kind === 'trade') return ok(result === 'won' ? 'traded' : 'failed')
      return ok(result === 'won' ? 'taken' : result)
    },

    addHandoverNote: (periodStart, familyId, input) => edit.writeHandoverNote(doc, periodStart, familyId, input, author()),

    acknowledgeHandover(periodStart, familyId) {
      if (!hasFamily(familyId)) return err('notFound')
      const acknowledged = (): boolean => view.get().coordination.acks.some((ack) => ack.periodStart === periodStart && ack.familyId === familyId)
      if (acknowledged()) return ok('alreadyAcknowledged')
      if (!edit.writeHandoverAck(doc, periodStart, familyId, author())) return err('notRecorded')
      return acknowledged() ? ok('acknowledged') : err('notRecorded')
    },
  }
}
