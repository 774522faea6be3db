// Writes brotli and gzip copies of every text file of the built app, which the relay serves to browsers that accept them.
//
// Compressing once at build time (brotli at its best quality) costs nothing per request and sends a phone on a weak
// network a quarter of the bytes. A copy is kept only when smaller than the file itself.
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

const TEXT_FILE = /\.(?:js|mjs|css|html|svg|webmanifest|json|txt|xml)$/

const filesUnder = async (dir: string): Promise<string[]> => {
  const entries = await readdir(dir, { withFileTypes: true })
  const nested = await Promise.all(entries.map((entry) => {
    const path = join(dir, entry.name)
    return entry.isDirectory() ? filesUnder(path) : Promise.resolve([path])
  }))
  return nested.flat()
}

export interface CompressedFile {
  readonly path: string
  readonly bytes: number
  readonly brotli: number | null
  readonly gzip: number | null
}

/** Writes `<file>.br` and `<file>.gz` next to each text file under `dir`; returns the sizes. */
export const compressDirectory = async (dir: string): Promise<CompressedFile[]> => {
  const files = (await filesUnder(dir)).filter((path) => TEXT_FILE.test(path))
  return Promise.all(files.map(async (path): Promise<CompressedFile> => {
    const content = await readFile(path)
    const brotli = brotliCompressSync(content, {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: content.length },
    })
    const gzip = gzipSync(content, { level: 9 })
    const keptBrotli = brotli.length < content.length
    const keptGzip = gzip.length < content.length
    if (keptBrotli) await writeFile(`${path}.br`, brotli)
    if (keptGzip) await writeFile(`${path}.gz`, gzip)
    return { path, bytes: content.length, brotli: keptBrotli ? brotli.length : null, gzip: keptGzip ? gzip.length : null }
  }))
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]
if (isMain) {
  const dir = process.argv[2] ?? 'dist'
  const files = await compressDirectory(dir)
  const sum = (pick: (file: CompressedFile) => number | null): number => files.reduce((total, file) => total + (pick(file) ?? file.bytes), 0)
  const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`
  console.log(`compressed ${files.length} files in ${dir}: ${kib(sum((f) => f.bytes))} -> brotli ${kib(sum((f) => f.brotli))}, gzip ${kib(sum((f) => f.gzip))}`)
}
