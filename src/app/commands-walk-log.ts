// The walk-log commands: absences, check-in marks and guests, departures and arrival, logbook notes; each checks the view, then writes once.
import { authorTime } from '../doc/clock.ts'
import { instantToParisDate } from '../domain/calendar/paris-time.ts'
import * as edit from '../doc/mutations.ts'
import { parseInput } from '../doc/mutations-util.ts'
import type { AdultId } from '../domain/ids.ts'
import { walkOf } from '../domain/rota/walks.ts'
import { walkKeyOf, type WalkRef } from '../domain/signup.ts'
import { GuestInputSchema, guestMayJoin, isGuestEntry } from '../domain/walk-log/guests.ts'
import { AbsenceInputSchema, createGuestId, walkEventKeyOf, type CheckIn } from '../domain/walk-log/records.ts'
import { err, ok } from '../lib/result.ts'
import type { AbsenceCommands, CollectiveView, WalkLogCommands } from './api.ts'
import type { CommandContext } from './commands.ts'
import { onBehalfNow } from './acting.ts'

/**
 * A walk of the rota that is not cancelled and not in the future (Paris date of `now`): the only
 * walks one can check children in on. A walk opened on the day before (from "Aujourd'hui" left open
 * overnight, or a mistyped date) would otherwise record marks and an arrival that never happened
 * and tell families their child arrived. Past walks stay open for late corrections.
 */
const isRunning = (view: CollectiveView, walk: WalkRef, now: number): boolean => {
  if (walk.date > instantToParisDate(now)) return false
  const derived = walkOf(view, walk)
  return derived !== null && derived.cancellation === null
}

/** Entries (any device) about this subject on this walk. */
const entriesOf = (view: CollectiveView, walk: WalkRef, childId: string): CheckIn[] => {
  const key = walkKeyOf(walk)
  return view.walkLog.checkIns.filter((entry) => entry.childId === childId && walkKeyOf(entry.walk) === key)
}

export const createWalkLogCommands = (
  { doc, view, me, acting, now }: CommandContext,
): AbsenceCommands & WalkLogCommands => {
  const author = (): edit.Authored => ({ actor: me.get().actorId, at: authorTime(now()) })
  /** An absence reported or withdrawn while acting for a family carries who did it (acting.ts). */
  const absenceAuthor = (): edit.Authored => {
    const onBehalf = onBehalfNow(acting, now())
    return { ...author(), ...(onBehalf && { onBehalf }) }
  }
  const adultOf = (adultId: AdultId) => view.get().adults.find((adult) => adult.id === adultId)

  return {
    declareAbsence(input) {
      const parsed = parseInput(AbsenceInputSchema, input)
      const child = view.get().children.find((candidate) => candidate.id === input.childId)
      if (!parsed.ok) return child === undefined && parsed.error.childId === undefined ? err({ ...parsed.error, childId: 'unknownChild' }) : parsed
      if (child === undefined) return err({ childId: 'unknownChild' })
      return edit.writeAbsence(doc, parsed.value, child.familyId, absenceAuthor())
    },

    withdrawAbsence(id) {
      const absence = view.get().walkLog.absences.find((candidate) => candidate.id === id)
      if (absence === undefined) return err('notFound')
      if (absence.withdrawn !== undefined) return ok(undefined)
      return edit.writeAbsenceWithdrawal(doc, id, absenceAuthor()) ? ok(undefined) : err('notRecorded')
    },

    markChild(walk, childId, status, stopId, adultId) {
      const current = view.get()
      if (adultOf(adultId) === undefined) return err('unknownAdult')
      const entries = entriesOf(current, walk, childId)
      // A guest is known on this walk by its marks (`guest: true`, or a name in marks before 0.3); its name is an
      // entry of its own, never copied into a mark, so erasing it after the walk's day rewrites no mark.
      const isChild = current.children.some((child) => child.id === childId)
      if (!isChild && !entries.some(isGuestEntry)) return err('unknownChild')
      if (!isRunning(current, walk, now())) return err('walkNotRunning')
      // Nothing to undo when no device marked the child on this walk.
      if (status === null && entries.length === 0) return ok(undefined)
      const guest = isChild ? {} : { guest: true as const }
      const written = edit.writeCheckIn(doc, { walk, childId, ...guest, status: status ?? 'unmarked', stopId, adultId, ...author() })
      return written ? ok(undefined) : err('notRecorded')
    },

    addGuest(walk, input, stopId, adultId) {
      const parsed = parseInput(GuestInputSchema, input)
      if (!parsed.ok) return parsed
      if (adultOf(adultId) === undefined) return err({ _: 'unknownAdult' })
      if (!isRunning(view.get(), walk, now())) return err({ _: 'walkNotRunning' })
      // A guest's name is erased once the walk's day is over: one added to a past walk would be erased at once.
      if (!guestMayJoin(walk, instantToParisDate(now()))) return err({ _: 'guestOnWalkDayOnly' })
      const guestId = createGuestId()
      const written = edit.writeGuest(doc, { walk, childId: guestId, name: parsed.value.firstName, status: 'present', stopId, adultId, ...author() })
      return written ? ok(guestId) : err({ _: 'notRecorded' })
    },

    markDeparture(walk, stopId, adultId) {
      if (adultOf(adultId) === undefined) return err('unknownAdult')
      if (!isRunning(view.get(), walk, now())) return err('walkNotRunning')
      return edit.writeWalkEvent(doc, { walk, kind: 'departed', stopId, adultId, ...author() }) ? ok(undefined) : err('notRecorded')
    },

    markArrival(walk, adultId) {
      if (adultOf(adultId) === undefined) return err('unknownAdult')
      if (!isRunning(view.get(), walk, now())) return err('walkNotRunning')
      return edit.writeWalkEvent(doc, { walk, kind: 'arrived', stopId: null, adultId, ...author() }) ? ok(undefined) : err('notRecorded')
    },

    undoWalkEvent(walk, kind, stopId) {
      const key = walkEventKeyOf({ walk, kind, stopId, actor: me.get().actorId })
      const mine = view.get().walkLog.events.find((event) => walkEventKeyOf(event) === key)
      if (mine === undefined) return err('notFound')
      if (mine.cancelled) return ok(undefined)
      return edit.writeWalkEventCancel(doc, walk, kind, stopId, author()) ? ok(undefined) : err('notRecorded')
    },

    addWalkNote(walk, input, adultId) {
      const adult = adultOf(adultId)
      if (adult === undefined) return err({ _: 'unknownAdult' })
      if (walkOf(view.get(), walk) === null) return err({ _: 'walkNotRunning' })
      return edit.writeWalkNote(doc, walk, input, { adultId, familyId: adult.familyId }, author())
    },

    removeWalkNote(id) {
      const note = view.get().walkLog.notes.find((candidate) => candidate.id === id)
      if (note === undefined) return err('notFound')
      if (note.actor !== me.get().actorId) return err('notAuthor')
      if (note.withdrawn !== undefined) return ok(undefined)
      return edit.writeWalkNoteWithdrawal(doc, id, author()) ? ok(undefined) : err('notRecorded')
    },
  }
}
