// Browser-test set-up without the screens: builds a collective's export file in Node and restores it on a phone.
//
// The file is written the way the app writes one: the document's own mutations (src/doc/mutations.ts) on a Y.Doc with
// a seal key, the form defaults of the management screens, read back by the app's reader and exported by its builder,
// then parsed by the export's Zod schema (a format change fails here, loudly). The restore keeps every record id
// (src/doc/restore.ts), so the ids returned are the ones the restored collective shows in its addresses.
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import * as Y from 'yjs'
import { authorTime } from '../../src/doc/clock.ts'
import { bindSealKey } from '../../src/doc/codec.ts'
import * as edit from '../../src/doc/mutations.ts'
import { readCollective } from '../../src/doc/read.ts'
import { instantToParisDate } from '../../src/domain/calendar/paris-time.ts'
import { calendarOfNewCollective } from '../../src/domain/collective.ts'
import { collectiveExportJson } from '../../src/domain/export/collective-export.ts'
import { CollectiveExportSchema, type CollectiveExport } from '../../src/domain/export/format.ts'
import { createActorId, type AdultId, type FamilyId, type LineId, type StopId } from '../../src/domain/ids.ts'
import type { Stop } from '../../src/domain/line.ts'
import { supportWrite } from '../../src/domain/support-consent.ts'
import { createInviteSecret, createRoomId } from '../../src/lib/credentials.ts'
import { deriveSealKey } from '../../src/lib/seal.ts'
import {
  adultInputOf, childInputOf, emptyChild, EMPTY_ADULT, EMPTY_STOP, lineInputOf, lineValuesOf, stopInputOf,
} from '../../src/ui/components/manage/forms.ts'
import { nextFreeColour } from '../../src/ui/components/manage/palette.ts'
import type { StopToAdd } from './collective-steps.ts'

/** The profile and place `createCollective` types on "Créer un collectif". */
export const ECUREUILS = {
  name: 'Pédibus des Écureuils', school: 'École Jules Ferry', town: 'Lesparre-Médoc', schoolPlace: '33340',
}

/** A line as `addLineWithStops` makes it: a retour when any stop has a retour time. */
export interface SeedLine {
  readonly name: string
  readonly stops: readonly StopToAdd[]
}

/**
 * A child as `addChild` adds it. A stop is named by its name or by the label the child form shows ("Place du
 * Marché (08:05)"); a support note is written with the family's agreement (its first adult), "à sa demande".
 */
export interface SeedChild {
  readonly firstName: string
  readonly initial: string
  readonly stopAller?: string
  readonly stopRetour?: string
  readonly support?: string
}

export interface SeedFamily {
  readonly name: string
  readonly adults: readonly { readonly firstName: string; readonly phone: string }[]
  readonly children?: readonly SeedChild[]
}

/** A family of one adult, as `addFamilyWithAdult` (and `addChild` for each child) makes it. */
export const seedFamily = (
  name: string, firstName: string, phone: string, children: readonly SeedChild[] = [],
): SeedFamily => ({ name, adults: [{ firstName, phone }], children })

export interface SeedSpec {
  readonly lines?: readonly SeedLine[]
  readonly families?: readonly SeedFamily[]
}

export interface SeededCollective {
  /** `/c/<roomId>` of the restored collective. */
  readonly base: string
  /** Line ids by line name. */
  readonly lineIds: ReadonlyMap<string, LineId>
  /** Family ids by family name. */
  readonly familyIds: ReadonlyMap<string, FamilyId>
  /** The file uploaded (already parsed by the export's schema). */
  readonly file: CollectiveExport
}

const must = <T>(what: string, result: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!result.ok) throw new Error(`seedCollective: ${what} refused: ${JSON.stringify(result.error)}`)
  return result.value
}

const stopOf = (stops: readonly Stop[], label: string, direction: 'aller' | 'retour'): StopId => {
  const found = stops.filter((stop) => stop.name === label || `${stop.name} (${stop.times[direction] ?? ''})` === label)
  if (found.length !== 1) throw new Error(`seedCollective: stop "${label}" matches ${found.length} stops`)
  return (found[0] as Stop).id
}

const addLines = (doc: Y.Doc, lines: readonly SeedLine[]): Map<string, LineId> => {
  const ids = new Map<string, LineId>()
  for (const line of lines) {
    const view = readCollective(doc)
    const values = lineValuesOf(undefined, view.settings, nextFreeColour(view.lines.map((made) => made.colour)))
    const withRetour = line.stops.some((stop) => stop.retour !== undefined)
    const directions = withRetour ? ['aller', 'retour'] as const : ['aller'] as const
    const lineId = must(`line ${line.name}`, edit.addLine(doc, lineInputOf({ ...values, name: line.name, directions })))
    for (const stop of line.stops) {
      const stopValues = {
        ...EMPTY_STOP, name: stop.name, aller: stop.aller ?? '', retour: stop.retour ?? '',
        dangerousCrossing: stop.access === 'crossing', stepFree: stop.access === 'stepFree',
      }
      must(`stop ${stop.name}`, edit.addStop(doc, lineId, stopInputOf(stopValues, directions)))
    }
    ids.set(line.name, lineId)
  }
  return ids
}

const addChild = (doc: Y.Doc, familyId: FamilyId, adults: readonly AdultId[], child: SeedChild, now: number): void => {
  const view = readCollective(doc)
  const values = {
    ...emptyChild(view.settings), firstName: child.firstName, initial: child.initial, support: child.support ?? '',
    aller: child.stopAller === undefined ? '' : stopOf(view.stops, child.stopAller, 'aller'),
    retour: child.stopRetour === undefined ? '' : stopOf(view.stops, child.stopRetour, 'retour'),
  }
  const input = childInputOf(values, view.stops)
  // As the child form on a phone that has not said who it is: the family's first adult agrees, written "à sa demande".
  const writer = { familyId: null, adultId: null, actor: createActorId(), at: authorTime(now), onRequest: true }
  const next = { support: input.support ?? '', countsExtra: input.countsExtra === true }
  const consentBy = child.support ? adults[0] : undefined
  const rule = supportWrite({ childFamilyId: familyId, stored: null, next, consentBy, familyAdults: adults, writer })
  const consent = must('support consent', rule)
  must(`child ${child.firstName}`, edit.addChild(doc, familyId, input, instantToParisDate(now), consent))
}

const addFamilies = (doc: Y.Doc, families: readonly SeedFamily[], now: number): Map<string, FamilyId> => {
  const ids = new Map<string, FamilyId>()
  for (const family of families) {
    const added = edit.addFamily(doc, { displayName: family.name }, instantToParisDate(now))
    const familyId = must(`family ${family.name}`, added)
    const adults = family.adults.map((adult) =>
      must(`adult ${adult.firstName}`, edit.addAdult(doc, familyId, adultInputOf({ ...EMPTY_ADULT, ...adult }))))
    for (const child of family.children ?? []) addChild(doc, familyId, adults, child, now)
    ids.set(family.name, familyId)
  }
  return ids
}

/** Every record of the spec is in the file: a record the reader found "to check" would be left out silently. */
const expectWhole = (file: CollectiveExport, spec: SeedSpec): void => {
  const lines = spec.lines ?? []
  const families = spec.families ?? []
  expect(file.lines.map((line) => line.name).sort()).toEqual(lines.map((line) => line.name).sort())
  expect(file.stops).toHaveLength(lines.reduce((sum, line) => sum + line.stops.length, 0))
  expect(file.families.map((family) => family.displayName).sort()).toEqual(families.map((family) => family.name).sort())
  expect(file.adults).toHaveLength(families.reduce((sum, family) => sum + family.adults.length, 0))
  expect(file.children).toHaveLength(families.reduce((sum, family) => sum + (family.children?.length ?? 0), 0))
}

/** The export file of `spec`'s collective, as the app would write it at `now` (the phone's clock). */
export const buildSeedFile = async (spec: SeedSpec, now: number) => {
  const doc = new Y.Doc()
  bindSealKey(doc, await deriveSealKey(createRoomId(), createInviteSecret()))
  const { schoolPlace, ...profile } = ECUREUILS
  edit.initCollective(doc, profile, calendarOfNewCollective({ schoolPlace }))
  const lineIds = addLines(doc, spec.lines ?? [])
  const familyIds = addFamilies(doc, spec.families ?? [], now)
  const json = collectiveExportJson(readCollective(doc), now)
  doc.destroy()
  const file = CollectiveExportSchema.parse(JSON.parse(json))
  expectWhole(file, spec)
  return { json, file, lineIds, familyIds }
}

/**
 * Makes `spec`'s collective ("Pédibus des Écureuils", École Jules Ferry, Lesparre-Médoc, 33340, like
 * `createCollective`) on `page` by restoring its export file from the collectives page; leaves `page` in the new
 * collective and returns its base path and the ids of its lines and families.
 */
export const seedCollective = async (page: Page, spec: SeedSpec): Promise<SeededCollective> => {
  await page.goto('/collectifs')
  const now = await page.evaluate(() => Date.now())
  const { json, file, lineIds, familyIds } = await buildSeedFile(spec, now)
  const input = page.getByTestId('restore-file')
  await input.setInputFiles({ name: 'pedibus-collectif.json', mimeType: 'application/json', buffer: Buffer.from(json) })
  await page.waitForURL(/\/c\/[A-Za-z0-9_-]{22}(\/|$)/)
  const base = /^\/c\/[A-Za-z0-9_-]{22}/.exec(new URL(page.url()).pathname)?.[0] ?? ''
  return { base, lineIds, familyIds, file }
}
