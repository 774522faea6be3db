// Reader of the `yearStartedOn` settings field: the first day of the current school year, validated, never throwing.
import type * as Y from 'yjs'
import { SettingDateSchema, type LocalDate } from '../domain/dates.ts'
import { MAP_SETTINGS, SETTINGS_YEAR_START_FIELD, safeMap } from './keys.ts'
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
