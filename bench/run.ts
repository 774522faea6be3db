// Benchmarks (printed, never asserted): relay round-trip latency A -> B against the stock
// @y/websocket-server (in memory) as baseline, and the gzip size of the JS the first screen needs.
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { createServer, type IncomingMessage } from 'node:http'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { setupWSConnection } from '@y/websocket-server/utils'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { WebSocket, WebSocketServer } from 'ws'
import * as syncProtocol from 'y-protocols/sync'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { parseConfig } from '../server/config.ts'
import { createRelay } from '../server/relay.ts'
import { createInviteSecret, createRoomId, deriveRoomToken } from '../src/lib/credentials.ts'
import { ACK_PROTOCOL, MESSAGE_RELAY_ACK, MESSAGE_SYNC, REGISTER_PROTOCOL, SUBPROTOCOL, TOKEN_PROTOCOL_PREFIX } from '../src/lib/relay-protocol.ts'

const WARMUP = 50
const SAMPLES = 300
const TIMEOUT_MS = 10_000
const ROOT = resolve(import.meta.dirname, '..')

interface Endpoint {
  serverUrl: string
  room: string
  protocols: (register: boolean) => string[]
  close(): Promise<void>
}

const main = async (): Promise<void> => {
  const ours = await measure(await startOurRelay())
  const stock = await measure(await startStockServer())
  console.log(`relay round trip A -> B, one small update, ${SAMPLES} samples after ${WARMUP} warm-up, loopback`)
  console.log(`  ours (durable store, fsync):      p50 ${ours.p50.toFixed(2)} ms   p99 ${ours.p99.toFixed(2)} ms`)
  console.log(`  @y/websocket-server 0.1.1 (RAM):  p50 ${stock.p50.toFixed(2)} ms   p99 ${stock.p99.toFixed(2)} ms`)
  console.log(`  ratio ours / stock:               p50 ${(ours.p50 / stock.p50).toFixed(2)}x   p99 ${(ours.p99 / stock.p99).toFixed(2)}x`)
  const ack = await measureAck()
  console.log(`  ours, update -> durable ack:      p50 ${ack.p50.toFixed(2)} ms   p99 ${ack.p99.toFixed(2)} ms`)
  console.log(await firstScreenSize())
}

const startOurRelay = async (): Promise<Endpoint> => {
  const dataDir = await mkdtemp(join(tmpdir(), 'pedibus-bench-'))
  const config = parseConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent' })
  if (!config.ok) throw new Error(config.error)
  const relay = await createRelay(config.value)
  const room = createRoomId()
  const token = await deriveRoomToken(room, createInviteSecret())
  return {
    serverUrl: `ws://127.0.0.1:${relay.port}/sync`,
    room,
    protocols: (register) => [SUBPROTOCOL, `${TOKEN_PROTOCOL_PREFIX}${token}`, ...(register ? [REGISTER_PROTOCOL] : [])],
    async close() {
      await relay.close()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}

const startStockServer = async (): Promise<Endpoint> => {
  const server = createServer()
  const wss = new WebSocketServer({ server })
  wss.on('connection', (ws: WebSocket, req: IncomingMessage) => setupWSConnection(ws, req))
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    serverUrl: `ws://127.0.0.1:${port}`,
    room: 'bench-room',
    protocols: () => [],
    async close() {
      for (const client of wss.clients) client.terminate()
      await new Promise<void>((done) => wss.close(() => done()))
      await new Promise<void>((done) => server.close(() => done()))
    },
  }
}

const connect = (endpoint: Endpoint, doc: Y.Doc, register: boolean): WebsocketProvider =>
  new WebsocketProvider(endpoint.serverUrl, endpoint.room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    protocols: endpoint.protocols(register),
    disableBc: true,
  })

const waitSynced = (provider: WebsocketProvider): Promise<void> =>
  new Promise((done, fail) => {
    if (provider.synced) return done()
    const timer = setTimeout(() => fail(new Error('not synced in time')), TIMEOUT_MS)
    provider.once('sync', () => {
      clearTimeout(timer)
      done()
    })
  })

/** Sequential samples: A writes one key, the clock stops when B's doc has it. */
const measure = async (endpoint: Endpoint): Promise<{ p50: number; p99: number }> => {
  const docA = new Y.Doc()
  const docB = new Y.Doc()
  const a = connect(endpoint, docA, true)
  await waitSynced(a)
  const b = connect(endpoint, docB, false)
  await waitSynced(b)
  const mapA = docA.getMap<number>('bench')
  const mapB = docB.getMap<number>('bench')
  const timings: number[] = []
  try {
    for (let i = 0; i < WARMUP + SAMPLES; i++) {
      const arrived = new Promise<void>((done, fail) => {
        const timer = setTimeout(() => fail(new Error(`sample ${i} not received`)), TIMEOUT_MS)
        const observer = () => {
          if (mapB.get('seq') !== i) return
          clearTimeout(timer)
          mapB.unobserve(observer)
          done()
        }
        mapB.observe(observer)
      })
      const start = performance.now()
      mapA.set('seq', i)
      await arrived
      if (i >= WARMUP) timings.push(performance.now() - start)
    }
  } finally {
    a.destroy()
    b.destroy()
    await endpoint.close()
  }
  return percentiles(timings)
}

const percentiles = (timings: number[]): { p50: number; p99: number } => {
  const sorted = [...timings].sort((x, y) => x - y)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
  return { p50: at(0.5), p99: at(0.99) }
}

/** Time from sending one update to receiving the relay's durable ack (includes the fsync). */
const measureAck = async (): Promise<{ p50: number; p99: number }> => {
  const endpoint = await startOurRelay()
  const ws = new WebSocket(`${endpoint.serverUrl}/${endpoint.room}`, [...endpoint.protocols(true), ACK_PROTOCOL])
  const acks: Array<() => void> = []
  ws.on('message', (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data))
    if (decoding.readVarUint(decoder) === MESSAGE_RELAY_ACK) acks.shift()?.()
  })
  await new Promise<void>((done, fail) => {
    ws.once('open', () => done())
    ws.once('error', fail)
  })
  const doc = new Y.Doc()
  let update: Uint8Array = new Uint8Array()
  doc.on('update', (bytes: Uint8Array) => (update = bytes))
  const timings: number[] = []
  try {
    for (let i = 0; i < WARMUP + SAMPLES; i++) {
      const acked = new Promise<void>((done, fail) => {
        const timer = setTimeout(() => fail(new Error(`ack ${i} not received`)), TIMEOUT_MS)
        acks.push(() => {
          clearTimeout(timer)
          done()
        })
      })
      const start = performance.now()
      doc.getMap('bench').set('seq', i)
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, MESSAGE_SYNC)
      syncProtocol.writeUpdate(encoder, update)
      ws.send(encoding.toUint8Array(encoder))
      await acked
      if (i >= WARMUP) timings.push(performance.now() - start)
    }
  } finally {
    ws.close()
    await endpoint.close()
  }
  return percentiles(timings)
}

/** Entry script of dist/index.html plus its static imports and modulepreload links, gzipped at level 9. */
const firstScreenSize = async (): Promise<string> => {
  const dist = join(ROOT, 'dist')
  const indexPath = join(dist, 'index.html')
  if (!existsSync(indexPath)) return 'first-screen JS: dist/index.html not found, run `npm run build` first'
  const html = await readFile(indexPath, 'utf8')
  const entries = [
    ...[...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1]!),
    ...[...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]!),
  ]
  const seen = new Set<string>()
  const queue = entries.map((src) => join(dist, src.replace(/^\//, '')))
  let raw = 0
  let gzipped = 0
  for (let guard = 0; queue.length > 0 && guard < 1_000; guard++) {
    const file = queue.shift()!
    if (seen.has(file) || !existsSync(file)) continue
    seen.add(file)
    const code = await readFile(file)
    raw += code.length
    gzipped += gzipSync(code, { level: 9 }).length
    // Static imports only (`import ... from "./x.js"`, `import "./x.js"`); dynamic import() is not the first screen.
    for (const match of code.toString('utf8').matchAll(/(?:^|[;\n}])\s*import\s*(?:[^"'()]*?from\s*)?["']([^"']+\.js)["']/g)) {
      queue.push(resolve(dirname(file), match[1]!))
    }
  }
  return `first-screen JS: ${seen.size} files, ${(raw / 1024).toFixed(1)} KiB raw, ${(gzipped / 1024).toFixed(1)} KiB gzip -9`
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('benchmark failed:', error instanceof Error ? error.message : error)
    process.exit(1)
  },
)
