// The installable PWA as served by the relay: manifest in French, icons at their declared sizes, service worker.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHarness, type BrowserHarness } from '../helpers/browser.ts'

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (bytes: Uint8Array): { width: number; height: number } => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const signature = [0x89, 0x50, 0x4e, 0x47]
  if (!signature.every((byte, i) => bytes[i] === byte)) throw new Error('not a PNG')
  return { width: view.getUint32(16), height: view.getUint32(20) }
}

interface ManifestIcon { src: string; sizes: string; type: string; purpose?: string }

describe('installable PWA', () => {
  let harness: BrowserHarness
  beforeAll(async () => {
    harness = await startHarness()
  })
  afterAll(async () => {
    await harness?.teardown()
  })

  it('links a French manifest whose icons exist at their declared sizes, maskable included', async () => {
    const phone = await harness.newPhone()
    await phone.page.goto('/')
    const href = await phone.page.locator('link[rel=manifest]').getAttribute('href')
    expect(href).toBeTruthy()
    const manifest = (await (await fetch(new URL(href ?? '', harness.relay.url))).json()) as { lang: string; name: string; theme_color: string; icons: ManifestIcon[] }
    expect(manifest).toMatchObject({ lang: 'fr', name: 'Pédibus Coop' })
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i)
    const declared = manifest.icons.map((icon) => `${icon.sizes}${icon.purpose === 'maskable' ? ' maskable' : ''}`).sort()
    expect(declared).toEqual(['192x192', '512x512', '512x512 maskable'])
    for (const icon of manifest.icons) {
      const response = await fetch(new URL(icon.src, harness.relay.url))
      expect(response.status, icon.src).toBe(200)
      const { width, height } = pngSize(new Uint8Array(await response.arrayBuffer()))
      expect(`${width}x${height}`, icon.src).toBe(icon.sizes)
    }
  })

  it('paints a static shell before any script runs, which the app then replaces without a second header', async () => {
    // No JavaScript: what a phone on a slow network paints while the scripts are still on their way.
    const context = await harness.browser.newContext({ baseURL: harness.relay.url, javaScriptEnabled: false })
    try {
      const bare = await context.newPage()
      await bare.goto('/')
      await expect.poll(() => bare.locator('header.topbar').textContent()).toContain('Pédibus Coop')
      expect(await bare.getByRole('status').textContent()).toBe('Chargement…')
    } finally {
      await context.close()
    }
    const phone = await harness.newPhone()
    await phone.page.goto('/')
    await phone.page.getByRole('heading', { level: 1 }).first().waitFor()
    expect(await phone.page.locator('header.topbar').count()).toBe(1)
    expect(await phone.page.locator('main').count()).toBe(1)
    expect(await phone.page.getByText('Chargement…').count()).toBe(0)
  })

  it('registers a service worker that precaches the app shell', async () => {
    const phone = await harness.newPhone()
    await phone.page.goto('/')
    const cached = await phone.page.evaluate(async () => {
      await navigator.serviceWorker.ready
      const names = await caches.keys()
      const urls: string[] = []
      for (const name of names) for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname)
      return urls
    })
    expect(cached).toContain('/index.html')
    expect(cached).toContain('/manifest.webmanifest')
    expect(cached.some((path) => /^\/assets\/index-.*\.js$/.test(path))).toBe(true)
  })
})
