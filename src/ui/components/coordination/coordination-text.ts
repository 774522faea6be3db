// Pure text helpers of the coordinator screens and the journal: family and line names, periods, the author's local time, one journal line.
import { instantToParisDate, instantToParisTime } from '../../../domain/calendar/paris-time.ts'
import type { LocalDate } from '../../../domain/dates.ts'
import type { FamilyId, LineId } from '../../../domain/ids.ts'
import type { JournalEvent, JournalKind } from '../../../domain/journal/index.ts'
import type { CollectiveModel } from '../../../domain/model.ts'
import type { MessageKey } from '../../i18n/fr.ts'
import type { Language, Translate } from '../../i18n/translate.ts'
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

/**
 * When the author wrote the record, in Paris time like every other time of the app: the record
 * holds the author's local time with its offset ('2027-03-02T09:05:00+01:00'), so a parent
 * writing from a phone set to another zone is shown at the same instant on every phone. Without
 * a readable offset, the time is shown as written.
 */
export const authorTimeText = (t: Translate, language: Language, at: string | undefined): string => {
  const match = at === undefined ? null : /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/.exec(at)
  if (!match?.[1] || !match[2] || !match[3]) return t('journal.noTime')
  const date = match[1] as LocalDate
  if (Number.isNaN(new Date(`${date}T00:00:00Z`).getTime())) return t('journal.noTime')
  const instant = match[4] === undefined || at === undefined ? Number.NaN : new Date(at).getTime()
  if (Number.isNaN(instant)) return t('journal.at', { day: formatShortDay(date, language), time: `${match[2]}:${match[3]}` })
  return t('journal.at', { day: formatShortDay(instantToParisDate(instant), language), time: instantToParisTime(instant) })
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
