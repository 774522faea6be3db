// One family's own data as a JSON file: the family, its adults and children, their sign-ups, absences, availability,
// reduced shares, the notes it wrote, its coups de main and answers, its replies to meetings (with those meetings) and
// its adults' binôme walks.
//
// Nothing about other families: no other family's name, adult, child, mark or note. Records a
// family shares with others (a check-in mark by another adult, a swap with another family) are
// left out; the lines and stops its records name are given by name only so the file reads on its own.
import type { FamilyId } from '../ids.ts'
import { exportTimestamp, type ExportSource } from './collective-export.ts'
import { EXPORT_VERSION, FAMILY_EXPORT_FORMAT, type FamilyExport } from './format.ts'

/** null when the family is not (or no longer) in the collective. */
export const buildFamilyExport = (source: ExportSource, familyId: FamilyId, exportedAt: number): FamilyExport | null => {
  const family = source.families.find((candidate) => candidate.id === familyId)
  if (family === undefined) return null
  const adults = source.adults.filter((adult) => adult.familyId === familyId)
  const children = source.children.filter((child) => child.familyId === familyId)
  const adultIds = new Set<string>(adults.map((adult) => adult.id))
  const childIds = new Set<string>(children.map((child) => child.id))
  const signUps = source.signUps.filter((signUp) => adultIds.has(signUp.adultId))
  const absences = source.walkLog.absences.filter((absence) => childIds.has(absence.childId) || absence.familyId === familyId)
  const walkNotes = source.walkLog.notes.filter((note) => note.familyId === familyId)
  const handoverNotes = source.coordination.notes.filter((note) => note.familyId === familyId)
  const availability = (source.planning?.availability ?? []).filter((entry) => adultIds.has(entry.adultId))
  const exemptions = (source.planning?.exemptions ?? []).filter((exemption) => exemption.familyId === familyId)
  // Who helps is the other families' data: a request says how many it confirmed, not which families.
  const helpRequests = (source.help?.requests ?? []).filter((request) => request.familyId === familyId)
    .map((request) => ({ ...request, confirmed: [], confirmedCount: request.confirmed.length }))
  const helpAnswers = (source.help?.answers ?? []).filter((answer) => answer.familyId === familyId)
  const meetingReplies = (source.meetings?.replies ?? []).filter((reply) => reply.familyId === familyId)
  const answered = new Set<string>(meetingReplies.map((reply) => reply.meetingId))
  const meetings = (source.meetings?.meetings ?? []).filter((meeting) => answered.has(meeting.id))
  // Its adults' binôme walks, as the newcomer or as the adult walked with.
  const pairs = (source.pairs ?? []).filter((pair) => adultIds.has(pair.adultId) || adultIds.has(pair.withAdultId))

  const lineIds = new Set<string>([
    ...signUps.map((signUp) => signUp.lineId),
    ...walkNotes.map((note) => note.walk.lineId),
    ...children.flatMap((child) => [child.routes.aller?.lineId, child.routes.retour?.lineId].filter((id) => id !== undefined)),
    ...availability.flatMap((entry) => [
      ...entry.recurring.map((slot) => slot.lineId),
      ...entry.exceptions.flatMap((exception) => (exception.lineId === null ? [] : [exception.lineId])),
    ]),
  ])
  const stopIds = new Set<string>(children.flatMap((child) => [child.routes.aller?.stopId, child.routes.retour?.stopId].filter((id) => id !== undefined)))
  return {
    format: FAMILY_EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: exportTimestamp(exportedAt),
    collective: source.profile,
    family,
    adults,
    children,
    signUps,
    absences,
    walkNotes,
    handoverNotes,
    availability,
    exemptions,
    helpRequests,
    helpAnswers,
    meetings,
    meetingReplies,
    pairs,
    lines: source.lines.filter((line) => lineIds.has(line.id)).map((line) => ({ id: line.id, name: line.name })),
    stops: source.stops.filter((stop) => stopIds.has(stop.id)).map((stop) => ({ id: stop.id, lineId: stop.lineId, name: stop.name })),
  }
}

export const familyExportJson = (source: ExportSource, familyId: FamilyId, exportedAt: number): string | null => {
  const file = buildFamilyExport(source, familyId, exportedAt)
  return file === null ? null : JSON.stringify(file, null, 2)
}
