// The folder-cycle check of src/domain (scripts/check-domain-cycles.ts) on planted trees: a cycle fails, none passes.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { findFolderCycles, stalePending } from '../../../scripts/check-domain-cycles.ts'

const roots: string[] = []

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true })
})

const tree = (files: Record<string, string>): string => {
  const root = mkdtempSync(join(tmpdir(), 'domain-cycles-'))
  roots.push(root)
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), text)
  }
  return root
}

const runChecker = (root: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/check-domain-cycles.ts', root], { encoding: 'utf8' })

// calendar → rota → domain root, and nothing back down: the order the issue asks for.
const LAYERED = {
  'dates.ts': 'export type LocalDate = string\n',
  'calendar/days.ts': "import type { LocalDate } from '../dates.ts'\nexport const first = (d: LocalDate) => d\n",
  'calendar/index.ts': "export * from './days.ts'\n",
  'rota/walks.ts': "import { first } from '../calendar/index.ts'\nimport type { LocalDate } from '../dates.ts'\n"
    + 'export const walk = (d: LocalDate) => first(d)\n',
}

describe('check-domain-cycles', () => {
  // Each of these two runs the script in a fresh Node process (tsx compiles it): seconds on a busy machine.
  it('passes a layered tree', { timeout: 60_000 }, () => {
    const root = tree(LAYERED)
    expect(findFolderCycles(root)).toEqual([])
    const run = runChecker(root)
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('no import cycle between folders')
  })

  it('fails on a planted cycle, even one closed by a type import, and names its imports', { timeout: 60_000 }, () => {
    const root = tree({
      ...LAYERED,
      // calendar reaching up into rota: rota → calendar → rota.
      'calendar/holidays.ts': "import type { walk } from '../rota/walks.ts'\nexport type W = typeof walk\n",
    })
    const cycles = findFolderCycles(root)
    expect(cycles.map((cycle) => cycle.folders)).toEqual([['calendar', 'rota']])
    expect(cycles[0]!.steps[0])
      .toEqual([{ from: 'calendar/holidays.ts', to: 'rota/walks.ts', line: 1, typeOnly: true }])
    expect(cycles[0]!.steps[1]).toEqual([{ from: 'rota/walks.ts', to: 'calendar/index.ts', line: 1, typeOnly: false }])
    const run = runChecker(root)
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('calendar → rota → calendar')
    expect(run.stderr).toContain('calendar/holidays.ts:1 imports rota/walks.ts (types only)')
  })

  it('counts files directly in the root as one folder, and `export … from` as an import', () => {
    const root = tree({ ...LAYERED, 'model.ts': "export { walk } from './rota/walks.ts'\n" })
    expect(findFolderCycles(root).map((cycle) => cycle.folders))
      .toEqual([['calendar', 'domain root', 'rota'], ['domain root', 'rota']])
  })

  it('leaves a pending import out, and reports one whose import is gone', () => {
    const root = tree({ ...LAYERED, 'calendar/holidays.ts': "import '../rota/walks.ts'\n" })
    const pending = [{ from: 'calendar/holidays.ts', to: 'rota/walks.ts', fix: 'move it' }]
    expect(findFolderCycles(root, pending)).toEqual([])
    expect(stalePending(root, pending)).toEqual([])
    expect(stalePending(root, [{ from: 'rota/walks.ts', to: 'dates.ts', fix: 'gone' }])).toEqual([])
    expect(stalePending(root, [{ from: 'calendar/days.ts', to: 'rota/walks.ts', fix: 'never was' }])).toHaveLength(1)
  })
})
