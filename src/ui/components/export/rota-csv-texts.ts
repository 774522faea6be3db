// The words of the rota CSV in the phone's language: the domain's RotaCsvTexts filled from the export translations.
import { csvDialectFor } from '../../../app/queries/exports.ts'
import type { RotaCsvColumn, RotaCsvTexts } from '../../../domain/export/rota-csv.ts'
import type { WalkCancellation, WalkState } from '../../../domain/rota-types.ts'
import type { MessageKey } from '../../i18n/fr.ts'
import type { Language, Translate } from '../../i18n/translate.ts'
import { directionText, holidayName, PUBLIC_HOLIDAY_NAME_KEYS, REASON_KEYS } from '../rota/rota-format.ts'

const columnsOf = (t: Translate): Record<RotaCsvColumn, string> => ({
  date: t('export.csv.date'), line: t('export.csv.line'), direction: t('export.csv.direction'), time: t('export.csv.time'),
  lead: t('export.csv.lead'), tail: t('export.csv.tail'), extras: t('export.csv.extras'), state: t('export.csv.state'),
  children: t('export.csv.children'),
})

const STATE_KEYS = {
  covered: 'export.csv.state.covered', toFill: 'export.csv.state.toFill', urgent: 'export.csv.state.urgent',
  cancelled: 'export.csv.state.cancelled', understaffed: 'export.csv.state.understaffed',
  beforeCollective: 'export.csv.state.beforeCollective',
} as const satisfies Record<WalkState, MessageKey>

/** The reason in the file: shipped holidays named by their kind in the phone's language, added ones as typed. */
const reasonText = (t: Translate, cancellation: WalkCancellation): string => {
  if (cancellation.kind === 'exception') return t(REASON_KEYS[cancellation.reason])
  if (cancellation.kind === 'publicHoliday') return t('export.csv.publicHoliday', { label: t(PUBLIC_HOLIDAY_NAME_KEYS[cancellation.id]) })
  const label = holidayName(t, cancellation)
  return cancellation.provisional === true ? t('export.csv.holidayToConfirm', { label }) : t('export.csv.holiday', { label })
}

/** The file in the phone's language: its words, and the separator and decimal mark its spreadsheets expect. */
export const rotaCsvTexts = (t: Translate, language: Language): RotaCsvTexts => ({
  dialect: csvDialectFor(language),
  columns: columnsOf(t),
  direction: (direction) => directionText(t, direction),
  state: (state) => t(STATE_KEYS[state]),
  cancellation: (cancellation) => t('export.csv.cancelled', { reason: reasonText(t, cancellation) }),
})
