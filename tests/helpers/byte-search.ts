// Searching stored bytes for personal values: which of some texts occur (UTF-8) in files or IndexedDB records.
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'

/** The texts among `needles` whose UTF-8 bytes occur in at least one of `haystacks`. */
export const needlesFound = (haystacks: readonly Uint8Array[], needles: readonly string[]): string[] =>
  needles.filter((needle) => {
    const bytes = Buffer.from(needle, 'utf8')
    return haystacks.some((haystack) => Buffer.from(haystack.buffer, haystack.byteOffset, haystack.byteLength).indexOf(bytes) !== -1)
  })

/** The bytes of every file under `dir` (recursively), whatever its name; a file gone meanwhile (renamed, deleted) is skipped. */
export const filesUnder = async (dir: string): Promise<Uint8Array[]> => {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  const files = await Promise.all(entries.filter((entry) => entry.isFile())
    .map((entry) => readFile(join(entry.parentPath, entry.name)).catch(() => null)))
  return files.flatMap((file) => (file === null ? [] : [file]))
}
