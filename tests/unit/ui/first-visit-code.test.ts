// What a first visit downloads before its welcome screen: the app shell, Dexie and the device list, never the document.
//
// Follows the static imports from src/main.tsx (what index.html loads and preloads; dynamic import() is fetched
// later, and precached for offline) and fails when one of them reaches Yjs, the doc, sync or CRDT layers, the session
// and its commands, or the domain's rules: those load from src/app/session-runtime.ts and src/ui/pages/rota/index.ts,
// which a phone holding a collective starts fetching at once (src/main.tsx).
import { existsSync, readFileSync } from 'node:fs'
import { dirname, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(import.meta.dirname, '../../..')

/** Value imports of a file (static imports and re-exports; not `import type`, not import()). */
const importsOf = (source: string): string[] => {
  const pattern = /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm
  return [...source.matchAll(pattern)].map((match) => match[1]!)
}

const staticGraph = (): { files: string[]; packages: Set<string> } => {
  const files = new Set<string>()
  const packages = new Set<string>()
  const queue = [resolve(ROOT, 'src/main.tsx')]
  while (queue.length > 0) {
    const file = queue.pop()!
    if (files.has(file)) continue
    files.add(file)
    for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
      if (!specifier.startsWith('.')) {
        // 'yjs', '@noble/ciphers/chacha', 'preact/hooks': the package's name.
        const parts = specifier.split('/')
        packages.add(specifier.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!)
        continue
      }
      const target = resolve(dirname(file), specifier)
      if (/\.(ts|tsx)$/.test(target) && existsSync(target)) queue.push(target)
    }
  }
  return { files: [...files].map((file) => relative(ROOT, file)).sort(), packages }
}

describe('the first visit’s code', () => {
  const { files, packages } = staticGraph()

  it('follows the real entry: the app shell, the services and the device list are in', () => {
    expect(files).toContain('src/ui/App.tsx')
    expect(files).toContain('src/app/services.ts')
    expect(files).toContain('src/storage/device-db.ts')
    expect(packages).toContain('dexie')
    expect(packages).toContain('preact')
  })

  it('holds no CRDT or sync library', () => {
    const heavy = ['yjs', 'y-indexeddb', 'y-websocket', 'y-protocols', 'lib0', '@noble/ciphers', '@noble/hashes']
    expect([...packages].filter((name) => heavy.includes(name))).toEqual([])
  })

  it('holds neither the document, nor the session and its commands, nor the collective’s screens', () => {
    // Two queries the create screen needs are allowed: the school's place, and reading a template file, whose schemas
    // it imports only once a file is picked (src/app/queries/template.ts).
    const documentCode = files.filter((file) =>
      /^src\/(doc|crdt|sync)\//.test(file)
      || /^src\/app\/(session\.ts|session-runtime\.ts|commands|queries\/(?!(school-place|template)\.ts$)|demo|generation|renew|restore)/.test(file)
      || /^src\/ui\/(components\/(rota|swaps|walk|coordination)|pages\/rota)\//.test(file))
    expect(documentCode).toEqual([])
  })

  it('takes from the domain only what the welcome, create and join forms check, and the languages list', () => {
    const domain = files.filter((file) => file.startsWith('src/domain/'))
    // language.ts: the phone's saved language is parsed at start (src/storage/device-db.ts), three lines.
    expect(domain).toEqual([
      'src/domain/collective.ts', 'src/domain/ids.ts', 'src/domain/language.ts', 'src/domain/school-place.ts',
      'src/domain/text.ts', 'src/domain/validation.ts',
    ])
  })
})
