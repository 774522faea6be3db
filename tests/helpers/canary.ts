// The canary of another room, run in a worker thread: sends one small update at a time and records the time from
// each send to the relay's durable ack [100, N]. Shared by the attack tests and `npm run bench:attacks`.
import { Worker } from 'node:worker_threads'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { MESSAGE_RELAY_ACK, MESSAGE_SYNC, SYNC_UPDATE } from '../../src/lib/relay-protocol.ts'
import { relayProtocols, type TestRoom } from './relay.ts'

/**
 * Plain CommonJS evaluated in the worker: a raw client that sends one prepared message at a time. In a thread of
 * its own, so that what the caller's main thread does (attackers, phones, garbage collection) is not counted as
 * the relay's delay.
 */
const CANARY_WORKER = `
const { parentPort, workerData } = require('node:worker_threads')
const { WebSocket } = require('ws')
const { url, protocols, messages } = workerData
const varUint = (bytes, at) => {
  let value = 0
  for (let shift = 1; at < bytes.length; shift *= 128) {
    const byte = bytes[at++]
    value += (byte & 127) * shift
    if (byte < 128) return [value, at]
  }
  return [-1, at]
}
let acked = 0
let greeted = false
let stopped = false
let wake = () => {}
const ws = new WebSocket(url, protocols)
ws.on('error', () => {})
ws.on('message', (data) => {
  greeted = true
  const bytes = new Uint8Array(data)
  const [type, next] = varUint(bytes, 0)
  if (type === ${MESSAGE_RELAY_ACK}) acked = Math.max(acked, varUint(bytes, next)[0])
  wake()
})
ws.on('close', () => { stopped = true; wake() })
parentPort.on('message', () => { stopped = true; wake() })
const until = (check, ms) => new Promise((resolve) => {
  const done = () => { clearTimeout(timer); wake = () => {}; resolve(check()) }
  const timer = setTimeout(done, ms)
  wake = () => { if (check() || stopped) done() }
  wake()
})
const run = async () => {
  const latencies = []
  parentPort.postMessage({ ready: await until(() => greeted, 5000) })
  for (let i = 0; i < messages.length && !stopped; i++) {
    const start = performance.now()
    ws.send(messages[i])
    const ok = await until(() => acked > i, 5000)
    latencies.push(performance.now() - start)
    if (!ok) break // closed, or no ack for 5 s: the recorded latency says enough
    await new Promise((resume) => setTimeout(resume, 10))
  }
  await until(() => stopped, 60000)
  ws.close()
  parentPort.postMessage({ latencies })
}
run()
`

export interface Canary {
  /** Stops the canary; resolves with the latency (ms) of each of its acks ([Infinity] if the worker never answered). */
  stop(): Promise<number[]>
  /** Ends the worker at once (cleanup after a failure); harmless after stop(). */
  terminate(): Promise<void>
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms))

const syncUpdateMessage = (update: Uint8Array): Uint8Array => {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  encoding.writeVarUint(encoder, SYNC_UPDATE)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

/**
 * Starts a canary on `room` (registering it when `register`) and resolves once the relay greeted it; throws (the
 * worker ended) if it did not join. Every update prepared here is one key of map 'writes': 3,000 by default, about
 * 40 s of canary at most.
 */
export const startCanary = async (
  wsUrl: string,
  room: TestRoom,
  register: boolean,
  options: { messages?: number } = {},
): Promise<Canary> => {
  const doc = new Y.Doc()
  const messages: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => messages.push(syncUpdateMessage(update)))
  for (let i = 0; i < (options.messages ?? 3_000); i++) doc.getMap('writes').set(`canary${i}`, i)
  const protocols = relayProtocols(room.token, { register, ack: true })
  const workerData = { url: `${wsUrl}/${room.roomId}`, protocols, messages }
  const worker = new Worker(CANARY_WORKER, { eval: true, workerData })
  const terminate = async (): Promise<void> => {
    await worker.terminate()
  }
  let ready: (greeted: boolean) => void = () => undefined
  const greeted = new Promise<boolean>((resolve) => (ready = resolve))
  const result = new Promise<number[]>((resolve, reject) => {
    worker.on('message', (message: { ready?: boolean; latencies?: number[] }) => {
      if (message.ready !== undefined) ready(message.ready)
      if (message.latencies) resolve(message.latencies)
    })
    worker.once('error', reject)
  })
  // A worker that fails before answering must not leave `result` as an unhandled rejection.
  result.catch(() => undefined)
  if (!(await Promise.race([greeted, sleep(6_000).then(() => false)]))) {
    await terminate()
    throw new Error('canary not joined')
  }
  return {
    async stop() {
      worker.postMessage('stop')
      const latencies = await Promise.race([result, sleep(10_000).then(() => [Infinity])])
      await terminate()
      return latencies
    },
    terminate,
  }
}
