// Phone benchmark (printed, never asserted): the built app on Chromium with a mid-range phone profile and a throttled
// CPU, on collectives of 40 to 500 families with 0 to 5 years of history: first-visit paint, cold offline start to
// "Cette semaine", sign-up tap, next week, walk mode, document size and JS heap. Options: bench/phone/options.ts.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { cp, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Browser } from 'playwright-core'
import { startRelay, type InProcessRelay } from '../tests/helpers/relay.ts'
import { CHROMIUM_PATH } from '../tests/helpers/chromium.ts'
import { launchBrowser, launchPersistentPhone, type PersistentPhone } from './phone/browser.ts'
import { coldOfflineStart, firstVisitPaint, nextWeekTap, openWalkMode, openWeekSession, setUpPhone, signUpTap, type WeekSession } from './phone/measures.ts'
import { parseOptions } from './phone/options.ts'
import { emptySamples, printReport, type Measure, type SizeResult } from './phone/report.ts'
import { prepareRoom } from './phone/room.ts'

const REPO_ROOT = resolve(import.meta.dirname, '..')
const DIST_DIR = join(REPO_ROOT, 'dist')

const removeCompressedCopies = async (dir: string): Promise<void> => {
  for (const entry of await readdir(dir, { recursive: true })) {
    if (entry.endsWith('.br') || entry.endsWith('.gz')) await rm(join(dir, entry))
  }
}

const progress = (text: string): void => {
  process.stderr.write(`[bench:phone] ${text}\n`)
}

const main = async (): Promise<void> => {
  const options = parseOptions(process.argv.slice(2))
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH} (set CHROMIUM_PATH)`)
  if (options.build) {
    progress('npm run build')
    const built = spawnSync('npm', ['run', 'build'], { cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit'] })
    if (built.status !== 0) throw new Error(`npm run build failed (${built.status ?? built.signal})`)
  }
  for (const file of ['index.html', 'sw.js', 'manifest.webmanifest']) {
    if (!existsSync(join(DIST_DIR, file))) throw new Error(`dist/${file} is missing: run without --no-build`)
  }
  // A private copy of the build: another build of dist/ during a long run changes nothing the phones see.
  const served = await mkdtemp(join(tmpdir(), 'pedibus-bench-dist-'))
  await cp(DIST_DIR, served, { recursive: true })
  // --uncompressed: the relay finds no .br/.gz beside the files and serves them as built (the gain of compression).
  if (!options.compressed) await removeCompressedCopies(served)

  let relay: InProcessRelay | null = null
  let browser: Browser | null = null
  let phone: PersistentPhone | null = null
  const cleanUp = async (): Promise<void> => {
    await phone?.close()
    await browser?.close().catch(() => undefined)
    await relay?.stop()
    await rm(served, { recursive: true, force: true })
  }
  const interrupted = (): void => {
    void cleanUp().finally(() => process.exit(130))
  }
  process.once('SIGINT', interrupted)
  process.once('SIGTERM', interrupted)
  const notes: string[] = options.compressed ? [] : ['--uncompressed: dist/ served without its .br/.gz copies (every file as built).']
  const { profileDir } = options
  if (profileDir !== null) {
    await mkdir(profileDir, { recursive: true })
    notes.push(`--profile: cold starts and sign-up taps ran under the CPU profiler (slower); profiles in ${profileDir}`)
  }
  const profileFile = (size: string, rate: number, measure: string, run: number): string | null =>
    profileDir === null ? null : join(profileDir, `${size}-x${rate}-${measure}-${run + 1}.cpuprofile`)
  const results: SizeResult[] = []
  try {
    // The real relay serving dist/; messages and rooms large enough for the 5-year and 500-family documents in one piece.
    relay = await startRelay({
      staticDir: served,
      env: { LOG_LEVEL: 'warn', MAX_PAYLOAD: String(64 * 1024 * 1024), ROOM_MAX_BYTES: String(1024 * 1024 * 1024) },
    })
    browser = await launchBrowser()
    for (const size of options.sizes) {
      progress(`${size.label}: generating and pushing the collective`)
      const room = await prepareRoom(size, relay.url, relay.wsUrl)
      progress(`${size.label}: ${room.signUpWrites} sign-up writes, ${(room.docBytes / 1024).toFixed(0)} KiB, generated in ${(room.generateMs / 1000).toFixed(1)} s; phone joins`)
      phone = await launchPersistentPhone(relay.url)
      await setUpPhone(phone, room)
      const result: SizeResult = { room, samples: emptySamples(options.rates), heap: new Map(options.rates.map((rate) => [rate, []])) }
      const busy = new Set<string>()
      for (const rate of options.rates) {
        const add = (measure: Measure, value: number): void => {
          result.samples.get(rate)?.get(measure)?.push(value)
          progress(`  ${size.label} x${rate} ${measure}: ${value.toFixed(0)} ms`)
        }
        progress(`${size.label} x${rate}: first visits, cold starts`)
        for (let run = 0; run < options.runs; run++) add('firstVisit', await firstVisitPaint(browser, room, relay.url, rate))
        for (let run = 0; run < options.runs; run++) add('firstVisit4g', await firstVisitPaint(browser, room, relay.url, rate, true))
        for (let run = 0; run < options.runs; run++) {
          const { ms, heap } = await coldOfflineStart(phone, room, rate, profileFile(size.label, rate, 'coldStart', run))
          add('coldStart', ms)
          result.heap.get(rate)?.push(heap)
        }
        progress(`${size.label} x${rate}: sign-ups, next week, walk mode`)
        let session: WeekSession | null = null
        try {
          session = await openWeekSession(phone, room, rate, busy)
          for (let run = 0; run < options.runs; run++) {
            add('signUp', await signUpTap(session, profileFile(size.label, rate, 'signUp', run)))
          }
          for (let run = 0; run < options.runs; run++) add('nextWeek', await nextWeekTap(session))
          for (let run = 0; run < options.runs; run++) add('walkMode', await openWalkMode(session))
        } finally {
          await session?.page.close()
        }
      }
      results.push(result)
      await phone.close()
      phone = null
    }
  } finally {
    await cleanUp()
    process.off('SIGINT', interrupted)
    process.off('SIGTERM', interrupted)
  }
  printReport(results, options.rates, options.runs, notes)
}

await main()
