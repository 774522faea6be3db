// The sync status sentence shown on every screen, from each SyncStatus a collective can be in.
import { describe, expect, it } from 'vitest'
import type { SyncStatus } from '../../../src/app/api.ts'
import { createTranslate } from '../../helpers/translate.ts'
import { syncStatusText } from '../../../src/ui/status/statusText.ts'

const base: SyncStatus = { local: 'saved', connection: 'connecting', pending: 0, offlineSince: null, storageError: null, relayConfirmed: false, moved: false, archived: false, diverged: false, roomFull: false, relayDeletesOn: null }
const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16)
const fr = (status: Partial<SyncStatus>) => syncStatusText({ ...base, ...status }, createTranslate('fr'), 'fr', hhmm)
const en = (status: Partial<SyncStatus>) => syncStatusText({ ...base, ...status }, createTranslate('en'), 'en', hhmm)

describe('sync status text', () => {
  it('says saved on this phone while not yet connected', () => {
    expect(fr({})).toEqual({ text: 'Enregistré sur ce téléphone', tone: 'ok' })
  })

  it('says everything is on the relay when online with nothing waiting', () => {
    expect(fr({ connection: 'online' })).toEqual({ text: 'Tout est sur le relais', tone: 'ok' })
    expect(en({ connection: 'online' }).text).toBe('Everything is on the relay')
  })

  it('counts waiting changes with the right plural', () => {
    expect(fr({ connection: 'online', pending: 1 }).text).toBe('1 modification en attente')
    expect(fr({ connection: 'online', pending: 3 }).text).toBe('3 modifications en attente')
    expect(en({ connection: 'online', pending: 1 }).text).toBe('1 change waiting')
    expect(en({ connection: 'online', pending: 2 }).text).toBe('2 changes waiting')
  })

  it('says since when it is offline, and what is waiting', () => {
    const since = Date.UTC(2026, 10, 28, 8, 42)
    expect(fr({ connection: 'offline', offlineSince: since })).toEqual({ text: 'Hors ligne depuis 08:42', tone: 'warning' })
    expect(fr({ connection: 'offline', offlineSince: since, pending: 2 }).text).toBe('Hors ligne depuis 08:42 · 2 modifications en attente')
    expect(fr({ connection: 'offline' }).text).toBe('Hors ligne')
  })

  it('says when this phone is brought back in step with the relay, and when the collective is full there', () => {
    expect(fr({ connection: 'offline', diverged: true, pending: 2 })).toEqual({ text: 'Remise en accord avec le relais…', tone: 'busy' })
    expect(en({ diverged: true }).text).toBe('Bringing this phone back in step with the relay…')
    const full = fr({ connection: 'offline', roomFull: true, pending: 3 })
    expect(full.tone).toBe('error')
    expect(full.text).toContain('taille maximale sur le relais')
    expect(full.text).toContain('3 modifications en attente')
    expect(en({ roomFull: true, pending: 1 }).text).toContain('size limit on the relay')
  })

  it('puts a refusal by the relay above everything else', () => {
    expect(fr({ connection: 'refused', pending: 4 })).toEqual({ text: 'Invitation refusée par le relais', tone: 'error' })
  })

  it('says the collective is opening while the phone reads it', () => {
    expect(fr({ local: 'loading' }).tone).toBe('busy')
    expect(fr({ local: 'loading' }).text).toBe('Ouverture du collectif sur ce téléphone…')
  })

  it('reports a local storage error', () => {
    expect(fr({ local: 'error', connection: 'online' }).tone).toBe('error')
  })
})
