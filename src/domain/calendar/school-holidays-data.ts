// Shipped French school holidays (zones A, B, C) for the school year 2026-2027, as the decree states them.
//
// SOURCE (see docs/calendar-sources.md for the whole story): the 2026-2027 calendar is set by the
// arrêté of 22 October 2025 (Journal officiel, Légifrance JORFTEXT000052416058). The official
// text itself could not be read while this file was written: every date below was cross-checked
// between independent secondary copies that agree, and is marked `checked: 'secondaryCopies'`
// until someone compares it with the JO text. 2027-2028 (Légifrance JORFTEXT000054457294) is NOT
// shipped: no date of it could be confirmed. Collectives import an ICS or add a period themselves
// for anything missing or wrong (imported periods add to these).
import { localDate, type LocalDate } from '../dates.ts'
import type { HolidayZone } from '../settings.ts'

/**
 * One holiday period as the arrêté writes it: classes end after class on `classesEndAfter`
 * (a Saturday; Friday evening where there is no Saturday class) and resume on the morning of
 * `classesResumeOn`. The inclusive period of days without school is derived in school-calendar.ts.
 */
export interface DecreeHoliday {
  readonly zones: readonly HolidayZone[]
  readonly label: string
  readonly classesEndAfter: LocalDate
  readonly classesResumeOn: LocalDate
  readonly schoolYear: string
  /** 'officialText': compared with the JO text; 'secondaryCopies': agreeing copies only, to check. */
  readonly checked: 'officialText' | 'secondaryCopies'
}

/** School years covered by the shipped data ('2026-2027' = September 2026 to August 2027). */
export const SHIPPED_SCHOOL_YEARS: readonly string[] = ['2026-2027']

const ALL: readonly HolidayZone[] = ['A', 'B', 'C']

const period = (
  zones: readonly HolidayZone[],
  label: string,
  classesEndAfter: string,
  classesResumeOn: string,
): DecreeHoliday => ({
  zones,
  label,
  classesEndAfter: localDate(classesEndAfter),
  classesResumeOn: localDate(classesResumeOn),
  schoolYear: '2026-2027',
  checked: 'secondaryCopies',
})

export const SHIPPED_SCHOOL_HOLIDAYS: readonly DecreeHoliday[] = [
  period(ALL, 'Vacances de la Toussaint', '2026-10-17', '2026-11-02'),
  period(ALL, 'Vacances de Noël', '2026-12-19', '2027-01-04'),
  period(['A'], "Vacances d'hiver", '2027-02-13', '2027-03-01'),
  period(['B'], "Vacances d'hiver", '2027-02-20', '2027-03-08'),
  period(['C'], "Vacances d'hiver", '2027-02-06', '2027-02-22'),
  period(['A'], 'Vacances de printemps', '2027-04-10', '2027-04-26'),
  period(['B'], 'Vacances de printemps', '2027-04-17', '2027-05-03'),
  period(['C'], 'Vacances de printemps', '2027-04-03', '2027-04-19'),
  // No class on Friday 7 and Saturday 8 May 2027 (Ascension is Thursday 6): after class on Wednesday 5.
  period(ALL, "Pont de l'Ascension", '2027-05-05', '2027-05-10'),
  // Summer starts after class on Saturday 3 July 2027. The 2027 rentrée is not shipped (2027-2028
  // unconfirmed): the period is shown until 31 August; early September comes from an import.
  period(ALL, "Vacances d'été", '2027-07-03', '2027-09-01'),
]
