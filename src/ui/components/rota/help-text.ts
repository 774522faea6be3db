// How a coup de main is named in a sentence: its kind in the phone's language, then its day and hours when it has them.
import { helpKindText, type HelpView } from '../../../app/queries/help.ts'
import type { HelpRequest } from '../../../domain/help/records.ts'
import { timeOfDayText } from '../../i18n/formats.ts'
import type { Language, Translate } from '../../i18n/translate.ts'
import { formatDay } from './rota-format.ts'

/** "14 h", "14 h 30" in French; Intl's "14:00" otherwise. */
export const helpTimeText = (time: string, language: Language): string => {
  if (language !== 'fr') return timeOfDayText(time, language)
  const [hours = '', minutes = ''] = time.split(':')
  const h = String(Number(hours))
  return minutes === '00' ? `${h} h` : `${h} h ${minutes}`
}

/** "Garde le mercredi, mercredi 17 mars de 14 h à 17 h", or only the kind for an undated one. */
export const helpNoticeWhatText = (t: Translate, language: Language, request: HelpRequest, view: HelpView): string => {
  const kind = helpKindText(view, request.kind, language)
  if (request.date === undefined) return kind
  const day = formatDay(request.date, language)
  if (request.from !== undefined && request.to !== undefined) {
    return t('notice.help.window', { kind, day, from: helpTimeText(request.from, language), to: helpTimeText(request.to, language) })
  }
  if (request.from !== undefined) return t('notice.help.from', { kind, day, from: helpTimeText(request.from, language) })
  return t('notice.help.when', { kind, day })
}
