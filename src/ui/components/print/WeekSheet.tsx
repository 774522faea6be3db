// The printed week of one line: a table of days x directions with the start time, who holds each place or "à pourvoir", and cancellations with their reason.
import { addDays } from '../../../app/queries/calendar.ts'
import { DIRECTIONS } from '../../../app/queries/collective.ts'
import { missingSlots, type Contact, type LineDay } from '../../../app/queries/print/print-model.ts'
import type { LocalDate } from '../../../domain/dates.ts'
import type { Family } from '../../../domain/family.ts'
import type { Line } from '../../../domain/line.ts'
import type { Adult } from '../../../domain/people.ts'
import type { WalkRota } from '../../../domain/rota-types.ts'
import { useI18n } from '../../i18n/context.tsx'
import { cancellationText, directionTitle, formatDay, formatDayTitle } from '../rota/rota-format.ts'
import { childrenCount, dayCancellation, formatFullDay, holderName, placeText } from './print-format.ts'
import { SheetFooter, SheetHeader } from './SheetParts.tsx'

export interface WeekSheetProps {
  readonly line: Line
  readonly monday: LocalDate
  readonly days: readonly LineDay[]
  readonly adults: readonly Adult[]
  readonly families: readonly Family[]
  readonly collective: string | null
  readonly contact: Contact | null
  readonly today: LocalDate
}

export function WeekSheet({ line, monday, days, adults, families, collective, contact, today }: WeekSheetProps) {
  const { t, language } = useI18n()
  const directions = DIRECTIONS.filter((direction) => line.directions.includes(direction))
  const adultById = new Map<string, Adult>(adults.map((adult) => [adult.id, adult]))
  const familyById = new Map<string, Family>(families.map((family) => [family.id, family]))
  const name = (id: string) => holderName(adultById.get(id), familyById)
  return (
    <>
      <SheetHeader line={line} title={t('print.week.title', { line: line.name, from: formatFullDay(monday, language) })} collective={collective}>
        <p>{t('print.week.range', { from: formatDay(monday, language), to: formatDay(addDays(monday, 6), language) })}</p>
      </SheetHeader>
      {days.length === 0 ? (
        <p>{t('print.week.noWalks')}</p>
      ) : (
        <table class="print-table print-table--week" data-testid="print-week">
          <caption class="visually-hidden">{t('print.week.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('print.dayColumn')}</th>
              {directions.map((direction) => <th key={direction} scope="col">{directionTitle(t, direction)}</th>)}
            </tr>
          </thead>
          <tbody>
            {days.map((day) => (
              <tr key={day.date} data-date={day.date}>
                <th scope="row" class="print-day">{formatDayTitle(day.date, language)}</th>
                {dayCancellation(t, day, directions.length) !== null
                  ? <td colSpan={directions.length}>{dayCancellation(t, day, directions.length)}</td>
                  : directions.map((direction) => <td key={direction}><WalkCell walk={day.walks[direction]} name={name} /></td>)}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <SheetFooter contact={contact} today={today} />
    </>
  )
}

function WalkCell({ walk, name }: { walk: WalkRota | undefined; name: (id: string) => string }) {
  const { t, language } = useI18n()
  if (walk === undefined) return <span aria-hidden="true">–</span>
  if (walk.cancellation) return <>{cancellationText(t, walk.cancellation)}</>
  const held = [
    ...(walk.lead ? [{ slot: 'lead' as const, holder: name(walk.lead.adultId) }] : []),
    ...(walk.tail ? [{ slot: 'tail' as const, holder: name(walk.tail.adultId) }] : []),
    ...walk.extras.map((extra) => ({ slot: 'extra' as const, holder: name(extra.adultId) })),
  ]
  const missing = missingSlots(walk).map((slot) => ({ slot, holder: null }))
  const order = { lead: 0, tail: 1, extra: 2 }
  const places = [...held, ...missing].sort((a, b) => order[a.slot] - order[b.slot])
  const start = walk.startTime ? `${t('print.week.start', { time: walk.startTime })} · ` : ''
  return (
    <>
      <p class="print-cell__head">{start}{childrenCount(t, language, walk.expectedChildIds.length)}</p>
      <ul class="print-places">
        {places.map((place, index) => (
          <li key={index} class={place.holder === null ? 'print-places__free' : undefined}>
            {placeText(t, place.slot, place.holder, walk)}
          </li>
        ))}
      </ul>
    </>
  )
}
