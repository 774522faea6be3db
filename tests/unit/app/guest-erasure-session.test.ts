// Guests through the session (issue 16): a first name only, added on the walk's day only; once that day is over (the
// session's clock moved), opening the collective erases the name from the document and the phone's IndexedDB, while the
// walk keeps an unnamed guest counted present and still open to late corrections.
import { describe, expect, it } from 'vitest'
import type { AppServices, CollectiveSession } from '../../../src/app/api.ts'
import { MAP_CHECK_INS, MAP_GUEST_NAMES } from '../../../src/doc/keys.ts'
import { parisToInstant } from '../../../src/domain/calendar/paris-time.ts'
import { localDate, type TimeOfDay } from '../../../src/domain/dates.ts'
import type { AdultId, StopId } from '../../../src/domain/ids.ts'
import { resolveWalk } from '../../../src/domain/rota/resolve.ts'
import { walkOf } from '../../../src/domain/rota/walks.ts'
import type { WalkRef } from '../../../src/domain/signup.ts'
import { walkCheckIns } from '../../../src/domain/walk-log/index.ts'
import { docDatabaseName } from '../../../src/storage/doc-persistence.ts'
import { needlesFound } from '../../helpers/byte-search.ts'
import { waitFor } from '../../helpers/relay.ts'
import { recordsOfDatabases, storedDoc } from '../storage/stored-records.ts'
import { useSessionPhones, valueOf } from './session-phones.ts'

/** Monday 15 March 2027, 08:12 in Paris: the aller walk is under way. */
const MONDAY = parisToInstant(localDate('2027-03-15'), '08:12' as TimeOfDay)
/** Tuesday 00:05 in Paris (still Monday in UTC): the walk's day is over. */
const TUESDAY = parisToInstant(localDate('2027-03-16'), '00:05' as TimeOfDay)
let now = MONDAY
const phones = useSessionPhones('unit-guests', () => now)

interface Walk {
  readonly services: AppServices
  readonly id: string
  readonly session: CollectiveSession
  readonly stop: StopId
  readonly adultId: AdultId
  readonly walk: WalkRef
}

const newWalk = async (namespace: string): Promise<Walk> => {
  const services = await phones.start(namespace)
  const id = valueOf(await services.createCollective({ name: 'Pédibus des Pins', school: 'École des Pins', town: 'Mérignac', schoolPlace: '33000' }))
  const session = phones.track((await services.openCollective(id))!)
  const lineId = valueOf(session.addLine({ name: 'Ligne des Pins', colour: '#2e7d32', directions: ['aller'], days: [1, 2, 4, 5] }))
  const stop = valueOf(session.addStop(lineId, { name: 'Marché', times: { aller: '08:05' }, access: { stepFree: false, dangerousCrossing: false, note: '' } }))
  const familyId = valueOf(session.addFamily({ displayName: 'Martin' }))
  const adultId = valueOf(session.addAdult(familyId, { firstName: 'Camille', phone: '', charterAcceptedOn: null, insured: true }))
  await session.setMe(familyId, adultId)
  return { services, id, session, stop, adultId, walk: { lineId, date: localDate('2027-03-15'), direction: 'aller' } }
}

const listOf = (session: CollectiveSession, ref: WalkRef) => {
  const view = session.view.get()
  return walkCheckIns(view, resolveWalk(view, walkOf(view, ref)!, now), view.walkLog)
}

describe('guests added on the pavement', () => {
  it('hold a first name only, and join a walk of today only', async () => {
    now = MONDAY
    const { session, walk, stop, adultId } = await newWalk('unit-guests-form:')
    expect(session.addGuest(walk, { firstName: 'Zoé 06 12 34 56 78' }, stop, adultId)).toEqual({ ok: false, error: { firstName: 'firstNameOnly' } })
    const withPhone = { firstName: 'Zoé', phone: '0612345678' } as { firstName: string }
    expect(session.addGuest(walk, withPhone, stop, adultId).ok).toBe(false)
    const lastFriday = { ...walk, date: localDate('2027-03-12') }
    expect(session.addGuest(lastFriday, { firstName: 'Zoé' }, stop, adultId)).toEqual({ ok: false, error: { _: 'guestOnWalkDayOnly' } })
    valueOf(session.addGuest(walk, { firstName: 'Zoé' }, stop, adultId))
    expect(session.view.get().walkLog.checkIns).toHaveLength(1)
  })

  it('lose their first name once the walk’s day is over: gone from the document and from IndexedDB', async () => {
    now = MONDAY
    const namespace = 'unit-guests-erased:'
    const first = await newWalk(namespace)
    const guestId = valueOf(first.session.addGuest(first.walk, { firstName: 'Zéphyrine' }, first.stop, first.adultId))
    await waitFor(() => first.session.status.get().local === 'saved', 'saved on the phone')
    const databaseName = docDatabaseName(namespace, first.id)
    const sealedName = (await storedDoc(databaseName)).getMap<Record<string, unknown>>(MAP_GUEST_NAMES).values().next().value?.name
    expect(typeof sealedName).toBe('string')
    expect(needlesFound(await recordsOfDatabases(namespace), [sealedName as string])).toEqual([sealedName]) // the search can fail
    first.session.destroy()

    // The next day, the phone opens the collective again.
    now = TUESDAY
    const session = phones.track((await first.services.openCollective(first.id as never))!)
    await waitFor(() => session.status.get().local === 'saved' && session.view.get().walkLog.guestNames?.length === 0, 'erased in the document')
    await waitFor(async () => needlesFound(await recordsOfDatabases(namespace), [sealedName as string]).length === 0, 'erased from IndexedDB')
    const stored = await storedDoc(databaseName)
    expect(stored.getMap(MAP_GUEST_NAMES).size).toBe(0)
    expect([...stored.getMap<Record<string, unknown>>(MAP_CHECK_INS).values()].map((mark) => [mark.guest, 'guestName' in mark])).toEqual([[true, false]])
    // The walk keeps an unnamed guest, counted present, whose mark can still be corrected.
    expect(listOf(session, first.walk).find((line) => line.id === guestId)).toMatchObject({ subject: { kind: 'guest', name: null }, status: 'present' })
    valueOf(session.markChild(first.walk, guestId, 'absent', first.stop, first.adultId))
    expect(listOf(session, first.walk).find((line) => line.id === guestId)).toMatchObject({ subject: { kind: 'guest', name: null }, status: 'absent' })
    expect(session.view.get().walkLog.checkIns.some((entry) => entry.guestName !== undefined)).toBe(false)
  })
})
