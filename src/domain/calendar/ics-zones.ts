// Holiday zones as the ministry's .ics files name them (zones A, B, C, Corse, overseas académies): found in LOCATION
// ("Zones A/B/C - Corse") or after a SUMMARY's or DESCRIPTION's last " - " ("Vacances d'Hiver - Zone A").

/** Every zone a school calendar file may name, in the order a choice lists them. */
export const ICS_ZONES = [
  'A', 'B', 'C', 'corse',
  'guadeloupe', 'guyane', 'martinique', 'mayotte', 'reunion',
  'nouvelle-caledonie', 'polynesie', 'saint-pierre-et-miquelon', 'wallis-et-futuna',
] as const
export type IcsZone = (typeof ICS_ZONES)[number]

/**
 * Lower case, accents removed, hyphens and apostrophes as spaces, spaces collapsed: copies write "Saint-Pierre et
 * Miquelon", "La Réunion", "Reunion", "Polynésie française"; one spelling is compared.
 */
export const foldText = (text: string): string =>
  text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[-'’.]/g, ' ').replace(/\s+/g, ' ').trim()

const TERRITORIES: readonly (readonly [IcsZone, RegExp])[] = [
  ['corse', /^corse$/],
  ['guadeloupe', /^guadeloupe$/],
  ['guyane', /^guyane$/],
  ['martinique', /^martinique$/],
  ['mayotte', /^mayotte$/],
  ['reunion', /^(la )?reunion$/],
  ['nouvelle-caledonie', /^nouvelle caledonie$/],
  ['polynesie', /^polynesie( francaise)?$/],
  ['saint-pierre-et-miquelon', /^(saint|st) pierre et miquelon$/],
  ['wallis-et-futuna', /^wallis et futuna$/],
]

/** "zone a", "zones a/b/c", "zones a b c" (older files), "zones b et c". */
const LETTERS = /^zones? ([abc](?:(?: ?[/,&+] ?| et | )[abc])*)$/

/**
 * The zones one piece of text names, when it names nothing else: a whole piece must be zone names, so a place such as
 * "Salle de réunion" is not La Réunion. Null for any other text.
 */
const zonesOfPiece = (piece: string): IcsZone[] | null => {
  const text = foldText(piece).replace(/^academie (de |d )?/, '')
  const letters = LETTERS.exec(text)?.[1]
  if (letters !== undefined) {
    return [...new Set(letters.match(/[abc]/g) ?? [])].map((letter) => letter.toUpperCase() as IcsZone)
  }
  const territory = TERRITORIES.find(([, pattern]) => pattern.test(text))
  return territory === undefined ? null : [territory[0]]
}

/** A dash between spaces separates a name from its zones; "Saint-Pierre" or "Nancy-Metz" are never cut. */
const DASH = /\s+[-–—]\s+/

/** The zones in the same order as ICS_ZONES, each once. */
export const sortZones = (zones: Iterable<IcsZone>): IcsZone[] => {
  const found = new Set(zones)
  return ICS_ZONES.filter((zone) => found.has(zone))
}

/**
 * A SUMMARY or DESCRIPTION as its name and the zones its last " - " pieces name: "Vacances d'Hiver - Zones A/C -
 * Corse" is "Vacances d'Hiver" for A, C and Corse. Text without such pieces is its own name, naming no zone.
 */
export const splitZoneSuffix = (text: string): { readonly name: string; readonly zones: IcsZone[] } => {
  const pieces = text.split(DASH)
  const zones: IcsZone[] = []
  while (pieces.length > 1) {
    const found = zonesOfPiece(pieces[pieces.length - 1] ?? '')
    if (found === null) break
    zones.push(...found)
    pieces.pop()
  }
  return { name: pieces.join(' - '), zones }
}

/**
 * The zones a LOCATION names: "Zones A/B/C - Corse", "Guadeloupe". Older files list académies there ("Aix-Marseille,
 * Amiens, ..."): comma-separated pieces are read one by one, and only those that are zone names count.
 */
export const zonesOfLocation = (location: string): IcsZone[] =>
  location.split(';').flatMap((list) => list.split(DASH)).flatMap((piece) =>
    zonesOfPiece(piece) ?? piece.split(',').flatMap((part) => zonesOfPiece(part) ?? []))
