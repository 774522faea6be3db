// The weekly availability grid: per line, a small table of weekdays x directions, one labelled checkbox per cell (48 px targets).
import { availabilityGrid, isTicked, toggleCell, type AvailabilityValues } from '../../../app/queries/planning/availability-view.ts'
import type { Line } from '../../../domain/line.ts'
import type { Settings } from '../../../domain/settings.ts'
import { useI18n } from '../../i18n/context.tsx'
import { FieldError } from '../manage/fields.tsx'
import { weekdayName } from '../manage/labels.ts'
import { directionText, directionTitle } from '../rota/rota-format.ts'

interface AvailabilityGridProps {
  /** The fieldset id; a cell's checkbox is `${id}-<line>-<weekday>-<direction>`. */
  readonly id: string
  readonly values: AvailabilityValues
  readonly lines: readonly Line[]
  readonly settings: Pick<Settings, 'operatingWeekdays'>
  readonly onChange: (values: AvailabilityValues) => void
  readonly error?: string | null
}

export function AvailabilityGrid({ id, values, lines, settings, onChange, error }: AvailabilityGridProps) {
  const { t } = useI18n()
  const grid = availabilityGrid(lines, settings)
  return (
    <fieldset class={error ? 'choices field field--error' : 'choices field'} id={id} aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}>
      <legend>{t('planning.availability.gridTitle')}</legend>
      <p class="field__hint" id={`${id}-hint`}>{t('planning.availability.gridHint')}</p>
      {grid.length === 0 && <p class="notice">{t('planning.availability.noLines')}</p>}
      {grid.map(({ line, weekdays, directions }) => (
        <div key={line.id} class="planning-grid" data-testid="availability-line">
          {weekdays.length === 0 ? (
            <p>
              <strong>{t('planning.availability.line', { line: line.name })}</strong> {t('planning.availability.lineNoDays')}
            </p>
          ) : (
            <table class="planning-grid__table">
              <caption>{t('planning.availability.line', { line: line.name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('planning.availability.day')}</th>
                  {directions.map((direction) => <th key={direction} scope="col">{directionTitle(t, direction)}</th>)}
                </tr>
              </thead>
              <tbody>
                {weekdays.map((weekday) => (
                  <tr key={weekday}>
                    <th scope="row">{weekdayName(t, weekday)}</th>
                    {directions.map((direction) => {
                      const slot = { lineId: line.id, weekday, direction }
                      const cellId = `${id}-${line.id}-${weekday}-${direction}`
                      return (
                        <td key={direction}>
                          <label class="planning-grid__cell" for={cellId}>
                            <input
                              id={cellId}
                              type="checkbox"
                              checked={isTicked(values, slot)}
                              onChange={(event) => onChange(toggleCell(values, slot, event.currentTarget.checked))}
                            />
                            <span class="visually-hidden">
                              {t('planning.availability.cell', { day: weekdayName(t, weekday), direction: directionText(t, direction), line: line.name })}
                            </span>
                          </label>
                        </td>
                      )
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      ))}
      {error && <FieldError id={`${id}-error`} text={error} />}
    </fieldset>
  )
}
