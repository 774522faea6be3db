// Per-IP limits: open connections, and room registrations per rolling hour. IPs stay in memory only.

export interface ConnectionLimiter {
  tryAcquire(ip: string): boolean
  release(ip: string): void
}

export const createConnectionLimiter = (maxPerIp: number): ConnectionLimiter => {
  const openByIp = new Map<string, number>()
  return {
    tryAcquire(ip) {
      const open = openByIp.get(ip) ?? 0
      if (open >= maxPerIp) return false
      openByIp.set(ip, open + 1)
      return true
    },
    release(ip) {
      const open = (openByIp.get(ip) ?? 0) - 1
      if (open > 0) openByIp.set(ip, open)
      else openByIp.delete(ip)
    },
  }
}

export interface RateLimiter {
  tryConsume(ip: string): boolean
}

/** A limit that may be counted elsewhere (engine mode: in the engine, shared by every relay). */
export interface SharedRateLimiter {
  tryConsume(key: string): Promise<boolean>
}

/** The in-memory limiter behind the shared interface (one relay). */
export const sharedInMemory = (limiter: RateLimiter): SharedRateLimiter => ({
  tryConsume: (key) => Promise.resolve(limiter.tryConsume(key)),
})

const HOUR_MS = 60 * 60 * 1000

export const createRegistrationLimiter = (maxPerHour: number, now: () => number = Date.now): RateLimiter => {
  const timesByIp = new Map<string, number[]>()
  return {
    tryConsume(ip) {
      const since = now() - HOUR_MS
      const recent = (timesByIp.get(ip) ?? []).filter((time) => time > since)
      if (recent.length >= maxPerHour) {
        timesByIp.set(ip, recent)
        return false
      }
      recent.push(now())
      timesByIp.set(ip, recent)
      pruneIfLarge(timesByIp, since)
      return true
    },
  }
}

/** Keeps the map from growing with one-off IPs. */
const pruneIfLarge = (timesByIp: Map<string, number[]>, since: number): void => {
  if (timesByIp.size < 10_000) return
  for (const [ip, times] of timesByIp) if (times.every((time) => time <= since)) timesByIp.delete(ip)
}
