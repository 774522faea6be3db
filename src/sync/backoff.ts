// Reconnection delays: exponential with full jitter and a ceiling, so a relay restart is not met by a storm.

export interface BackoffPolicy {
  readonly baseMs: number
  readonly ceilingMs: number
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 500, ceilingMs: 30_000 }

/** Full jitter: uniform in [0, min(ceiling, base * 2^attempt)). `random` returns [0, 1). */
export const backoffDelay = (attempt: number, random: () => number, policy: BackoffPolicy = DEFAULT_BACKOFF): number => {
  const exponent = Math.min(Math.max(attempt, 0), 30) // 2^30 * base is far above any ceiling
  const window = Math.min(policy.ceilingMs, policy.baseMs * 2 ** exponent)
  const unit = Math.min(Math.max(random(), 0), 1)
  return Math.floor(unit * window)
}
