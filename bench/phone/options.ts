// Command line of the phone bench: sizes (families x years of history), runs per measure, CPU rates, build or not.

export interface Size {
  /** "40x1": 40 families, one school year of sign-ups before the measured week. */
  readonly label: string
  readonly families: number
  readonly years: number
}

export interface PhoneBenchOptions {
  readonly sizes: readonly Size[]
  readonly runs: number
  readonly rates: readonly number[]
  readonly build: boolean
  /** False with --uncompressed: the served copy of dist/ loses its .br/.gz files. */
  readonly compressed: boolean
  /** --profile DIR: a CPU profile of each cold start and sign-up tap written there (timings then include profiling). */
  readonly profileDir: string | null
}

const DEFAULT_SIZES = '40x0,40x1,40x5,150x1,500x1'
const QUICK_SIZES = '40x1,150x1'
const DEFAULT_RUNS = 5
const QUICK_RUNS = 3

const parseSize = (text: string): Size => {
  const match = /^(\d+)x(\d+)$/.exec(text.trim())
  if (!match) throw new Error(`bad size "${text}": families x years, e.g. 40x1`)
  const families = Number(match[1])
  const years = Number(match[2])
  if (families < 2 || years > 10) throw new Error(`size "${text}" out of range (at least 2 families, at most 10 years)`)
  return { label: `${families}x${years}`, families, years }
}

const USAGE = 'usage: npm run bench:phone -- [--no-build] [--uncompressed] [--quick] [--runs N] [--sizes 40x0,40x1,40x5,150x1,500x1] [--rates 1,4] [--profile DIR]'

export const parseOptions = (argv: readonly string[]): PhoneBenchOptions => {
  let sizes: string | null = null
  let runs: number | null = null
  let rates = [1, 4]
  let build = true
  let quick = false
  let compressed = true
  let profileDir: string | null = null
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    const value = (): string => {
      const next = argv[++i]
      if (next === undefined) throw new Error(`${arg} needs a value\n${USAGE}`)
      return next
    }
    if (arg === '--no-build') build = false
    else if (arg === '--uncompressed') compressed = false
    else if (arg === '--quick') quick = true
    else if (arg === '--runs') runs = Number(value())
    else if (arg === '--sizes') sizes = value()
    else if (arg === '--rates') rates = value().split(',').map(Number)
    else if (arg === '--profile') profileDir = value()
    else if (arg === '--help' || arg === '-h') {
      console.log(USAGE)
      process.exit(0)
    } else throw new Error(`unknown argument ${arg}\n${USAGE}`)
  }
  const runCount = runs ?? (quick ? QUICK_RUNS : DEFAULT_RUNS)
  if (!Number.isInteger(runCount) || runCount < 1) throw new Error(`--runs needs a positive integer\n${USAGE}`)
  if (rates.some((rate) => !Number.isFinite(rate) || rate < 1)) throw new Error(`--rates needs CPU slow-down factors >= 1\n${USAGE}`)
  return { sizes: (sizes ?? (quick ? QUICK_SIZES : DEFAULT_SIZES)).split(',').map(parseSize), runs: runCount, rates, build, compressed, profileDir }
}
