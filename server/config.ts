// The relay's settings: parsed once from the environment with Zod; a bad value is a clear error, not a default.
import { z } from 'zod'
import { err, ok, type Result } from '../src/lib/result.ts'
import { normaliseAddress } from './client-address.ts'
import { engineConnection, type EngineSettings } from './engine/engine-url.ts'

const intIn = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback)

const DAY_MS = 24 * 60 * 60 * 1000

/** A comma list of IP addresses, normalised (client-address.ts); any other entry is an error naming it. */
const addressList = z.string().default('').transform((text, ctx) => {
  const entries = text.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '')
  const bad = entries.filter((entry) => normaliseAddress(entry) === null)
  if (bad.length > 0) {
    ctx.addIssue({ code: 'custom', message: `not an IP address: ${bad.join(', ')} (expected e.g. 127.0.0.1,::1)` })
    return z.NEVER
  }
  return [...new Set(entries.map((entry) => normaliseAddress(entry)!))]
})

const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const
export type LogLevel = (typeof LOG_LEVELS)[number]

const envSchema = z.object({
  PORT: intIn(0, 65535, 8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  STATIC_DIR: z.string().min(1).default('./dist'),
  ALLOWED_ORIGINS: z.string().optional(),
  /** Reverse proxies whose X-Forwarded-For is believed for per-address limits; empty: the header is never read. */
  TRUSTED_PROXIES: addressList,
  MAX_PAYLOAD: intIn(1024, 256 * 1024 * 1024, 2 * 1024 * 1024),
  MAX_CONNECTIONS_PER_IP: intIn(1, 1_000_000, 50),
  MAX_ROOM_REGISTRATIONS_PER_IP_PER_HOUR: intIn(0, 1_000_000, 30),
  /** Room registrations per rolling hour over the whole relay, every address together. */
  MAX_ROOM_REGISTRATIONS_PER_HOUR: intIn(0, 10_000_000, 1_000),
  /** Stored bytes of a room beyond which updates that add content are refused (deletions still pass). */
  ROOM_MAX_BYTES: intIn(64 * 1024, 4 * 1024 * 1024 * 1024, 16 * 1024 * 1024),
  /** A registered room with nothing stored after this long is deleted (with a tombstone). */
  UNUSED_ROOM_HOURS: intIn(1, 24 * 366, 24),
  /** A room no socket joined for this long is deleted (with a tombstone its own token can lift). */
  IDLE_ROOM_DAYS: intIn(1, 10 * 366, 400),
  /** A room with no stored change for this long is deleted (issue 16): about 13 months by default. */
  ROOM_RETENTION_DAYS: intIn(1, 10 * 366, 395),
  /** Members are told the day of that deletion this long before it (MESSAGE_RETENTION). */
  RETENTION_WARNING_DAYS: intIn(0, 366, 30),
  /** Send a no-op frame to a socket that received nothing for this long (stock client gives up at 30 s). */
  KEEPALIVE_MS: intIn(20, 25_000, 12_000),
  /** Ping every socket this often; one without a pong since the previous ping is terminated. */
  PING_INTERVAL_MS: intIn(20, 600_000, 30_000),
  /** Compact a loaded room when its log grows past this many bytes. */
  COMPACT_LOG_BYTES: intIn(1024, 1024 * 1024 * 1024, 4 * 1024 * 1024),
  /** Compact a loaded room this long after a stored update deleted or replaced values (erasure, see rooms.ts). */
  COMPACT_AFTER_DELETE_MS: intIn(0, 24 * 60 * 60 * 1000, 60_000),
  /** How long an archived room (a past generation, issue 14) is kept: about three school years by default. */
  ARCHIVED_ROOM_DAYS: intIn(1, 10 * 366, 1_100),
  HEADERS_TIMEOUT_MS: intIn(100, 600_000, 10_000),
  REQUEST_TIMEOUT_MS: intIn(100, 600_000, 30_000),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  /** Engine mode (several relays over Valkey or Redis): where the engine listens. Unset: one relay, DATA_DIR. */
  ENGINE_URL: z.string().optional().superRefine((url, ctx) => {
    const connection = url === undefined ? null : engineConnection(url)
    if (typeof connection === 'string') ctx.addIssue({ code: 'custom', message: connection })
  }),
  /** Prefix of the keys and channels in the engine (several deployments on one engine). */
  ENGINE_PREFIX: z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/).default('pedibus:'),
  /** After a compaction that erased values, the engine's append-only file is rewritten within this long. */
  ENGINE_AOF_REWRITE_MS: intIn(0, 24 * 60 * 60 * 1000, 60_000),
})

export interface RelayConfig {
  readonly port: number
  readonly host: string
  readonly dataDir: string
  readonly staticDir: string
  /** null: same-origin only (Origin must equal http(s)://<Host>). Requests without Origin are always allowed. */
  readonly allowedOrigins: readonly string[] | null
  /** TRUSTED_PROXIES, normalised: a connection from one counts for the client its X-Forwarded-For names. */
  readonly trustedProxies: readonly string[]
  readonly maxPayload: number
  readonly maxConnectionsPerIp: number
  readonly maxRoomRegistrationsPerIpPerHour: number
  readonly maxRoomRegistrationsPerHour: number
  readonly roomMaxBytes: number
  readonly unusedRoomMs: number
  readonly idleRoomMs: number
  readonly roomRetentionMs: number
  readonly retentionWarningMs: number
  readonly keepaliveMs: number
  readonly pingIntervalMs: number
  readonly compactLogBytes: number
  readonly compactAfterDeleteMs: number
  /** ARCHIVED_ROOM_DAYS in ms: an archived room is deleted this long after its archive. */
  readonly archivedRoomMs: number
  readonly headersTimeoutMs: number
  readonly requestTimeoutMs: number
  readonly logLevel: LogLevel
  /** Engine mode (ENGINE_URL set): rooms and their metas in the engine, DATA_DIR unused. Null: one relay. */
  readonly engine: (EngineSettings & { readonly aofRewriteDelayMs: number }) | null
}

const parseOrigins = (text: string | undefined): readonly string[] | null => {
  if (text === undefined || text.trim() === '') return null
  return text.split(',').map((origin) => origin.trim().replace(/\/+$/, '')).filter((origin) => origin !== '')
}

/** Parses environment variables (unknown ones are ignored). Empty strings count as unset. */
export const parseConfig = (env: Record<string, string | undefined>): Result<RelayConfig, string> => {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''))
  const parsed = envSchema.safeParse(cleaned)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    return err(`invalid relay configuration: ${problems.join('; ')}`)
  }
  const e = parsed.data
  return ok({
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    staticDir: e.STATIC_DIR,
    allowedOrigins: parseOrigins(e.ALLOWED_ORIGINS),
    trustedProxies: e.TRUSTED_PROXIES,
    maxPayload: e.MAX_PAYLOAD,
    maxConnectionsPerIp: e.MAX_CONNECTIONS_PER_IP,
    maxRoomRegistrationsPerIpPerHour: e.MAX_ROOM_REGISTRATIONS_PER_IP_PER_HOUR,
    maxRoomRegistrationsPerHour: e.MAX_ROOM_REGISTRATIONS_PER_HOUR,
    roomMaxBytes: e.ROOM_MAX_BYTES,
    unusedRoomMs: e.UNUSED_ROOM_HOURS * 60 * 60 * 1000,
    idleRoomMs: e.IDLE_ROOM_DAYS * DAY_MS,
    roomRetentionMs: e.ROOM_RETENTION_DAYS * DAY_MS,
    retentionWarningMs: e.RETENTION_WARNING_DAYS * DAY_MS,
    keepaliveMs: e.KEEPALIVE_MS,
    pingIntervalMs: e.PING_INTERVAL_MS,
    compactLogBytes: e.COMPACT_LOG_BYTES,
    compactAfterDeleteMs: e.COMPACT_AFTER_DELETE_MS,
    archivedRoomMs: e.ARCHIVED_ROOM_DAYS * DAY_MS,
    headersTimeoutMs: e.HEADERS_TIMEOUT_MS,
    requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
    logLevel: e.LOG_LEVEL,
    engine: e.ENGINE_URL === undefined
      ? null
      : { url: e.ENGINE_URL, prefix: e.ENGINE_PREFIX, aofRewriteDelayMs: e.ENGINE_AOF_REWRITE_MS },
  })
}
