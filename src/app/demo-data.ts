// The demo collective's content: one line with five stops, six families, nine children, sign-ups with a gap and an urgent walk;
// its free texts in French and English side by side (names of people and places stay as they are).
import type * as Y from 'yjs'
import { authorTime } from '../doc/clock.ts'
import * as edit from '../doc/mutations.ts'
import { readCollective } from '../doc/read.ts'
import { instantToParisDate } from '../domain/calendar/paris-time.ts'
import { addDays, type LocalDate } from '../domain/dates.ts'
import { createActorId, type AdultId, type FamilyId, type LineId, type StopId } from '../domain/ids.ts'
import type { StopInput } from '../domain/line.ts'
import type { Language } from '../domain/language.ts'
import type { AdultInput, ChildInput } from '../domain/people.ts'
import { walkStartInstant, URGENT_WITHIN_MS } from '../domain/rota/resolve.ts'
import { deriveWalks, type Walk } from '../domain/rota/walks.ts'
import { supportWrite } from '../domain/support-consent.ts'

const must = <T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!result.ok) throw new Error('demo data does not validate') // a bug in this file, never user input
  return result.value
}

/** The languages the demo's free texts are written in (names of people and places stay as they are). */
export type DemoLanguage = Exclude<Language, 'ar'>
/** The demo is a French school: an Arabic interface shows its notes in French, as the school's own papers would be. */
export const demoLanguageOf = (language: Language): DemoLanguage => (language === 'en' ? 'en' : 'fr')
/** A free text of the demo in both languages, side by side. */
export type DemoText = Readonly<Record<DemoLanguage, string>>
const NO_TEXT: DemoText = { fr: '', en: '' }

interface DemoStop {
  readonly name: string
  readonly times: StopInput['times']
  readonly stepFree: boolean
  readonly dangerousCrossing: boolean
  readonly note: DemoText
}

const stop = (name: string, aller: string, retour: string, access: Partial<Omit<DemoStop, 'name' | 'times'>> = {}): DemoStop =>
  ({ name, times: { aller, retour }, stepFree: false, dangerousCrossing: false, note: NO_TEXT, ...access })

const STOPS: readonly DemoStop[] = [
  stop('Place du Marché', '08:05', '16:55'),
  stop('Rue des Lilas', '08:09', '16:50', {
    dangerousCrossing: true,
    note: {
      fr: 'Traversée de l’avenue de la Libération : attendre le feu piéton.',
      en: 'Crossing avenue de la Libération: wait for the pedestrian light.',
    },
  }),
  stop('Parc des Pins', '08:13', '16:45', {
    stepFree: true, note: { fr: 'Entrée par le portail sud, sans marche.', en: 'In through the south gate, no steps.' },
  }),
  stop('Rue Victor Hugo', '08:17', '16:40', { stepFree: true, note: { fr: 'Rampe côté boulangerie.', en: 'Ramp on the bakery side.' } }),
  stop('École des Pins', '08:25', '16:30', { stepFree: true }),
]

const stopInput = (demoStop: DemoStop, language: DemoLanguage): StopInput => ({
  name: demoStop.name,
  times: demoStop.times,
  access: { stepFree: demoStop.stepFree, dangerousCrossing: demoStop.dangerousCrossing, note: demoStop.note[language] },
})

const LINE_NAME: DemoText = { fr: 'Ligne des Pins', en: 'Pins line' }
const HOLD_HANDS: DemoText = { fr: 'Tenir la main aux traversées', en: 'Hold hands at crossings' }
const WHEELCHAIR: DemoText = { fr: 'Fauteuil : passer par la rampe rue Victor Hugo', en: 'Wheelchair: use the ramp on rue Victor Hugo' }
const ALLERGY: DemoText = { fr: 'Allergie : ne rien accepter à manger en route', en: 'Allergy: accept no food on the way' }

interface DemoFamily {
  readonly name: string
  readonly adults: readonly AdultInput[]
  /** [first name, initial, stop index, days, support (both languages), counts extra] */
  readonly children: readonly [string, string, number, number[], DemoText, boolean][]
}

const adult = (firstName: string, phone: string, insured = true): AdultInput => ({ firstName, phone, charterAcceptedOn: '2026-09-07', insured })
const FOUR_DAYS = [1, 2, 4, 5]

const FAMILIES: readonly DemoFamily[] = [
  { name: 'Martin', adults: [adult('Camille', '06 12 34 56 78'), adult('Julien', '06 98 76 54 32')], children: [['Léa', 'M', 0, FOUR_DAYS, NO_TEXT, false], ['Tom', 'M', 0, FOUR_DAYS, HOLD_HANDS, true]] },
  { name: 'Bernard', adults: [adult('Sophie', '06 11 22 33 44')], children: [['Inès', 'B', 1, FOUR_DAYS, NO_TEXT, false]] },
  { name: 'Nguyen', adults: [adult('Minh', '07 45 67 89 01'), adult('Claire', '07 12 21 12 21')], children: [['Hugo', 'N', 2, FOUR_DAYS, WHEELCHAIR, true]] },
  { name: 'Petit', adults: [adult('Karim', '06 55 44 33 22')], children: [['Jade', 'P', 2, [1, 2, 4], NO_TEXT, false], ['Noé', 'P', 2, [1, 2, 4], NO_TEXT, false]] },
  { name: 'Durand', adults: [adult('Élodie', '06 66 77 88 99', false)], children: [['Louise', 'D', 3, FOUR_DAYS, ALLERGY, false]] },
  { name: 'Moreau', adults: [adult('Patrick', '06 01 02 03 04'), adult('Nadia', '06 04 03 02 01')], children: [['Adam', 'M', 1, [1, 4], NO_TEXT, false], ['Lina', 'M', 3, FOUR_DAYS, NO_TEXT, false]] },
]

export interface DemoContent {
  readonly me: { readonly familyId: FamilyId; readonly adultId: AdultId }
}

/** Fills an empty document with the demo collective in `language`, sign-ups for the three weeks after `now`. */
export const fillDemo = (doc: Y.Doc, now: number, language: DemoLanguage): DemoContent => {
  edit.initCollective(doc, { name: 'Pédibus des Pins', school: 'École élémentaire des Pins', town: 'Mérignac' })
  const lineId = must(edit.addLine(doc, { name: LINE_NAME[language], colour: '#2e7d32', directions: ['aller', 'retour'], days: FOUR_DAYS }))
  const stopIds = STOPS.map((demoStop) => must(edit.addStop(doc, lineId, stopInput(demoStop, language))))
  const adults: { id: AdultId; familyId: FamilyId }[] = []
  for (const family of FAMILIES) {
    const familyId = must(edit.addFamily(doc, { displayName: family.name }))
    const familyAdults = family.adults.map((input) => must(edit.addAdult(doc, familyId, input)))
    for (const id of familyAdults) adults.push({ id, familyId })
    for (const [firstName, initial, stopIndex, days, support, countsExtra] of family.children) {
      const route = { lineId, stopId: stopIds[stopIndex] as StopId }
      const child: ChildInput = { firstName, initial, routes: { aller: route, retour: route }, days, support: support[language], countsExtra }
      // Each family wrote its notes with its agreement (issue 16), its first adult on its own phone.
      const writer = { familyId, adultId: familyAdults[0] ?? null, actor: createActorId(), at: authorTime(now), onRequest: false }
      const consent = supportWrite({ childFamilyId: familyId, stored: null, next: child, consentBy: familyAdults[0], familyAdults, writer })
      must(edit.addChild(doc, familyId, child, undefined, must(consent)))
    }
  }
  signUpDemoWalks(doc, lineId, adults, now)
  const me = adults[0] as { id: AdultId; familyId: FamilyId }
  return { me: { familyId: me.familyId, adultId: me.id } }
}

/** Lead and tail on every walk of the next three weeks, except one gap next week and one urgent walk. */
const signUpDemoWalks = (doc: Y.Doc, lineId: LineId, adults: readonly { id: AdultId; familyId: FamilyId }[], now: number): void => {
  const today: LocalDate = instantToParisDate(now)
  const walks = deriveWalks(readCollective(doc), today, addDays(today, 21)).filter(
    (walk) => walk.lineId === lineId && walk.cancellation === null && walkStartInstant(walk) > now,
  )
  const urgent = walks.find((walk) => walkStartInstant(walk) - now <= URGENT_WITHIN_MS)
  const gap = walks.find((walk) => walk !== urgent && walkStartInstant(walk) - now > 7 * 86_400_000)
  const actors = new Map(adults.map((candidate) => [candidate.id, createActorId()]))
  walks.forEach((walk: Walk, index) => {
    const lead = adults[(2 * index) % adults.length]
    const tail = adults[(2 * index + 1) % adults.length]
    if (lead && walk !== urgent) write(doc, walk, lead, 'lead', actors)
    if (tail && walk !== gap) write(doc, walk, tail, 'tail', actors)
  })
}

const write = (
  doc: Y.Doc, walk: Walk, who: { id: AdultId; familyId: FamilyId }, slot: 'lead' | 'tail', actors: ReadonlyMap<AdultId, ReturnType<typeof createActorId>>,
): void => {
  edit.writeSignUp(doc, { walk, adultId: who.id, familyId: who.familyId, slot, actor: actors.get(who.id) ?? createActorId() })
}
