// Guests added on the pavement: a first name only, on the walk's day only, erased once that day is over (the walk keeps
// them as unnamed guests, counted present). Issue 16.
import { describe, expect, it } from 'vitest'
import { localDate } from '../../../src/domain/dates.ts'
import {
  GuestInputSchema, erasedGuestEntry, guestMayJoin, guestNameEntryExpired, guestNameExpired, guestNameOn, walkCheckIns, walksDone,
  type CheckIn, type GuestName, type WalkLogRecords,
} from '../../../src/domain/walk-log/index.ts'
import { NO_WALK_LOG, StoredCheckInSchema } from '../../../src/domain/walk-log/records.ts'
import { adultId, createChild, createModel, lineId, stopId } from './rota-fixtures.ts'
import { ALLER, RETOUR, guestId, mark, rotaOf, walkEvent } from './walk-log-fixtures.ts'

const model = createModel({ children: [createChild(1, 1, { routes: { aller: { lineId: lineId(1), stopId: stopId(1) } } })] })
const logOf = (checkIns: CheckIn[], extra: Partial<WalkLogRecords> = {}): WalkLogRecords => ({ ...NO_WALK_LOG, checkIns, ...extra })
const ali = mark(1, 0, 'present', 3, { guest: 1, guestName: 'Ali' })

describe('a guest holds a first name only', () => {
  it('a first name within the limit, trimmed', () => {
    expect(GuestInputSchema.safeParse({ firstName: '  Ali  ' })).toMatchObject({ success: true, data: { firstName: 'Ali' } })
    expect(GuestInputSchema.safeParse({ firstName: 'Marie-Ève' }).success).toBe(true)
    expect(GuestInputSchema.safeParse({ firstName: 'x'.repeat(41) }).error?.issues[0]?.message).toBe('tooLong')
    expect(GuestInputSchema.safeParse({ firstName: ' ' }).error?.issues[0]?.message).toBe('required')
  })

  it('no phone number, address or note in the name, and no other field', () => {
    for (const firstName of ['Ali 06 12 34 56 78', 'ali@example.org', 'Ali, asthme : ventoline']) {
      expect(GuestInputSchema.safeParse({ firstName }).error?.issues[0]?.message, firstName).toBe('firstNameOnly')
    }
    expect(GuestInputSchema.safeParse({ firstName: 'Ali', phone: '0612345678' }).success).toBe(false)
    expect(GuestInputSchema.safeParse({ firstName: 'Ali', note: 'allergie' }).success).toBe(false)
  })
})

describe('a guest belongs to the walk’s day', () => {
  it('joins a walk of today only (a guest on a past walk would be erased at once)', () => {
    expect(guestMayJoin(ALLER, localDate('2026-12-03'))).toBe(true)
    expect(guestMayJoin(ALLER, localDate('2026-12-04'))).toBe(false)
    expect(guestMayJoin(ALLER, localDate('2026-12-02'))).toBe(false)
  })

  it('a name in a mark written before 0.3 is due for erasure once the walk’s day is over (Paris date)', () => {
    expect(guestNameExpired(ali, localDate('2026-12-03'))).toBe(false)
    expect(guestNameExpired(ali, localDate('2026-12-04'))).toBe(true)
    expect(guestNameExpired(mark(1, 2, 'present', 3), localDate('2026-12-04'))).toBe(false) // a child of the collective
    expect(guestNameExpired(erasedGuestEntry(ali), localDate('2026-12-04'))).toBe(false) // already erased
  })

  it('such a mark, erased, keeps the mark (status, clock, who, when, what it had seen) and says guest without the name', () => {
    const seenAli = mark(2, 0, 'present', 5, { guest: 1, guestName: 'Ali', seen: { 1: 3 } })
    const erased = erasedGuestEntry(seenAli)
    expect(erased).not.toHaveProperty('guestName')
    expect(erased).toEqual({ ...Object.fromEntries(Object.entries(seenAli).filter(([field]) => field !== 'guestName')), guest: true })
    expect(StoredCheckInSchema.safeParse(erased).success).toBe(true)
  })
})

describe('a guest’s first name is an entry of its own', () => {
  const name = (guest: number, text: string, walk = ALLER): GuestName => ({ walk, guestId: guestId(guest), name: text })
  const marked = mark(1, 0, 'present', 3, { guest: 1 })
  const guestMark: CheckIn = { ...marked, guest: true }

  it('named from its entry on that walk (marks carry `guest: true` only), due for deletion once the day is over', () => {
    const list = walkCheckIns(model, rotaOf(model, ALLER), logOf([guestMark], { guestNames: [name(1, 'Ali'), name(1, 'Autre', RETOUR)] }))
    expect(list.at(-1)).toMatchObject({ subject: { kind: 'guest', guestId: guestId(1), name: 'Ali' }, status: 'present' })
    expect(guestNameEntryExpired(name(1, 'Ali'), localDate('2026-12-03'))).toBe(false)
    expect(guestNameEntryExpired(name(1, 'Ali'), localDate('2026-12-04'))).toBe(true)
  })

  it('marks written before 0.3 still name it; its own entry wins', () => {
    expect(guestNameOn([], [ali], ALLER, guestId(1))).toBe('Ali')
    expect(guestNameOn([name(1, 'Alix')], [ali], ALLER, guestId(1))).toBe('Alix')
    expect(guestNameOn([], [guestMark], ALLER, guestId(1))).toBeNull()
  })
})

describe('an erased guest on the walk', () => {
  it('stays on the walk’s list, unnamed, with its marks', () => {
    const list = walkCheckIns(model, rotaOf(model, ALLER), logOf([erasedGuestEntry(ali)]))
    expect(list.at(-1)).toMatchObject({ id: guestId(1), subject: { kind: 'guest', guestId: guestId(1), name: null }, status: 'present' })
  })

  it('still counts present among the walk’s children: the logbook keeps "1 invité·e" without the name', () => {
    const events = [walkEvent('arrived', null, 1, 9, '2026-12-03T08:27:00+01:00')]
    const named = walksDone(model, logOf([mark(1, 1, 'present', 2), ali], { events }), () => [adultId(1)])
    const erased = walksDone(model, logOf([mark(1, 1, 'present', 2), erasedGuestEntry(ali)], { events }), () => [adultId(1)])
    expect(named[0]?.presentCount).toBe(2)
    expect(erased[0]?.presentCount).toBe(2)
    expect(JSON.stringify(erased)).not.toContain('Ali')
  })
})
