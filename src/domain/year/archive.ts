// The year's archive: the collective export (restorable like any export) marked with the school year it closes.
//
// `archive` is an extra top-level field: the export schema (a plain z.object) ignores it, so an
// archive restores as a separate collective exactly like an ordinary export.
import { buildCollectiveExport, type ExportSource } from '../export/collective-export.ts'

export interface ArchiveMark {
  /** '2026-2027'. */
  readonly schoolYear: string
}

export const archiveExportJson = (source: ExportSource, exportedAt: number, schoolYear: string): string =>
  JSON.stringify({ ...buildCollectiveExport(source, exportedAt), archive: { schoolYear } satisfies ArchiveMark }, null, 2)

/** Dates only, never a name: `pedibus-archive-2026-2027.json`. */
export const archiveFileName = (schoolYear: string): string => `pedibus-archive-${schoolYear}.json`
