// Pure mapping between the management forms' text values and the domain inputs (and back), plus error-path flattening.
import type { ExceptionInput } from '../../../domain/calendar-records.ts'
import type { Weekday } from '../../../domain/dates.ts'
import type { Line, Direction, LineInput, Stop, StopInput } from '../../../domain/line.ts'
import type { Adult, AdultInput, Child, ChildInput, ChildRoute } from '../../../domain/people.ts'
import type { HolidayZone, Settings, SettingsInput } from '../../../domain/settings.ts'
import type { FieldErrors } from '../../../domain/validation.ts'
import { DEFAULT_LINE_COLOUR } from './palette.ts'

/** Weekdays offered in forms: Monday to Saturday (some schools have class on Saturday morning). */
export const FORM_WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5, 6]

const sortedDays = (days: readonly number[]): Weekday[] => [...new Set(days)].sort((a, b) => a - b) as Weekday[]

/**
 * Domain errors are keyed by path ('times.aller', 'routes.retour.stopId'); forms key them by field.
 * `aliases` maps a path prefix to a field name; other paths keep their first segment.
 */
export const flattenErrors = (errors: FieldErrors, aliases: Readonly<Record<string, string>> = {}): FieldErrors => {
  const flat: Record<string, string> = {}
  for (const [path, key] of Object.entries(errors)) {
    const alias = Object.keys(aliases).find((prefix) => path === prefix || path.startsWith(`${prefix}.`))
    const field = alias !== undefined ? (aliases[alias] as string) : (path.split('.')[0] ?? '_')
    if (!(field in flat)) flat[field] = key
  }
  return flat
}

// ---- Line
export interface LineValues {
  readonly name: string
  readonly colour: string
  readonly directions: readonly Direction[]
  readonly days: readonly Weekday[]
}

export const lineValuesOf = (line: Line | undefined, settings: Settings, colour = DEFAULT_LINE_COLOUR): LineValues =>
  line
    ? { name: line.name, colour: line.colour, directions: [...line.directions], days: sortedDays(line.days) }
    : { name: '', colour, directions: ['aller'], days: sortedDays(settings.operatingWeekdays) }

export const lineInputOf = (values: LineValues): LineInput => ({
  name: values.name,
  colour: values.colour,
  directions: (['aller', 'retour'] as const).filter((d) => values.directions.includes(d)),
  days: sortedDays(values.days),
})

// ---- Stop
export interface StopValues {
  readonly name: string
  readonly aller: string
  readonly retour: string
  readonly stepFree: boolean
  readonly dangerousCrossing: boolean
  readonly note: string
}

export const EMPTY_STOP: StopValues = { name: '', aller: '', retour: '', stepFree: false, dangerousCrossing: false, note: '' }

export const stopValuesOf = (stop: Stop): StopValues => ({
  name: stop.name,
  aller: stop.times.aller ?? '',
  retour: stop.times.retour ?? '',
  stepFree: stop.access.stepFree,
  dangerousCrossing: stop.access.dangerousCrossing,
  note: stop.access.note,
})

/** Times only for the directions the line runs; an empty time means "not set". */
export const stopInputOf = (values: StopValues, directions: readonly Direction[]): StopInput => {
  const times: { aller?: string; retour?: string } = {}
  if (directions.includes('aller') && values.aller.trim() !== '') times.aller = values.aller.trim()
  if (directions.includes('retour') && values.retour.trim() !== '') times.retour = values.retour.trim()
  return { name: values.name, times, access: { stepFree: values.stepFree, dangerousCrossing: values.dangerousCrossing, note: values.note.trim() } }
}

export const STOP_ERROR_ALIASES = { 'times.aller': 'aller', 'times.retour': 'retour', 'access.note': 'note' } as const

// ---- Adult
export interface AdultValues {
  readonly firstName: string
  readonly phone: string
  /** 'YYYY-MM-DD' or '' when the charter is not accepted yet. */
  readonly charterAcceptedOn: string
  readonly insured: boolean
}

export const EMPTY_ADULT: AdultValues = { firstName: '', phone: '', charterAcceptedOn: '', insured: false }

export const adultValuesOf = (adult: Adult): AdultValues => ({
  firstName: adult.firstName,
  phone: adult.phone,
  charterAcceptedOn: adult.charterAcceptedOn ?? '',
  insured: adult.insured,
})

export const adultInputOf = (values: AdultValues): AdultInput => ({
  firstName: values.firstName,
  phone: values.phone,
  charterAcceptedOn: values.charterAcceptedOn.trim() === '' ? null : values.charterAcceptedOn.trim(),
  insured: values.insured,
})

// ---- Child
export interface ChildValues {
  readonly firstName: string
  readonly initial: string
  /** Stop id per direction, '' when the child does not walk that way. */
  readonly aller: string
  readonly retour: string
  readonly days: readonly Weekday[]
  readonly support: string
  readonly countsExtra: boolean
  /** "Exiger un·e habitué·e sur ses trajets": kept only with support instructions or "compte double". */
  readonly needsHabitue: boolean
}

export const emptyChild = (settings: Settings): ChildValues => ({
  firstName: '',
  initial: '',
  aller: '',
  retour: '',
  days: sortedDays(settings.operatingWeekdays),
  support: '',
  countsExtra: false,
  needsHabitue: false,
})

export const childValuesOf = (child: Child): ChildValues => ({
  firstName: child.firstName,
  initial: child.initial,
  aller: child.routes.aller?.stopId ?? '',
  retour: child.routes.retour?.stopId ?? '',
  days: sortedDays(child.days),
  support: child.support,
  countsExtra: child.countsExtra,
  needsHabitue: child.needsHabitue === true,
})

/** The stop's own line makes the route: a stop id is enough in the form. Unknown stops are dropped. */
export const childInputOf = (values: ChildValues, stops: readonly Pick<Stop, 'id' | 'lineId'>[]): ChildInput => {
  const routeOf = (stopId: string): ChildRoute | undefined => {
    const stop = stops.find((s) => s.id === stopId)
    return stop ? { lineId: stop.lineId, stopId: stop.id } : undefined
  }
  const routes: { aller?: ChildRoute; retour?: ChildRoute } = {}
  const aller = routeOf(values.aller)
  const retour = routeOf(values.retour)
  if (aller) routes.aller = aller
  if (retour) routes.retour = retour
  return {
    firstName: values.firstName,
    initial: values.initial,
    routes,
    days: sortedDays(values.days),
    support: values.support,
    countsExtra: values.countsExtra,
    needsHabitue: values.needsHabitue && hasSupportValues(values),
  }
}

/** The child form shows "Exiger un·e habitué·e" only with support instructions or "compte double". */
export const hasSupportValues = (values: Pick<ChildValues, 'support' | 'countsExtra'>): boolean =>
  values.support.trim() !== '' || values.countsExtra

export const CHILD_ERROR_ALIASES = { 'routes.aller': 'aller', 'routes.retour': 'retour' } as const

// ---- Settings
export interface SettingsValues {
  readonly holidayZone: HolidayZone
  readonly ownCalendar: boolean
  readonly alsaceMoselle: boolean
  readonly operatingWeekdays: readonly Weekday[]
  readonly childrenPerAdult: string
  readonly minAdults: string
  /** The association responsible for the data: as typed ('' = not filled in); the domain trims and checks them. */
  readonly associationName: string
  readonly associationContact: string
}

export const settingsValuesOf = (settings: Settings): SettingsValues => ({
  holidayZone: settings.holidayZone,
  ownCalendar: settings.ownCalendar,
  alsaceMoselle: settings.alsaceMoselle,
  operatingWeekdays: sortedDays(settings.operatingWeekdays),
  childrenPerAdult: String(settings.childrenPerAdult),
  minAdults: String(settings.minAdults),
  associationName: settings.associationName,
  associationContact: settings.associationContact,
})

const parseWhole = (text: string): number | null => (/^\s*\d{1,3}\s*$/.test(text) ? Number(text.trim()) : null)

/** Numbers are typed as text: anything but a whole number is refused here, before the domain rules. */
export const settingsInputOf = (values: SettingsValues): { input: SettingsInput; errors: FieldErrors } => {
  const errors: Record<string, string> = {}
  const childrenPerAdult = parseWhole(values.childrenPerAdult)
  const minAdults = parseWhole(values.minAdults)
  if (childrenPerAdult === null) errors.childrenPerAdult = values.childrenPerAdult.trim() === '' ? 'required' : 'invalidNumber'
  if (minAdults === null) errors.minAdults = values.minAdults.trim() === '' ? 'required' : 'invalidNumber'
  // A contact alone names nobody responsible: families must know whose address it is.
  if (values.associationName.trim() === '' && values.associationContact.trim() !== '') {
    errors.associationName = 'associationNameMissing'
  }
  const input: SettingsInput = {
    holidayZone: values.holidayZone,
    ownCalendar: values.ownCalendar,
    alsaceMoselle: values.alsaceMoselle,
    operatingWeekdays: sortedDays(values.operatingWeekdays),
    ...(childrenPerAdult === null ? {} : { childrenPerAdult }),
    ...(minAdults === null ? {} : { minAdults }),
    associationName: values.associationName,
    associationContact: values.associationContact,
  }
  return { input, errors }
}

// ---- Calendar exception
export interface ExceptionValues {
  readonly date: string
  /** '' = every line. */
  readonly lineId: string
  /** '' = both directions. */
  readonly direction: '' | Direction
  readonly reason: ExceptionInput['reason']
  readonly note: string
}

export const emptyException = (today: string): ExceptionValues => ({ date: today, lineId: '', direction: '', reason: 'strike', note: '' })

export const exceptionInputOf = (values: ExceptionValues): ExceptionInput => ({
  date: values.date,
  lineId: values.lineId === '' ? null : values.lineId,
  direction: values.direction === '' ? null : values.direction,
  reason: values.reason,
  note: values.note,
})

// ---- Records to check
/** Best effort: the preview of a record to check, as an object to prefill the repair form; null when unreadable. */
export const parsePreview = (preview: string): Readonly<Record<string, unknown>> | null => {
  try {
    const value: unknown = JSON.parse(preview)
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null
  } catch {
    return null
  }
}

/** A string field of a parsed preview, or '' when missing or not a string. */
export const textOf = (record: Readonly<Record<string, unknown>> | null, field: string): string => {
  const value = record?.[field]
  return typeof value === 'string' ? value : ''
}
