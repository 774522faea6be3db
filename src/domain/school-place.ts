// The school's académie and holiday zone from its postcode (or département): which shipped calendar applies.
//
// A collective that takes the default zone silently gets walks during its holidays and none in school weeks, so
// creation asks where the school is. The table is the ministry's map of zones since the 2016 reform (Caen and Rouen
// merged into Normandie in 2020). Corse and the overseas académies have calendars of their own, which this app does
// not ship: the collective is told to import its académie's calendar.

/** The three metropolitan holiday zones. */
export const HOLIDAY_ZONES = ['A', 'B', 'C'] as const
export type HolidayZone = (typeof HOLIDAY_ZONES)[number]

/** Académies of the three metropolitan zones, each with its départements (INSEE codes). */
const ZONE_ACADEMIES: Readonly<Record<HolidayZone, Readonly<Record<string, readonly string[]>>>> = {
  A: {
    Besançon: ['25', '39', '70', '90'],
    Bordeaux: ['24', '33', '40', '47', '64'],
    'Clermont-Ferrand': ['03', '15', '43', '63'],
    Dijon: ['21', '58', '71', '89'],
    Grenoble: ['07', '26', '38', '73', '74'],
    Limoges: ['19', '23', '87'],
    Lyon: ['01', '42', '69'],
    Poitiers: ['16', '17', '79', '86'],
  },
  B: {
    'Aix-Marseille': ['04', '05', '13', '84'],
    Amiens: ['02', '60', '80'],
    Lille: ['59', '62'],
    'Nancy-Metz': ['54', '55', '57', '88'],
    Nantes: ['44', '49', '53', '72', '85'],
    Nice: ['06', '83'],
    Normandie: ['14', '27', '50', '61', '76'],
    'Orléans-Tours': ['18', '28', '36', '37', '41', '45'],
    Reims: ['08', '10', '51', '52'],
    Rennes: ['22', '29', '35', '56'],
    Strasbourg: ['67', '68'],
  },
  C: {
    Créteil: ['77', '93', '94'],
    Montpellier: ['11', '30', '34', '48', '66'],
    Paris: ['75'],
    Toulouse: ['09', '12', '31', '32', '46', '65', '81', '82'],
    Versailles: ['78', '91', '92', '95'],
  },
}

/** Académies (or territories) whose school calendar is their own: none of the zones' holidays apply. */
const OWN_CALENDAR_ACADEMIES: Readonly<Record<string, readonly string[]>> = {
  Corse: ['2A', '2B'],
  Guadeloupe: ['971', '977', '978'],
  Martinique: ['972'],
  Guyane: ['973'],
  'La Réunion': ['974'],
  'Saint-Pierre-et-Miquelon': ['975'],
  Mayotte: ['976'],
  'Wallis-et-Futuna': ['986'],
  'Polynésie française': ['987'],
  'Nouvelle-Calédonie': ['988'],
}

/** Where a school is, as far as its calendar is concerned. */
export type SchoolPlace =
  | { readonly kind: 'zone'; readonly department: string; readonly academy: string; readonly zone: HolidayZone }
  | { readonly kind: 'ownCalendar'; readonly department: string; readonly academy: string }

const PLACES: ReadonlyMap<string, SchoolPlace> = (() => {
  const places = new Map<string, SchoolPlace>()
  for (const [zone, academies] of Object.entries(ZONE_ACADEMIES) as [HolidayZone, Record<string, string[]>][]) {
    for (const [academy, departments] of Object.entries(academies)) {
      for (const department of departments) places.set(department, { kind: 'zone', department, academy, zone })
    }
  }
  for (const [academy, departments] of Object.entries(OWN_CALENDAR_ACADEMIES)) {
    for (const department of departments) places.set(department, { kind: 'ownCalendar', department, academy })
  }
  return places
})()

/** Every département the table knows (96 metropolitan, Corse's two, the overseas ones). */
export const knownDepartments = (): readonly string[] => [...PLACES.keys()]

/**
 * The département of a French postcode: its first two digits, three overseas (97x, 98x), Corse's 20 split at 202
 * (20000–20199 Corse-du-Sud, 20200–20699 Haute-Corse). Null for a text that is not five digits. A few communes carry
 * a neighbouring département's postcode; their zone is the same but for rare edges, and the zone stays changeable.
 */
export const departmentOfPostcode = (postcode: string): string | null => {
  if (!/^\d{5}$/.test(postcode)) return null
  if (postcode.startsWith('97') || postcode.startsWith('98')) return postcode.slice(0, 3)
  if (postcode.startsWith('20')) return Number(postcode.slice(2, 3)) < 2 ? '2A' : '2B'
  return postcode.slice(0, 2)
}

/** Spaces removed: "35 000" and "35000" are one postcode. */
const normalised = (text: string): string => text.replace(/\s+/g, '').toUpperCase()

/**
 * The school's place from what a parent types: a postcode (`35000`), or a département code (`35`, `2A`, `971`).
 * Null when it is neither, or names no département (`00000`, `99`).
 */
export const schoolPlaceOf = (text: string): SchoolPlace | null => {
  const typed = normalised(text)
  const department = /^\d{5}$/.test(typed) ? departmentOfPostcode(typed) : typed
  if (department === null) return null
  return PLACES.get(department.length === 1 ? `0${department}` : department) ?? null
}
