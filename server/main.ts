// Process entry: parse the environment, start the relay, shut down gracefully on SIGTERM/SIGINT.
import { parseConfig } from './config.ts'
import { EngineConfigError } from './engine/engine-url.ts'
import { createLogger } from './log.ts'
import { createRelay } from './relay.ts'

const main = async (): Promise<void> => {
  const config = parseConfig(process.env)
  if (!config.ok) {
    console.error(config.error)
    process.exit(2)
  }
  const log = createLogger(config.value.logLevel)
  const relay = await createRelay(config.value, { logger: log })
  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    log.info('relay.stopping', { signal })
    relay.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
}

main().catch((error: unknown) => {
  console.error('relay failed to start:', error instanceof Error ? error.message : 'unknown error')
  // A setting to change (the engine's persistence, ENGINE_URL) exits like a bad environment variable.
  process.exit(error instanceof EngineConfigError ? 2 : 1)
})
