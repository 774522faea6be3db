// Edits of adults and children of a family, personal fields sealed through the codec; one tagged transaction each.
import * as Y from 'yjs'
import { LocalDateSchema, type LocalDate } from '../domain/dates.ts'
import { FamilyIdSchema, createAdultId, createChildId, type AdultId, type ChildId, type FamilyId } from '../domain/ids.ts'
import { AdultInputSchema, ChildInputSchema, type AdultInput, type ChildInput } from '../domain/people.ts'
import type { SupportConsent } from '../domain/support-consent.ts'
import { err, ok } from '../lib/result.ts'
import { personalContext, sealUnlessSame } from './codec.ts'
import { removeWithDependants } from './removal.ts'
import { MAP_ADULTS, MAP_CHILDREN, MAP_FAMILIES, MAP_STOPS, Origin, safeMap } from './keys.ts'
import {
  DOCUMENT_DAMAGED, NOT_FOUND, createRecord, fieldOf, parseInput, updateRecord, writeFields, type EditResult,
} from './mutations-util.ts'

type AdultFields = ReturnType<typeof AdultInputSchema.parse>
type ChildFields = ReturnType<typeof ChildInputSchema.parse>

/** A sealed field of the record `mapName/id` (the stored value kept when it already holds this text). */
const sealer = (doc: Y.Doc, mapName: string, id: string) => {
  const record = safeMap(doc, mapName)?.get(id)
  return (field: string, text: string): string =>
    sealUnlessSame(doc, personalContext(mapName, id, field), record instanceof Y.Map ? record.get(field) : undefined, text)
}

const adultFields = (doc: Y.Doc, id: AdultId, adult: AdultFields): Record<string, unknown> => {
  const seal = sealer(doc, MAP_ADULTS, id)
  return { firstName: seal('firstName', adult.firstName), phone: seal('phone', adult.phone), charterAcceptedOn: adult.charterAcceptedOn, insured: adult.insured }
}

/** A field of the stored child `id`, undefined when absent (or no such record). */
const storedField = (doc: Y.Doc, id: ChildId, field: string): unknown => {
  const record = safeMap(doc, MAP_CHILDREN)?.get(id)
  return record instanceof Y.Map ? record.get(field) : undefined
}

/**
 * The stored fields of the form. `consent`: the consent record to store with the note (the command decides it,
 * src/domain/support-consent.ts), plain JSON written whole like a route; undefined leaves the stored one.
 */
const childFields = (doc: Y.Doc, id: ChildId, child: ChildFields, consent: SupportConsent | undefined): Record<string, unknown> => {
  const seal = sealer(doc, MAP_CHILDREN, id)
  return {
    firstName: seal('firstName', child.firstName),
    initial: seal('initial', child.initial),
    // Plain JSON, written whole: a route is one choice (line and stop together), never half of two edits.
    routes: JSON.parse(JSON.stringify(child.routes)) as unknown,
    days: child.days,
    support: seal('support', child.support),
    countsExtra: child.countsExtra,
    // Written once set, so records of children without it stay as older apps wrote them.
    ...(child.needsHabitue === true || storedField(doc, id, 'needsHabitue') !== undefined
      ? { needsHabitue: child.needsHabitue === true }
      : {}),
    ...(consent === undefined ? {} : { supportConsent: JSON.parse(JSON.stringify(consent)) as unknown }),
  }
}

const familyExists = (doc: Y.Doc, familyId: FamilyId): boolean => safeMap(doc, MAP_FAMILIES)?.has(familyId) ?? false

export const addAdult = (doc: Y.Doc, familyId: FamilyId, input: AdultInput): EditResult<AdultId> => {
  const parsed = parseInput(AdultInputSchema, input)
  if (!parsed.ok) return parsed
  if (!familyExists(doc, familyId)) return err(NOT_FOUND)
  const id = createAdultId()
  return createRecord(doc, MAP_ADULTS, id, { familyId, ...adultFields(doc, id, parsed.value) }, Origin.addAdult) ? ok(id) : err(DOCUMENT_DAMAGED)
}

export const updateAdult = (doc: Y.Doc, id: AdultId, input: AdultInput): EditResult<AdultId> => {
  const parsed = parseInput(AdultInputSchema, input)
  if (!parsed.ok) return parsed
  return updateRecord(doc, MAP_ADULTS, id, adultFields(doc, id, parsed.value), Origin.updateAdult)
}

/**
 * Removes the adult with their sign-ups and availability (nobody is left holding a slot in the name of someone gone).
 * A sign-up written concurrently on an offline phone survives as an orphan, which the rules ignore.
 */
export const removeAdult = (doc: Y.Doc, id: AdultId): boolean => removeWithDependants(doc, 'adult', id, Origin.removeAdult)

/** Every route must name an existing stop of its line: a child is never created "stop missing". */
const routeErrors = (doc: Y.Doc, child: ChildFields): Record<string, string> => {
  const errors: Record<string, string> = {}
  const stops = safeMap(doc, MAP_STOPS)
  for (const direction of ['aller', 'retour'] as const) {
    const route = child.routes[direction]
    if (route && fieldOf(stops?.get(route.stopId), 'lineId') !== route.lineId) errors[`routes.${direction}`] = 'unknownStop'
  }
  return errors
}

/**
 * `joinedOn`: today (Paris) for a child added now; it counts in its family's fair share from then. `consent`: the
 * family's agreement recorded with a note or the flag (see childFields).
 */
export const addChild = (
  doc: Y.Doc, familyId: FamilyId, input: ChildInput, joinedOn?: LocalDate, consent?: SupportConsent,
): EditResult<ChildId> => {
  const parsed = parseInput(ChildInputSchema, input)
  if (!parsed.ok) return parsed
  const errors = routeErrors(doc, parsed.value)
  if (Object.keys(errors).length > 0) return err(errors)
  if (!familyExists(doc, familyId)) return err(NOT_FOUND)
  const id = createChildId()
  const fields = { familyId, ...childFields(doc, id, parsed.value, consent), joinedOn }
  return createRecord(doc, MAP_CHILDREN, id, fields, Origin.addChild) ? ok(id) : err(DOCUMENT_DAMAGED)
}

/**
 * `joinedOn` is not a field of the form: an edit keeps it. An unreadable one is removed (undefined
 * deletes the field), so the repair of a child "to check" for it succeeds; the child then counts all year.
 */
const joinedOnRepair = (doc: Y.Doc, id: ChildId): Record<string, unknown> => {
  const stored = fieldOf(safeMap(doc, MAP_CHILDREN)?.get(id), 'joinedOn')
  return stored === undefined || LocalDateSchema.safeParse(stored).success ? {} : { joinedOn: undefined }
}

/** Rewrites the fields of the form only (and the consent record when given): the child's joining day stays (see joinedOnRepair). */
export const updateChild = (doc: Y.Doc, id: ChildId, input: ChildInput, consent?: SupportConsent): EditResult<ChildId> => {
  const parsed = parseInput(ChildInputSchema, input)
  if (!parsed.ok) return parsed
  const errors = routeErrors(doc, parsed.value)
  if (Object.keys(errors).length > 0) return err(errors)
  const fields = { ...childFields(doc, id, parsed.value, consent), ...joinedOnRepair(doc, id) }
  return updateRecord(doc, MAP_CHILDREN, id, fields, Origin.updateChild)
}

/**
 * The family withdraws its agreement: in one change, the note is emptied (its sealed value replaced, so the erasure
 * compaction takes it off the phones and the relay), the flag cleared and `consent` (with `withdrawn`) stored. False
 * when the child is not there (removed elsewhere).
 */
export const withdrawSupportConsent = (doc: Y.Doc, id: ChildId, consent: SupportConsent): boolean => {
  const record = safeMap(doc, MAP_CHILDREN)?.get(id)
  if (!(record instanceof Y.Map)) return false
  const seal = sealer(doc, MAP_CHILDREN, id)
  const fields = { support: seal('support', ''), countsExtra: false, supportConsent: JSON.parse(JSON.stringify(consent)) as unknown }
  doc.transact(() => writeFields(record, fields), Origin.withdrawSupportConsent)
  return true
}

/**
 * The family a stored child belongs to, read from the record as stored: also for a child "to check" (being repaired),
 * which the view leaves out. Null when there is no such child or its family id is not one.
 */
export const storedChildFamily = (doc: Y.Doc, id: ChildId): FamilyId | null => {
  const parsed = FamilyIdSchema.safeParse(fieldOf(safeMap(doc, MAP_CHILDREN)?.get(id), 'familyId'))
  return parsed.success ? parsed.data : null
}

/** False when the child is not there (removed elsewhere already): nothing written. */
export const removeChild = (doc: Y.Doc, id: ChildId): boolean => {
  const children = safeMap(doc, MAP_CHILDREN)
  if (!children?.has(id)) return false
  doc.transact(() => children.delete(id), Origin.removeChild)
  return true
}

/**
 * A family's removal takes its adults (their sign-ups and availability), its children, its roster entries and
 * reduced shares, in one transaction. Concurrent additions to it elsewhere are left out by the readers (read.ts).
 */
export const removeFamily = (doc: Y.Doc, id: FamilyId): boolean => removeWithDependants(doc, 'family', id, Origin.removeFamily)
