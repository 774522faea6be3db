// Starts the engine for tests: Debian's valkey-server or redis-server, on a unix socket in a temporary directory
// (no TCP port, no system service), with the settings engine mode requires: an append-only file synced on every
// write, no RDB snapshots. kill() and restart() keep the directory, so what the engine wrote is read back.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { createConnection } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface TestEngine {
  /** unix:///…/engine.sock, for ENGINE_URL */
  readonly url: string
  readonly dir: string
  readonly socketPath: string
  /** Sends a signal and waits for the process to end. */
  kill(signal?: NodeJS.Signals): Promise<void>
  /** Starts it again on the same directory (it replays its append-only file). */
  restart(): Promise<void>
  /** One command through redis' inline protocol; its raw reply. */
  command(text: string): Promise<string>
  /** Every byte of every file the engine keeps in its directory. */
  files(): Promise<Buffer>
  /** Process id of the current engine process (undefined once it ended); for reading its memory from /proc. */
  pid(): number | undefined
  stop(): Promise<void>
}

export const ENGINE_BINARY = ['/usr/bin/valkey-server', '/usr/bin/redis-server'].find((path) => existsSync(path))

const STARTUP_TIMEOUT_MS = 10_000

export const startEngine = async (settings: string[] = ['--appendfsync', 'always']): Promise<TestEngine> => {
  if (!ENGINE_BINARY) throw new Error('no valkey-server or redis-server: .ci/run installs redis-server')
  const dir = await mkdtemp(join(tmpdir(), 'pedibus-engine-'))
  const socketPath = join(dir, 'engine.sock')
  let child: ChildProcess | null = null
  let exited: Promise<void> = Promise.resolve()

  const command = (text: string): Promise<string> => new Promise((resolve, reject) => {
    const socket = createConnection(socketPath)
    let reply = ''
    socket.on('data', (chunk) => {
      reply += chunk.toString('latin1')
      if (reply.endsWith('\r\n')) {
        socket.end()
        resolve(reply)
      }
    })
    socket.on('error', reject)
    socket.write(`${text}\r\n`)
  })

  const start = async (): Promise<void> => {
    const args = [
      '--port', '0', '--unixsocket', socketPath, '--unixsocketperm', '700', '--dir', dir, '--save', '',
      '--appendonly', 'yes', '--daemonize', 'no', '--logfile', join(dir, 'engine.log'),
      // Strings stored uncompressed in the rewritten file's RDB part: a byte search for a value finds it if it is there.
      '--rdbcompression', 'no', ...settings,
    ]
    const spawned = spawn(ENGINE_BINARY, args, { stdio: 'ignore' })
    child = spawned
    exited = new Promise((done) => spawned.once('exit', () => done()))
    const deadline = Date.now() + STARTUP_TIMEOUT_MS
    for (;;) {
      if (spawned.exitCode !== null) throw new Error(`engine exited at start (${spawned.exitCode}): see ${dir}/engine.log`)
      const answer = existsSync(socketPath) ? await command('PING').catch(() => '') : ''
      if (answer.startsWith('+PONG')) return // not -LOADING: its append-only file is read back whole
      if (Date.now() > deadline) throw new Error('engine did not start in time')
      await new Promise((done) => setTimeout(done, 20))
    }
  }

  const kill = async (signal: NodeJS.Signals = 'SIGKILL'): Promise<void> => {
    const current = child
    if (!current || current.exitCode !== null || current.signalCode !== null) return
    current.kill(signal)
    await exited
  }

  const files = async (): Promise<Buffer> => {
    const parts: Buffer[] = []
    const walk = async (path: string): Promise<void> => {
      for (const entry of await readdir(path, { withFileTypes: true }).catch(() => [])) {
        const full = join(path, entry.name)
        if (entry.isDirectory()) await walk(full)
        // A file the engine renames or deletes meanwhile (an append-only file rewrite) is read under its new name.
        else if (entry.isFile() && entry.name !== 'engine.log') parts.push(await readFile(full).catch(() => Buffer.alloc(0)))
      }
    }
    await walk(dir)
    return Buffer.concat(parts)
  }

  await start()
  return {
    url: `unix://${socketPath}`,
    dir,
    socketPath,
    kill,
    async restart() {
      await kill('SIGKILL')
      await start()
    },
    command,
    files,
    pid: () => (child && child.exitCode === null && child.signalCode === null ? child.pid : undefined),
    async stop() {
      await kill('SIGTERM')
      await rm(dir, { recursive: true, force: true })
    },
  }
}
