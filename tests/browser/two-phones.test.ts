// Two phones share a collective through the real relay: create, join by invite link, live edits, offline edit via the service worker.
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseInvite } from '../../src/app/invite.ts'
import { openInvitation } from '../../src/app/invitations.ts'
import { deriveRoomToken } from '../../src/lib/credentials.ts'
import { startHarness, readInviteLink, waitForServiceWorkerControl, type BrowserHarness, type Phone } from '../helpers/browser.ts'
import { skipGuidedJoin } from '../helpers/collective-steps.ts'

const POLL = { timeout: 10_000, interval: 100 }

describe('two phones, one collective', () => {
  let harness: BrowserHarness
  let a: Phone
  let b: Phone
  let inviteUrl = ''
  let collectivePath = ''
  const requestedUrls: string[] = []

  beforeAll(async () => {
    harness = await startHarness()
    a = await harness.newPhone()
    b = await harness.newPhone()
    // Every address the phones asked for, service-worker fetches and websockets included.
    for (const phone of [a, b]) {
      phone.context.on('request', (request) => requestedUrls.push(request.url()))
      phone.page.on('websocket', (socket) => requestedUrls.push(socket.url()))
    }
  })
  afterAll(async () => {
    await harness?.teardown()
  })

  const familiesOf = (phone: Phone) => phone.page.getByTestId('family-name').allTextContents()
  const nameOn = (phone: Phone) => phone.page.getByTestId('collective-name').textContent()
  const statusOn = (phone: Phone) => phone.page.getByTestId('sync-status').textContent()

  it('phone A creates a collective and gets an invite link whose secret is only in the fragment', async () => {
    await a.page.goto('/')
    await a.page.getByRole('link', { name: 'Créer un collectif' }).click()
    await a.page.getByLabel('Nom du collectif').fill('Pédibus des Écureuils')
    await a.page.getByLabel('École').fill('École Jules Ferry')
    await a.page.getByLabel('Commune').fill('Lesparre-Médoc')
    await a.page.getByLabel('Code postal').fill('33340')
    await a.page.getByRole('button', { name: 'Créer le collectif' }).click()

    // The guided set-up follows; each step can be skipped, the last one is the invite screen.
    await a.page.waitForURL(/\/c\/[A-Za-z0-9_-]{22}\/demarrage\/ligne$/)
    await a.page.getByRole('link', { name: 'Passer cette étape' }).click()
    await a.page.getByRole('link', { name: 'Passer cette étape' }).click()
    await a.page.waitForURL(/\/c\/[A-Za-z0-9_-]{22}\/demarrage\/inviter$/)
    inviteUrl = await readInviteLink(a.page)
    expect(inviteUrl).toMatch(new RegExp(`^${harness.relay.url}/rejoindre#r=[A-Za-z0-9_-]{22}&i=[A-Za-z0-9_-]{43}$`))
    expect(await a.page.getByTestId('invite-qr').getAttribute('aria-label')).toContain('Pédibus des Écureuils')
    collectivePath = new URL(a.page.url()).pathname.replace(/\/demarrage\/inviter$/, '')
    await expect.poll(() => statusOn(a), POLL).toBe('État de l’enregistrement : Tout est sur le relais')
  })

  it('phone B opens the invite link, sees the same collective, and the secret leaves the address bar', async () => {
    await b.page.goto(inviteUrl)
    // A phone new to the collective opens the guided join (its welcome shows the collective); skipped, the week.
    await b.page.waitForURL((url) => url.pathname === `${collectivePath}/bienvenue/famille`)
    expect(new URL(b.page.url()).hash).toBe('')
    await expect.poll(() => b.page.getByTestId('welcome-collective').textContent(), POLL).toContain('Lesparre-Médoc')
    await skipGuidedJoin(b.page, collectivePath)
    expect(new URL(b.page.url()).hash).toBe('')
    await b.page.getByRole('navigation', { name: 'Le pédibus du collectif' }).getByRole('link', { name: 'Plus' }).click()
    await expect.poll(() => nameOn(b), POLL).toBe('Pédibus des Écureuils')
    await expect.poll(() => b.page.getByTestId('profile-town').textContent(), POLL).toBe('Lesparre-Médoc')
  })

  it('a rename and a new family on phone A appear on phone B', async () => {
    await a.page.goto(`${collectivePath}/plus`) // the landing opens the week; the profile is on the home ("Plus")
    await a.page.getByRole('button', { name: 'Renommer', exact: true }).click()
    await a.page.getByLabel('Nom du collectif').fill('Pédibus du Bourg')
    await a.page.getByRole('button', { name: 'Enregistrer' }).click()
    await a.page.getByLabel('Nom de la famille').fill('Famille Martin')
    await a.page.getByRole('button', { name: 'Ajouter la famille' }).click()

    await expect.poll(() => nameOn(b), POLL).toBe('Pédibus du Bourg')
    await expect.poll(() => familiesOf(b), POLL).toEqual(['Famille Martin'])
  })

  it('phone B, offline, reloads from the service worker and still edits; back online the edit reaches A', async () => {
    await waitForServiceWorkerControl(b.page)
    await b.context.setOffline(true)
    await b.page.reload()

    await expect.poll(() => nameOn(b), POLL).toBe('Pédibus du Bourg')
    await expect.poll(() => familiesOf(b), POLL).toEqual(['Famille Martin'])
    await expect.poll(() => statusOn(b), POLL).toMatch(/Hors ligne/)

    await b.page.getByLabel('Nom de la famille').fill('Famille Nguyen')
    await b.page.getByRole('button', { name: 'Ajouter la famille' }).click()
    await expect.poll(() => familiesOf(b), POLL).toEqual(['Famille Martin', 'Famille Nguyen'])
    await expect.poll(() => statusOn(b), POLL).toMatch(/Hors ligne depuis \d\d:\d\d · 1 modification en attente/)

    // Every screen works offline after one visit: the switcher, then back to the collective.
    await b.page.getByRole('link', { name: 'Collectifs' }).click()
    await expect.poll(() => b.page.getByTestId('collectives').textContent(), POLL).toContain('Pédibus du Bourg')
    await b.page.goBack()
    await expect.poll(() => familiesOf(b), POLL).toEqual(['Famille Martin', 'Famille Nguyen'])

    await b.context.setOffline(false)
    await expect.poll(() => familiesOf(a), POLL).toEqual(['Famille Martin', 'Famille Nguyen'])
    await expect.poll(() => statusOn(b), POLL).toMatch(/Tout est sur le relais/)
    expect([...a.errors, ...b.errors].filter((line) => line.startsWith('pageerror'))).toEqual([])
  })

  it('two tabs of phone B, offline, see each other\'s changes as they are made', async () => {
    await b.context.setOffline(true)
    const second = await b.context.newPage()
    try {
      await second.goto(`${collectivePath}/plus`)
      const familiesIn = (page: typeof second) => page.getByTestId('family-name').allTextContents()
      await expect.poll(() => familiesIn(second), POLL).toEqual(['Famille Martin', 'Famille Nguyen'])
      await b.page.getByLabel('Nom de la famille').fill('Famille Diallo')
      await b.page.getByRole('button', { name: 'Ajouter la famille' }).click()
      await expect.poll(() => familiesIn(second), POLL).toEqual(['Famille Diallo', 'Famille Martin', 'Famille Nguyen'])
      await second.getByLabel('Nom de la famille').fill('Famille Petit')
      await second.getByRole('button', { name: 'Ajouter la famille' }).click()
      await expect.poll(() => familiesOf(b), POLL).toEqual(['Famille Diallo', 'Famille Martin', 'Famille Nguyen', 'Famille Petit'])
    } finally {
      await second.close()
      await b.context.setOffline(false)
    }
    // Back online, each tab's change reaches phone A once.
    await expect.poll(() => familiesOf(a), POLL).toEqual(['Famille Diallo', 'Famille Martin', 'Famille Nguyen', 'Famille Petit'])
    await expect.poll(() => statusOn(b), POLL).toMatch(/Tout est sur le relais/)
  })

  it('every screen opens by its address with the network off', async () => {
    await b.context.setOffline(true)
    const screens: Array<[string, string | RegExp]> = [
      ['/', 'Cette semaine'],
      ['/creer', 'Créer un collectif'],
      ['/rejoindre', /Rejoindre/],
      ['/collectifs', /collectifs/i],
      ['/reglages', 'Réglages'],
      [collectivePath, 'Cette semaine'],
      [`${collectivePath}/plus`, 'Pédibus du Bourg'],
      [`${collectivePath}/inviter`, 'Inviter une famille'],
      ['/nulle-part', /introuvable/i],
    ]
    try {
      for (const [path, heading] of screens) {
        await b.page.goto(path)
        await expect
          .poll(async () => (await b.page.getByRole('heading', { level: 1 }).allTextContents()).join(' | '), POLL)
          .toMatch(heading)
      }
    } finally {
      await b.context.setOffline(false)
    }
    expect(b.errors.filter((line) => line.startsWith('pageerror'))).toEqual([])
  })

  it('neither the invite secret nor the room token ever reached a URL, the relay logs or its disk', async () => {
    // The link holds a one-off invite key: the secret is what the relay keeps sealed under it (issue 16).
    const invite = parseInvite(inviteUrl)
    if (!invite.ok || invite.value.kind !== 'key') throw new Error('invite link without room id or invite key')
    const { roomId, key } = invite.value
    const opened = await openInvitation({ relayUrl: harness.relay.url, fetch: (url, init) => globalThis.fetch(url, init) }, roomId, key)
    if (!opened.ok) throw new Error(`invitation not opened: ${opened.error}`)
    const secret = opened.value
    expect(inviteUrl).not.toContain(secret)
    const token = await deriveRoomToken(roomId, secret)

    expect(requestedUrls.some((url) => url.includes(`/sync/${roomId}`))).toBe(true) // the capture works
    for (const url of requestedUrls) {
      expect(url).not.toContain(secret)
      expect(url).not.toContain(token)
    }
    expect(harness.relay.logs.length).toBeGreaterThan(0)
    const logs = JSON.stringify(harness.relay.logs)
    expect(logs).not.toContain(secret)
    expect(logs).not.toContain(token)
    const stored = await readTree(harness.relay.dataDir)
    expect(stored.length).toBeGreaterThan(0)
    for (const bytes of stored) {
      expect(bytes.includes(secret)).toBe(false)
      expect(bytes.includes(token)).toBe(false)
    }
  })
})

const readTree = async (dir: string): Promise<Buffer[]> => {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name))
  return Promise.all(files.map((file) => readFile(file)))
}
