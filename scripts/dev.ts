// `npm run dev`: a relay on DEV_RELAY_PORT (default 8787, data in ./data/dev) plus the Vite dev server with hot reload, proxying /sync to it.
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'vite'

const relayPort = Number(process.env.DEV_RELAY_PORT ?? 8787)
const relayUrl = `http://127.0.0.1:${relayPort}`

const startRelay = (): ChildProcess =>
  spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    stdio: 'inherit',
    env: { ...process.env, PORT: String(relayPort), HOST: '127.0.0.1', DATA_DIR: process.env.DATA_DIR ?? './data/dev' },
  })

const main = async (): Promise<void> => {
  const relay = startRelay()
  process.env.PEDIBUS_DEV_RELAY = relayUrl
  const vite = await createServer({ configFile: 'vite.config.ts' })
  await vite.listen()
  vite.printUrls()
  console.log(`relay: ${relayUrl} (proxied by Vite under /sync)`)
  const stop = async (): Promise<void> => {
    relay.kill('SIGTERM')
    await vite.close()
    process.exit(0)
  }
  process.once('SIGINT', () => void stop())
  process.once('SIGTERM', () => void stop())
  relay.once('exit', (code) => {
    if (code !== 0 && code !== null) console.error(`relay exited with code ${code}`)
  })
}

void main()
