// The relay in one process: HTTP (healthz, app), the /sync/<roomId> websocket endpoint, rooms, the store.
// createRelay is what main.ts and the tests start; close() stops accepting, closes sockets (1001), flushes.
// Also POST /renew/<roomId> and /archive/<roomId> (issues 6 and 14), and the sweeper that deletes renewed and
// archived rooms after their periods and rooms nobody uses.
import { createServer, type IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import { SYNC_PATH_PREFIX } from '../src/lib/relay-protocol.ts'
import { selectProtocol } from './auth.ts'
import type { RelayConfig } from './config.ts'
import { createHeartbeat } from './heartbeat.ts'
import { createHttpHandler } from './http.ts'
import { createConnectionLimiter, createRegistrationLimiter, sharedInMemory } from './limits.ts'
import { createLogger, type Logger } from './log.ts'
import { createMetrics, type Counters, type Metrics } from './metrics.ts'
import { createInviteHandler } from './invites.ts'
import { createReadersHandler } from './readers.ts'
import { createFreezeHandler } from './renew.ts'
import { createRoomRegistry } from './rooms.ts'
import { createFileStore } from './store/file-store.ts'
import type { StorageAdapter } from './store/adapter.ts'
import { createUpgradeHandler } from './socket.ts'
import { createSweeper } from './sweeper.ts'

export interface Relay {
  readonly port: number
  /** http://host:port */
  readonly url: string
  readonly metrics: Metrics
  health(): { status: 'ok'; rooms: number; connections: number; counters: Counters }
  /** Runs the sweeper now (renewed, archived, unused, idle rooms; also at start and hourly): rooms deleted. */
  sweepRenewedRooms(): Promise<number>
  /** Stops accepting, closes sockets with 1001, writes out every room, closes the store. Safe twice. */
  close(): Promise<void>
}

export interface RelayOptions {
  logger?: Logger
  store?: StorageAdapter
  /** The clock of the sweeper and of renewal and archive times (tests make rooms old without waiting). */
  now?: () => number
}

const SHUTDOWN_GRACE_MS = 2_000
/** Largest message a refused socket may push before its close handshake: anything bigger cuts it off (1009). */
const REFUSED_MAX_PAYLOAD = 1024
/** A sync reply larger than this is sent as several messages, each when the socket has taken the previous one. */
const SYNC_PART_BYTES = 256 * 1024

export const createRelay = async (config: RelayConfig, options: RelayOptions = {}): Promise<Relay> => {
  const log = options.logger ?? createLogger(config.logLevel)
  const clock = options.now
  const metrics = createMetrics()
  // Engine mode (loaded only then): refuses to start unless the engine syncs every write to its disk (engine.ts).
  const engineMode = config.engine && !options.store ? await startEngineMode(config.engine, log) : null
  const store = options.store ?? engineMode?.store ?? createFileStore(config.dataDir)
  await store.open() // replays what a crash left in the write-ahead log before any room is served
  const localRooms = createRoomRegistry({
    store, metrics, log, compactLogBytes: config.compactLogBytes, compactAfterDeleteMs: config.compactAfterDeleteMs, now: options.now,
  })
  const cluster = engineMode
    ? engineMode.cluster.createClusterRooms(localRooms, engineMode.engine, { metrics, log, store })
    : null
  const rooms = cluster ?? localRooms
  const heartbeat = createHeartbeat({ keepaliveMs: config.keepaliveMs, pingIntervalMs: config.pingIntervalMs, metrics })
  const connections = createConnectionLimiter(config.maxConnectionsPerIp)
  const registrations = createRegistrationLimiter(config.maxRoomRegistrationsPerIpPerHour)
  const globalRegistrations = engineMode
    ? engineMode.cluster.createEngineRateLimiter(engineMode.engine, 'registrations', config.maxRoomRegistrationsPerHour, options.now)
    : sharedInMemory(createRegistrationLimiter(config.maxRoomRegistrationsPerHour))
  // Renewals and archives share one count per IP (the same token check), apart from registrations.
  const freezes = createRegistrationLimiter(config.maxRoomRegistrationsPerIpPerHour)

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: config.maxPayload,
    perMessageDeflate: false,
    handleProtocols: (offered) => selectProtocol(offered),
  })
  // Refused sockets complete the upgrade only to receive their 44xx close code: anything they push is cut off.
  const refusals = new WebSocketServer({ noServer: true, maxPayload: REFUSED_MAX_PAYLOAD, perMessageDeflate: false, handleProtocols: (offered) => selectProtocol(offered) })
  for (const server of [wss, refusals]) server.on('error', (error) => log.error('wss.error', { error: error.name }))

  const sweeper = createSweeper({
    store, rooms, metrics, log, unusedMs: config.unusedRoomMs, idleMs: config.idleRoomMs, retentionMs: config.roomRetentionMs,
    archivedMs: config.archivedRoomMs, now: options.now,
  })
  const health = () => ({ status: 'ok' as const, rooms: rooms.count(), connections: wss.clients.size, counters: { ...metrics.counters } })
  const server = createServer(
    {
      headersTimeout: config.headersTimeoutMs,
      requestTimeout: config.requestTimeoutMs,
      // How often Node checks those timeouts (default 30 s would let a slow client hold on much longer).
      connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(config.headersTimeoutMs / 4))),
    },
    createHttpHandler({
      staticDir: config.staticDir,
      health,
      freeze: createFreezeHandler({
        allowedOrigins: config.allowedOrigins, trustedProxies: config.trustedProxies, store, rooms, limiter: freezes,
        metrics, log, sweeper,
        now: clock ? () => new Date(clock()) : undefined,
      }),
      invites: createInviteHandler({
        allowedOrigins: config.allowedOrigins, trustedProxies: config.trustedProxies, store, metrics, log, now: clock,
        writes: createRegistrationLimiter(config.maxRoomRegistrationsPerIpPerHour * 4),
        reads: createRegistrationLimiter(config.maxRoomRegistrationsPerIpPerHour * 4),
      }),
      readers: createReadersHandler({
        allowedOrigins: config.allowedOrigins, trustedProxies: config.trustedProxies, store, rooms, metrics, log,
        now: clock,
        writes: createRegistrationLimiter(config.maxRoomRegistrationsPerIpPerHour * 4),
      }),
    }),
  )
  server.on('error', (error) => log.error('http.error', { error: error.name }))
  server.on('clientError', (_error, socket) => socket.destroy())

  const onUpgrade = createUpgradeHandler({
    config, log, metrics, store, rooms, heartbeat, connections, registrations, globalRegistrations, wss, refusals,
    now: options.now,
    peerLimits: {
      maxBufferedBytes: 8 * config.maxPayload,
      maxRoomBytes: config.roomMaxBytes,
      partBytes: Math.min(SYNC_PART_BYTES, Math.floor(config.maxPayload / 2)),
      maxHeldMessages: 16,
      maxHeldBytes: config.maxPayload,
      heldTimeoutMs: 10_000,
    },
  })
  let closing: Promise<void> | null = null

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => metrics.increment('socketErrors'))
    if (closing || !req.url?.startsWith(SYNC_PATH_PREFIX)) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n')
      return
    }
    void onUpgrade(req, socket, head)
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(config.port, config.host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : config.port
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`
  log.info('relay.listening', { port, host: config.host, engine: engineMode !== null })

  const shutdown = async (): Promise<void> => {
    const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()))
    heartbeat.destroy()
    const sweeping = sweeper.destroy()
    await closeSockets([...wss.clients, ...refusals.clients])
    await rooms.settle()
    await sweeping
    cluster?.destroy()
    await store.close()
    server.closeAllConnections()
    await serverClosed
    log.info('relay.closed', { rooms: rooms.count() })
  }

  return {
    port,
    url,
    metrics,
    health,
    sweepRenewedRooms: () => sweeper.sweep(),
    close() {
      closing ??= shutdown()
      return closing
    },
  }
}

/** The engine's connection, store and cluster modules: imported only in engine mode (they load the engine client). */
const startEngineMode = async (settings: NonNullable<RelayConfig['engine']>, log: Logger) => {
  const [{ connectEngine }, { createEngineStore }, cluster] = await Promise.all([
    import('./engine/engine.ts'), import('./engine/engine-store.ts'), import('./engine/cluster.ts'),
  ])
  const engine = await connectEngine(settings)
  return { engine, store: createEngineStore(engine, { aofRewriteDelayMs: settings.aofRewriteDelayMs, log }), cluster }
}

/** Close with 1001 and wait for the handshake; terminate the sockets that do not answer in time. */
const closeSockets = async (sockets: WebSocket[]): Promise<void> => {
  const closed = sockets.map((ws) => new Promise<void>((resolve) => {
    if (ws.readyState === ws.CLOSED) return resolve()
    ws.once('close', () => resolve())
    ws.close(1001, 'relay shutting down')
  }))
  const timer = setTimeout(() => sockets.forEach((ws) => ws.terminate()), SHUTDOWN_GRACE_MS)
  await Promise.all(closed)
  clearTimeout(timer)
}
