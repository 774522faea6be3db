// ENGINE_URL read into connection options, and the error a wrong engine setting gives at start-up. Apart from
// engine.ts so that the configuration (config.ts, read by every relay) never loads the engine's client library.
import type { RedisOptions } from 'ioredis'

export interface EngineSettings {
  /** redis://, rediss:// or valkey:// (host, port, optional password and db), or unix:///absolute/path.sock */
  readonly url: string
  /** Prefix of every key and channel: several deployments can share one engine. */
  readonly prefix: string
}

/** A setting to change (exit code 2, like a bad environment variable): the engine's persistence, ENGINE_URL. */
export class EngineConfigError extends Error {
  override readonly name = 'EngineConfigError'
}

/** The connection options for ENGINE_URL, or an error naming what is wrong (config.ts reports it at start-up). */
export const engineConnection = (url: string): RedisOptions | string => {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return 'not a URL (expected redis://host:port, valkey://host:port or unix:///path/to/engine.sock)'
  }
  if (parsed.protocol === 'unix:') {
    if (!parsed.pathname.startsWith('/') || parsed.pathname.length < 2) return 'a unix socket needs an absolute path'
    return { path: decodeURIComponent(parsed.pathname) }
  }
  if (!['redis:', 'rediss:', 'valkey:', 'valkeys:'].includes(parsed.protocol)) {
    return `unknown scheme ${parsed.protocol} (expected redis:, rediss:, valkey:, valkeys: or unix:)`
  }
  const db = parsed.pathname.replace(/^\//, '')
  if (db !== '' && !/^\d{1,2}$/.test(db)) return 'the path of an engine URL is a database number'
  return {
    host: parsed.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1',
    port: parsed.port === '' ? 6379 : Number(parsed.port),
    username: parsed.username === '' ? undefined : decodeURIComponent(parsed.username),
    password: parsed.password === '' ? undefined : decodeURIComponent(parsed.password),
    db: db === '' ? 0 : Number(db),
    tls: parsed.protocol === 'rediss:' || parsed.protocol === 'valkeys:' ? {} : undefined,
  }
}
