// Lighthouse (mobile, simulated slow 4G and CPU x4: its defaults) on the built app's first screen, served by the
// real relay: performance, accessibility and best-practices scores and the paint metrics, min / median / max of N runs.
//
// Lighthouse is fetched on demand by `npm exec` at a pinned version (12.8.2: the last one whose engines accept Node 20)
// rather than installed with the project: it weighs ~180 MB of node_modules that no test needs. The first run needs
// the network; Chromium is Debian's (CHROME_PATH), never downloaded.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { z } from 'zod'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/helpers/chromium.ts'
import { startRelay } from '../tests/helpers/relay.ts'
import { median } from './timing.ts'

const LIGHTHOUSE = 'lighthouse@12.8.2'
const REPO_ROOT = resolve(import.meta.dirname, '..')
const DIST_DIR = join(REPO_ROOT, 'dist')
const USAGE = 'usage: npm run bench:lighthouse -- [--no-build] [--runs N] [--path /]'

const AuditSchema = z.object({ numericValue: z.number().optional() })
const ReportSchema = z.object({
  categories: z.record(z.string(), z.object({ score: z.number().nullable() })),
  audits: z.record(z.string(), AuditSchema),
})

const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const
const METRICS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'speed-index'] as const

interface Options { readonly build: boolean; readonly runs: number; readonly path: string }

const parseOptions = (argv: readonly string[]): Options => {
  let build = true
  let runs = 3
  let path = '/'
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--no-build') build = false
    else if (arg === '--runs') runs = Number(argv[++i])
    else if (arg === '--path') path = argv[++i] ?? '/'
    else throw new Error(`unknown argument ${arg}\n${USAGE}`)
  }
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs needs a positive integer\n${USAGE}`)
  if (!path.startsWith('/')) throw new Error(`--path needs a path starting with /\n${USAGE}`)
  return { build, runs, path }
}

const runLighthouse = async (url: string, outputPath: string): Promise<z.infer<typeof ReportSchema>> => {
  const args = [
    '--yes', LIGHTHOUSE, url, '--quiet', '--output=json', `--output-path=${outputPath}`,
    `--only-categories=${CATEGORIES.join(',')}`, `--chrome-flags=${[...CHROMIUM_ARGS, '--disable-dev-shm-usage'].join(' ')}`,
  ]
  const child = spawn('npx', args, { env: { ...process.env, CHROME_PATH: CHROMIUM_PATH }, stdio: ['ignore', 'ignore', 'inherit'] })
  const code = await new Promise<number | null>((done) => child.on('exit', done))
  if (code !== 0) throw new Error(`lighthouse exited with ${code}`)
  return ReportSchema.parse(JSON.parse(await readFile(outputPath, 'utf8')))
}

const spread = (values: readonly number[], unit: string, digits = 0): string =>
  `min ${Math.min(...values).toFixed(digits)} / median ${median(values).toFixed(digits)} / max ${Math.max(...values).toFixed(digits)}${unit}`

const main = async (): Promise<void> => {
  const options = parseOptions(process.argv.slice(2))
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH} (set CHROMIUM_PATH)`)
  if (options.build) {
    const built = spawnSync('npm', ['run', 'build'], { cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit'] })
    if (built.status !== 0) throw new Error(`npm run build failed (${built.status ?? built.signal})`)
  }
  const relay = await startRelay({ staticDir: DIST_DIR, env: { LOG_LEVEL: 'warn' } })
  const work = await mkdtemp(join(tmpdir(), 'pedibus-lighthouse-'))
  const reports: z.infer<typeof ReportSchema>[] = []
  try {
    for (let run = 0; run < options.runs; run++) {
      process.stderr.write(`[bench:lighthouse] run ${run + 1}/${options.runs}\n`)
      reports.push(await runLighthouse(`${relay.url}${options.path}`, join(work, `run-${run}.json`)))
    }
  } finally {
    await relay.stop()
    await rm(work, { recursive: true, force: true })
  }
  console.log(`\nLighthouse ${LIGHTHOUSE.split('@')[1]} mobile (simulated slow 4G, CPU x4), ${options.path} of the built app served by the relay,`
    + ` ${options.runs} runs:`)
  for (const category of CATEGORIES) {
    console.log(`  ${category.padEnd(26)} ${spread(reports.map((report) => 100 * (report.categories[category]?.score ?? Number.NaN)), '')}`)
  }
  for (const metric of METRICS) {
    console.log(`  ${metric.padEnd(26)} ${spread(reports.map((report) => report.audits[metric]?.numericValue ?? Number.NaN), ' ms')}`)
  }
}

await main()
