// New school year (src/domain/year): which records are past, swaps and coordinator trades that reach the new year kept whole, leaving children, nothing else listed.
import { describe, expect, it } from 'vitest'
import { DEFAULT_ROSTER_SETTING, handoverKeyOf, periodResponseKeyOf, type PeriodOfferId } from '../../../src/domain/coordination/records.ts'
import { localDate } from '../../../src/domain/dates.ts'
import { parseCollectiveExport, type ExportSource } from '../../../src/domain/export/index.ts'
import { signUpKeyOf } from '../../../src/domain/signup.ts'
import { responseKeyOf, type OfferId } from '../../../src/domain/swaps/records.ts'
import { checkInKeyOf, walkEventKeyOf, type Absence, type AbsenceId, type WalkNoteId } from '../../../src/domain/walk-log/records.ts'
import {
  YEAR_RECORD_KINDS, archiveExportJson, archiveFileName, nextSchoolYearStart, planIsEmpty, planNewSchoolYear, schoolYearEndingBefore,
  summarizeNewSchoolYear,
} from '../../../src/domain/year/index.ts'
import { DEFAULT_FAIRNESS_SETTING } from '../../../src/domain/planning/records.ts'
import { buildCollectiveExport } from '../../../src/domain/export/collective-export.ts'
import { dueGeneration, layoutGeneration, nextGenerationOf, successorOf, successorYearStart } from '../../../src/domain/year/next-generation.ts'
import { parisToInstant } from '../../../src/domain/calendar/paris-time.ts'
import type { TimeOfDay } from '../../../src/domain/dates.ts'
import { availability, exemption } from './planning-fixtures.ts'
import { actorId, adultId, childId, createAdult, createChild, createException, createModel, createSignUp, familyId, lineId, uuid } from './rota-fixtures.ts'

const BEFORE = localDate('2027-09-01')
const AT = '2027-06-01T08:00:00+02:00'
const walk = (date: string) => ({ lineId: lineId(1), date: localDate(date), direction: 'aller' as const })
const absence = (n: number, child: number, from: string, to: string): Absence => ({
  id: uuid<AbsenceId>(20, n), childId: childId(child), familyId: familyId(1), from: localDate(from), to: localDate(to), direction: null,
  note: 'angine', clock: 40 + n, actor: actorId(1), at: AT,
})
const offer = (n: number, date: string, target?: string) => ({
  id: uuid<OfferId>(30, n), kind: target === undefined ? 'replacement' as const : 'trade' as const, walk: walk(date), adultId: adultId(1), familyId: familyId(1),
  clock: 50 + n, actor: actorId(1), at: AT, ...(target === undefined ? {} : { target: { familyId: familyId(2), walk: walk(target) } }),
})
const periodOffer = (n: number, periodStart: string) => ({
  id: uuid<PeriodOfferId>(31, n), kind: 'replacement' as const, periodStart: localDate(periodStart), familyId: familyId(1), clock: 60 + n, actor: actorId(1), at: AT,
})

/** June 2027 and September 2027 records of every kind, two children of family 1 and one of family 2. */
const source = (): ExportSource => ({
  ...createModel({
    profile: { name: 'Pédibus des Pins', school: 'École des Pins', town: 'Mérignac' },
    families: [{ id: familyId(1), displayName: 'Martin' }, { id: familyId(2), displayName: 'Durand' }],
    adults: [createAdult(1, 1), createAdult(2, 2)],
    children: [createChild(1, 1), createChild(2, 1), createChild(3, 2)],
    exceptions: [createException(1, { date: '2027-06-10', lineId: null, direction: null, reason: 'strike', note: 'grève' }), createException(2, { date: '2027-09-14', lineId: null, direction: null, reason: 'strike', note: '' })],
    signUps: [
      createSignUp(1, 'lead', 1, 1, { date: '2027-06-07' }),
      createSignUp(2, 'tail', 2, 2, { date: '2027-06-07' }),
      createSignUp(1, 'lead', 3, 1, { date: '2027-06-28' }), // traded against a September walk: kept
      createSignUp(2, 'lead', 4, 2, { date: '2027-09-06' }),
    ],
  }),
  swaps: {
    offers: [offer(1, '2027-06-07'), offer(2, '2027-06-28', '2027-09-06')],
    responses: [
      { offerId: uuid<OfferId>(30, 1), adultId: adultId(2), familyId: familyId(2), kind: 'take', clock: 70, actor: actorId(2), at: AT },
      { offerId: uuid<OfferId>(30, 2), adultId: adultId(2), familyId: familyId(2), kind: 'accept', gives: walk('2027-09-06'), clock: 71, actor: actorId(2), at: AT },
    ],
    releases: [],
  },
  coordination: {
    setting: { ...DEFAULT_ROSTER_SETTING, startsOn: localDate('2026-08-31') },
    roster: [{ familyId: familyId(1), accepted: true, position: 1, from: localDate('2026-08-31'), clock: 1, actor: actorId(1) }],
    // The week of Monday 30 August 2027 ends on 5 September: it reaches the new year.
    offers: [periodOffer(1, '2027-06-07'), periodOffer(2, '2027-08-30')],
    responses: [{ offerId: uuid<PeriodOfferId>(31, 1), familyId: familyId(2), kind: 'take', clock: 80, actor: actorId(2), at: AT }],
    notes: [
      { periodStart: localDate('2027-06-07'), familyId: familyId(1), text: 'clés', clock: 81, actor: actorId(1) },
      { periodStart: localDate('2027-09-06'), familyId: familyId(1), text: 'rentrée', clock: 82, actor: actorId(1) },
    ],
    acks: [{ periodStart: localDate('2027-06-07'), familyId: familyId(2), clock: 83, actor: actorId(2), at: AT }],
  },
  walkLog: {
    absences: [absence(1, 1, '2027-06-07', '2027-06-08'), absence(2, 1, '2027-08-30', '2027-09-03'), absence(3, 2, '2027-09-10', '2027-09-10')],
    checkIns: [
      { walk: walk('2027-06-07'), childId: childId(1), status: 'present', stopId: null, adultId: adultId(1), clock: 90, actor: actorId(1), at: AT, seen: {} },
      { walk: walk('2027-09-06'), childId: childId(2), status: 'present', stopId: null, adultId: adultId(1), clock: 91, actor: actorId(1), at: AT, seen: {} },
      { walk: walk('2027-09-06'), childId: childId(3), status: 'present', stopId: null, adultId: adultId(1), clock: 92, actor: actorId(1), at: AT, seen: {} },
    ],
    events: [{ walk: walk('2027-06-07'), kind: 'arrived', stopId: null, adultId: adultId(1), clock: 93, actor: actorId(1), at: AT, cancelled: false }],
    notes: [
      { id: uuid<WalkNoteId>(21, 1), walk: walk('2027-06-07'), text: 'Léa a couru', adultId: adultId(1), familyId: familyId(1), clock: 94, actor: actorId(1), at: AT },
      { id: uuid<WalkNoteId>(21, 2), walk: walk('2027-09-06'), text: 'RAS', adultId: adultId(1), familyId: familyId(1), clock: 95, actor: actorId(1), at: AT },
    ],
  },
})

describe('planNewSchoolYear', () => {
  it('lists the records of walks and periods before the first day, and keeps those on or after it', () => {
    const s = source()
    const plan = planNewSchoolYear(s, { before: BEFORE, removeChildIds: [] })
    expect(plan.signUps).toEqual([signUpKeyOf(walk('2027-06-07'), adultId(1)), signUpKeyOf(walk('2027-06-07'), adultId(2))].sort())
    expect(plan.offers).toEqual([uuid(30, 1)])
    expect(plan.responses).toEqual([responseKeyOf({ offerId: uuid(30, 1), adultId: adultId(2) })])
    expect(plan.releases).toEqual([])
    expect(plan.periodOffers).toEqual([uuid(31, 1)])
    expect(plan.periodResponses).toEqual([periodResponseKeyOf({ offerId: uuid(31, 1), familyId: familyId(2) })])
    expect(plan.handoverNotes).toEqual([handoverKeyOf({ periodStart: localDate('2027-06-07'), familyId: familyId(1) })])
    expect(plan.handoverAcks).toEqual([handoverKeyOf({ periodStart: localDate('2027-06-07'), familyId: familyId(2) })])
    // An absence running into the new year stays.
    expect(plan.absences).toEqual([uuid(20, 1)])
    expect(plan.checkIns).toEqual([checkInKeyOf(s.walkLog.checkIns[0]!)])
    expect(plan.walkEvents).toEqual([walkEventKeyOf(s.walkLog.events[0]!)])
    expect(plan.walkNotes).toEqual([uuid(21, 1)])
    expect(plan.exceptions).toEqual([s.exceptions[0]!.id])
    expect(plan.children).toEqual([])
  })

  it('keeps a trade reaching the new year whole, with the sign-ups of the walks it touches', () => {
    const plan = planNewSchoolYear(source(), { before: BEFORE, removeChildIds: [] })
    expect(plan.offers).not.toContain(uuid(30, 2))
    expect(plan.responses).not.toContain(responseKeyOf({ offerId: uuid(30, 2), adultId: adultId(2) }))
    expect(plan.signUps).not.toContain(signUpKeyOf(walk('2027-06-28'), adultId(1)))
    // The same trade, all in June: past.
    const june = source()
    const allPast = { ...june, swaps: { ...june.swaps, offers: [offer(2, '2027-06-28', '2027-06-21')], responses: [] } }
    const planJune = planNewSchoolYear(allPast, { before: BEFORE, removeChildIds: [] })
    expect(planJune.offers).toEqual([uuid(30, 2)])
    expect(planJune.signUps).toContain(signUpKeyOf(walk('2027-06-28'), adultId(1)))
  })

  it('removes the leaving children with every absence and mark of theirs, whatever the date; unknown ids are ignored', () => {
    const plan = planNewSchoolYear(source(), { before: BEFORE, removeChildIds: [childId(1), childId(9)] })
    expect(plan.children).toEqual([childId(1)])
    expect(plan.absences).toEqual([uuid(20, 1), uuid(20, 2)].sort())
    expect(plan.checkIns).toHaveLength(1) // child 1's June mark; children 2 and 3 keep their September marks
  })

  it('lists nothing of lines, stops, families, adults, settings, holidays or the roster, and nothing at all before the first records', () => {
    const s = source()
    const plan = planNewSchoolYear(s, { before: localDate('2027-01-01'), removeChildIds: [] })
    expect(planIsEmpty(plan)).toBe(true)
    expect(Object.keys(plan).sort()).toEqual([...YEAR_RECORD_KINDS].sort())
    const all = planNewSchoolYear(s, { before: localDate('2030-09-01'), removeChildIds: [] })
    const listed = new Set(Object.values(all).flat())
    for (const kept of [...s.lines, ...s.stops, ...s.families, ...s.adults].map((record) => record.id)) expect(listed.has(kept)).toBe(false)
  })

  it('summarizes what goes and what stays', () => {
    const s = source()
    const plan = planNewSchoolYear(s, { before: BEFORE, removeChildIds: [childId(3)] })
    expect(summarizeNewSchoolYear(s, plan)).toEqual({
      removed: { signUps: 2, swaps: 2, absences: 1, walkLog: 3, walkNotes: 1, exceptions: 1, exemptions: 0, coordination: 4, children: 1 },
      kept: { lines: 1, stops: 3, families: 2, adults: 2, children: 2 },
    })
  })

  it('counts the reduced shares that ended before the first day (withdrawn too), not those running into it; availability is never listed', () => {
    const s: ExportSource = {
      ...source(),
      planning: {
        fairness: DEFAULT_FAIRNESS_SETTING,
        availability: [availability(1, 1, { exceptions: [{ date: localDate('2027-06-10'), available: false, direction: null, lineId: null }] })],
        exemptions: [
          exemption(1, 1, '2027-05-01', '2027-06-30', 0), exemption(2, 2, '2027-01-04', '2027-02-26', 50, true),
          exemption(3, 1, '2027-08-01', '2027-09-01', 75), exemption(4, 2, '2027-06-01', '2027-10-31', 25),
        ],
      },
    }
    const plan = planNewSchoolYear(s, { before: BEFORE, removeChildIds: [] })
    expect(summarizeNewSchoolYear(s, plan).removed.exemptions).toBe(2)
    expect(planIsEmpty(plan)).toBe(false)
    expect(Object.values(plan).flat()).not.toContain(adultId(1))
    // In March only the winter reduced share has ended: it is the one thing to erase, and it is counted.
    const march = planNewSchoolYear(s, { before: localDate('2027-03-01'), removeChildIds: [] })
    expect(summarizeNewSchoolYear(s, march).removed).toEqual(
      { signUps: 0, swaps: 0, absences: 0, walkLog: 0, walkNotes: 0, exceptions: 0, exemptions: 1, coordination: 0, children: 0 })
    expect(planIsEmpty(march)).toBe(false)
  })
})

describe('year helpers', () => {
  it('takes the shipped rentrée, else 1 September after today', () => {
    expect(nextSchoolYearStart(localDate('2027-06-20'), 'A')).toBe('2027-09-02')
    expect(nextSchoolYearStart(localDate('2028-09-20'), 'B')).toBe('2029-09-01')
    expect(nextSchoolYearStart(localDate('2029-03-02'), 'C')).toBe('2029-09-01')
    expect(nextSchoolYearStart(localDate('2029-09-01'), 'A')).toBe('2030-09-01')
    expect(schoolYearEndingBefore(localDate('2027-09-01'))).toBe('2026-2027')
    expect(schoolYearEndingBefore(localDate('2027-10-04'))).toBe('2026-2027')
    expect(archiveFileName('2026-2027')).toBe('pedibus-archive-2026-2027.json')
  })

  it('an archive is the collective export marked with its year, and parses as an export', () => {
    const json = archiveExportJson(source(), Date.UTC(2027, 6, 5), '2026-2027')
    expect(JSON.parse(json)).toMatchObject({ format: 'pedibus-coop/collective', archive: { schoolYear: '2026-2027' } })
    const parsed = parseCollectiveExport(json)
    expect(parsed.ok && parsed.value.signUps.length).toBe(4)
  })
})

/** How many records of each list an export holds (profile and settings are one each, never planned). */
const recordCount = (s: ExportSource): number => {
  const count = (value: unknown): number =>
    Array.isArray(value) ? value.length : typeof value === 'object' && value !== null ? Object.values(value).reduce((sum: number, inner) => sum + count(inner), 0) : 0
  const file = buildCollectiveExport(s, 0)
  return count({ ...file, profile: null, settings: null, coordination: { ...file.coordination, setting: null, roster: [] } })
}
const plannedCount = (plan: ReturnType<typeof planNewSchoolYear>): number => YEAR_RECORD_KINDS.reduce((sum, kind) => sum + plan[kind].length, 0)

describe('successorOf (the next document generation)', () => {
  it('holds exactly the records a new school year keeps: every planned one goes, nothing else', () => {
    const s = { ...source(), planning: { fairness: DEFAULT_FAIRNESS_SETTING, availability: [availability(1, 1)], exemptions: [exemption(1, 1, '2027-01-04', '2027-06-30', 50), exemption(2, 2, '2027-06-01', '2027-09-30', 50)] } }
    const next = { startsOn: BEFORE, removeChildIds: [childId(1)], archiveLabel: '2026-2027', reason: 'newSchoolYear' as const }
    const { source: kept, plan } = successorOf(s, next)
    expect(plannedCount(plan)).toBeGreaterThan(10)
    expect(YEAR_RECORD_KINDS.filter((kind) => plan[kind].length === 0)).toEqual(['releases'])
    expect(recordCount(s) - recordCount(kept)).toBe(plannedCount(plan))
    expect(planIsEmpty(planNewSchoolYear(kept, { before: BEFORE, removeChildIds: [childId(1)] }))).toBe(true)
    // Lines, families, adults, holidays, availability and the settings go over as they are.
    for (const field of ['profile', 'settings', 'lines', 'stops', 'families', 'adults', 'holidays'] as const) expect(kept[field]).toEqual(s[field])
    expect(kept.planning?.availability).toEqual(s.planning.availability)
    expect(kept.children.map((child) => child.id)).toEqual([childId(2), childId(3)])
  })

  it('moving a collective to the current layout keeps the current school year and every child', () => {
    expect(layoutGeneration(localDate('2027-06-14'))).toEqual({ startsOn: '2026-09-01', removeChildIds: [], archiveLabel: '2025-2026', reason: 'layout' })
    expect(layoutGeneration(localDate('2027-09-01')).startsOn).toBe('2027-09-01')
    const { source: kept } = successorOf(source(), layoutGeneration(localDate('2027-06-14')))
    expect(recordCount(kept)).toBe(recordCount(source()))
  })
})

describe('successorYearStart', () => {
  it('is the first day, or the day of the request when earlier: a record written after the move is a new one', () => {
    const request = { startsOn: localDate('2027-09-02'), removeChildIds: [], archiveLabel: '2026-2027', reason: 'newSchoolYear' as const }
    const askedInJune = nextGenerationOf(request, parisToInstant(localDate('2027-06-14'), '20:00' as TimeOfDay), actorId(1))
    expect(successorYearStart(askedInJune)).toBe('2027-06-14')
    const askedAtTheRentree = nextGenerationOf(request, parisToInstant(localDate('2027-09-03'), '07:00' as TimeOfDay), actorId(1))
    expect(successorYearStart(askedAtTheRentree)).toBe('2027-09-02')
    expect(askedInJune.builder).toBe(actorId(1))
  })
})

describe('dueGeneration (a live document moves on by itself)', () => {
  const at = (date: string) => parisToInstant(localDate(date), '09:00' as TimeOfDay)
  /** June 2027 and September 2027 records (source()), the latest sign-up written on `written`. */
  const written = (when: string): ExportSource => {
    const s = source()
    return { ...s, signUps: s.signUps.map((signUp) => ({ ...signUp, at: `${when}T08:00:00+02:00` })) }
  }

  it('starts the school year under way when the document still holds an earlier one, keeping every child', () => {
    expect(dueGeneration(written('2027-08-30'), 2, at('2027-09-03'))).toEqual(
      { startsOn: '2027-09-01', removeChildIds: [], archiveLabel: '2026-2027', reason: 'newSchoolYear' })
    // In June the school year under way began last September: nothing of an earlier year is left.
    expect(dueGeneration(written('2027-06-01'), 2, at('2027-06-14'))).toBeNull()
  })

  it('moves a collective written before 0.2.0 to the current layout whatever its records', () => {
    expect(dueGeneration(written('2027-06-01'), 1, at('2027-06-14'))).toEqual(layoutGeneration(localDate('2027-06-14')))
  })

  it('starts no year on a phone whose clock disagrees with the collective (far ahead, or behind its writes)', () => {
    expect(dueGeneration(written('2027-08-30'), 2, at('2030-09-03'))).toBeNull()
    expect(dueGeneration(written('2027-09-10'), 2, at('2027-09-03'))).toBeNull()
    expect(dueGeneration({ ...source(), signUps: [] }, 2, at('2027-09-03'))).toBeNull()
  })
})
