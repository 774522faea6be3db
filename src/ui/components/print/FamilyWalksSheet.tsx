// The printed list of one family's coming walks (issue 18): date, line, direction, where and when it starts, which
// adult; the coordination's contact at the foot. For a family without a smartphone, printed by a member.
import type { FamilyWalkRow, FamilyWalksSheet as Sheet } from '../../../app/queries/print/family-walks.ts'
import type { LocalDate } from '../../../domain/dates.ts'
import { useI18n } from '../../i18n/context.tsx'
import { PageTitle } from '../PageTitle.tsx'
import { directionText, formatDay, formatDayTitle, slotText } from '../rota/rota-format.ts'
import { SheetFooter } from './SheetParts.tsx'

export function FamilyWalksSheet({ sheet, collective, today }: { sheet: Sheet; collective: string | null; today: LocalDate }) {
  const { t, language } = useI18n()
  const until = formatDay(sheet.until, language)
  return (
    <>
      <header class="print-head">
        <PageTitle name="print.sheet.label">
          <span data-testid="family-walks-title">{t('familyWalks.title', { family: sheet.familyName })}</span>
        </PageTitle>
        {collective !== null && <p class="print-head__collective">{collective}</p>}
        <p>{t('familyWalks.intro', { until })}</p>
      </header>
      {sheet.rows.length === 0 ? (
        <p>{t('familyWalks.empty', { until })}</p>
      ) : (
        <table class="print-table" data-testid="family-walks">
          <caption class="visually-hidden">{t('familyWalks.title', { family: sheet.familyName })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('familyWalks.col.date')}</th>
              <th scope="col">{t('familyWalks.col.line')}</th>
              <th scope="col">{t('familyWalks.col.direction')}</th>
              <th scope="col">{t('familyWalks.col.start')}</th>
              <th scope="col">{t('familyWalks.col.adult')}</th>
            </tr>
          </thead>
          <tbody>{sheet.rows.map((row) => <Row key={row.key} row={row} />)}</tbody>
        </table>
      )}
      <SheetFooter contact={sheet.contact} today={today} />
    </>
  )
}

function Row({ row }: { row: FamilyWalkRow }) {
  const { t, language } = useI18n()
  const start = row.stopName === null || row.time === null ? (row.time ?? '') : t('familyWalks.start', { stop: row.stopName, time: row.time })
  const notes = [row.waiting ? t('familyWalks.waiting') : null, row.cancelled ? t('familyWalks.cancelled') : null].filter(Boolean)
  return (
    <tr data-testid="family-walk" data-date={row.date}>
      <th scope="row" class="print-day">{formatDayTitle(row.date, language)}</th>
      <td>{row.lineName}</td>
      <td>{directionText(t, row.direction)}</td>
      <td>{start}</td>
      <td>{`${row.adultName} (${slotText(t, row.slot)})`}{notes.length > 0 ? ` · ${notes.join(', ')}` : ''}</td>
    </tr>
  )
}
