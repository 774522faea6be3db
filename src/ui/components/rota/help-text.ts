// How a coup de main is named in a sentence: its kind in the phone's language, then its day and hours when it has them.
import { helpKindText, type HelpView } from '../../../app/queries/help.ts'
import type { HelpRequest } from '../../../domain/help/records.ts'
import type { Language, Translate } from '../../i18n/translate.ts'
import { formatDay } from './rota-format.ts'

/** "Garde le mercredi, mercredi 17 mars de 14:00 à 17:00", or only the kind for an undated one. */
export const helpWhatText = (t: Translate, language: Language, request: HelpRequest, view: HelpView): string => {
  const kind = helpKindText(view, request.kind, language)
  if (request.date === undefined) return kind
  const day = formatDay(request.date, language)
  if (request.from !== undefined && request.to !== undefined) {
    return t('notice.help.window', { kind, day, from: request.from, to: request.to })
  }
  if (request.from !== undefined) return t('notice.help.from', { kind, day, from: request.from })
  return t('notice.help.when', { kind, day })
}
