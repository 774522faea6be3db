// What the Coups de main screens read besides src/app/queries/help.ts: every open one, the kinds with their labels,
// the limits the form says before submit.
import { allHelpKindsOf, type HelpKind } from '../../domain/help/kinds.ts'
import type { HelpRequest } from '../../domain/help/records.ts'
import { helpStateOf } from '../../domain/help/resolve.ts'
import { helpByWhen, type HelpView } from './help.ts'

export { HELP_KIND_LABEL_MAX, helpKindLabel } from '../../domain/help/kinds.ts'
export { HELP_NEEDED_MAX, HELP_NOTE_MAX } from '../../domain/help/records.ts'
export { helpKindText } from './help.ts'

/** Open requests and offers whatever their date (the home shows a week only): dated ones by date and start, then undated. */
export const openHelp = (view: HelpView, now: number): HelpRequest[] =>
  (view.help?.requests ?? []).filter((request) => helpStateOf(request, now) === 'open').sort(helpByWhen)

/** Every kind of the collective, hidden ones included and said, for the "Types de coups de main" list. */
export const helpKindsEditable = (view: HelpView): { kind: HelpKind; hidden: boolean }[] => {
  const edits = view.help?.kinds ?? []
  const hidden = new Set(edits.filter((edit) => edit.hidden).map((edit) => edit.id))
  return allHelpKindsOf(edits).map((kind) => ({ kind, hidden: hidden.has(kind.id) }))
}
