// The browser tests' seed file (tests/helpers/seed-collective.ts): a valid export, restored whole with its ids.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { bindSealKey } from '../../../src/doc/codec.ts'
import { readCollective } from '../../../src/doc/read.ts'
import { writeRestoredCollective } from '../../../src/doc/restore.ts'
import { parisToInstant } from '../../../src/domain/calendar/paris-time.ts'
import { localDate, type TimeOfDay } from '../../../src/domain/dates.ts'
import { parseCollectiveExport } from '../../../src/domain/export/collective-export.ts'
import { createInviteSecret, createRoomId } from '../../../src/lib/credentials.ts'
import { deriveSealKey } from '../../../src/lib/seal.ts'
import { buildSeedFile, seedFamily } from '../../helpers/seed-collective.ts'

const NOW = parisToInstant(localDate('2027-03-02'), '09:00' as TimeOfDay)
const SPEC = {
  lines: [{
    name: 'Ligne Verte',
    stops: [
      { name: 'Place du Marché', aller: '08:05', retour: '16:50' },
      { name: 'Rue des Lilas', aller: '08:10', access: 'crossing' as const },
    ],
  }],
  families: [
    seedFamily('Famille Martin', 'Léa', '06 11 22 33 44', [
      {
        firstName: 'Tom', initial: 'M', stopAller: 'Place du Marché (08:05)', stopRetour: 'Place du Marché',
        support: 'La main.',
      },
    ]),
    seedFamily('Famille Nguyen', 'Paul', '06 55 66 77 88'),
  ],
}

describe('the seed file', () => {
  it('restores into a collective that reads every record of the spec under the ids the file gives', async () => {
    const { json, lineIds, familyIds } = await buildSeedFile(SPEC, NOW)
    const file = parseCollectiveExport(json)
    if (!file.ok) throw new Error('the seed file is not a valid export')
    const doc = new Y.Doc()
    bindSealKey(doc, await deriveSealKey(createRoomId(), createInviteSecret()))
    writeRestoredCollective(doc, file.value)
    const view = readCollective(doc)

    expect(view.profile).toEqual({
      name: 'Pédibus des Écureuils', school: 'École Jules Ferry', town: 'Lesparre-Médoc',
    })
    expect(view.settings.holidayZone).toBe('A')
    expect(view.lines.map((line) => [line.id, line.name, line.directions]))
      .toEqual([[lineIds.get('Ligne Verte'), 'Ligne Verte', ['aller', 'retour']]])
    expect(view.stops.map((stop) => [stop.name, stop.times, stop.access.dangerousCrossing])).toEqual([
      ['Place du Marché', { aller: '08:05', retour: '16:50' }, false], ['Rue des Lilas', { aller: '08:10' }, true],
    ])
    expect(new Map(view.families.map((family) => [family.displayName, family.id]))).toEqual(familyIds)
    expect(view.adults.map((adult) => adult.firstName).sort()).toEqual(['Léa', 'Paul'])
    const [tom] = view.children
    expect(view.children).toHaveLength(1)
    expect(tom?.support).toBe('La main.')
    expect(tom?.routes.aller?.stopId).toBe(view.stops[0]?.id)
    expect(tom?.routes.retour?.stopId).toBe(view.stops[0]?.id)
    expect(tom?.supportConsent?.adultId).toBe(view.adults.find((adult) => adult.firstName === 'Léa')?.id)
    expect(view.toCheck).toEqual([])
  })

  it('fails loudly on a child whose stop is not on a line', async () => {
    const nowhere = { firstName: 'Tom', initial: 'M', stopAller: 'Nulle part' }
    const spec = { families: [seedFamily('Famille Martin', 'Léa', '06 11 22 33 44', [nowhere])] }
    await expect(buildSeedFile(spec, NOW)).rejects.toThrow('stop "Nulle part" matches 0 stops')
  })
})
