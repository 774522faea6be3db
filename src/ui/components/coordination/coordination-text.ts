// Pure text helpers of the coordinator screens and the journal: family and line names, periods, the author's local time, one journal line, who was on duty.
import { authorMomentOf } from '../../../app/queries/journal.ts'
import type { LocalDate } from '../../../domain/dates.ts'
import type { FamilyId, LineId } from '../../../domain/ids.ts'
import type { JournalEvent, JournalKind } from '../../../domain/journal/index.ts'
import type { CollectiveModel } from '../../../domain/model.ts'
import { commaList } from '../../i18n/formats.ts'
import type { MessageKey } from '../../i18n/fr.ts'
import { pluralKey, type Language, type Translate } from '../../i18n/translate.ts'
import { directionText, formatDay, formatShortDay, slotText } from '../rota/rota-format.ts'

type Names = Pick<CollectiveModel, 'families' | 'lines' | 'adults'>

/** A family's display name, or "une famille retirée" when the record is gone. */
export const familyNameOf = (t: Translate, model: Pick<CollectiveModel, 'families'>, id: FamilyId | null | undefined): string =>
  (id && model.families.find((family) => family.id === id)?.displayName) || t('journal.unknownFamily')

export const lineNameOf = (t: Translate, model: Pick<CollectiveModel, 'lines'>, id: LineId | undefined): string =>
  (id && model.lines.find((line) => line.id === id)?.name) || t('journal.unknownLine')

/** "Du lundi 8 mars au dimanche 14 mars". */
export const periodText = (t: Translate, language: Language, period: { readonly start: LocalDate; readonly end: LocalDate }): string =>
  t('coord.schedule.period', { from: formatDay(period.start, language), to: formatDay(period.end, language) })

/** When the author wrote the record, in Paris time (see authorMomentOf); "heure inconnue" when unreadable. */
export const authorTimeText = (t: Translate, language: Language, at: string | undefined): string => {
  const moment = authorMomentOf(at)
  return moment === null ? t('journal.noTime') : t('journal.at', { day: formatShortDay(moment.date, language), time: moment.time })
}

/** "Trajet fait : Sophie, Paul · 5 enfants" under a walkDone line; null for other events or when the journal was not given the rota. */
export const journalDutyText = (t: Translate, language: Language, model: Pick<CollectiveModel, 'adults'>, event: JournalEvent): string | null => {
  if (event.kind !== 'walkDone' || event.dutyAdultIds === undefined || event.presentCount === undefined) return null
  const names = event.dutyAdultIds
    .map((id) => model.adults.find((adult) => adult.id === id)?.firstName ?? t('journal.walkDuty.unknownAdult'))
    .sort((a, b) => a.localeCompare(b, language))
  const n = event.presentCount
  return t('journal.walkDuty', {
    adults: commaList(language, names),
    children: t(pluralKey(language, n, 'journal.walkDuty.children.one', 'journal.walkDuty.children.other'), { n }),
  })
}


const kindKey = (event: JournalEvent): MessageKey => {
  if (event.kind === 'periodOffered' && event.otherFamilyId !== undefined) return 'journal.kind.periodTradeOffered'
  if (event.kind === 'walkCancelled' && event.lineId === undefined) return 'journal.kind.dayCancelled'
  if (event.kind === 'walkCancelled' && event.walk === undefined) return 'journal.kind.lineDayCancelled'
  return `journal.kind.${event.kind}` satisfies `journal.kind.${JournalKind}`
}

/** One journal line as plain text (rendered as text, never as HTML). */
export const journalLineText = (t: Translate, language: Language, model: Names, event: JournalEvent): string => {
  const adult = event.adultId ? model.adults.find((candidate) => candidate.id === event.adultId)?.firstName : undefined
  const day = event.walk?.date ?? event.periodStart
  const text = t(kindKey(event), {
    // No family: the phone had not said who it is (not a removed family).
    family: event.familyId === undefined ? t('journal.someone') : familyNameOf(t, model, event.familyId),
    other: familyNameOf(t, model, event.otherFamilyId),
    adult: adult ?? t('journal.someone'),
    slot: event.slot ? slotText(t, event.slot).toLowerCase() : '',
    line: lineNameOf(t, model, event.lineId ?? event.walk?.lineId),
    day: day ? formatDay(day, language) : '',
    direction: event.walk ? directionText(t, event.walk.direction) : '',
  })
  // A line may start with a lowercase name ('quelqu’un', 'une famille retirée').
  return text.charAt(0).toUpperCase() + text.slice(1)
}
