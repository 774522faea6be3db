// The stop poster: the line, its stops in order with times and access notes, who walks until the next holidays, the contact; never the invite link (it holds the secret).
import { DIRECTIONS } from '../../../app/queries/collective.ts'
import type { Contact, LineDay } from '../../../app/queries/print/print-model.ts'
import type { LocalDate } from '../../../domain/dates.ts'
import type { Direction, Line, Stop } from '../../../domain/line.ts'
import type { Adult } from '../../../domain/people.ts'
import type { WalkRota } from '../../../domain/rota-types.ts'
import { useI18n } from '../../i18n/context.tsx'
import type { Translate } from '../../i18n/translate.ts'
import { cancellationText, directionTitle, formatDay, formatShortDay } from '../rota/rota-format.ts'
import { dayCancellation, freePlaceText } from './print-format.ts'
import { SheetFooter, SheetHeader } from './SheetParts.tsx'

export interface PosterSheetProps {
  readonly line: Line
  /** The line's stops in stop order (the aller). */
  readonly stops: readonly Stop[]
  readonly stretch: { readonly from: LocalDate; readonly to: LocalDate }
  readonly days: readonly LineDay[]
  readonly adults: readonly Adult[]
  readonly collective: string | null
  readonly contact: Contact | null
  readonly today: LocalDate
}

/** Beyond this many days the rota is printed as two tables side by side, so seven weeks stay on the page. */
const ONE_COLUMN_MAX = 12

export function PosterSheet({ line, stops, stretch, days, adults, collective, contact, today }: PosterSheetProps) {
  const { t, language } = useI18n()
  const directions = DIRECTIONS.filter((direction) => line.directions.includes(direction))
  const firstNames = new Map<string, string>(adults.map((adult) => [adult.id, adult.firstName]))
  const half = Math.ceil(days.length / 2)
  const columns = days.length > ONE_COLUMN_MAX ? [days.slice(0, half), days.slice(half)] : [days]
  return (
    <>
      <SheetHeader line={line} title={line.name} collective={collective}>
        <p>{t('print.poster.kind')}</p>
      </SheetHeader>
      <section class="print-section" aria-labelledby="poster-stops">
        <h2 id="poster-stops">{t('print.poster.stops')}</h2>
        {stops.length === 0 ? <p>{t('print.poster.noStops')}</p> : <StopsTable stops={stops} directions={directions} />}
      </section>
      <section class="print-section" aria-labelledby="poster-rota">
        <h2 id="poster-rota">{t('print.poster.rota', { from: formatDay(stretch.from, language), to: formatDay(stretch.to, language) })}</h2>
        {days.length > 0 && <p class="print-legend">{t('print.poster.pairs')}</p>}
        {days.length === 0 ? (
          <p>{t('print.poster.noRota')}</p>
        ) : (
          <div class={columns.length > 1 ? 'print-columns' : undefined}>
            {columns.map((part, index) => (
              <table key={index} class="print-table print-table--rota" data-testid="poster-rota">
                <thead>
                  <tr>
                    <th scope="col">{t('print.dayColumn')}</th>
                    {directions.map((direction) => <th key={direction} scope="col">{directionTitle(t, direction)}</th>)}
                  </tr>
                </thead>
                <tbody>
                  {part.map((day) => (
                    <tr key={day.date}>
                      <th scope="row" class="print-day">{formatShortDay(day.date, language)}</th>
                      {dayCancellation(t, day, directions.length) !== null
                        ? <td colSpan={directions.length}>{dayCancellation(t, day, directions.length)}</td>
                        : directions.map((direction) => <td key={direction}>{pairText(t, day.walks[direction], firstNames)}</td>)}
                    </tr>
                  ))}
                </tbody>
              </table>
            ))}
          </div>
        )}
      </section>
      <SheetFooter contact={contact} today={today}>
        <p class="print-foot__join" data-testid="poster-join">{t('print.poster.join')}</p>
      </SheetFooter>
    </>
  )
}

/**
 * "Léa / Paul", "Léa / à pourvoir", "à pourvoir" once when both are free ("personne" once started),
 * or the cancellation.
 */
const pairText = (t: Translate, walk: WalkRota | undefined, names: ReadonlyMap<string, string>): string => {
  if (walk === undefined) return '–'
  if (walk.cancellation) return cancellationText(t, walk.cancellation)
  if (walk.lead === null && walk.tail === null) return freePlaceText(t, walk)
  const nameOf = (adultId: string | undefined) =>
    (adultId === undefined ? freePlaceText(t, walk) : (names.get(adultId) ?? '?'))
  return `${nameOf(walk.lead?.adultId)} / ${nameOf(walk.tail?.adultId)}`
}

/** The stops table of the poster (stops in order, times per direction, access), reused by the guide. */
export function StopsTable({ stops, directions }: { stops: readonly Stop[]; directions: readonly Direction[] }) {
  const { t } = useI18n()
  return (
    <table class="print-table" data-testid="poster-stops">
      <thead>
        <tr>
          <th scope="col">{t('print.poster.stop')}</th>
          {directions.map((direction) => <th key={direction} scope="col">{directionTitle(t, direction)}</th>)}
          <th scope="col">{t('print.poster.access')}</th>
        </tr>
      </thead>
      <tbody>
        {stops.map((stop, index) => (
          <tr key={stop.id}>
            <th scope="row">{index + 1}. {stop.name}</th>
            {directions.map((direction) => <td key={direction}>{stop.times[direction] ?? '–'}</td>)}
            <td>{accessText(t, stop)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** "sans marche ; traversée dangereuse ; rampe côté boulangerie". */
export const accessText = (t: Translate, stop: Pick<Stop, 'access'>): string =>
  [
    stop.access.stepFree ? t('print.access.stepFree') : null,
    stop.access.dangerousCrossing ? t('print.access.crossing') : null,
    stop.access.note.trim() || null,
  ].filter((part): part is string => part !== null).join(' ; ')
