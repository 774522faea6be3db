// One interval for the whole relay: keepalive frames to quiet sockets, and ping/pong to find dead ones.
import type { WebSocket } from 'ws'
import type { Metrics } from './metrics.ts'
import type { Peer } from './peer.ts'

export interface Heartbeat {
  track(ws: WebSocket, peer: Peer): void
  untrack(ws: WebSocket): void
  destroy(): void
}

interface Tracked {
  readonly peer: Peer
  alive: boolean
  pingedAt: number
}

export const createHeartbeat = (options: {
  keepaliveMs: number
  pingIntervalMs: number
  metrics: Metrics
  now?: () => number
}): Heartbeat => {
  const now = options.now ?? Date.now
  const tracked = new Map<WebSocket, Tracked>()
  const tickMs = Math.max(10, Math.floor(Math.min(options.keepaliveMs, options.pingIntervalMs) / 4))

  const tick = (): void => {
    const time = now()
    for (const [ws, state] of tracked) {
      if (time - state.peer.lastSentAt() >= options.keepaliveMs) state.peer.sendKeepalive()
      if (time - state.pingedAt < options.pingIntervalMs) continue
      if (!state.alive) {
        options.metrics.increment('deadSocketsTerminated')
        ws.terminate()
        continue
      }
      state.alive = false
      state.pingedAt = time
      ws.ping()
    }
  }

  let timer: NodeJS.Timeout | null = setInterval(tick, tickMs)
  timer.unref()

  return {
    track(ws, peer) {
      const state: Tracked = { peer, alive: true, pingedAt: now() }
      tracked.set(ws, state)
      ws.on('pong', () => {
        state.alive = true
      })
    },
    untrack(ws) {
      tracked.delete(ws)
    },
    destroy() {
      if (timer) clearInterval(timer)
      timer = null
      tracked.clear()
    },
  }
}
