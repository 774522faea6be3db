// Acting for a family without a smartphone (issue 18): the mode on a session, and each change it makes recorded as
// made at that family's request (by whom, when) in the records, the journal and the export; leaving the mode.
import { describe, expect, it } from 'vitest'
import type { CollectiveSession } from '../../../src/app/api.ts'
import { collectiveJournal } from '../../../src/app/queries/journal.ts'
import { parisToInstant } from '../../../src/domain/calendar/paris-time.ts'
import { localDate, type TimeOfDay } from '../../../src/domain/dates.ts'
import type { AdultId, FamilyId, LineId } from '../../../src/domain/ids.ts'
import { useSessionPhones, valueOf } from './session-phones.ts'

/** Saturday 13 March 2027, 10:00 in Paris; Monday 15 March is a school day. */
const NOW = parisToInstant(localDate('2027-03-13'), '10:00' as TimeOfDay)
const phones = useSessionPhones('unit-on-behalf', () => NOW)
const monday = (lineId: LineId, date = '2027-03-15') => ({ lineId, date: localDate(date), direction: 'aller' as const })
const adult = (firstName: string) => ({ firstName, phone: '06 12 34 56 78', charterAcceptedOn: null, insured: true })
const child = (firstName: string) => ({
  firstName, initial: 'C', routes: {}, days: [1, 4], support: '', countsExtra: false,
})
const mondayOff = { from: localDate('2027-03-15'), to: localDate('2027-03-15'), direction: null, note: '' }
const mondays = (lineId: LineId) => ({
  recurring: [{ lineId, weekday: 1 as const, direction: 'aller' as const }],
  exceptions: [], weeklyMax: null, preference: 'none' as const,
})

interface World {
  readonly session: CollectiveSession
  readonly lineId: LineId
  readonly bernard: FamilyId
  readonly basile: AdultId
  readonly colin: FamilyId
  readonly chloe: AdultId
}

const world = async (): Promise<World> => {
  const session = await phones.openNew()
  const lineId = valueOf(session.addLine({ name: 'Ligne des Pins', colour: '#2e7d32', directions: ['aller'], days: [1, 2, 4, 5] }))
  const bernard = valueOf(session.addFamily({ displayName: 'Bernard' }))
  const basile = valueOf(session.addAdult(bernard, adult('Basile')))
  const colin = valueOf(session.addFamily({ displayName: 'Colin' }))
  const chloe = valueOf(session.addAdult(colin, adult('Chloé')))
  await session.setMe(bernard, basile)
  return { session, lineId, bernard, basile, colin, chloe }
}

describe('acting for a family at its request', () => {
  it('refuses without an identity, for the own family, an unknown family or one without adults', async () => {
    const session = await phones.openNew()
    const own = valueOf(session.addFamily({ displayName: 'Bernard' }))
    const basile = valueOf(session.addAdult(own, adult('Basile')))
    const empty = valueOf(session.addFamily({ displayName: 'Sans adulte' }))
    expect(session.actFor(empty)).toEqual({ ok: false, error: 'noIdentity' })
    await session.setMe(own, basile)
    expect(session.actFor(own)).toEqual({ ok: false, error: 'ownFamily' })
    expect(session.actFor(empty)).toEqual({ ok: false, error: 'noAdult' })
    expect(session.actFor('00000000-0000-4000-8000-000000000000' as FamilyId)).toEqual({ ok: false, error: 'unknownFamily' })
    expect(session.acting.get()).toBeNull()
  })

  it('B signs up and withdraws C’s adult: each entry says it was made for C by B, the journal too', async () => {
    const { session, lineId, bernard, basile, colin, chloe } = await world()
    const actorId = session.me.get().actorId
    expect(valueOf(session.actFor(colin))).toEqual({ familyId: colin, adultId: chloe, byFamilyId: bernard, byAdultId: basile })
    expect(session.me.get()).toEqual({ actorId, familyId: colin, adultId: chloe })
    expect(session.signUp(monday(lineId), 'lead', chloe)).toEqual({ ok: true, value: 'held' })
    const [signUp] = session.view.get().signUps
    expect(signUp).toMatchObject({ adultId: chloe, familyId: colin, actor: actorId, onBehalf: { byFamilyId: bernard, byAdultId: basile } })
    expect(signUp?.onBehalf?.at).toBe(signUp?.at) // the acting phone's local time, as every author time
    const [event] = collectiveJournal(session.view.get(), NOW)
    expect(event).toMatchObject({ kind: 'signedUp', familyId: colin, adultId: chloe, onBehalf: { byFamilyId: bernard, byAdultId: basile } })
    expect(session.withdraw(monday(lineId), chloe)).toEqual({ ok: true, value: 'withdrawn' })
    expect(session.view.get().signUps[0]).toMatchObject({ status: 'withdrawn', onBehalf: { byFamilyId: bernard } })
    // Carried in the collective's export (the sign-up records as stored).
    expect(JSON.parse(session.exportCollective()).signUps[0].onBehalf).toMatchObject({ byFamilyId: bernard, byAdultId: basile })
  })

  it('leaving the mode gives the phone its identity back; a later change is no longer marked', async () => {
    const { session, lineId, bernard, basile, colin, chloe } = await world()
    valueOf(session.actFor(colin))
    expect(session.signUp(monday(lineId), 'lead', chloe)).toEqual({ ok: true, value: 'held' })
    session.stopActing()
    expect(session.acting.get()).toBeNull()
    expect(session.me.get()).toMatchObject({ familyId: bernard, adultId: basile })
    // The same place written again without the mode (Chloé's slot changes): the mark of the earlier write goes.
    expect(session.signUp(monday(lineId), 'tail', chloe)).toEqual({ ok: true, value: 'held' })
    expect(session.view.get().signUps.find((s) => s.adultId === chloe)?.onBehalf).toBeUndefined()
    expect(session.signUp(monday(lineId, '2027-03-16'), 'lead', basile)).toEqual({ ok: true, value: 'held' })
    expect(session.view.get().signUps.find((s) => s.adultId === basile)?.onBehalf).toBeUndefined()
  })

  it('swaps made in the mode carry the mark: an offer, its withdrawal', async () => {
    const { session, lineId, bernard, colin, chloe } = await world()
    valueOf(session.actFor(colin))
    expect(session.signUp(monday(lineId), 'lead', chloe)).toEqual({ ok: true, value: 'held' })
    const offerId = valueOf(session.offerSlot(monday(lineId), chloe))
    expect(session.withdrawOffer(offerId)).toEqual({ ok: true, value: undefined })
    const [offer] = session.view.get().swaps.offers
    expect(offer).toMatchObject({ familyId: colin, onBehalf: { byFamilyId: bernard }, withdrawn: { onBehalf: { byFamilyId: bernard } } })
    const kinds = collectiveJournal(session.view.get(), NOW).filter((e) => e.onBehalf !== undefined).map((e) => e.kind)
    expect(kinds).toEqual(['signedUp', 'slotOffered', 'slotOfferWithdrawn'])
  })

  it('an absence reported in the mode carries who and when, in the view, both exports, its withdrawal', async () => {
    const { session, bernard, basile, colin } = await world()
    const noe = valueOf(session.addChild(colin, child('Noé')))
    valueOf(session.actFor(colin))
    const id = valueOf(session.declareAbsence({ childId: noe, ...mondayOff }))
    const absence = session.view.get().walkLog.absences.find((candidate) => candidate.id === id)
    expect(absence).toMatchObject({ familyId: colin, onBehalf: { byFamilyId: bernard, byAdultId: basile } })
    expect(absence?.onBehalf?.at).toBe(absence?.at)
    expect(JSON.parse(session.exportCollective()).walkLog.absences[0].onBehalf).toMatchObject({ byFamilyId: bernard })
    expect(JSON.parse(session.exportFamily(colin) ?? '{}').absences[0].onBehalf).toMatchObject({ byFamilyId: bernard })
    expect(session.withdrawAbsence(id)).toEqual({ ok: true, value: undefined })
    expect(session.view.get().walkLog.absences[0]?.withdrawn).toMatchObject({ onBehalf: { byFamilyId: bernard } })
  })

  it('an absence reported outside the mode has no mark', async () => {
    const { session, bernard } = await world()
    const lea = valueOf(session.addChild(bernard, child('Léa')))
    valueOf(session.declareAbsence({ childId: lea, ...mondayOff }))
    const [absence] = session.view.get().walkLog.absences
    expect(absence?.familyId).toBe(bernard)
    expect(absence?.onBehalf).toBeUndefined()
  })

  it('availability saved in the mode carries the mark; saved again outside it, the mark goes', async () => {
    const { session, lineId, bernard, basile, colin, chloe } = await world()
    const input = mondays(lineId)
    valueOf(session.actFor(colin))
    expect(session.setAvailability(chloe, input)).toEqual({ ok: true, value: undefined })
    const [saved] = session.view.get().planning.availability
    const mark = { byFamilyId: bernard }
    expect(saved).toMatchObject({ adultId: chloe, familyId: colin, onBehalf: { ...mark, byAdultId: basile } })
    expect(JSON.parse(session.exportCollective()).planning.availability[0].onBehalf).toMatchObject(mark)
    expect(JSON.parse(session.exportFamily(colin) ?? '{}').availability[0].onBehalf).toMatchObject(mark)
    session.stopActing()
    valueOf(session.setAvailability(chloe, { ...input, weeklyMax: 2 }))
    expect(session.view.get().planning.availability[0]?.onBehalf).toBeUndefined()
  })
})
