// Readers of the school year's marks: `yearStartedOn` (the current year's first day) and the next generation's request.
import type * as Y from 'yjs'
import { SettingDateSchema, type LocalDate } from '../domain/dates.ts'
import { NextGenerationSchema, type NextGeneration } from '../domain/year/next-generation.ts'
import { MAP_META, MAP_SETTINGS, META_GENERATION_COMPLETE, META_NEXT_GENERATION, SETTINGS_YEAR_START_FIELD, safeMap } from './keys.ts'
import { plainOf, previewOf, problemsOf, type RecordToCheck } from './read-util.ts'

/** Absent (no new year started yet): null. Invalid: null, listed "to check" under the field (deleting it is the repair). */
export const readYearStart = (doc: Y.Doc, toCheck: RecordToCheck[]): LocalDate | null => {
  const map = safeMap(doc, MAP_SETTINGS)
  if (map === null || !map.has(SETTINGS_YEAR_START_FIELD)) return null
  const raw = plainOf(map.get(SETTINGS_YEAR_START_FIELD))
  const parsed = SettingDateSchema.safeParse(raw)
  if (parsed.success) return parsed.data
  toCheck.push({
    kind: 'settings', key: SETTINGS_YEAR_START_FIELD, preview: previewOf(raw),
    problems: problemsOf(parsed.error).map((problem) => `${SETTINGS_YEAR_START_FIELD}.${problem}`),
  })
  return null
}

/** The request the archiving phone wrote (null when absent or invalid: the successor then keeps everything). */
export const readNextGeneration = (doc: Y.Doc): NextGeneration | null => {
  const parsed = NextGenerationSchema.safeParse(plainOf(safeMap(doc, MAP_META)?.get(META_NEXT_GENERATION)))
  return parsed.success ? parsed.data : null
}

/** True once a successor's builder marked its build whole (src/doc/successor.ts). */
export const isGenerationComplete = (doc: Y.Doc): boolean => safeMap(doc, MAP_META)?.get(META_GENERATION_COMPLETE) === true
