// Pure text of the coups de main screens: when, what kind, places left, a state, a form error in French first.
import type { HelpView } from '../../../app/queries/help.ts'
import { HELP_NEEDED_MAX, HELP_NOTE_MAX, helpKindText } from '../../../app/queries/help-screens.ts'
import type { HelpRequest } from '../../../domain/help/records.ts'
import type { HelpState } from '../../../domain/help/resolve.ts'
import type { MessageKey } from '../../i18n/fr.ts'
import { fieldErrorKey, pluralKey, type Language, type Translate } from '../../i18n/translate.ts'
import { helpTimeText } from '../rota/help-text.ts'
import { formatDay } from '../rota/rota-format.ts'
import type { HelpField } from './help-form.ts'

export { helpTimeText }

/** "mercredi 17 mars, 14 h–17 h", "mercredi 17 mars, à partir de 14 h", "Sans date". */
export const helpWhenText = (t: Translate, language: Language, request: Pick<HelpRequest, 'date' | 'from' | 'to'>): string => {
  if (request.date === undefined) return t('help.when.none')
  const day = formatDay(request.date, language)
  const from = request.from === undefined ? '' : helpTimeText(request.from, language)
  const to = request.to === undefined ? '' : helpTimeText(request.to, language)
  if (from !== '' && to !== '') return t('help.when.window', { day, from, to })
  if (from !== '') return t('help.when.from', { day, from })
  return to !== '' ? t('help.when.to', { day, to }) : t('help.when.day', { day })
}

/** "Demande : Garde le mercredi, mercredi 17 mars, 14 h–17 h": a request named in a button's label. */
export const helpWhatText = (t: Translate, language: Language, view: HelpView, request: HelpRequest): string =>
  `${helpTitleText(t, language, view, request)}, ${helpWhenText(t, language, request)}`

/** "Demande : Garde le mercredi". */
export const helpTitleText = (t: Translate, language: Language, view: HelpView, request: HelpRequest): string =>
  t('help.request.heading', { type: t(`help.type.${request.type}`), kind: helpKindText(view, request.kind, language) })

export const helpPlacesText = (t: Translate, language: Language, left: number, needed: number): string =>
  left <= 0
    ? t('help.places.full')
    : t(pluralKey<MessageKey>(language, left, 'help.places.left.one', 'help.places.left.other'), { n: left, needed })

export const helpStateText = (t: Translate, state: HelpState): string => t(`help.state.${state}`)

/** The French-first message of a domain error key met on the form. */
export const helpErrorText = (t: Translate, field: HelpField, key: string): string => {
  switch (key) {
    case 'invalidWindow':
      return t('help.error.invalidWindow')
    case 'windowNeedsDate':
      return t('help.error.windowNeedsDate')
    case 'invalidDate':
      return t('help.error.invalidDate')
    case 'invalidTime':
      return t('help.error.invalidTime')
    default:
      return otherErrorText(t, field, key)
  }
}

const otherErrorText = (t: Translate, field: HelpField, key: string): string => {
  if (field === 'needed') return t('help.error.needed', { max: HELP_NEEDED_MAX })
  if (field === 'note' && key === 'tooLong') return t('help.error.noteTooLong', { max: HELP_NOTE_MAX })
  if (field === 'kind') return t('help.error.kind')
  return t(fieldErrorKey(key))
}
