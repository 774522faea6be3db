// Builders of small collectives for the rota and calendar tests: valid records with readable, deterministic ids.
import type { CalendarException, ImportedHoliday } from '../../../src/domain/calendar-records.ts'
import { localDate, type TimeOfDay } from '../../../src/domain/dates.ts'
import type { ActorId, AdultId, ChildId, ExceptionId, FamilyId, HolidayId, LineId, StopId } from '../../../src/domain/ids.ts'
import type { Direction, Line, Stop } from '../../../src/domain/line.ts'
import type { CollectiveModel } from '../../../src/domain/model.ts'
import type { Adult, Child } from '../../../src/domain/people.ts'
import { DEFAULT_SETTINGS } from '../../../src/domain/settings.ts'
import type { SignUp, Slot } from '../../../src/domain/signup.ts'

/** A valid UUID whose last group spells `n`, so ids sort like their numbers. */
export const uuid = <T>(prefix: number, n: number): T =>
  `00000000-0000-4000-8${String(prefix).padStart(3, '0')}-${String(n).padStart(12, '0')}` as T

export const lineId = (n: number): LineId => uuid(1, n)
export const stopId = (n: number): StopId => uuid(2, n)
export const familyId = (n: number): FamilyId => uuid(3, n)
export const adultId = (n: number): AdultId => uuid(4, n)
export const childId = (n: number): ChildId => uuid(5, n)
export const actorId = (n: number): ActorId => uuid(6, n)
export const exceptionId = (n: number): ExceptionId => uuid(7, n)
export const holidayId = (n: number): HolidayId => uuid(8, n)

export const createLine = (n: number, overrides: Partial<Line> = {}): Line => ({
  id: lineId(n),
  name: `Ligne ${n}`,
  colour: '#336699',
  directions: ['aller', 'retour'],
  days: [1, 2, 4, 5],
  ...overrides,
})

export const createStop = (n: number, line: number, position: number, times: Partial<Record<Direction, string>>): Stop => ({
  id: stopId(n),
  lineId: lineId(line),
  name: `Arrêt ${n}`,
  position,
  times: times as Partial<Record<Direction, TimeOfDay>>,
  access: { stepFree: true, dangerousCrossing: false, note: '' },
})

export const createAdult = (n: number, family: number): Adult => ({
  id: adultId(n),
  familyId: familyId(family),
  firstName: `Adulte${n}`,
  phone: '06 00 00 00 00',
  charterAcceptedOn: null,
  insured: true,
})

export const createChild = (n: number, family: number, overrides: Partial<Child> = {}): Child => ({
  id: childId(n),
  familyId: familyId(family),
  firstName: `Enfant${n}`,
  initial: 'B',
  routes: { aller: { lineId: lineId(1), stopId: stopId(1) } },
  days: [1, 2, 4, 5],
  support: '',
  countsExtra: false,
  ...overrides,
})

export const createSignUp = (
  adult: number,
  slot: Slot,
  clock: number,
  actor: number,
  walk: { line?: number; date?: string; direction?: Direction } = {},
  status: SignUp['status'] = 'active',
): SignUp => ({
  lineId: lineId(walk.line ?? 1),
  date: localDate(walk.date ?? '2026-12-03'),
  direction: walk.direction ?? 'aller',
  adultId: adultId(adult),
  familyId: familyId(adult),
  slot,
  status,
  clock,
  actor: actorId(actor),
})

export interface ExceptionFields {
  date: string
  lineId: LineId | null
  direction: Direction | null
  reason: CalendarException['reason']
  note: string
}

export const createException = (n: number, fields: ExceptionFields): CalendarException => ({
  ...fields,
  id: exceptionId(n),
  date: localDate(fields.date),
})

export const createHoliday = (n: number, start: string, end: string, label: string): ImportedHoliday => ({
  id: holidayId(n),
  start: localDate(start),
  end: localDate(end),
  label,
})

/** One line (aller and retour, Mon Tue Thu Fri) with three timed stops; nothing else. */
export const createModel = (overrides: Partial<CollectiveModel> = {}): CollectiveModel => ({
  profile: null,
  settings: DEFAULT_SETTINGS,
  lines: [createLine(1)],
  stops: [
    createStop(1, 1, 1, { aller: '08:10', retour: '16:50' }),
    createStop(2, 1, 2, { aller: '08:15', retour: '16:45' }),
    createStop(3, 1, 3, { aller: '08:20', retour: '16:40' }),
  ],
  families: [],
  adults: Array.from({ length: 10 }, (_, i) => createAdult(i + 1, i + 1)),
  children: [],
  exceptions: [],
  holidays: [],
  signUps: [],
  ...overrides,
})
