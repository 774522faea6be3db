// The edit commands of a CollectiveSession over one Y.Doc: shared by a joined collective and the in-memory demo.
import type * as Y from 'yjs'
import { authorTime } from '../doc/clock.ts'
import * as edit from '../doc/mutations.ts'
import { instantToParisDate } from '../domain/calendar/paris-time.ts'
import { err, ok, type Result } from '../lib/result.ts'
import type { ReadableStore } from '../lib/store.ts'
import type { ActingFor, CollectiveView, DeviceIdentity, ManageCommands, RemovalError, SessionCommands } from './api.ts'
import { createCharterCommands } from './commands-charter.ts'
import { createChildCommands } from './commands-children.ts'
import { createCoordinationCommands } from './commands-coordination.ts'
import { createExportCommands } from './commands-export.ts'
import { createHelpCommands } from './commands-help.ts'
import { createMeetingCommands } from './commands-meetings.ts'
import { createPairCommands } from './commands-pairs.ts'
import { createPlanningCommands } from './commands-planning.ts'
import { createSignUpCommands } from './commands-signups.ts'
import { createSwapCommands } from './commands-swaps.ts'
import { createWalkLogCommands } from './commands-walk-log.ts'
import { createYearCommands } from './commands-year.ts'
import { importHolidaysFromIcs } from './holidays.ts'

/** Everything a session offers except its identity, stores and lifecycle (the command slices of src/app/api.ts). */
export type { SessionCommands }

export interface CommandContext {
  readonly doc: Y.Doc
  /** The live view, refreshed synchronously after every change of the document. */
  readonly view: ReadableStore<CollectiveView>
  readonly me: ReadableStore<DeviceIdentity>
  /** Set while this phone acts for a family at its request (acting.ts): the rota and swap commands record it. */
  readonly acting?: ReadableStore<ActingFor | null>
  readonly now: () => number
}

export const createCommands = (context: CommandContext): SessionCommands => ({
  ...createSwapCommands(context),
  ...createSignUpCommands(context),
  ...createCoordinationCommands(context),
  ...createWalkLogCommands(context),
  ...createPlanningCommands(context),
  ...createExportCommands(context),
  ...createYearCommands(context),
  ...createEditCommands(context),
  ...createChildCommands(context),
  ...createMeetingCommands(context),
  ...createHelpCommands(context),
  ...createPairCommands(context),
  ...createCharterCommands(context),
})

/** A removal that found nothing to remove wrote nothing: the record went on another phone (or never arrived here). */
const removed = (done: boolean): Result<void, RemovalError> => (done ? ok(undefined) : err('notFound'))

const createEditCommands = ({ doc, me, now }: CommandContext): Omit<ManageCommands, keyof ReturnType<typeof createChildCommands>> => ({
  updateProfile: (input) => edit.updateProfile(doc, input),
  addFamily: (input) => edit.addFamily(doc, input, instantToParisDate(now())),
  renameFamily: (id, input) => edit.renameFamily(doc, id, input),
  removeFamily: (id) => removed(edit.removeFamily(doc, id)),
  deleteRecordToCheck: (record) => removed(edit.deleteRecordToCheck(doc, record)),
  updateSettings: (input) => edit.updateSettings(doc, input),
  addLine: (input) => edit.addLine(doc, input),
  updateLine: (id, input) => edit.updateLine(doc, id, input),
  removeLine: (id) => removed(edit.removeLine(doc, id)),
  addStop: (lineId, input) => edit.addStop(doc, lineId, input),
  updateStop: (id, input) => edit.updateStop(doc, id, input),
  moveStop: (id, toIndex) => edit.moveStop(doc, id, toIndex),
  removeStop: (id, reassign) => edit.removeStop(doc, id, reassign),
  addAdult: (familyId, input) => edit.addAdult(doc, familyId, input),
  updateAdult: (id, input) => edit.updateAdult(doc, id, input),
  removeAdult: (id) => removed(edit.removeAdult(doc, id)),
  removeChild: (id) => removed(edit.removeChild(doc, id)),
  addException: (input) => edit.addException(doc, input, { actor: me.get().actorId, familyId: me.get().familyId, at: authorTime(now()) }),
  removeException: (id) => removed(edit.removeException(doc, id)),
  importHolidays: (icsText, zone) => importHolidaysFromIcs(doc, icsText, zone),
  addHoliday: (input) => edit.addHoliday(doc, input),
  removeHoliday: (id) => removed(edit.removeHoliday(doc, id)),
  setShippedHolidayIgnored: (periodId, ignored) => edit.setHolidayOverride(doc, periodId, ignored),

})
