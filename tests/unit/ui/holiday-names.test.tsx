// Shipped holiday periods and public holidays are named in the reader's language by their kind; periods a collective
// added keep the name typed. Every kind has a French and an English name, and English screens never show the French one.
import { renderToString } from 'preact-render-to-string'
import { describe, expect, it } from 'vitest'
import type { CalendarCommands, CollectiveView } from '../../../src/app/api.ts'
import { publicHolidaysOf } from '../../../src/domain/calendar/public-holidays.ts'
import { SHIPPED_SCHOOL_HOLIDAYS } from '../../../src/domain/calendar/school-holidays-data.ts'
import { localDate } from '../../../src/domain/dates.ts'
import { PERIOD_SLUGS, PUBLIC_HOLIDAY_IDS } from '../../../src/domain/holiday-kinds.ts'
import { createHolidayId, LineIdSchema } from '../../../src/domain/ids.ts'
import type { Line } from '../../../src/domain/line.ts'
import { walkOf } from '../../../src/domain/rota/walks.ts'
import { DEFAULT_SETTINGS } from '../../../src/domain/settings.ts'
import { ShippedHolidays } from '../../../src/ui/components/manage/ShippedHolidays.tsx'
import { cancellationText, PERIOD_NAME_KEYS, PUBLIC_HOLIDAY_NAME_KEYS } from '../../../src/ui/components/rota/rota-format.ts'
import { en } from '../../../src/ui/i18n/en.ts'
import { fr } from '../../../src/ui/i18n/fr.ts'
import { I18nContext } from '../../../src/ui/i18n/context.tsx'
import { makeSession } from '../../helpers/make-session.ts'
import { makeView } from '../../helpers/make-view.ts'
import { createTranslate } from '../../helpers/translate.ts'

// The domain writes "d'hiver", the interface "d’hiver".
const typographic = (text: string): string => text.replaceAll("'", '’')

describe('names of shipped holidays in both languages', () => {
  it('every shipped period kind and public holiday has a French and a different English name', () => {
    const kinds = [
      ...PERIOD_SLUGS.map((slug) => PERIOD_NAME_KEYS[slug]),
      ...PUBLIC_HOLIDAY_IDS.map((id) => PUBLIC_HOLIDAY_NAME_KEYS[id]),
    ]
    for (const key of kinds) {
      expect(fr[key]?.trim(), key).toBeTruthy()
      expect(en[key]?.trim(), key).toBeTruthy()
      expect(en[key], key).not.toBe(fr[key])
    }
  })

  it('the shipped data and the public holidays use only named kinds, and French screens keep the official names', () => {
    for (const holiday of SHIPPED_SCHOOL_HOLIDAYS) {
      expect(PERIOD_SLUGS).toContain(holiday.slug)
      expect(fr[PERIOD_NAME_KEYS[holiday.slug]]).toBe(typographic(holiday.label))
    }
    for (const day of publicHolidaysOf(2027)) expect(fr[PUBLIC_HOLIDAY_NAME_KEYS[day.id]]).toBe(typographic(day.label))
  })
})

describe('an English screen names the holidays in English', () => {
  const lineId = LineIdSchema.parse('11111111-1111-4111-8111-111111111111')
  const line = { id: lineId, name: 'Green line', colour: '#1f5f3f', directions: ['aller'], days: [1, 2, 4, 5] } as Line
  const view: CollectiveView = makeView({ lines: [line], settings: { ...DEFAULT_SETTINGS, holidayZone: 'A' } })
  const english = createTranslate('en')
  const reasonOn = (model: CollectiveView, date: string): string => {
    const walk = walkOf(model, { lineId, date: localDate(date), direction: 'aller' })
    if (walk?.cancellation == null) throw new Error(`no cancellation on ${date}`)
    return cancellationText(english, walk.cancellation)
  }

  it('a walk in the Christmas holidays or on Easter Monday says so in English', () => {
    expect(reasonOn(view, '2027-12-20')).toBe('Cancelled: holidays (Christmas holidays) (dates to confirm)')
    expect(reasonOn(view, '2027-03-29')).toBe('Cancelled: public holiday (Easter Monday)')
    const christmas = walkOf(view, { lineId, date: localDate('2027-12-20'), direction: 'aller' })?.cancellation ?? null
    expect(christmas === null ? null : cancellationText(createTranslate('fr'), christmas))
      .toBe('Annulé : vacances (Vacances de Noël) (dates à confirmer)')
  })

  it('a period the collective added keeps the name typed', () => {
    const added: CollectiveView = {
      ...view,
      holidays: [{ id: createHolidayId(), start: localDate('2028-10-23'), end: localDate('2028-11-05'), label: 'Toussaint (mairie)' }],
    }
    expect(reasonOn(added, '2028-10-23')).toBe('Cancelled: holidays (Toussaint (mairie))')
  })

  it('the calendar screen lists "Christmas holidays", never "Vacances de Noël"', () => {
    const session = makeSession<CalendarCommands>({ view })
    const html = renderToString(
      <I18nContext.Provider value={{ language: 'en', t: english }}>
        <ShippedHolidays session={session} view={view} />
      </I18nContext.Provider>,
    )
    expect(html).toContain('Christmas holidays')
    expect(html).toContain('Winter holidays')
    expect(html).not.toMatch(/Vacances|Toussaint|Pont de/)
  })
})
