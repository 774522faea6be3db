// Calendars written the way the ministry publishes them (data.education.gouv.fr, fr-en-calendrier-scolaire), for the
// import's tests: the combined file of every zone and a one-zone file of the older generator.
//
// The combined file follows the "MENJS" generator's layout seen in the published Zone-A-B-C-Corse.ics: a VTIMEZONE,
// one VEVENT per span of days shared by a set of zones ("Vacances d'Hiver - Zones A/B" is the week A and B share), the
// zones again in LOCATION and DESCRIPTION, zero-length events (DTEND = DTSTART) for "Début des Vacances d'Été" and
// "Rentrée scolaire des élèves", CRLF line ends. The dates are made up for 2028-2029 (a year the app does not
// ship); lines are folded by hand where a reader that does not unfold would cut a zone in two.

const CRLF = '\r\n'

interface MinistryEvent {
  /** 'YYYYMMDD'. */
  readonly start: string
  /** 'YYYYMMDD', exclusive; the start again for a zero-length event. */
  readonly end: string
  /** What precedes " - <zones>" in SUMMARY and DESCRIPTION. */
  readonly what: string
  /** As the ministry writes them: "Zones A/B/C - Corse", "Zone C", "Guadeloupe". */
  readonly zones: string
  /** The DATE-TIME form with TZID=Europe/Paris some copies use, instead of VALUE=DATE. */
  readonly tzid?: boolean
  /** Cut SUMMARY after this many characters (a folded line: CRLF and one space). */
  readonly foldSummaryAt?: number
}

const dateProperty = (name: string, date: string, tzid: boolean | undefined): string =>
  tzid === true ? `${name};TZID=Europe/Paris:${date}T000000` : `${name};VALUE=DATE:${date}`

const eventLines = (event: MinistryEvent, index: number): string[] => {
  const summary = `SUMMARY:${event.what} - ${event.zones}`
  const fold = event.foldSummaryAt
  return [
    'BEGIN:VEVENT',
    'DTSTAMP:20280112T101500Z',
    dateProperty('DTSTART', event.start, event.tzid),
    dateProperty('DTEND', event.end, event.tzid),
    ...(fold === undefined ? [summary] : [summary.slice(0, fold), ` ${summary.slice(fold)}`]),
    `UID:20280112T1016${String(index).padStart(2, '0')}Z-Zone-A-B-C-Corse@data.education.gouv.fr`,
    `LOCATION:${event.zones}`,
    `DESCRIPTION:${event.what} - ${event.zones}`,
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
  ]
}

const HEADER = [
  'BEGIN:VCALENDAR',
  'PRODID:-//MENJS//Calendrier//FR',
  'VERSION:2.0',
  'CALSCALE:GREGORIAN',
  'X-WR-CALNAME:Calendrier scolaire - France métropolitaine et outre-mer',
  'X-WR-TIMEZONE:Europe/Paris',
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Paris',
  'BEGIN:DAYLIGHT',
  'DTSTART:19700329T020000',
  'TZNAME:CEST',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'RRULE:FREQ=YEARLY;INTERVAL=1;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'DTSTART:19701025T030000',
  'TZNAME:CET',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'RRULE:FREQ=YEARLY;INTERVAL=1;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
]

/**
 * 2028-2029 for zones A, B, C, Corse and Guadeloupe. Winter is cut in five spans as the ministry cuts it: C alone
 * 3-10 Feb, A/C 10-17, A/B/C and Corse 17-19, A/B and Corse 19-26, B and Corse 26 Feb - 5 Mar (ends exclusive).
 */
export const COMBINED_EVENTS: readonly MinistryEvent[] = [
  { start: '20280904', end: '20280904', what: 'Rentrée scolaire des élèves', zones: 'Zones A/B/C - Corse' },
  {
    start: '20281021', end: '20281106', what: 'Vacances de la Toussaint', zones: 'Zones A/B/C - Corse', foldSummaryAt: 41,
  },
  { start: '20281020', end: '20281105', what: 'Vacances de la Toussaint', zones: 'Guadeloupe' },
  { start: '20281223', end: '20290108', what: 'Vacances de Noël', zones: 'Zones A/B/C - Corse', tzid: true },
  { start: '20290203', end: '20290210', what: "Vacances d'Hiver", zones: 'Zone C' },
  { start: '20290210', end: '20290217', what: "Vacances d'Hiver", zones: 'Zones A/C' },
  { start: '20290217', end: '20290219', what: "Vacances d'Hiver", zones: 'Zones A/B/C - Corse', foldSummaryAt: 30 },
  { start: '20290219', end: '20290226', what: "Vacances d'Hiver", zones: 'Zones A/B - Corse' },
  { start: '20290226', end: '20290305', what: "Vacances d'Hiver", zones: 'Zone B - Corse' },
  { start: '20290210', end: '20290219', what: 'Vacances de Carnaval', zones: 'Guadeloupe' },
  { start: '20290414', end: '20290430', what: 'Vacances de Printemps', zones: 'Zones A/B/C - Corse' },
  { start: '20290510', end: '20290514', what: "Pont de l'Ascension", zones: 'Zones A/B/C - Corse' },
  { start: '20290521', end: '20290521', what: 'Lundi de Pentecôte', zones: 'Corse' },
  { start: '20290630', end: '20290630', what: "Début des Vacances d'Été", zones: 'Corse' },
  { start: '20290706', end: '20290706', what: "Début des Vacances d'Été", zones: 'Guadeloupe' },
  { start: '20290707', end: '20290707', what: "Début des Vacances d'Été", zones: 'Zones A/B/C', tzid: true },
  { start: '20290831', end: '20290831', what: 'Prérentrée des enseignants', zones: 'Zones A/B/C - Corse' },
  { start: '20290903', end: '20290903', what: 'Rentrée scolaire des élèves', zones: 'Zones A/B/C - Corse' },
]

/** The combined file, CRLF, with the ministry's header and time zone. */
export const combinedMinistryIcs = (events: readonly MinistryEvent[] = COMBINED_EVENTS): string =>
  [...HEADER, ...events.flatMap(eventLines), 'END:VCALENDAR'].join(CRLF) + CRLF

/**
 * One zone's file from the older generator ("iCalcreator", per-zone files): the zone only in SUMMARY, LOCATION lists
 * académies (folded mid-word), and the summer start and the rentrée with a DTSTART and no DTEND.
 */
export const zoneBMinistryIcs = (): string => [
  'BEGIN:VCALENDAR',
  'METHOD:PUBLISH',
  'PRODID:-//education.gouv.fr//NONSGML iCalcreator 2.6//',
  'VERSION:2.0',
  'X-WR-CALNAME:Calendrier Scolaire - Zone B',
  'X-WR-TIMEZONE:Europe/Paris',
  ...[
    ['1', 'Vacances de la Toussaint', 'DTSTART;VALUE=DATE:20281021', 'DTEND;VALUE=DATE:20281106'],
    ['2', "Vacances d'hiver", 'DTSTART;VALUE=DATE:20290217', 'DTEND;VALUE=DATE:20290305'],
    ['3', "Vacances d'été", 'DTSTART;VALUE=DATE:20290707'],
    ['4', 'Rentrée scolaire des élèves', 'DTSTART;VALUE=DATE:20290903'],
  ].flatMap(([uid = '', what = '', ...dates]) => [
    'BEGIN:VEVENT',
    `UID:${uid}@education.gouv.fr`,
    'DTSTAMP:20280112T101500Z',
    `DESCRIPTION:${what}`,
    ...dates,
    'LOCATION:Aix-Marseille\\, Amiens\\, Lille\\, Nancy-Metz\\, Nantes\\, Nice\\, Norman',
    ' die\\, Orléans-Tours\\, Reims\\, Rennes\\, Strasbourg',
    `SUMMARY:${what} - Zone B`,
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
  ]),
  'END:VCALENDAR',
].join(CRLF) + CRLF
