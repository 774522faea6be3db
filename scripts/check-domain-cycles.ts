// Fails when the folders of src/domain import each other in a cycle; prints each cycle with the imports that make it.
// Run: node --import tsx scripts/check-domain-cycles.ts [root] (default src/domain; `npm run check:cycles`).
//
// Type-only imports count: they cost nothing at runtime, but a folder that needs another's types to describe its own
// still sits above it, and the issue (13) wants src/domain to read bottom-up with no folder tangled in another.
// Static `import` / `export … from` only: src/domain has no dynamic import(), and a lint rule would be the place to
// keep it that way. TypeScript (already a dev dependency) parses; madge or dependency-cruiser would add a
// dependency for what is a 100-line graph walk.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

/** Files directly in the root belong to this folder name. */
export const ROOT_FOLDER = 'domain root'

export interface FileImport {
  readonly from: string
  readonly to: string
  readonly line: number
  readonly typeOnly: boolean
}

export interface FolderCycle {
  /** Folders in order; the last one imports the first. */
  readonly folders: readonly string[]
  /** For each step folders[i] → folders[i + 1] (wrapping), the file imports that make it. */
  readonly steps: readonly (readonly FileImport[])[]
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return tsFiles(path)
    return entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : []
  })
}

/** A relative specifier as a file of the tree: `./x.ts`, `./x` (x.ts) or `./dir` (dir/index.ts); null outside it. */
function resolveSpecifier(fromFile: string, specifier: string): string | null {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return null
  const base = resolve(dirname(fromFile), specifier)
  const candidates = [base, `${base}.ts`, join(base, 'index.ts')]
  return candidates.find((path) => existsSync(path) && statSync(path).isFile()) ?? null
}

function importsOf(file: string): { specifier: string; line: number; typeOnly: boolean }[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false)
  const found: { specifier: string; line: number; typeOnly: boolean }[] = []
  for (const statement of source.statements) {
    let specifier: ts.Expression | undefined
    let typeOnly = false
    if (ts.isImportDeclaration(statement)) {
      specifier = statement.moduleSpecifier
      const clause = statement.importClause
      const named = clause?.namedBindings
      // `import type { A }` or `import { type A, type B }`: nothing of it exists at runtime.
      typeOnly = !!clause && (clause.isTypeOnly || (!clause.name && !!named && ts.isNamedImports(named)
        && named.elements.length > 0 && named.elements.every((element) => element.isTypeOnly)))
    } else if (ts.isExportDeclaration(statement)) {
      specifier = statement.moduleSpecifier
      typeOnly = statement.isTypeOnly
    }
    if (!specifier || !ts.isStringLiteral(specifier)) continue
    const line = source.getLineAndCharacterOfPosition(statement.getStart(source)).line + 1
    found.push({ specifier: specifier.text, line, typeOnly })
  }
  return found
}

function folderOf(root: string, file: string): string {
  const parts = relative(root, file).split(sep)
  return parts.length > 1 ? parts[0]! : ROOT_FOLDER
}

/** A file import left out of the graph for now, with the change that removes it; paths relative to the root. */
export interface PendingImport {
  readonly from: string
  readonly to: string
  readonly fix: string
}

/**
 * Imports that still close a cycle in src/domain, in files another change is editing (issue 13). Each goes once its
 * fix lands; the check fails on an entry whose import no longer exists, so the list cannot outlive the cycle.
 */
export const PENDING_IN_DOMAIN: readonly PendingImport[] = []

const isPending = (pending: readonly PendingImport[], from: string, to: string): boolean =>
  pending.some((entry) => entry.from === from && entry.to === to)

/** Folder → folder → the file imports between them (paths relative to the root); imports within a folder left out. */
export type FolderGraph = Map<string, Map<string, FileImport[]>>

export function folderGraph(root: string, pending: readonly PendingImport[] = []): FolderGraph {
  const graph: FolderGraph = new Map()
  for (const file of tsFiles(root).sort()) {
    const fromFolder = folderOf(root, file)
    if (!graph.has(fromFolder)) graph.set(fromFolder, new Map())
    for (const { specifier, line, typeOnly } of importsOf(file)) {
      const target = resolveSpecifier(file, specifier)
      if (!target || relative(root, target).startsWith('..')) continue
      const toFolder = folderOf(root, target)
      const [from, to] = [relative(root, file).split(sep).join('/'), relative(root, target).split(sep).join('/')]
      if (toFolder === fromFolder || isPending(pending, from, to)) continue
      const edges = graph.get(fromFolder)!
      const list = edges.get(toFolder) ?? []
      list.push({ from, to, line, typeOnly })
      edges.set(toFolder, list)
    }
  }
  return graph
}

/**
 * Every elementary cycle of the folder graph, each once, starting at its smallest folder name: a depth-first walk
 * from each folder through larger folders only. src/domain has about ten folders, so no need for Johnson's algorithm.
 */
export function findFolderCycles(root: string, pending: readonly PendingImport[] = []): FolderCycle[] {
  const graph = folderGraph(root, pending)
  const folders = [...graph.keys()].sort()
  const cycles: FolderCycle[] = []
  for (const start of folders) {
    const path = [start]
    const walk = (at: string): void => {
      for (const next of [...(graph.get(at)?.keys() ?? [])].sort()) {
        if (next === start) {
          const steps = path.map((folder, i) => graph.get(folder)!.get(path[(i + 1) % path.length]!)!)
          cycles.push({ folders: [...path], steps })
        } else if (next > start && !path.includes(next)) {
          path.push(next)
          walk(next)
          path.pop()
        }
      }
    }
    walk(start)
  }
  return cycles
}

export function formatCycle(cycle: FolderCycle): string {
  const lines = [[...cycle.folders, cycle.folders[0]].join(' → ')]
  cycle.steps.forEach((imports, i) => {
    const to = cycle.folders[(i + 1) % cycle.folders.length]
    lines.push(`  ${cycle.folders[i]} → ${to}:`)
    for (const { from, to: target, line, typeOnly } of imports) {
      lines.push(`    ${from}:${line} imports ${target}${typeOnly ? ' (types only)' : ''}`)
    }
  })
  return lines.join('\n')
}

/** Pending entries whose import is gone (or never was): they would hide a future cycle, so they must be removed. */
export function stalePending(root: string, pending: readonly PendingImport[]): PendingImport[] {
  const all = folderGraph(root)
  const imports = [...all.values()].flatMap((edges) => [...edges.values()].flat())
  const present = new Set(imports.map((i) => `${i.from}>${i.to}`))
  return pending.filter((entry) => !present.has(`${entry.from}>${entry.to}`))
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)
if (isMain) {
  const root = resolve(process.argv[2] ?? 'src/domain')
  const name = relative(process.cwd(), root) || '.'
  // The pending list names files of src/domain; another root (the unit test's fixtures) is checked as it is.
  const pending = root === resolve('src/domain') ? PENDING_IN_DOMAIN : []
  const cycles = findFolderCycles(root, pending)
  const stale = stalePending(root, pending)
  for (const entry of pending) {
    if (stale.includes(entry)) continue
    console.warn(`${name}: pending, not counted: ${entry.from} imports ${entry.to}; fix: ${entry.fix}`)
  }
  for (const entry of stale) {
    console.error(`${name}: ${entry.from} no longer imports ${entry.to}: remove it from PENDING_IN_DOMAIN`)
  }
  const left = pending.length - stale.length
  const note = left > 0 ? ` (${left} pending import(s) left out)` : ''
  if (cycles.length === 0) console.log(`${name}: no import cycle between folders${note}`)
  else {
    console.error(`${name}: ${cycles.length} import cycle(s) between folders\n`)
    console.error(cycles.map(formatCycle).join('\n\n'))
  }
  if (cycles.length > 0 || stale.length > 0) process.exitCode = 1
}
