// How many files a first visit fetches before its first paint: each is a round trip on a slow phone network (over
// HTTP/1.1, six at a time with the styles and the manifest), so the build keeps the entry's static imports together.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DIST_DIR } from '../helpers/browser.ts'

describe('the built first visit', () => {
  it('loads its scripts in at most two files, whatever the entry shares with the lazy screens', async () => {
    const html = await readFile(join(DIST_DIR, 'index.html'), 'utf8')
    const scripts = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+\.js)"/g)].map((match) => match[1])
    expect(scripts.length).toBeGreaterThan(0)
    expect(scripts.length, scripts.join(', ')).toBeLessThanOrEqual(2)
  })
})
