// Partner links through the app's services and the real relay (issue 18): a member makes a link, another member's
// phone sees it (kept sealed in the collective's document) and publishes the summary after a change; a fresh phone
// reads the summary through the link; the relay's disk holds neither the label, the read key, nor the summary in
// clear; once revoked, the page is told at once and the link opens nothing.
import 'fake-indexeddb/auto'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import type { AppServices, CollectiveSession, PartnerViewState } from '../../src/app/api.ts'
import { createAppServices } from '../../src/app/services.ts'
import { inviteLinkOf } from '../helpers/invitations.ts'
import { startRelay, waitFor, type InProcessRelay } from '../helpers/relay.ts'

const cleanups: Array<() => Promise<void> | void> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

let phoneCount = 0
const startPhone = async (relay: InProcessRelay): Promise<AppServices> => {
  const services = await createAppServices({
    origin: 'http://127.0.0.1:1', relayUrl: relay.url, namespace: `partner-links-${phoneCount++}-${Date.now()}:`,
    WebSocket: WebSocket as unknown as typeof globalThis.WebSocket, windowEvents: null, isBrowserOnline: () => true,
    disableBroadcastChannel: true, storageManager: {},
  })
  cleanups.push(() => services.destroy())
  return services
}
const valueOf = <T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!result.ok) throw new Error(`unexpected error: ${JSON.stringify(result.error)}`)
  return result.value
}
const open = async (services: AppServices, id: string): Promise<CollectiveSession> => {
  const session = await services.openCollective(id as Parameters<AppServices['openCollective']>[0])
  if (!session) throw new Error('no session')
  return session
}
const synced = (session: CollectiveSession): boolean => {
  const status = session.status.get()
  return status.connection === 'online' && status.pending === 0 && status.local === 'saved' && status.relayConfirmed
}
/** Every file under `dir` holding `text`. */
const filesHolding = async (dir: string, text: string): Promise<string[]> => {
  const found: string[] = []
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && (await readFile(join(entry.parentPath, entry.name))).includes(text)) found.push(entry.name)
  }
  return found
}

describe('partner links', () => {
  it('are made, seen and published by any member, and read by a fresh phone', async () => {
    const relay = await startRelay()
    cleanups.push(() => relay.stop())
    const a = await startPhone(relay)
    const id = valueOf(await a.createCollective({ name: 'Pédibus des Lilas', school: 'École Jaurès', town: 'Lyon', schoolPlace: '69003' }))
    const sessionA = await open(a, id)
    valueOf(sessionA.addFamily({ displayName: 'Zorglub' }))
    await waitFor(() => synced(sessionA), 'A on the relay')
    const b = await startPhone(relay)
    valueOf(await b.joinFromInvite(new URL(await inviteLinkOf(sessionA)).hash))
    const sessionB = await open(b, id)

    const created = valueOf(await sessionA.partners!.create('Mairie de Lyon'))
    expect(created.url).toMatch(/^http:\/\/127\.0\.0\.1:1\/partenaire#r=[A-Za-z0-9_-]{22}&k=[A-Za-z0-9_-]{43}$/)
    expect(await sessionA.partners!.create('   ')).toEqual({ ok: false, error: 'invalidLabel' })
    // B sees it from the shared document, with the same link.
    await waitFor(() => sessionB.partners!.links.get().length === 1, 'the link on B')
    expect(sessionB.partners!.links.get()[0]).toMatchObject({ label: 'Mairie de Lyon', url: created.url })

    // A fresh phone reads the summary through the link.
    const partner = await startPhone(relay)
    const view = partner.openPartnerView(new URL(created.url).hash)
    cleanups.push(() => view.destroy())
    const shown = (): Extract<PartnerViewState, { kind: 'shown' }> | null => {
      const state = view.state.get()
      return state.kind === 'shown' ? state : null
    }
    await waitFor(() => shown() !== null, 'the summary on the partner’s phone', 20_000)
    expect(shown()?.summary).toMatchObject({ collective: 'Pédibus des Lilas', lines: [] })

    // A leaves; B adds a line: B's phone publishes, the open page shows it.
    sessionA.destroy()
    valueOf(sessionB.addLine({ name: 'Ligne des Lilas', colour: '#2e7d32', directions: ['aller'], days: [1, 2, 4, 5] }))
    await waitFor(() => shown()?.summary.lines.length === 1, 'the new line published by B', 20_000)
    expect(shown()?.summary.lines[0]?.name).toBe('Ligne des Lilas')

    // Nothing of the link or of the summary in clear on the relay's disk.
    await relay.relay.close()
    const key = new URLSearchParams(new URL(created.url).hash.slice(1)).get('k')!
    for (const text of ['Mairie de Lyon', key, 'Zorglub']) expect(await filesHolding(relay.dataDir, text), text).toEqual([])
    // The line's name is in clear in the collective's room (by design), never in the partner room's files.
    const partnerRoom = join(relay.dataDir, 'rooms', created.id)
    expect((await readdir(partnerRoom)).length).toBeGreaterThan(0)
    expect(await filesHolding(partnerRoom, 'Ligne des Lilas')).toEqual([])
    expect(await filesHolding(partnerRoom, 'Pédibus des Lilas')).toEqual([])
  })

  it('withdrawn, closes the open page at once and opens nothing any more', async () => {
    const relay = await startRelay()
    cleanups.push(() => relay.stop())
    const a = await startPhone(relay)
    const id = valueOf(await a.createCollective({ name: 'Pédibus des Lilas', school: 'École Jaurès', town: 'Lyon', schoolPlace: '69003' }))
    const session = await open(a, id)
    await waitFor(() => synced(session), 'A on the relay')
    const created = valueOf(await session.partners!.create('École Jaurès'))
    const partner = await startPhone(relay)
    const view = partner.openPartnerView(new URL(created.url).hash)
    cleanups.push(() => view.destroy())
    await waitFor(() => view.state.get().kind === 'shown', 'shown', 20_000)

    expect(await session.partners!.revoke('not-a-link')).toEqual({ ok: false, error: 'notFound' })
    valueOf(await session.partners!.revoke(created.id))
    await waitFor(() => view.state.get().kind === 'revoked', 'the open page told')
    expect(session.partners!.links.get()).toEqual([])
    const again = partner.openPartnerView(new URL(created.url).hash)
    cleanups.push(() => again.destroy())
    await waitFor(() => again.state.get().kind === 'revoked', 'the link opens nothing')
    expect(partner.openPartnerView('#r=short&k=bad').state.get().kind).not.toBe('shown')
  })
})
