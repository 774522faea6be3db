// Plain HTTP on the relay: /healthz, the built app with the right MIME and cache headers, SPA fallback for
// navigation only, a notice when the app is not built, and slow clients cut off by header timeouts.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { get, type IncomingHttpHeaders } from 'node:http'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { compressDirectory } from '../../scripts/compress-dist.ts'
import { startRelay, type InProcessRelay } from '../helpers/relay.ts'

let staticDir: string
/** A script worth compressing (the texts of a screen): tens of KiB that shrink to a few. */
const BIG_SCRIPT = Array.from({ length: 2000 }, (_, i) => `export const t${i} = 'Inscription au trajet du matin ${i}'`).join('\n')

/** The raw response (no automatic decompression): status, headers and body bytes. */
const rawGet = (url: string, acceptEncoding: string | null): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> =>
  new Promise((resolve, reject) => {
    const request = get(url, { headers: acceptEncoding === null ? {} : { 'accept-encoding': acceptEncoding } }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }))
    })
    request.on('error', reject)
  })
let relay: InProcessRelay

beforeAll(async () => {
  staticDir = await mkdtemp(join(tmpdir(), 'pedibus-static-'))
  await mkdir(join(staticDir, 'assets'))
  // As big as the built page (its head lists the icons and the manifest): worth compressing.
  const head = Array.from({ length: 20 }, (_, i) => `<link rel="icon" href="/icons/icon-${i}.png" sizes="${i}x${i}">`).join('')
  await writeFile(join(staticDir, 'index.html'), `<!doctype html><title>Pédibus</title>${head}`)
  await writeFile(join(staticDir, 'sw.js'), 'self.addEventListener("fetch", () => {})')
  await writeFile(join(staticDir, 'manifest.webmanifest'), '{"name":"Pédibus Coop"}')
  await writeFile(join(staticDir, 'assets', 'index-abc123.js'), 'console.log(1)')
  await writeFile(join(staticDir, 'assets', 'texts-def456.js'), BIG_SCRIPT)
  // Maps a careless build would leave: they must never be served.
  await writeFile(join(staticDir, 'sw.js.map'), '{"version":3,"sources":["sw.ts"]}')
  await writeFile(join(staticDir, 'assets', 'index-abc123.js.map'), '{"version":3,"sources":["main.tsx"]}')
  await compressDirectory(staticDir)
  relay = await startRelay({ staticDir, env: { HEADERS_TIMEOUT_MS: '300', REQUEST_TIMEOUT_MS: '600' } })
})

afterAll(async () => {
  await relay.stop()
  await rm(staticDir, { recursive: true, force: true })
})

describe('relay http', () => {
  it('answers /healthz with counts only', async () => {
    const response = await fetch(`${relay.url}/healthz`)
    expect(response.status).toBe(200)
    const body = (await response.json()) as Record<string, unknown>
    expect(body.status).toBe('ok')
    expect(body.rooms).toBe(0)
    expect(typeof body.connections).toBe('number')
    expect(typeof body.counters).toBe('object')
  })

  it('serves the app with MIME types, cache rules and security headers', async () => {
    const cases = [
      { path: '/', type: 'text/html', cache: 'no-cache' },
      { path: '/sw.js', type: 'text/javascript', cache: 'no-cache' },
      { path: '/manifest.webmanifest', type: 'application/manifest+json', cache: 'no-cache' },
      { path: '/assets/index-abc123.js', type: 'text/javascript', cache: 'public, max-age=31536000, immutable' },
    ]
    for (const { path, type, cache } of cases) {
      const response = await fetch(`${relay.url}${path}`)
      expect({ path, status: response.status }).toEqual({ path, status: 200 })
      expect(response.headers.get('content-type') ?? '').toContain(type)
      expect({ path, cache: response.headers.get('cache-control') }).toEqual({ path, cache })
      expect(response.headers.get('referrer-policy')).toBe('no-referrer')
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    }
  })

  it('sends the precompressed copy a browser accepts (brotli first, then gzip), the file itself otherwise', async () => {
    const url = `${relay.url}/assets/texts-def456.js`
    const brotli = await rawGet(url, 'gzip, deflate, br')
    expect([brotli.status, brotli.headers['content-encoding']]).toEqual([200, 'br'])
    expect(brotliDecompressSync(brotli.body).toString()).toBe(BIG_SCRIPT)
    expect(brotli.body.length).toBeLessThan(BIG_SCRIPT.length / 4)
    expect(brotli.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(brotli.headers['content-type'] ?? '').toContain('text/javascript')
    expect(brotli.headers.vary ?? '').toMatch(/accept-encoding/i)
    const gzip = await rawGet(url, 'gzip')
    expect([gzip.status, gzip.headers['content-encoding']]).toEqual([200, 'gzip'])
    expect(gunzipSync(gzip.body).toString()).toBe(BIG_SCRIPT)
    const plain = await rawGet(url, null)
    expect([plain.status, plain.headers['content-encoding']]).toEqual([200, undefined])
    expect(plain.body.toString()).toBe(BIG_SCRIPT)
    // The app's own page too (navigation falls back to it).
    const page = await rawGet(`${relay.url}/some/screen`, 'br')
    expect([page.status, page.headers['content-encoding']]).toEqual([200, 'br'])
    expect(brotliDecompressSync(page.body).toString()).toContain('Pédibus')
  })

  it('never serves source maps, even when the static dir holds some', async () => {
    for (const path of ['/sw.js.map', '/assets/index-abc123.js.map', '/assets/missing.js.map']) {
      const response = await fetch(`${relay.url}${path}`)
      expect({ path, status: response.status }).toEqual({ path, status: 404 })
      expect(await response.text()).not.toContain('sources')
    }
  })

  it('builds no source map and points to none (dist/, as npm test builds it)', async () => {
    const dist = join(import.meta.dirname, '../../dist')
    const files = await listFiles(dist)
    expect(files.some((file) => file.endsWith('index.html'))).toBe(true) // the build ran
    expect(files.filter((file) => file.endsWith('.map'))).toEqual([])
    for (const file of files.filter((name) => name.endsWith('.js'))) {
      expect({ file, mapped: (await readFile(file, 'utf8')).includes('sourceMappingURL') }).toEqual({ file, mapped: false })
    }
  })

  it('falls back to index.html for navigation paths but not for missing files', async () => {
    const page = await fetch(`${relay.url}/collectif/abc/familles`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<title>Pédibus</title>')
    expect((await fetch(`${relay.url}/assets/missing-123.js`)).status).toBe(404)
    expect((await fetch(`${relay.url}/../../etc/passwd`)).status).not.toBe(500)
  })

  it('says to run the build when the static dir has no index.html', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'pedibus-empty-'))
    const bare = await startRelay({ staticDir: empty })
    try {
      const response = await fetch(`${bare.url}/`)
      expect(response.headers.get('content-type')).toContain('text/plain')
      expect(await response.text()).toContain('npm run build')
    } finally {
      await bare.stop()
      await rm(empty, { recursive: true, force: true })
    }
  })

  it('closes a client that sends its headers one byte at a time, while others are served', async () => {
    const socket = connect(relay.relay.port, '127.0.0.1')
    socket.on('error', () => undefined)
    const closed = new Promise<void>((done) => socket.once('close', () => done()))
    const request = 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ' + 'a'.repeat(200)
    let index = 0
    let isClosed = false
    void closed.then(() => (isClosed = true))
    for (; index < request.length && !isClosed; index++) {
      socket.write(request[index]!)
      await new Promise((done) => setTimeout(done, 50))
      if (index === 3) expect((await fetch(`${relay.url}/healthz`)).status).toBe(200)
    }
    await closed
    expect(index).toBeLessThan(request.length) // closed before the slow client finished its headers
  })
})

const listFiles = async (dir: string): Promise<string[]> => {
  const entries = await readdir(dir, { withFileTypes: true })
  const nested = await Promise.all(entries.map((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name)) : Promise.resolve([join(dir, entry.name)])))
  return nested.flat()
}
