// The end-of-year prompt (issue 16): from the summer holidays (1 July at the latest) to 31 August, unless the new year
// was already started.
import { describe, expect, it } from 'vitest'
import { yearEndPromptOf } from '../../../src/app/queries/year.ts'
import { localDate } from '../../../src/domain/dates.ts'
import { DEFAULT_SETTINGS } from '../../../src/domain/settings.ts'

const view = (yearStartedOn: string | null = null) => ({
  settings: { ...DEFAULT_SETTINGS, holidayZone: 'A' as const },
  holidays: [], holidayOverrides: [], exceptions: [],
  yearStartedOn: yearStartedOn === null ? null : localDate(yearStartedOn),
})

describe('the end-of-year prompt', () => {
  it('shows from the first day of the summer holidays to 31 August, naming the year that ends', () => {
    expect(yearEndPromptOf(view(), localDate('2027-06-20'))).toBeNull() // school goes on
    expect(yearEndPromptOf(view(), localDate('2027-07-01'))).toEqual({ schoolYear: '2026-2027' })
    expect(yearEndPromptOf(view(), localDate('2027-08-31'))).toEqual({ schoolYear: '2026-2027' })
    expect(yearEndPromptOf(view(), localDate('2027-09-01'))).toBeNull()
    expect(yearEndPromptOf(view(), localDate('2027-12-15'))).toBeNull()
    expect(yearEndPromptOf(view(), localDate('2027-03-10'))).toBeNull()
  })

  it('no longer shows once a new year was started for the coming one', () => {
    expect(yearEndPromptOf(view('2026-09-01'), localDate('2027-07-10'))).toEqual({ schoolYear: '2026-2027' })
    expect(yearEndPromptOf(view('2027-09-02'), localDate('2027-07-10'))).toBeNull()
  })
})
