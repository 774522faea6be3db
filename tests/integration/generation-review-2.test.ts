// Review of document generations (issue 14): a new year started in June with its first day in September. The
// in-place new year recorded `yearStartedOn` as min(first day, today) so that "a strike on 25 June written after a
// new year started in June is a new record, not a resurrected one"; the successor records the first day itself, so
// every phone's self-healing clean-up deletes anything dated before September that is written after the move.
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { localDate } from '../../src/domain/dates.ts'
import type { WalkRef } from '../../src/domain/signup.ts'
import { valueOf } from '../unit/doc/fixtures.ts'
import { waitFor } from '../helpers/relay.ts'
import { liveIds, open, synced, useGenerationPhones } from '../helpers/generation-phones.ts'
import { inviteFragmentOf } from '../helpers/invitations.ts'

const phones = useGenerationPhones('review-2')

/** Monday 14 June 2027: the collective starts its next school year now, first day 1 September (the UI's default). */
const STARTS_ON = localDate('2027-09-01')


describe('review 2: the successor of a new year started before its first day', () => {
  it('keeps a sign-up for a walk of the last weeks written after the move', async () => {
    const relay = await phones.relay()
    const a = await phones.phone(relay)
    const b = await phones.phone(relay)
    const id = valueOf(await a.services.createCollective({ name: 'Pédibus des Pins', school: 'École des Pins', town: 'Mérignac', schoolPlace: '33000' }))
    const sessionA = await open(a.services, id)
    const lineId = valueOf(sessionA.addLine({ name: 'Ligne des Pins', colour: '#2e7d32', directions: ['aller'], days: [1, 2, 3, 4, 5] }))
    const martin = valueOf(sessionA.addFamily({ displayName: 'Martin' }))
    valueOf(sessionA.addAdult(martin, { firstName: 'Camille', phone: '06 12 34 56 78', charterAcceptedOn: null, insured: true }))
    const durand = valueOf(sessionA.addFamily({ displayName: 'Durand' }))
    const sami = valueOf(sessionA.addAdult(durand, { firstName: 'Sami', phone: '07 00 00 00 01', charterAcceptedOn: null, insured: true }))
    await waitFor(() => synced(sessionA), 'A synced')

    // A link sent before the move: an archived room's invitation still opens it, and B follows to the successor.
    const link = await inviteFragmentOf(sessionA)
    const next = { startsOn: STARTS_ON, removeChildIds: [], archiveLabel: '2026-2027', reason: 'newSchoolYear' as const }
    const successorId = valueOf(await a.services.startNewGeneration(id, next))
    const liveA = await open(a.services, successorId)
    await waitFor(() => liveA.view.get().profile !== null && synced(liveA), 'A on the successor')

    valueOf(await b.services.joinFromInvite(link))
    await open(b.services, id)
    await waitFor(() => liveIds(b).includes(successorId), 'B follows')
    const liveB = await open(b.services, successorId)
    await waitFor(() => liveB.view.get().profile !== null && synced(liveB), 'B on the successor')

    // School goes on until early July: Sami signs up for Thursday's walk in the live collective.
    const thursday: WalkRef = { lineId, date: localDate('2027-06-17'), direction: 'aller' }
    valueOf(liveB.signUp(thursday, 'lead', sami))
    await waitFor(() => synced(liveB), 'B sent its sign-up')
    // Any later change from outside makes each phone clean up "the past year" again.
    valueOf(liveA.renameFamily(martin, { displayName: 'Martin-Roux' }))
    await waitFor(() => synced(liveA) && liveB.view.get().families.some((family) => family.displayName === 'Martin-Roux'), 'rename reached B')
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(liveB.view.get().signUps.map((signUp) => signUp.date)).toEqual([thursday.date])
    expect(liveA.view.get().signUps.map((signUp) => signUp.date)).toEqual([thursday.date])
  })
})
