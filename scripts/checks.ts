// The static checks `npm test` runs before the build: typecheck, lint and the domain's import cycles, side by side
// (each is mostly one core; one after the other they took ~45 s of a 2-core CI run). Each one's output is printed
// whole once it ends; the exit code is non-zero when any failed.
import { spawn } from 'node:child_process'

const CHECKS = ['typecheck', 'lint', 'check:cycles'] as const

const run = (script: string): Promise<{ script: string; code: number; output: string }> => new Promise((resolve) => {
  const child = spawn('npm', ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString() })
  child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString() })
  child.on('close', (code) => resolve({ script, code: code ?? 1, output }))
  child.on('error', (error) => resolve({ script, code: 1, output: String(error) }))
})

const results = await Promise.all(CHECKS.map(run))
for (const { script, code, output } of results) {
  console.log(`> ${script}: ${code === 0 ? 'ok' : `failed (exit ${code})`}`)
  if (output.trim() !== '') console.log(output.trimEnd())
}
process.exitCode = results.some((result) => result.code !== 0) ? 1 : 0
