// Each text key is written once per language: the catalogues are split by screen and merged, so a key written in two
// parts takes the text of whichever part loaded last ('welcome.title' once read "Welcome to {name}" on the first visit).
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LANGUAGES, type Language } from '../../../src/domain/language.ts'

const I18N = join(import.meta.dirname, '../../../src/ui/i18n')

/** Every `'key': text` entry of the language's catalogue files, with the file it is in. */
const entriesOf = (language: Language): Array<{ key: string; file: string }> =>
  readdirSync(I18N).filter((file) => file.startsWith(`${language}`) && file.endsWith('.ts')).flatMap((file) =>
    [...readFileSync(join(I18N, file), 'utf8').matchAll(/^\s+'([a-zA-Z][\w.-]*)':/gm)].map((match) => ({ key: match[1]!, file })))

describe('text keys', () => {
  for (const language of LANGUAGES) {
    it(`are each written once in the ${language} catalogue`, () => {
      const entries = entriesOf(language)
      expect(entries.length).toBeGreaterThan(500)
      const files = new Map<string, string[]>()
      for (const { key, file } of entries) files.set(key, [...(files.get(key) ?? []), file])
      expect([...files].filter(([, where]) => where.length > 1)).toEqual([])
    })
  }
})
