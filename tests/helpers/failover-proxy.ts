// A TCP proxy in front of several relays, as a host's proxy routes one room to one relay and to the next when it is
// down (docs/reproduce.md, "Several relays"): each new connection goes to the first upstream that accepts it.
import { createConnection, createServer, type Socket } from 'node:net'

export interface FailoverProxy {
  /** ws://127.0.0.1:PORT/sync */
  readonly wsUrl: string
  /** The upstream each accepted connection went to, in order. */
  readonly routed: number[]
  close(): Promise<void>
}

const connectTo = (port: number): Promise<Socket> => new Promise((resolve, reject) => {
  const upstream = createConnection({ host: '127.0.0.1', port })
  upstream.once('connect', () => resolve(upstream))
  upstream.once('error', reject)
})

export const startFailoverProxy = async (upstreamPorts: readonly number[]): Promise<FailoverProxy> => {
  const routed: number[] = []
  const sockets = new Set<Socket>()
  const server = createServer((client) => {
    sockets.add(client)
    client.pause()
    client.on('error', () => undefined)
    client.on('close', () => sockets.delete(client))
    void (async () => {
      for (const port of upstreamPorts) {
        const upstream = await connectTo(port).catch(() => null)
        if (!upstream) continue
        routed.push(port)
        sockets.add(upstream)
        upstream.on('error', () => client.destroy())
        upstream.on('close', () => {
          sockets.delete(upstream)
          client.destroy()
        })
        client.on('close', () => upstream.destroy())
        client.pipe(upstream)
        upstream.pipe(client)
        client.resume()
        return
      }
      client.destroy()
    })()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    wsUrl: `ws://127.0.0.1:${port}/sync`,
    routed,
    async close() {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
