// Shipped French school holidays (zones A, B, C) for 2026-2027 and, provisionally, 2027-2028, with the source and check level of each period.
//
// SOURCES (see docs/calendar-sources.md for the whole story):
// - 2026-2027: arrêté of 22 October 2025 (Journal officiel, Légifrance JORFTEXT000052416058). The
//   official text itself could not be read while this file was written: every date was
//   cross-checked between independent secondary copies that agree, and is marked
//   `checked: 'secondaryCopies'` until someone compares it with the JO text.
// - 2027-2028: Légifrance JORFTEXT000054457294 (as cited in openholidaysapi.data pull request
//   #178). Neither the text nor two agreeing copies could be read: the dates come from ONE copy,
//   the rows quoted in openholidaysapi.data pull request #184 (open, 16 September 2026), and are
//   marked `checked: 'unconfirmedCopy'`. Walks they cancel are shown "(dates à confirmer)".
// Collectives import an ICS or add a period themselves for anything missing, and can mark a shipped
// period "does not apply to our school" (document map `holidayOverrides`, keyed by shippedPeriodId).
import { localDate, type LocalDate } from '../dates.ts'
import type { PeriodSlug } from '../holiday-kinds.ts'
import type { HolidayZone } from '../settings.ts'

/**
 * How far a shipped period was checked. 'officialText': compared with the JO text;
 * 'secondaryCopies': independent copies agree, not yet compared with the JO text;
 * 'unconfirmedCopy': a single copy, provisional.
 */
export type CheckLevel = 'officialText' | 'secondaryCopies' | 'unconfirmedCopy'

export type { PeriodSlug } from '../holiday-kinds.ts'

/**
 * One holiday period as the arrêté writes it: classes end after class on `classesEndAfter`
 * (a Saturday; Friday evening where there is no Saturday class) and resume on the morning of
 * `classesResumeOn`. The inclusive period of days without school is derived in school-calendar.ts.
 */
export interface DecreeHoliday {
  readonly zones: readonly HolidayZone[]
  /** With the school year and a zone, makes the period's stable id (see shippedPeriodId); screens name it by this. */
  readonly slug: PeriodSlug
  /** The French name the arrêté uses (French exports, tests); never shown as is on a screen. */
  readonly label: string
  readonly classesEndAfter: LocalDate
  readonly classesResumeOn: LocalDate
  readonly schoolYear: string
  readonly checked: CheckLevel
  /** Where the dates were read (short; the full story is in docs/calendar-sources.md). */
  readonly source: string
}

/** School years covered by the shipped data ('2026-2027' = September 2026 to August 2027). */
export const SHIPPED_SCHOOL_YEARS: readonly string[] = ['2026-2027', '2027-2028']

/** Stable id of a shipped period for one zone, e.g. '2027-2028/A/hiver': the key of a collective's override. */
export const shippedPeriodId = (holiday: Pick<DecreeHoliday, 'schoolYear' | 'slug'>, zone: HolidayZone): string =>
  `${holiday.schoolYear}/${zone}/${holiday.slug}`

/**
 * Whether a period is shown "à confirmer": only when fewer than two independent copies agree on it (one copy). Periods
 * that agreeing copies give, read against the official text or not, are shown as they are.
 */
export const isProvisional = (checked: CheckLevel): boolean => checked === 'unconfirmedCopy'

const ALL: readonly HolidayZone[] = ['A', 'B', 'C']

const SOURCE_2026 = 'Arrêté du 22 octobre 2025 (JORFTEXT000052416058), dates from agreeing secondary copies'
const SOURCE_2027 = 'JORFTEXT000054457294 not read; single copy: openholidaysapi.data pull request #184 (16 September 2026)'

const yearOf = (schoolYear: string, checked: CheckLevel, source: string) => (
  zones: readonly HolidayZone[],
  slug: PeriodSlug,
  label: string,
  classesEndAfter: string,
  classesResumeOn: string,
): DecreeHoliday => ({
  zones,
  slug,
  label,
  classesEndAfter: localDate(classesEndAfter),
  classesResumeOn: localDate(classesResumeOn),
  schoolYear,
  checked,
  source,
})

const period = yearOf('2026-2027', 'secondaryCopies', SOURCE_2026)
const period2027 = yearOf('2027-2028', 'unconfirmedCopy', SOURCE_2027)

export const SHIPPED_SCHOOL_HOLIDAYS: readonly DecreeHoliday[] = [
  period(ALL, 'toussaint', 'Vacances de la Toussaint', '2026-10-17', '2026-11-02'),
  period(ALL, 'noel', 'Vacances de Noël', '2026-12-19', '2027-01-04'),
  period(['A'], 'hiver', "Vacances d'hiver", '2027-02-13', '2027-03-01'),
  period(['B'], 'hiver', "Vacances d'hiver", '2027-02-20', '2027-03-08'),
  period(['C'], 'hiver', "Vacances d'hiver", '2027-02-06', '2027-02-22'),
  period(['A'], 'printemps', 'Vacances de printemps', '2027-04-10', '2027-04-26'),
  period(['B'], 'printemps', 'Vacances de printemps', '2027-04-17', '2027-05-03'),
  period(['C'], 'printemps', 'Vacances de printemps', '2027-04-03', '2027-04-19'),
  // No class on Friday 7 and Saturday 8 May 2027 (Ascension is Thursday 6): after class on Wednesday 5.
  period(ALL, 'ascension', "Pont de l'Ascension", '2027-05-05', '2027-05-10'),
  // Summer starts after class on Saturday 3 July 2027; classes resume on Thursday 2 September 2027 (the rentrée of
  // 2027-2028, see docs/calendar-sources.md): a collective walking on Wednesday 1 September has no school then.
  period(ALL, 'ete', "Vacances d'été", '2027-07-03', '2027-09-02'),

  // 2027-2028, PROVISIONAL (one copy, see above). PR #184 gives first and last full days off; the
  // arrêté's form below is the Saturday before the first and the day after the last.
  period2027(ALL, 'toussaint', 'Vacances de la Toussaint', '2027-10-23', '2027-11-08'),
  period2027(ALL, 'noel', 'Vacances de Noël', '2027-12-18', '2028-01-03'),
  period2027(['A'], 'hiver', "Vacances d'hiver", '2028-02-19', '2028-03-06'),
  period2027(['B'], 'hiver', "Vacances d'hiver", '2028-02-05', '2028-02-21'),
  period2027(['C'], 'hiver', "Vacances d'hiver", '2028-02-12', '2028-02-28'),
  // Spring C and A: the copy has classes resume on Tuesday 2 and Tuesday 9 May (Mondays 1 and 8 May are public holidays).
  period2027(['A'], 'printemps', 'Vacances de printemps', '2028-04-22', '2028-05-09'),
  period2027(['B'], 'printemps', 'Vacances de printemps', '2028-04-08', '2028-04-24'),
  period2027(['C'], 'printemps', 'Vacances de printemps', '2028-04-15', '2028-05-02'),
  // Ascension is Thursday 25 May 2028 (Easter 16 April): no class Friday 26 and Saturday 27.
  period2027(ALL, 'ascension', "Pont de l'Ascension", '2028-05-24', '2028-05-29'),
  // The copy's "end of lessons 4 July 2028" read as after class on Tuesday 4 July; shown until 31 August
  // (the 2028 rentrée belongs to 2028-2029, not shipped).
  period2027(ALL, 'ete', "Vacances d'été", '2028-07-04', '2028-09-01'),
]
