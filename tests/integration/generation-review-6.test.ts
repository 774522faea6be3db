// Review of document generations (issue 14): "Retirer de ce téléphone" on a collective that moved to a new year.
// forgetCollective(live id) deletes the live room's row and document only: the archives' rows (invite secret
// included) and their documents stay on the phone, listed nowhere (the switcher hides rooms with a successor, and
// archivesOf needs the live row's id). docs/privacy.md: the archive is kept "on a phone, until Retirer de ce téléphone".
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { localDate } from '../../src/domain/dates.ts'
import { DEFAULT_DEVICE_DB_NAME, openDeviceStore } from '../../src/storage/device-db.ts'
import { docDatabaseName } from '../../src/storage/doc-persistence.ts'
import { valueOf } from '../unit/doc/fixtures.ts'
import { startRelay, waitFor } from '../helpers/relay.ts'
import { open, synced, useGenerationPhones } from '../helpers/generation-phones.ts'

const phones = useGenerationPhones('review-6')

const STARTS_ON = localDate('2027-06-15')
const NAMESPACE = 'review-6-phone:'



describe('review 6: removing a collective from the phone after a new year', () => {
  it('erases its archived years too (row with the secret, and document)', async () => {
    const relay = await startRelay()
    phones.cleanups.push(() => relay.stop())
    const { services } = await phones.phone(relay, { namespace: NAMESPACE })
    const id = valueOf(await services.createCollective({ name: 'Pédibus des Pins', school: 'École des Pins', town: 'Mérignac', schoolPlace: '33000' }))
    const session = await open(services, id)
    valueOf(session.addFamily({ displayName: 'Martin' }))
    await waitFor(() => synced(session), 'synced')
    const next = { startsOn: STARTS_ON, removeChildIds: [], archiveLabel: '2026-2027', reason: 'newSchoolYear' as const }
    const successorId = valueOf(await services.startNewGeneration(id, next))
    await waitFor(() => services.collectives.get().map((c) => c.id).join() === successorId, 'listed')

    await services.forgetCollective(successorId)
    expect(services.collectives.get()).toEqual([])
    const device = openDeviceStore(`${NAMESPACE}${DEFAULT_DEVICE_DB_NAME}`)
    const rows = await device.listCollectives()
    device.close()
    expect(rows.map((row) => row.id)).toEqual([])
    const databases = (await indexedDB.databases()).map((database) => database.name)
    expect(databases).not.toContain(docDatabaseName(NAMESPACE, id))
  })
})
