// "Exporter comme modèle" (issue 18): a collective's organisation as a file another collective can start from.
//
// What a template holds: lines (name, colour, directions, days) with their stops in order (name, times, access
// notes), the settings that say how the walks run (operating weekdays, children per adult, minimum adults, the school's
// holiday zone and calendar kind, the fairness setting), the coups de main kinds list (shipped kinds hidden, labels
// added) and the charter. What it never holds: a family, adult, child, sign-up, swap, absence, walk mark or note,
// meeting, coup de main, cancellation or added holiday, the association's name and contact (the source's data
// controller, maybe a person's e-mail address), the collective's name, school and town, and no id of any record,
// room or secret: a new collective made from it gets new ids for everything (`collectiveOfTemplate`).
//
// The holiday zone (A, B or C) is kept: it covers a third of France, so it names no school; the postcode is never
// stored anywhere. The schemas are strict objects (unknown fields are dropped), so a crafted file carries nothing
// more into a new collective than this list.
import { z } from 'zod/mini'
import { CharterInputSchema, type Charter } from '../charter.ts'
import type { CollectiveProfile, NewCollectiveCalendar } from '../collective.ts'
import { DEFAULT_ROSTER_SETTING } from '../coordination/records.ts'
import { WeekdaySchema } from '../dates.ts'
import { DEFAULT_HELP_KINDS, HELP_KIND_LABEL_MAX, type StoredHelpKind } from '../help/kinds.ts'
import { NO_HELP, type HelpRecords } from '../help/records.ts'
import { createLineId, createStopId } from '../ids.ts'
import { compareStops, DirectionSchema, LINE_NAME_MAX, StopAccessSchema, StopTimesSchema, STOP_NAME_MAX, type Line, type Stop } from '../line.ts'
import { DEFAULT_FAIRNESS_SETTING, FairnessSettingInputSchema, type PlanningRecords } from '../planning/records.ts'
import { DEFAULT_SETTINGS, HolidayZoneSchema, MIN_ADULTS_FLOOR, type Settings } from '../settings.ts'
import { err, ok, type Result } from '../../lib/result.ts'
import { exportTimestamp } from './collective-export.ts'
import { COLLECTIVE_EXPORT_FORMAT, EXPORT_VERSION, type CollectiveExport } from './format.ts'

export const TEMPLATE_FORMAT = 'pedibus-coop/template'
/** Bumped on any change a reader of version 1 could misread; the import refuses other versions ('wrongVersion'). */
export const TEMPLATE_VERSION = 1
/** A template of 50 lines of 60 stops is ~1 MB of readable JSON: a bigger file is not one of ours. */
export const TEMPLATE_MAX_CHARS = 1_000_000
export const TEMPLATE_MAX_LINES = 50
export const TEMPLATE_MAX_STOPS = 60
const MAX_ADDED_KINDS = 50

// Names are one line: a control character would break printouts and screen readers.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/
const name = (max: number) =>
  z.string().check(z.trim(), z.minLength(1), z.maxLength(max), z.refine((text) => !CONTROL_CHARACTERS.test(text)))

const TemplateStopSchema = z.object({
  name: name(STOP_NAME_MAX),
  times: StopTimesSchema,
  access: StopAccessSchema,
})

const TemplateLineSchema = z.object({
  name: name(LINE_NAME_MAX),
  colour: z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/)),
  directions: z.array(DirectionSchema).check(z.minLength(1), z.maxLength(2)),
  days: z.array(WeekdaySchema).check(z.minLength(1), z.maxLength(7)),
  stops: z.array(TemplateStopSchema).check(z.maxLength(TEMPLATE_MAX_STOPS)),
})
export type TemplateLine = z.output<typeof TemplateLineSchema>

const TemplateSettingsSchema = z.object({
  holidayZone: HolidayZoneSchema,
  ownCalendar: z.boolean(),
  alsaceMoselle: z.boolean(),
  operatingWeekdays: z.array(WeekdaySchema).check(z.minLength(1), z.maxLength(7)),
  childrenPerAdult: z.number().check(z.int(), z.gte(1), z.lte(30)),
  minAdults: z.number().check(z.int(), z.gte(MIN_ADULTS_FLOOR), z.lte(10)),
  fairness: FairnessSettingInputSchema,
})

const SHIPPED_KIND_IDS = DEFAULT_HELP_KINDS.map((kind) => kind.id)

const TemplateHelpKindsSchema = z.object({
  /** Shipped kinds the source hid (their ids are the app's, not records'); unknown ones are dropped on import. */
  hidden: z.array(z.string().check(z.maxLength(40))).check(z.maxLength(SHIPPED_KIND_IDS.length)),
  /** Kinds the source added, by label. */
  added: z.array(name(HELP_KIND_LABEL_MAX)).check(z.maxLength(MAX_ADDED_KINDS)),
})

/** Everything but the lines, which are checked one by one so an error can say which line is wrong. */
const TemplateHeadSchema = z.object({
  format: z.literal(TEMPLATE_FORMAT),
  version: z.literal(TEMPLATE_VERSION),
  exportedOn: z.iso.date(),
  settings: TemplateSettingsSchema,
  helpKinds: TemplateHelpKindsSchema,
  charter: z.nullable(CharterInputSchema.shape.text),
  lines: z.array(z.unknown()).check(z.maxLength(TEMPLATE_MAX_LINES)),
})

export type CollectiveTemplate = Omit<z.output<typeof TemplateHeadSchema>, 'lines'> & { readonly lines: readonly TemplateLine[] }

/** What a template is built from: the collective's view (or an export source) has all of it. */
export interface TemplateSource {
  readonly settings: Settings
  readonly lines: readonly Line[]
  readonly stops: readonly Stop[]
  readonly planning?: Pick<PlanningRecords, 'fairness'>
  readonly help?: Pick<HelpRecords, 'kinds'>
  readonly charter?: Charter | null
}

const helpKindsOf = (edits: readonly StoredHelpKind[]): CollectiveTemplate['helpKinds'] => ({
  hidden: SHIPPED_KIND_IDS.filter((id) => edits.some((edit) => edit.id === id && edit.hidden)),
  added: edits.filter((edit) => !edit.hidden && edit.label !== undefined && !SHIPPED_KIND_IDS.includes(edit.id))
    .map((edit) => edit.label as string).sort(),
})

const templateLineOf = (line: Line, stops: readonly Stop[]): TemplateLine => ({
  name: line.name,
  colour: line.colour,
  directions: [...line.directions],
  days: [...line.days],
  stops: stops.filter((stop) => stop.lineId === line.id).sort(compareStops)
    .map((stop) => ({ name: stop.name, times: { ...stop.times }, access: { ...stop.access } })),
})

/** The template of a collective: only the fields listed above are copied, one by one (never a record spread whole). */
export const buildTemplate = (source: TemplateSource, exportedAt: number): CollectiveTemplate => {
  const { settings } = source
  const fairness = source.planning?.fairness ?? DEFAULT_FAIRNESS_SETTING
  return {
    format: TEMPLATE_FORMAT,
    version: TEMPLATE_VERSION,
    exportedOn: exportTimestamp(exportedAt).slice(0, 10),
    settings: {
      holidayZone: settings.holidayZone,
      ownCalendar: settings.ownCalendar,
      alsaceMoselle: settings.alsaceMoselle,
      operatingWeekdays: [...settings.operatingWeekdays],
      childrenPerAdult: settings.childrenPerAdult,
      minAdults: settings.minAdults,
      fairness: {
        basis: fairness.basis, coordinatorCredit: fairness.coordinatorCredit,
        ...(fairness.helpCounts === undefined ? {} : { helpCounts: fairness.helpCounts }),
      },
    },
    helpKinds: helpKindsOf((source.help ?? NO_HELP).kinds),
    charter: source.charter?.text ?? null,
    lines: source.lines.slice(0, TEMPLATE_MAX_LINES).map((line) => templateLineOf(line, source.stops)),
  }
}

/** Two spaces: a template is meant to be read (and adapted) by people. */
export const templateJson = (source: TemplateSource, exportedAt: number): string =>
  JSON.stringify(buildTemplate(source, exportedAt), null, 2)

/**
 * Why a file is not a template this version reads: too big, not a template at all (bad JSON, another file such as a
 * collective backup), another version, one line (1-based `line`) invalid, or another part invalid.
 */
export type TemplateProblem = 'tooBig' | 'notATemplate' | 'wrongVersion' | 'invalidLine' | 'invalidTemplate'
export interface TemplateError {
  readonly problem: TemplateProblem
  /** For 'invalidLine': which line, counted from 1 in the file. */
  readonly line?: number
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** Parses a template file whole; nothing is made of a file that fails, and the error says what is wrong. */
export const parseTemplate = (json: string): Result<CollectiveTemplate, TemplateError> => {
  if (json.length > TEMPLATE_MAX_CHARS) return err({ problem: 'tooBig' })
  let raw: unknown
  try {
    raw = JSON.parse(json)
  } catch {
    return err({ problem: 'notATemplate' })
  }
  if (!isObject(raw) || raw.format !== TEMPLATE_FORMAT) return err({ problem: 'notATemplate' })
  if (raw.version !== TEMPLATE_VERSION) return err({ problem: 'wrongVersion' })
  const head = TemplateHeadSchema.safeParse(raw)
  if (!head.success) return err({ problem: 'invalidTemplate' })
  const lines: TemplateLine[] = []
  for (const [index, candidate] of head.data.lines.entries()) {
    const line = TemplateLineSchema.safeParse(candidate)
    if (!line.success) return err({ problem: 'invalidLine', line: index + 1 })
    lines.push(line.data)
  }
  return ok({ ...head.data, lines })
}

/** What a form shows of a template before the collective is made. */
export interface TemplateSummary {
  readonly lines: readonly { readonly name: string; readonly stops: number }[]
  readonly hasCharter: boolean
  readonly exportedOn: string
}

export const templateSummaryOf = (template: CollectiveTemplate): TemplateSummary => ({
  lines: template.lines.map((line) => ({ name: line.name, stops: line.stops.length })),
  hasCharter: template.charter !== null && template.charter !== '',
  exportedOn: template.exportedOn,
})

/**
 * The new collective's whole file, as a restore writes it (src/doc/restore.ts): the profile typed on the create form,
 * the calendar of its school (from the form's postcode: the new school may be elsewhere), the template's lines and
 * stops under new ids, its settings, kinds and charter; no person, nothing else.
 */
export const collectiveOfTemplate = (
  template: CollectiveTemplate, profile: CollectiveProfile, calendar: NewCollectiveCalendar, now: number,
): CollectiveExport & { readonly profile: CollectiveProfile } => {
  const lines = template.lines.map((line) => ({ line, id: createLineId() }))
  const { fairness, holidayZone: _zone, ownCalendar: _own, alsaceMoselle: _alsace, ...walks } = template.settings
  const helpKinds: StoredHelpKind[] = [
    ...template.helpKinds.hidden.filter((id) => SHIPPED_KIND_IDS.includes(id)).map((id) => ({ id, hidden: true })),
    ...template.helpKinds.added.map((label) => ({ id: crypto.randomUUID(), label, hidden: false })),
  ]
  const charter = template.charter === null || template.charter === '' ? [] : [{ text: template.charter }]
  return {
    format: COLLECTIVE_EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: exportTimestamp(now),
    profile,
    settings: { ...DEFAULT_SETTINGS, ...walks, ...calendar },
    lines: lines.map(({ line, id }) => ({ id, name: line.name, colour: line.colour, directions: line.directions, days: line.days })),
    stops: lines.flatMap(({ line, id }) => line.stops.map((stop, index) => ({
      id: createStopId(), lineId: id, name: stop.name, position: index + 1, times: stop.times, access: stop.access,
    }))),
    families: [], adults: [], children: [], exceptions: [], holidays: [], holidayOverrides: [], signUps: [],
    swaps: { offers: [], responses: [], releases: [] },
    coordination: { setting: DEFAULT_ROSTER_SETTING, roster: [], offers: [], responses: [], notes: [], acks: [] },
    walkLog: { absences: [], checkIns: [], events: [], notes: [] },
    planning: { fairness, availability: [], exemptions: [] },
    meetings: { meetings: [], replies: [] },
    help: { requests: [], answers: [], kinds: helpKinds },
    pairs: [],
    charter,
  }
}
