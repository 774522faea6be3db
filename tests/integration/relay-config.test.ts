// The relay's pure parts: environment parsing and the authentication checks (no sockets).
import { describe, expect, it } from 'vitest'
import { isOriginAllowed, isSameHash, parseOfferedProtocols, roomIdFromUrl, selectProtocol } from '../../server/auth.ts'
import { parseConfig } from '../../server/config.ts'
import { engineConnection } from '../../server/engine/engine-url.ts'
import { createRegistrationLimiter } from '../../server/limits.ts'
import { ACK_PROTOCOL, REGISTER_PROTOCOL, SUBPROTOCOL, TOKEN_PROTOCOL_PREFIX } from '../../src/lib/relay-protocol.ts'

describe('relay configuration', () => {
  it('uses the documented defaults', () => {
    const config = parseConfig({})
    expect(config.ok && config.value).toMatchObject({
      port: 8080, host: '127.0.0.1', dataDir: './data', staticDir: './dist', allowedOrigins: null,
      maxPayload: 2 * 1024 * 1024, logLevel: 'info', archivedRoomMs: 1100 * 24 * 60 * 60 * 1000,
    })
    const days = parseConfig({ ARCHIVED_ROOM_DAYS: '30' })
    expect(days.ok && days.value.archivedRoomMs).toBe(30 * 24 * 60 * 60 * 1000)
  })

  it('refuses bad values with a message naming the setting', () => {
    const envs = [{ PORT: 'abc' }, { PORT: '70000' }, { MAX_PAYLOAD: '-1' }, { LOG_LEVEL: 'loud' }]
    for (const env of [...envs, { ARCHIVED_ROOM_DAYS: '0' }, { ARCHIVED_ROOM_DAYS: '3.5' }]) {
      const config = parseConfig(env)
      expect(config.ok).toBe(false)
      if (!config.ok) expect(config.error).toContain(Object.keys(env)[0])
    }
  })

  it('stays in one-relay mode without ENGINE_URL, and reads or refuses an engine URL naming the setting', () => {
    const none = parseConfig({})
    expect(none.ok && none.value.engine).toBeNull()
    const unix = parseConfig({ ENGINE_URL: 'unix:///run/valkey/valkey.sock' })
    expect(unix.ok && unix.value.engine).toEqual({ url: 'unix:///run/valkey/valkey.sock', prefix: 'pedibus:', aofRewriteDelayMs: 60_000 })
    expect(engineConnection('unix:///run/valkey/valkey.sock')).toEqual({ path: '/run/valkey/valkey.sock' })
    expect(engineConnection('redis://:s3cret@10.0.0.5:6380/2')).toMatchObject({ host: '10.0.0.5', port: 6380, password: 's3cret', db: 2 })
    for (const env of [
      { ENGINE_URL: 'localhost:6379' }, { ENGINE_URL: 'http://engine' }, { ENGINE_URL: 'redis://h/x' },
      { ENGINE_PREFIX: 'has space' }, { ENGINE_AOF_REWRITE_MS: '-5' },
    ]) {
      const config = parseConfig(env)
      expect(config.ok).toBe(false)
      if (!config.ok) expect(config.error).toContain(Object.keys(env)[0])
      // A password in the URL is never repeated in the message.
      if (!config.ok) expect(config.error).not.toContain('s3cret')
    }
  })

  it('parses the origin allow-list, trimming spaces and trailing slashes', () => {
    const config = parseConfig({ ALLOWED_ORIGINS: 'https://a.example/, http://localhost:5173' })
    expect(config.ok && config.value.allowedOrigins).toEqual(['https://a.example', 'http://localhost:5173'])
  })
})

describe('relay authentication checks', () => {
  it('allows same-origin and no-Origin requests without a list, and only listed origins with one', () => {
    const host = 'relay.example:8080'
    expect(isOriginAllowed({ host }, null)).toBe(true)
    expect(isOriginAllowed({ host, origin: 'https://relay.example:8080' }, null)).toBe(true)
    expect(isOriginAllowed({ host, origin: 'https://evil.example' }, null)).toBe(false)
    expect(isOriginAllowed({ host, origin: 'https://app.example' }, ['https://app.example'])).toBe(true)
    expect(isOriginAllowed({ host, origin: 'https://relay.example:8080' }, ['https://app.example'])).toBe(false)
  })

  it('reads a room id only from /sync/<22 base64url chars>', () => {
    const id = 'AAAAAAAAAAAAAAAAAAAAAA'
    expect(roomIdFromUrl(`/sync/${id}`)).toBe(id)
    expect(roomIdFromUrl(`/sync/${id}?x=1`)).toBe(id)
    for (const bad of ['/sync/', `/sync/${id}/x`, `/sync/../${id}`, '/sync/..%2F..%2Fetc', `/other/${id}`, undefined]) {
      expect(roomIdFromUrl(bad)).toBeNull()
    }
  })

  it('parses offered subprotocols and never selects the token', () => {
    const token = 'a'.repeat(43)
    const offered = new Set([SUBPROTOCOL, `${TOKEN_PROTOCOL_PREFIX}${token}`, REGISTER_PROTOCOL, ACK_PROTOCOL])
    expect(parseOfferedProtocols(offered)).toEqual({ hasSubprotocol: true, token, register: true, ack: true })
    expect(selectProtocol(offered)).toBe(SUBPROTOCOL)
    const twoTokens = new Set([SUBPROTOCOL, `${TOKEN_PROTOCOL_PREFIX}${token}`, `${TOKEN_PROTOCOL_PREFIX}${'b'.repeat(43)}`])
    expect(parseOfferedProtocols(twoTokens).token).toBeNull()
    // Without pedibus.v1 the relay answers with another offered protocol rather than the token (a response header).
    expect(selectProtocol(new Set([`${TOKEN_PROTOCOL_PREFIX}${token}`, REGISTER_PROTOCOL]))).toBe(REGISTER_PROTOCOL)
    expect(selectProtocol(new Set())).toBe(false)
  })

  it('compares hashes of different lengths without throwing', () => {
    expect(isSameHash('abc', 'abc')).toBe(true)
    expect(isSameHash('abc', 'abcd')).toBe(false)
  })

  it('counts registrations per IP over a rolling hour', () => {
    let now = 0
    const limiter = createRegistrationLimiter(2, () => now)
    expect([limiter.tryConsume('a'), limiter.tryConsume('a'), limiter.tryConsume('a'), limiter.tryConsume('b')]).toEqual([true, true, false, true])
    now += 60 * 60 * 1000 + 1
    expect(limiter.tryConsume('a')).toBe(true)
  })
})
