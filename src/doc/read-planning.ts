// Readers of the planning records (availability per adult, reduced-share periods) and of the fairness setting: validated, never throwing.
import type * as Y from 'yjs'
import {
  DEFAULT_FAIRNESS_SETTING, FairnessSettingSchema, type Availability, type Exemption, type FairnessSetting, type PlanningRecords,
} from '../domain/planning/records.ts'
import { MAP_SETTINGS, SETTINGS_FAIRNESS_FIELD, safeMap } from './keys.ts'
import { readFlatMap, type FlatReader } from './read-flat.ts'
import { plainOf, previewOf, problemsOf, type RecordToCheck } from './read-util.ts'
import { availabilityKind, exemptionKind } from './record-kinds.ts'

// The readers are the registry's descriptors (record-kinds.ts), which say why nothing here is sealed.
export const availabilityReader: FlatReader<Availability> = availabilityKind
export const exemptionReader: FlatReader<Exemption> = exemptionKind

/** The `fairness` settings field; absent or invalid (then listed "to check" under that field): the default. */
export const readFairnessSetting = (doc: Y.Doc, toCheck: RecordToCheck[]): FairnessSetting => {
  const map = safeMap(doc, MAP_SETTINGS)
  if (map === null || !map.has(SETTINGS_FAIRNESS_FIELD)) return DEFAULT_FAIRNESS_SETTING
  const raw = plainOf(map.get(SETTINGS_FAIRNESS_FIELD))
  const parsed = FairnessSettingSchema.safeParse(raw)
  if (parsed.success) return parsed.data
  toCheck.push({
    kind: 'settings', key: SETTINGS_FAIRNESS_FIELD, preview: previewOf(raw),
    problems: problemsOf(parsed.error).map((problem) => `${SETTINGS_FAIRNESS_FIELD}.${problem}`),
  })
  return DEFAULT_FAIRNESS_SETTING
}

/** Every planning record in key order (the same on every phone); invalid entries are listed "to check". */
export const readPlanning = (doc: Y.Doc, toCheck: RecordToCheck[]): PlanningRecords => ({
  fairness: readFairnessSetting(doc, toCheck),
  availability: readFlatMap(doc, availabilityReader, toCheck),
  exemptions: readFlatMap(doc, exemptionReader, toCheck),
})
