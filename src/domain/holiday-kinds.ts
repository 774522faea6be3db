// Stable names of the shipped school holiday periods and public holidays: the screens name them in the reader's language.
//
// The domain keeps the French names the official texts use (CSV export, imported calendars compare with them); a
// screen shows `kind`, never the French label, for these. Periods a collective adds keep the name typed.

/** Short stable name of a shipped period within a school year: part of its id ('2027-2028/A/hiver'). */
export const PERIOD_SLUGS = ['toussaint', 'noel', 'hiver', 'printemps', 'ascension', 'ete'] as const
export type PeriodSlug = (typeof PERIOD_SLUGS)[number]

/**
 * The eleven public holidays of metropolitan France (Code du travail, art. L3133-1), and the two more of Alsace-Moselle
 * (Good Friday and St Stephen's Day, art. L3134-13), which apply only where the collective says so.
 */
export const PUBLIC_HOLIDAY_IDS = [
  'newYear', 'easterMonday', 'labourDay', 'victory1945', 'ascension', 'whitMonday',
  'bastilleDay', 'assumption', 'allSaints', 'armistice1918', 'christmas', 'goodFriday', 'saintStephen',
] as const
export type PublicHolidayId = (typeof PUBLIC_HOLIDAY_IDS)[number]
