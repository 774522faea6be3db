// The UI tests' builders: a fake session answers only what its test gave and names a missing command; a built view is whole.
import { describe, expect, it, vi } from 'vitest'
import type { RotaCommands, SessionIdentity, SessionState } from '../../../src/app/api.ts'
import { ok } from '../../../src/lib/result.ts'
import { makeSession, SYNCED, TEST_ROOM_ID } from '../../helpers/make-session.ts'
import { makeView } from '../../helpers/make-view.ts'
import { adultId } from '../domain/rota-fixtures.ts'
import { absence, walkRef } from '../domain/walk-log-fixtures.ts'

describe('makeSession', () => {
  it('holds the stores from what the test gave, over a synced phone with no identity chosen', () => {
    const view = makeView()
    const session = makeSession<SessionState & SessionIdentity>({ view, me: { familyId: null }, status: { pending: 2 } })
    expect(session.id).toBe(TEST_ROOM_ID)
    expect(session.view.get()).toBe(view)
    expect(session.me.get()).toMatchObject({ familyId: null, adultId: null })
    expect(session.status.get()).toEqual({ ...SYNCED, pending: 2 })
  })

  it('calls a command the test gave, and names one it did not give', () => {
    const signUp = vi.fn<RotaCommands['signUp']>(() => ok('held'))
    const session = makeSession<SessionState & RotaCommands>({}, { signUp })
    expect(session.signUp(walkRef('2026-12-03', 'aller'), 'lead', adultId(1))).toEqual(ok('held'))
    expect(signUp).toHaveBeenCalledOnce()
    expect(() => session.withdraw(walkRef('2026-12-03', 'aller'), adultId(1)))
      .toThrow('session.withdraw() is not in this test: give it to makeSession')
  })
})

describe('makeView', () => {
  it('is an empty collective with its record groups, and keeps absences in the model and the walk log alike', () => {
    expect(makeView()).toMatchObject({ lines: [], signUps: [], toCheck: [], schemaVersion: 1, walkLog: { checkIns: [] } })
    const declared = absence(1, 1, '2026-12-03')
    expect(makeView({ absences: [declared] }).walkLog.absences).toEqual([declared])
    expect(makeView({ walkLog: { absences: [declared] } }).absences).toEqual([declared])
  })
})
