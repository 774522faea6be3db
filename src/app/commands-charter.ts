// The charter and template commands of a session (issue 18): write the charter, export the collective as a template.
import { writeCharter } from '../doc/mutations-charter.ts'
import { templateJson } from '../domain/export/template.ts'
import type { CharterCommands } from './api-charter.ts'
import type { CommandContext } from './commands.ts'

export const createCharterCommands = ({ doc, view, now }: Pick<CommandContext, 'doc' | 'view' | 'now'>): CharterCommands => ({
  setCharter: (input) => writeCharter(doc, input),
  // The live view at the click: what the screens show is what the template holds.
  exportTemplate: () => templateJson(view.get(), now()),
})
