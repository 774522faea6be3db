// The end-of-school-year command of a session: plans from the live view (src/domain/year), then deletes in one change.
import { z } from 'zod/mini'
import { applyNewSchoolYear, writeKeptOn, writeNextGeneration } from '../doc/mutations-year.ts'
import { instantToParisDate } from '../domain/calendar/paris-time.ts'
import { LocalDateSchema } from '../domain/dates.ts'
import { ChildIdSchema } from '../domain/ids.ts'
import { NextGenerationSchema } from '../domain/year/next-generation.ts'
import { planNewSchoolYear } from '../domain/year/past-records.ts'
import { summarizeNewSchoolYear } from '../domain/year/summary.ts'
import { err, ok } from '../lib/result.ts'
import type { YearCommands } from './api.ts'
import type { CommandContext } from './commands.ts'


/** Parsed at the boundary: the UI sends what a date field and checkboxes gave. */
const NewYearRequestSchema = z.object({
  before: LocalDateSchema,
  removeChildIds: z.array(ChildIdSchema).check(z.maxLength(10_000)),
})

export const createYearCommands = ({ doc, view, now }: Pick<CommandContext, 'doc' | 'view' | 'now'>): YearCommands => ({
  startNewSchoolYear(request) {
    const parsed = NewYearRequestSchema.safeParse(request)
    if (!parsed.success) return err('invalidRequest')
    // Planned from what this phone shows: the summary the person confirmed is what gets deleted.
    const source = view.get()
    const plan = planNewSchoolYear(source, parsed.data)
    const summary = summarizeNewSchoolYear(source, plan)
    // Phones later delete again what an offline phone writes back, but only records dated before
    // today too: a strike on 25 June written after a new year started in June (first day: 1 September)
    // is a new record, not a resurrected one.
    const today = instantToParisDate(now())
    applyNewSchoolYear(doc, plan, parsed.data.before < today ? parsed.data.before : today)
    return ok(summary)
  },
  markNextGeneration(next) {
    const parsed = NextGenerationSchema.safeParse(next)
    if (!parsed.success) return err('invalidRequest')
    return writeNextGeneration(doc, parsed.data) ? ok(undefined) : err('documentDamaged')
  },
  keepOnRelay: () => (writeKeptOn(doc, instantToParisDate(now())) ? ok(undefined) : err('documentDamaged')),
})
