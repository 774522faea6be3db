// Work for when the phone has nothing else to do: requestIdleCallback where the browser has it, else a short timeout.

/** Runs `work` once the main thread is idle (at the latest after `timeoutMs`); returns what cancels it. */
export const whenIdle = (work: () => void, timeoutMs = 2_000): (() => void) => {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(work, { timeout: timeoutMs })
    return () => cancelIdleCallback(handle)
  }
  const timer = setTimeout(work, 0)
  return () => clearTimeout(timer)
}
