// The demo collective's walk log: one absence declared for next week, and the last school day's aller walk done (marks, departures, arrival at 8 h 27, a logbook note).
import type * as Y from 'yjs'
import * as edit from '../doc/mutations.ts'
import { readCollective, type CollectiveSnapshot } from '../doc/read.ts'
import { instantToParisDate, parisToInstant } from '../domain/calendar/paris-time.ts'
import { TimeOfDaySchema, addDays, mondayOf, type LocalDate, type TimeOfDay } from '../domain/dates.ts'
import { createActorId, type StopId } from '../domain/ids.ts'
import type { Adult } from '../domain/people.ts'
import { resolveWalk } from '../domain/rota/resolve.ts'
import { walkOf, type Walk } from '../domain/rota/walks.ts'
import { walkStopsInOrder } from '../domain/walk-log/progress.ts'
import type { DemoLanguage, DemoText } from './demo-data.ts'

const ABSENCE_NOTE: DemoText = { fr: 'Rendez-vous chez l’orthophoniste', en: 'Speech therapist appointment' }
const LOGBOOK_NOTE: DemoText = {
  fr: 'Tom a perdu son bonnet rue des Lilas, on l’a retrouvé à l’école. Feu piéton en panne avenue de la Libération : traversée avec le serre-file.',
  en: 'Tom lost his hat on rue des Lilas, we found it at school. Pedestrian light out of order on avenue de la Libération: crossed with the tail.',
}

const pad = (value: number): string => String(Math.trunc(value)).padStart(2, '0')

/**
 * A Paris wall-clock time as an author time ('2027-03-01T08:27:00+01:00'), whatever the time zone
 * of the phone showing the demo: "arrivés à 8 h 27" reads the same everywhere.
 */
const parisAuthorTime = (date: LocalDate, time: string): string => {
  const instant = parisToInstant(date, TimeOfDaySchema.parse(time))
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  const [hour, minute] = time.split(':').map(Number) as [number, number]
  const offset = Math.round((Date.UTC(year, month - 1, day, hour, minute) - instant) / 60_000)
  return `${date}T${time}:00${offset >= 0 ? '+' : '-'}${pad(Math.abs(offset) / 60)}:${pad(Math.abs(offset) % 60)}`
}

const plusMinutes = (time: string, minutes: number): TimeOfDay => {
  const [hour, minute] = time.split(':').map(Number) as [number, number]
  const total = hour * 60 + minute + minutes
  return TimeOfDaySchema.parse(`${pad(total / 60)}:${pad(total % 60)}`)
}

const byFirstName = (model: CollectiveSnapshot, firstName: string): Adult | undefined =>
  model.adults.find((adult) => adult.firstName === firstName)

/** The first day, from `from` on and within `days`, on which the line's aller walk runs. */
const runningWalk = (model: CollectiveSnapshot, from: LocalDate, step: 1 | -1, days: number): Walk | null => {
  const line = model.lines[0]
  if (line === undefined) return null
  for (let index = 0; index < days; index++) {
    const walk = walkOf(model, { lineId: line.id, date: addDays(from, step * index), direction: 'aller' })
    if (walk !== null && walk.cancellation === null) return walk
  }
  return null
}

/** Written after the sign-ups (see fillDemo): Inès is away a day next week; the last aller walk before today was walked. */
export const fillDemoWalkLog = (doc: Y.Doc, now: number, language: DemoLanguage): void => {
  const model = readCollective(doc)
  const today = instantToParisDate(now)
  declareDemoAbsence(doc, model, today, now, ABSENCE_NOTE[language])
  walkDemoWalk(doc, model, today, now, LOGBOOK_NOTE[language])
}

const declareDemoAbsence = (doc: Y.Doc, model: CollectiveSnapshot, today: LocalDate, now: number, note: string): void => {
  const ines = model.children.find((child) => child.firstName === 'Inès')
  const walk = runningWalk(model, addDays(mondayOf(today), 7), 1, 7)
  if (ines === undefined || walk === null) return
  edit.writeAbsence(
    doc, { childId: ines.id, from: walk.date, to: walk.date, direction: null, note }, ines.familyId,
    { actor: createActorId(), at: parisAuthorTime(instantToParisDate(now), '19:30') },
  )
}

/** Sophie leads, Minh closes; every expected child marked (Lina absent), a departure from each stop, the arrival at 08:27 and a note. */
const walkDemoWalk = (doc: Y.Doc, model: CollectiveSnapshot, today: LocalDate, now: number, note: string): void => {
  const walk = runningWalk(model, addDays(today, -1), -1, 14)
  const lead = byFirstName(model, 'Sophie')
  const tail = byFirstName(model, 'Minh')
  if (walk === null || lead === undefined || tail === undefined) return
  const leadActor = createActorId()
  const at = (time: string): string => parisAuthorTime(walk.date, time)
  edit.writeSignUp(doc, { walk, adultId: lead.id, familyId: lead.familyId, slot: 'lead', actor: leadActor, at: at('07:00') })
  edit.writeSignUp(doc, { walk, adultId: tail.id, familyId: tail.familyId, slot: 'tail', actor: createActorId(), at: at('07:00') })

  const stops = walkStopsInOrder(model, walk)
  const children = new Map(model.children.map((child) => [child.id, child]))
  const rota = resolveWalk(readCollective(doc), walk, now)
  stops.forEach((stop, index) => {
    const time = stop.times.aller ?? plusMinutes('08:05', 4 * index)
    if (index === stops.length - 1) return // the school: the arrival, below
    for (const childId of rota.expectedChildIds) {
      const child = children.get(childId)
      if (child?.routes.aller?.stopId !== stop.id) continue
      const status = child.firstName === 'Lina' ? 'absent' : 'present'
      edit.writeCheckIn(doc, { walk, childId, status, stopId: stop.id as StopId, adultId: lead.id, actor: leadActor, at: at(time) })
    }
    edit.writeWalkEvent(doc, { walk, kind: 'departed', stopId: stop.id, adultId: lead.id, actor: leadActor, at: at(plusMinutes(time, 1)) })
  })
  edit.writeWalkEvent(doc, { walk, kind: 'arrived', stopId: null, adultId: lead.id, actor: leadActor, at: at('08:27') })
  edit.writeWalkNote(
    doc, walk, { text: note },
    { adultId: lead.id, familyId: lead.familyId }, { actor: leadActor, at: at('08:30') },
  )
}
