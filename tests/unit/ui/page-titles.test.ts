// The tab's title names the screen with a text that has no values: the browser keeps titles in its history, sessions
// and synced account, so a family's name typed by a member (a heading's content) must never reach one.
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { en } from '../../../src/ui/i18n/en.ts'
import { fr } from '../../../src/ui/i18n/fr.ts'

const UI = join(import.meta.dirname, '../../../src/ui')

const sources = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
  const path = join(dir, entry.name)
  if (entry.isDirectory()) return sources(path)
  return entry.name.endsWith('.tsx') ? [path] : []
})

/** Each `<PageTitle …>` opening tag of the UI, with its file. */
const pageTitleTags = (): Array<{ file: string; tag: string }> => sources(UI).flatMap((file) => {
  const text = readFileSync(file, 'utf8')
  return [...text.matchAll(/<PageTitle\b[^>]*>/g)].map((match) => ({ file: file.slice(UI.length + 1), tag: match[0] }))
})

describe('page titles', () => {
  const tags = pageTitleTags()

  it('every screen names itself by text keys only (a literal, or literals chosen by a condition)', () => {
    expect(tags.length).toBeGreaterThan(35)
    for (const { file, tag } of tags) {
      const name = /\bname=(?:"([^"]+)"|\{([^}]*)\})/.exec(tag)
      expect(name, `${file}: ${tag}`).not.toBeNull()
      const expression = name![2]
      // An expression may only choose between quoted keys: no call, no other text can bring a typed value in.
      if (expression !== undefined) {
        expect(expression, `${file}: ${tag}`).toMatch(/'[a-zA-Z0-9.]+'/)
        expect(expression.replace(/'[a-zA-Z0-9.]+'/g, ''), `${file}: ${tag}`).not.toMatch(/['"`(]/)
      }
    }
  })

  it('names screens with texts that take no values, in French and English', () => {
    const keys = tags.flatMap(({ tag }) => [...(/\bname=(?:"([^"]+)"|\{([^}]*)\})/.exec(tag)?.slice(1).join(' ') ?? '')
      .matchAll(/[a-zA-Z]+(?:\.[a-zA-Z0-9]+)+/g)].map((match) => match[0]))
    expect(keys.length).toBeGreaterThanOrEqual(tags.length)
    for (const key of new Set(keys)) {
      for (const [language, messages] of [['fr', fr], ['en', en]] as const) {
        const text = (messages as Readonly<Record<string, string>>)[key]
        expect(text, `${language} ${key}`).toBeTypeOf('string')
        expect(text, `${language} ${key}`).not.toContain('{')
      }
    }
  })

})
