// Renders public/favicon.svg into the PWA's PNG icons (192, 512 and a maskable 512) with the local Chromium.
// Run: node --import tsx scripts/make-icons.ts (the PNGs are committed; rerun only after changing the SVG).
import { readFile, writeFile } from 'node:fs/promises'
import { chromium } from 'playwright-core'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']

const svg = await readFile(new URL('../public/favicon.svg', import.meta.url), 'utf8')
const inner = svg.replace(/^[\s\S]*?<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '')

/** Maskable: full-bleed background, drawing shrunk into the central 80% safe zone. */
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">
  <rect width="64" height="64" fill="#1f5f3f"/>
  <g transform="translate(8.96 8.96) scale(0.72)">${inner.replace(/<rect width="64" height="64" rx="14" fill="#1f5f3f"\/>/, '')}</g>
</svg>`

const page = (source: string, size: number) =>
  `<!doctype html><html><body style="margin:0;background:transparent">
  <img src="data:image/svg+xml;charset=utf-8,${encodeURIComponent(source)}" width="${size}" height="${size}" style="display:block"></body></html>`

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS })
try {
  const targets = [
    { file: 'icon-192.png', source: svg, size: 192 },
    { file: 'icon-512.png', source: svg, size: 512 },
    { file: 'maskable-512.png', source: maskable, size: 512 },
  ]
  for (const { file, source, size } of targets) {
    const tab = await browser.newPage({ viewport: { width: size, height: size } })
    await tab.setContent(page(source, size))
    await tab.waitForFunction(() => document.images[0]?.complete === true, undefined, { timeout: 10_000 })
    const png = await tab.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } })
    await writeFile(new URL(`../public/icons/${file}`, import.meta.url), png)
    await tab.close()
    console.log(`public/icons/${file}`)
  }
} finally {
  await browser.close()
}
