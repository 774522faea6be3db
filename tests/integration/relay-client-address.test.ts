// Per-address limits behind a reverse proxy: TRUSTED_PROXIES, the client address taken from X-Forwarded-For only
// when the connection comes from a trusted proxy (right-most untrusted entry), and every per-IP limit keyed on it.
import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { IncomingMessage } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { clientAddress } from '../../server/client-address.ts'
import { parseConfig } from '../../server/config.ts'
import { CloseCode } from '../../src/lib/relay-protocol.ts'
import {
  createTestRoom, openRawClient, relayProtocols, startRelay, waitFor,
  type InProcessRelay, type RawClient, type TestRoom,
} from '../helpers/relay.ts'

const REPO_ROOT = resolve(import.meta.dirname, '../..')

/** A request as the relay sees it: the TCP peer's address and the X-Forwarded-For header, if any. */
const request = (remoteAddress: string | undefined, forwarded?: string | string[]): IncomingMessage => {
  const headers = forwarded === undefined ? {} : { 'x-forwarded-for': forwarded }
  return { socket: { remoteAddress }, headers } as unknown as IncomingMessage
}

describe('clientAddress', () => {
  const local = ['127.0.0.1', '::1']

  it('ignores X-Forwarded-For from a connection that is not a trusted proxy', () => {
    expect(clientAddress(request('198.51.100.1', '203.0.113.7'), local)).toBe('198.51.100.1')
    expect(clientAddress(request('127.0.0.1', '203.0.113.7'), [])).toBe('127.0.0.1')
    expect(clientAddress(request('::ffff:198.51.100.1', '203.0.113.7'), local)).toBe('198.51.100.1')
    expect(clientAddress(request(undefined, '203.0.113.7'), local)).toBe('unknown')
  })

  it('takes the forwarded address from a trusted proxy, IPv4-mapped or not', () => {
    expect(clientAddress(request('127.0.0.1', '203.0.113.7'), local)).toBe('203.0.113.7')
    expect(clientAddress(request('::ffff:127.0.0.1', '203.0.113.7'), local)).toBe('203.0.113.7')
    expect(clientAddress(request('::1', ' 203.0.113.7 '), local)).toBe('203.0.113.7')
  })

  it('takes the right-most untrusted entry: entries a client prepends change nothing', () => {
    expect(clientAddress(request('127.0.0.1', '10.0.0.1, 203.0.113.7'), local)).toBe('203.0.113.7')
    expect(clientAddress(request('127.0.0.1', '127.0.0.1, 203.0.113.7'), local)).toBe('203.0.113.7')
    expect(clientAddress(request('127.0.0.1', 'not an address, 203.0.113.7'), local)).toBe('203.0.113.7')
    // Several X-Forwarded-For lines (joined by Node, or given as a list): the last one is the proxy's.
    expect(clientAddress(request('127.0.0.1', ['10.0.0.1', '203.0.113.7']), local)).toBe('203.0.113.7')
  })

  it('walks back through a chain of trusted proxies, and stops at the first untrusted hop', () => {
    const chain = [...local, '192.0.2.10']
    expect(clientAddress(request('127.0.0.1', '10.9.9.9, 203.0.113.7, 192.0.2.10'), chain)).toBe('203.0.113.7')
    // The outer proxy is not trusted here: it is the client as far as the relay can tell.
    expect(clientAddress(request('127.0.0.1', '203.0.113.7, 192.0.2.10'), local)).toBe('192.0.2.10')
  })

  it('reads IPv6 entries in one canonical form, so one phone is one key', () => {
    expect(clientAddress(request('::1', '2001:DB8::1'), local)).toBe('2001:db8::1')
    expect(clientAddress(request('::1', '2001:db8:0:0:0:0:0:1'), local)).toBe('2001:db8::1')
    expect(clientAddress(request('::1', '[2001:db8::1]:4711'), local)).toBe('2001:db8::1')
    expect(clientAddress(request('::1', '::ffff:203.0.113.7'), local)).toBe('203.0.113.7')
    expect(clientAddress(request('127.0.0.1', '203.0.113.7:4711'), local)).toBe('203.0.113.7')
  })

  it("answers the proxy's own address when the header is missing, malformed or names only trusted hops", () => {
    for (const header of [undefined, '', ' , ,', 'unknown', '999.1.1.1', '203.0.113.7, garbage', 'a'.repeat(4_000)]) {
      expect(clientAddress(request('::ffff:127.0.0.1', header), local)).toBe('127.0.0.1')
    }
    expect(clientAddress(request('127.0.0.1', '::1, 127.0.0.1'), local)).toBe('127.0.0.1')
    const long = Array.from({ length: 1_000 }, (_, i) => `10.0.${i % 256}.${i % 200}`).join(', ')
    expect(clientAddress(request('127.0.0.1', `${long}, 203.0.113.7`), local)).toBe('203.0.113.7')
  })
})

describe('TRUSTED_PROXIES setting', () => {
  it('is empty by default and parses a comma list of addresses', () => {
    const none = parseConfig({})
    expect(none.ok && none.value.trustedProxies).toEqual([])
    const some = parseConfig({ TRUSTED_PROXIES: ' 127.0.0.1, ::1 ,::ffff:10.0.0.2,2001:DB8::7,' })
    expect(some.ok && some.value.trustedProxies).toEqual(['127.0.0.1', '::1', '10.0.0.2', '2001:db8::7'])
  })

  it('refuses anything that is not an IP address, naming the setting and the entry', () => {
    for (const value of ['localhost', '127.0.0.1, proxy', '10.0.0.0/8', '256.0.0.1', '[::1]']) {
      const config = parseConfig({ TRUSTED_PROXIES: value })
      expect(config.ok).toBe(false)
      if (!config.ok) expect(config.error).toContain('TRUSTED_PROXIES')
    }
  })

  it('stops the relay process at start with exit code 2 and the message', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'pedibus-relay-'))
    const env = { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, TRUSTED_PROXIES: 'proxy.local' }
    const args = ['--import', 'tsx', 'server/main.ts']
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
    // A relay that started anyway is stopped, so the test fails instead of leaving it running.
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000)
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const code = await new Promise<number | null>((done) => child.once('exit', (exit) => done(exit)))
    clearTimeout(timer)
    await rm(dataDir, { recursive: true, force: true })
    expect(code).toBe(2)
    expect(stderr).toContain('TRUSTED_PROXIES')
  }, 30_000)
})

let relay: InProcessRelay | null = null
const open: RawClient[] = []
afterEach(async () => {
  for (const client of open.splice(0)) client.ws.terminate()
  await relay?.stop()
  relay = null
})

/** Opens a socket on `room` as if forwarded for `address`; resolves with 'open' once joined, or its close code. */
const connect = async (room: TestRoom, address: string, register = false): Promise<'open' | number> => {
  const protocols = relayProtocols(room.token, { register })
  const client = await openRawClient(relay!.wsUrl, room.roomId, protocols, { 'X-Forwarded-For': address })
  open.push(client)
  let code: number | null = null
  void client.closed.then((closed) => (code = closed.code))
  await waitFor(() => client.received.length > 0 || code !== null, 'joined or refused')
  return code ?? 'open'
}

const statusOf = async (method: string, path: string, address: string): Promise<number> => {
  const response = await fetch(`${relay!.url}${path}`, { method, headers: { 'X-Forwarded-For': address } })
  await response.arrayBuffer()
  return response.status
}

describe('per-address limits behind a trusted proxy', () => {
  it('gives each forwarded address its own socket allowance; a forged left entry does not escape it', async () => {
    relay = await startRelay({ env: { TRUSTED_PROXIES: '127.0.0.1', MAX_CONNECTIONS_PER_IP: '2' } })
    const room = await createTestRoom()
    expect(await connect(room, '203.0.113.7', true)).toBe('open')
    expect(await connect(room, '203.0.113.7')).toBe('open')
    expect(await connect(room, '203.0.113.7')).toBe(CloseCode.tooManyRequests)
    expect(await connect(room, '198.51.100.1, 203.0.113.7')).toBe(CloseCode.tooManyRequests)
    expect(await connect(room, '203.0.113.8')).toBe('open')
    expect(await connect(room, '203.0.113.7, 203.0.113.8')).toBe('open')
    expect(await connect(room, '203.0.113.8')).toBe(CloseCode.tooManyRequests)
  })

  it('ignores X-Forwarded-For without TRUSTED_PROXIES: every socket from 127.0.0.1 is one address', async () => {
    relay = await startRelay({ env: { MAX_CONNECTIONS_PER_IP: '2' } })
    const room = await createTestRoom()
    expect(await connect(room, '203.0.113.7', true)).toBe('open')
    expect(await connect(room, '203.0.113.8')).toBe('open')
    expect(await connect(room, '203.0.113.9')).toBe(CloseCode.tooManyRequests)
  })

  it('counts room registrations per forwarded address', async () => {
    relay = await startRelay({ env: { TRUSTED_PROXIES: '127.0.0.1', MAX_ROOM_REGISTRATIONS_PER_IP_PER_HOUR: '1' } })
    expect(await connect(await createTestRoom(), '203.0.113.7', true)).toBe('open')
    expect(await connect(await createTestRoom(), '203.0.113.7', true)).toBe(CloseCode.tooManyRequests)
    expect(await connect(await createTestRoom(), '203.0.113.8', true)).toBe('open')
  })

  it('counts renewals, invitations and partner-link requests per forwarded address', async () => {
    // 1 per hour: renewals and archives 1, invitation writes and reads and reader filings 4 each.
    relay = await startRelay({ env: { TRUSTED_PROXIES: '127.0.0.1', MAX_ROOM_REGISTRATIONS_PER_IP_PER_HOUR: '1' } })
    const { roomId } = await createTestRoom()
    const invitation = `/invite/${roomId}/${'A'.repeat(22)}`
    const cases: Array<{ method: string; path: string; allowed: number; first: number }> = [
      { method: 'POST', path: `/renew/${roomId}`, allowed: 1, first: 401 },
      { method: 'GET', path: `/invite/${roomId}`, allowed: 4, first: 401 },
      { method: 'GET', path: invitation, allowed: 4, first: 404 },
      { method: 'POST', path: `/readers/${roomId}`, allowed: 4, first: 401 },
    ]
    for (const [index, { method, path, allowed, first }] of cases.entries()) {
      const address = `203.0.113.${10 + index}`
      for (let i = 0; i < allowed; i++) expect(await statusOf(method, path, address)).toBe(first)
      expect(await statusOf(method, path, address)).toBe(429)
      expect(await statusOf(method, path, `198.51.100.${10 + index}`)).toBe(first)
    }
    // Nothing in the relay's logs names an address.
    const logged = JSON.stringify(relay.logs)
    expect(logged).not.toMatch(/203\.0\.113|198\.51\.100/)
  })
})
