// The partner summary (issue 18): lines, stops, times and this week's coverage, counted as the week screen counts
// them; and not one personal value of a rich collective (canaries in every personal field), nor a record id.
import { describe, expect, it } from 'vitest'
import type { CollectiveView } from '../../../src/app/api.ts'
import { openDemoSession } from '../../../src/app/demo.ts'
import { partnerSummaryContent, partnerSummaryOf } from '../../../src/app/queries/partner-summary.ts'
import { weekOf } from '../../../src/app/queries/rota.ts'
import { localDate } from '../../../src/domain/dates.ts'
import type { Family } from '../../../src/domain/family.ts'
import { parsePartnerSummary } from '../../../src/domain/partner-summary.ts'
import { makeView } from '../../helpers/make-view.ts'
import {
  adultId, childId, createAdult, createChild, createException, createLine, createSignUp, createStop, familyId, lineId,
} from '../../unit/domain/rota-fixtures.ts'

// Monday 30 November 2026, 07:00 Paris: a school week, every walk ahead.
const NOW = Date.UTC(2026, 10, 30, 6)
const CANARY = 'KANARI'
const canary = (field: string, n: number): string => `${CANARY}${field}${n}`

/** Every personal value of the view: names, phones, support, notes of every kind. */
const personalValues = (view: CollectiveView): string[] => [
  ...view.families.map((family) => family.displayName),
  ...view.adults.flatMap((adult) => [adult.firstName, adult.phone]),
  ...view.children.flatMap((child) => [child.firstName, child.support]),
  ...view.exceptions.map((exception) => exception.note),
  ...view.walkLog.absences.map((absence) => absence.note),
  ...view.walkLog.notes.map((note) => note.text),
].filter((value) => value.trim().length >= 3)

/** Ids of every record: none reaches a partner either. */
const recordIds = (view: CollectiveView): string[] => [
  ...view.families, ...view.adults, ...view.children, ...view.lines, ...view.stops, ...view.exceptions,
].map((record) => record.id)

const family = (n: number): Family => ({ id: familyId(n), displayName: canary('Famille', n) } as Family)

/** One line, Monday to Friday except Wednesday, both ways; 12 children on it (2 adults needed at 8 per adult). */
const richView = (): CollectiveView => makeView({
  lines: [createLine(1, { name: 'Ligne des Tilleuls' })],
  stops: [
    { ...createStop(1, 1, 1, { aller: '08:10', retour: '16:50' }), name: 'Place du Marché' },
    { ...createStop(2, 1, 2, { aller: '08:20', retour: '16:40' }), name: 'École', access: { stepFree: true, dangerousCrossing: true, note: 'Passage piéton surveillé' } },
  ],
  families: Array.from({ length: 6 }, (_, i) => family(i + 1)),
  adults: Array.from({ length: 6 }, (_, i) => ({ ...createAdult(i + 1, i + 1), firstName: canary('Adulte', i + 1), phone: `06 11 22 33 ${String(i + 10)}` })),
  children: Array.from({ length: 12 }, (_, i) => createChild(i + 1, (i % 6) + 1, {
    firstName: canary('Enfant', i + 1), support: canary('Soutien', i + 1),
    routes: { aller: { lineId: lineId(1), stopId: createStop(1, 1, 1, {}).id }, retour: { lineId: lineId(1), stopId: createStop(1, 1, 1, {}).id } },
  })),
  exceptions: [createException(1, { date: '2026-12-04', lineId: null, direction: 'retour', reason: 'strike', note: canary('Note', 1) })],
  signUps: [
    // Monday aller: both places held (covered). Tuesday aller: one of two (one to fill).
    createSignUp(1, 'lead', 1, 1, { date: '2026-11-30' }),
    createSignUp(2, 'tail', 2, 2, { date: '2026-11-30' }),
    createSignUp(3, 'lead', 3, 3, { date: '2026-12-01' }),
  ],
})

describe('the partner summary', () => {
  it('shows lines, stops and times, and counts covered and à pourvoir walks like the week screen', () => {
    const view = richView()
    const summary = partnerSummaryOf(view, NOW)
    expect(summary.collective).toBe(view.profile?.name)
    expect(summary.weekOf).toBe('2026-11-30')
    expect(summary.lines).toEqual([expect.objectContaining({
      name: 'Ligne des Tilleuls',
      stops: [
        expect.objectContaining({ name: 'Place du Marché', aller: '08:10', retour: '16:50' }),
        expect.objectContaining({ name: 'École', aller: '08:20', retour: '16:40', dangerousCrossing: true, accessNote: 'Passage piéton surveillé' }),
      ],
    })])
    const walk = (date: string, direction: string) =>
      summary.week.find((candidate) => candidate.date === date && candidate.direction === direction)
    expect(walk('2026-11-30', 'aller')).toMatchObject({ state: 'covered', toFill: 0, time: '08:10', line: 'Ligne des Tilleuls' })
    expect(walk('2026-12-01', 'aller')).toMatchObject({ state: 'toFill', toFill: 1 })
    expect(walk('2026-12-01', 'retour')).toMatchObject({ state: 'toFill', toFill: 2 })
    expect(walk('2026-12-04', 'retour')).toMatchObject({ state: 'cancelled', cancelledBy: 'exception', toFill: 0 })
    expect(summary.week.some((candidate) => candidate.date === '2026-12-02')).toBe(false) // no Wednesday walks

    // The same counts as the week screen's rota.
    const screen = weekOf(view, localDate('2026-11-30'), NOW).flatMap((day) => day.walks)
    const running = screen.filter((candidate) => candidate.cancellation === null)
    expect(summary.totals.walks).toBe(running.length)
    expect(summary.totals.covered).toBe(running.filter((candidate) => candidate.state === 'covered').length)
    expect(summary.totals.toFill).toBe(running.filter((candidate) => candidate.state !== 'covered').length)
    expect(summary.totals.placesToFill).toBe(summary.week.reduce((sum, candidate) => sum + candidate.toFill, 0))
    expect(summary.totals).toMatchObject({ walks: 7, covered: 1, toFill: 6 }) // 4 days x 2 ways, Friday's retour off
  })

  it('holds no personal value and no record id of a rich collective, and parses back whole', () => {
    const view = richView()
    const json = JSON.stringify(partnerSummaryOf(view, NOW))
    expect(json).not.toContain(CANARY)
    for (const value of personalValues(view)) expect(json, value).not.toContain(value)
    for (const id of [...recordIds(view), adultId(1), childId(1)]) expect(json, id).not.toContain(id)
    expect(parsePartnerSummary(json)).toEqual(JSON.parse(json))
    expect(parsePartnerSummary('{"v":2}')).toBeNull()
    expect(parsePartnerSummary('not json')).toBeNull()
  })

  it('leaks nothing of the demo collective (every kind of record filled in)', async () => {
    const demo = await openDemoSession('https://pedibus.example', () => NOW, 'fr')
    const view = demo.view.get()
    demo.destroy()
    const json = JSON.stringify(partnerSummaryOf(view, NOW))
    // A first name that is also in a street's name ("Hugo", "Rue Victor Hugo") is published as the street's.
    const places = JSON.stringify([...view.lines, ...view.stops])
    const values = personalValues(view).filter((value) => !places.includes(value))
    expect(values.length).toBeGreaterThan(20)
    for (const value of values) expect(json, value).not.toContain(value)
    for (const id of recordIds(view)) expect(json, id).not.toContain(id)
  })

  it('is the same publication when only the time changed', () => {
    const view = richView()
    expect(partnerSummaryContent(partnerSummaryOf(view, NOW))).toBe(partnerSummaryContent(partnerSummaryOf(view, NOW + 60_000)))
  })
})
