// The screens loaded on first use (their own chunks): every built file is precached, and each screen opens offline,
// by its address and by an in-app link, with its title in the tab and the focus on its heading after a link.
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fr } from '../../src/ui/i18n/fr.ts'
import { DIST_DIR, usePhones, waitForServiceWorkerControl, type Phone } from '../helpers/browser.ts'
import { addFamilyWithAdult, addLineWithStops, createCollective } from '../helpers/collective-steps.ts'

const POLL = { timeout: 10_000, interval: 100 }

describe('screens loaded on first use', () => {
  let phone: Phone
  usePhones(1, ([only]) => {
    phone = only
  })
  let base = ''

  const inCollective = (screens: Array<[string, string]>): Array<[string, string]> => screens.map(([path, title]) => [`${base}${path}`, title])
  const headings = () => phone.page.getByRole('heading', { level: 1 }).allTextContents()

  it('precaches every script and style of the build, the lazy chunks included', async () => {
    base = await createCollective(phone.page)
    await waitForServiceWorkerControl(phone.page)
    const built = (await readdir(join(DIST_DIR, 'assets'))).filter((file) => /\.(js|css)$/.test(file))
    expect(built.length).toBeGreaterThan(3) // the main chunk, its styles and at least two lazy chunks
    const cached = await phone.page.evaluate(async () => {
      const urls: string[] = []
      for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname)
      return urls
    })
    expect(built.filter((file) => !cached.includes(`/assets/${file}`))).toEqual([])
  })

  it('opens each lazy screen by its address with the network off, titled in the tab', async () => {
    const screens: Array<[string, string]> = [
      ['/donnees', fr['privacy.title']],
      ['/premiers-pas', fr['firstSteps.title']],
      ...inCollective([
        ['/lignes', fr['manage.lines.title']],
        ['/familles', fr['families.title']],
        ['/parametres', fr['manage.settings.title']],
        ['/calendrier', fr['manage.calendar.title']],
        ['/coordination', fr['coord.page.title']],
        ['/coordination/a-faire', fr['coord.duty.title']],
        ['/journal', fr['journal.title']],
        ['/absences', fr['absence.title']],
        ['/donnees', fr['privacy.title']],
        ['/trajet', fr['walk.index.title']],
        ['/inviter', fr['invite.title']],
        ['/coups-de-main', fr['help.title']],
        ['/rencontres', fr['meetings.title']],
        ['/rencontres/nouvelle', fr['meetings.new.title']],
      ]),
    ]
    await phone.context.setOffline(true)
    try {
      for (const [path, heading] of screens) {
        await phone.page.goto(path)
        await expect.poll(async () => (await headings()).join(' | '), POLL).toBe(heading)
        await expect.poll(() => phone.page.title(), POLL).toBe(`${heading} · Pédibus Coop`)
      }
    } finally {
      await phone.context.setOffline(false)
    }
    expect(phone.errors.filter((line) => line.startsWith('pageerror'))).toEqual([])
  })

  it("titles the tab with the screen's name, never a family's name typed by a member (the browser's history keeps titles)", async () => {
    const { page } = phone
    await addFamilyWithAdult(page, base, 'Famille Zorglub', 'Zéphyrin', '06 12 34 56 78')
    await expect.poll(() => page.getByTestId('family-title').textContent(), POLL).toBe('Famille Zorglub')
    await expect.poll(() => page.title(), POLL).toBe(`${fr['families.title']} · Pédibus Coop`)
    const family = page.url()
    for (const path of ['/plus', '/semaine', '/familles']) {
      await page.goto(`${base}${path}`)
      await expect.poll(async () => (await headings()).length, POLL).toBe(1)
      expect(await page.title()).not.toMatch(/Zorglub|Zéphyrin/)
    }
    await page.goto(family)
    await expect.poll(() => page.getByTestId('family-title').textContent(), POLL).toBe('Famille Zorglub')
    expect(await page.title()).toBe(`${fr['families.title']} · Pédibus Coop`)
  })

  it('follows an in-app link to a lazy screen offline and focuses its heading', async () => {
    await phone.context.setOffline(true)
    try {
      await phone.page.goto(`${base}/plus`)
      await expect.poll(async () => (await headings()).length, POLL).toBe(1)
      await phone.page.locator(`a[href="${base}/lignes"]`).first().click()
      await expect.poll(async () => (await headings()).join(' | '), POLL).toBe(fr['manage.lines.title'])
      await expect
        .poll(() => phone.page.evaluate(() => document.activeElement?.tagName === 'H1' ? document.activeElement.textContent : null), POLL)
        .toBe(fr['manage.lines.title'])
    } finally {
      await phone.context.setOffline(false)
    }
    expect(phone.errors.filter((line) => line.startsWith('pageerror'))).toEqual([])
  })

  it('starts offline on a collective’s week: "Chargement…" until the stored copy is read, never an empty week', async () => {
    await addLineWithStops(phone.page, base, 'Ligne Verte', [{ name: 'Place du Marché', aller: '08:05' }, { name: 'École', aller: '08:25' }])
    await phone.page.goto(`${base}/semaine`)
    await expect.poll(() => phone.page.getByText('Ligne Verte').count(), POLL).toBeGreaterThan(0)
    // Every text the screen shows from the first frame on, recorded in the page: a week drawn from the empty
    // collective (before the stored copy is read) would say there is no line yet.
    const seen = await phone.context.newPage()
    await seen.addInitScript(() => {
      const texts: string[] = []
      ;(window as unknown as { __texts: string[] }).__texts = texts
      new MutationObserver(() => texts.push(document.body?.innerText ?? '')).observe(document, { subtree: true, childList: true, characterData: true })
    })
    await phone.context.setOffline(true)
    try {
      await seen.goto(`${base}/semaine`)
      await expect.poll(() => seen.getByText('Ligne Verte').count(), POLL).toBeGreaterThan(0)
      const texts = await seen.evaluate(() => (window as unknown as { __texts: string[] }).__texts)
      expect(texts.some((text) => text.includes(fr['app.loading']))).toBe(true)
      expect(texts.filter((text) => text.includes(fr['rota.week.noLines']))).toEqual([])
    } finally {
      await phone.context.setOffline(false)
      await seen.close()
    }
  })
})
