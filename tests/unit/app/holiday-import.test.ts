// Importing the ministry's calendar through a session: a combined file writes nothing until a zone is chosen, then only
// that zone's periods; a broken file is refused and loses nothing already stored.
import { describe, expect, it } from 'vitest'
import type { AppServices, CollectiveSession } from '../../../src/app/api.ts'
import { icsZonesOf } from '../../../src/app/queries/holiday-file.ts'
import { combinedMinistryIcs } from '../../helpers/ministry-ics.ts'
import { useSessionPhones, valueOf } from './session-phones.ts'

const phones = useSessionPhones('unit-holiday-import', () => Date.parse('2028-06-01T08:00:00Z'))

const newCollective = async (services: AppServices): Promise<CollectiveSession> => {
  const profile = { name: 'Pédibus des Pins', school: 'École des Pins', town: 'Mérignac', schoolPlace: '33000' }
  const id = valueOf(await services.createCollective(profile))
  const session = await services.openCollective(id)
  if (!session) throw new Error('no session')
  return phones.track(session)
}

describe('importing the ministry’s combined calendar', () => {
  it('says which zones the file holds, writes nothing without a zone, then imports the chosen zone only', async () => {
    const session = await newCollective(await phones.start())
    const combined = combinedMinistryIcs()
    expect(icsZonesOf(combined)).toEqual({ ok: true, value: ['A', 'B', 'C', 'corse', 'guadeloupe'] })
    expect(session.importHolidays(combined)).toEqual({ ok: false, error: 'zoneRequired' })
    expect(session.view.get().holidays).toEqual([])

    expect(session.importHolidays(combined, 'guadeloupe')).toEqual({ ok: true, value: 3 })
    expect(session.view.get().holidays.map(({ start, end, label }) => ({ start, end, label }))).toEqual([
      { start: '2028-10-20', end: '2028-11-04', label: 'Vacances de la Toussaint' },
      { start: '2029-02-10', end: '2029-02-18', label: 'Vacances de Carnaval' },
      { start: '2029-07-06', end: '2029-08-31', label: "Vacances d'Été" },
    ])
  })

  it('a malformed file gets invalidIcs and the periods already stored stay', async () => {
    const session = await newCollective(await phones.start())
    const combined = combinedMinistryIcs()
    expect(session.importHolidays(combined, 'A')).toEqual({ ok: true, value: 6 })
    expect(session.importHolidays(combined.slice(0, 900), 'A')).toEqual({ ok: false, error: 'invalidIcs' })
    expect(icsZonesOf('pas un calendrier')).toEqual({ ok: false, error: 'invalidIcs' })
    expect(session.view.get().holidays).toHaveLength(6)
    expect(session.importHolidays(combined, 'A')).toEqual({ ok: true, value: 0 })
  })
})
