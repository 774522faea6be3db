// The first screens' modules use only the French texts bundled with them; every later screen waits for the rest.
//
// Follows the static imports from src/main.tsx (what the first chunks hold) and from the collective's first screens
// (src/ui/pages/rota/index.ts: fetched at start by a phone holding a collective, without the later texts), collects
// the message keys each module names (literal keys, and every key under a `prefix.${...}` or 'prefix.' + ... it builds), and checks them against
// fr-first-screen.ts. A key missing there would show as itself until the later texts arrive.
import { readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { en } from '../../../src/ui/i18n/en.ts'
import { fr } from '../../../src/ui/i18n/fr.ts'
import { frFirstScreen } from '../../../src/ui/i18n/fr-first-screen.ts'

const ROOT = resolve(import.meta.dirname, '../../..')
// Every key of either language: fr.ts is made of the two French parts, so a key left out of both is still known.
const ALL_KEYS = [...new Set([...Object.keys(fr), ...Object.keys(en)])]
const KNOWN = new Set(ALL_KEYS)
const FIRST_SCREEN_KEYS = new Set(Object.keys(frFirstScreen))

/** Relative modules a file imports for their values (static imports and re-exports; not types, not import()). */
const staticImportsOf = (file: string, source: string): string[] => {
  const found: string[] = []
  const pattern = /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\s+from\s+)?['"](\.[^'"]+)['"]/gm
  for (const match of source.matchAll(pattern)) found.push(resolve(dirname(file), match[1]!))
  return found.filter((path) => /\.(ts|tsx)$/.test(path))
}

/** Chunks loaded with the first screens' texts only: routes-rota.tsx imports it without withAllTexts. */
const FIRST_TEXT_CHUNKS = ['src/ui/pages/rota/index.ts']

const firstScreenModules = (): Map<string, string> => {
  const sources = new Map<string, string>()
  const queue = [join(ROOT, 'src/main.tsx'), ...FIRST_TEXT_CHUNKS.map((chunk) => join(ROOT, chunk))]
  while (queue.length > 0) {
    const file = queue.pop()!
    if (sources.has(file)) continue
    const source = readFileSync(file, 'utf8')
    sources.set(file, source)
    queue.push(...staticImportsOf(file, source))
  }
  return sources
}

/** The message keys a module names: literals, and all keys under a prefix it completes at run time. */
const keysNamedIn = (source: string): Set<string> => {
  const keys = new Set<string>()
  for (const match of source.matchAll(/'([a-zA-Z][\w.]*)'/g)) if (KNOWN.has(match[1]!)) keys.add(match[1]!)
  const prefixes = [
    ...[...source.matchAll(/`([a-zA-Z][\w]*\.[\w.]*)\$\{/g)].map((match) => match[1]!),
    ...[...source.matchAll(/'([a-zA-Z][\w]*\.[\w.]*\.)'\s*\+/g)].map((match) => match[1]!),
  ]
  for (const prefix of prefixes) for (const key of ALL_KEYS) if (key.startsWith(prefix)) keys.add(key)
  return keys
}

describe('texts of the first screens', () => {
  const modules = firstScreenModules()

  it('follows the first chunks: the app shell, the home and the week are in, the later screens are not', () => {
    const names = [...modules.keys()].map((file) => relative(ROOT, file))
    expect(names).toContain('src/ui/App.tsx')
    expect(names).toContain('src/ui/pages/rota/WeekPage.tsx')
    expect(names.filter((name) => /src\/ui\/pages\/(manage|planning|print|privacy|absence)\//.test(name))).toEqual([])
    // Neither the whole French set, nor its later part, nor English is a static import of the first screens.
    expect(names.filter((name) => /src\/ui\/i18n\/(fr|fr-later|en)\.ts$/.test(name))).toEqual([])
  })

  it('names only keys bundled with them (fr-first-screen.ts)', () => {
    const missing: string[] = []
    for (const [file, source] of modules) {
      for (const key of keysNamedIn(source)) if (!FIRST_SCREEN_KEYS.has(key)) missing.push(`${relative(ROOT, file)}: ${key}`)
    }
    expect(missing).toEqual([])
  })

  it('loads every later screen through withAllTexts (its module and the later texts together)', () => {
    const unguarded: string[] = []
    for (const [file, source] of modules) {
      for (const line of source.split('\n')) {
        const lazyScreen = /\bimport\(\s*['"]\.\/(pages\/[^'"]+)['"]/.exec(line)
        if (!lazyScreen || line.includes('withAllTexts(')) continue
        if (!FIRST_TEXT_CHUNKS.includes(`src/ui/${lazyScreen[1]!}`)) unguarded.push(`${relative(ROOT, file)}: ${line.trim()}`)
      }
    }
    expect(unguarded).toEqual([])
  })
})
