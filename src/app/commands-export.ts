// The export commands of a session: a family's own JSON, the whole collective's JSON (restorable), the rota as CSV; built on the phone.
import { collectiveExportJson } from '../domain/export/collective-export.ts'
import { familyExportJson } from '../domain/export/family-export.ts'
import { rotaCsv } from '../domain/export/rota-csv.ts'
import type { ExportCommands } from './api.ts'
import type { CommandContext } from './commands.ts'


/** Each export reads the live view at the call: what the screen shows is what the file holds. */
export const createExportCommands = ({ view, now }: Pick<CommandContext, 'view' | 'now'>): ExportCommands => ({
  exportFamily: (familyId) => familyExportJson(view.get(), familyId, now()),
  exportCollective: () => collectiveExportJson(view.get(), now()),
  exportRotaCsv: (from, to, texts) => rotaCsv(view.get(), from, to, now(), texts),
})
