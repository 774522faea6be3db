// The address every per-address limit counts: the TCP peer's, or, from a trusted reverse proxy (TRUSTED_PROXIES), the
// right-most X-Forwarded-For entry that is not itself a trusted proxy. Kept in memory by the limiters, never logged.
import type { IncomingMessage } from 'node:http'
import { isIP } from 'node:net'

/** One text per address, so one phone is one key: IPv4-mapped IPv6 as IPv4, IPv6 compressed and lower-case. */
export const normaliseAddress = (text: string): string | null => {
  const trimmed = text.trim()
  const family = isIP(trimmed)
  if (family === 4) return trimmed
  if (family !== 6) return null
  let canonical: string
  try {
    canonical = new URL(`http://[${trimmed}]/`).hostname.slice(1, -1)
  } catch {
    return trimmed.toLowerCase() // a zone id (fe80::1%eth0) the URL parser does not take: still one address
  }
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical)
  if (!mapped) return canonical
  const [high, low] = [parseInt(mapped[1]!, 16), parseInt(mapped[2]!, 16)]
  return [high >> 8, high & 255, low >> 8, low & 255].join('.')
}

/** An X-Forwarded-For entry: a bare address, or one with a port ('[v6]:port', 'v4:port') as some proxies write. */
const parseEntry = (entry: string): string | null => {
  const text = entry.trim()
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(text)
  if (bracketed) return isIP(bracketed[1]!) === 6 ? normaliseAddress(bracketed[1]!) : null
  const withPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/.exec(text)
  return normaliseAddress(withPort ? withPort[1]! : text)
}

/**
 * Walks the header from the right: each trusted proxy appends the address it got the request from, so the first
 * untrusted entry is the client's (whatever a client wrote itself sits further left). Null when no such entry comes
 * before the list ends or a malformed entry (written where a trusted proxy should have written).
 */
const forwardedClient = (header: string | string[] | undefined, trusted: readonly string[]): string | null => {
  if (header === undefined) return null
  const entries = (Array.isArray(header) ? header.join(',') : header).split(',')
  for (let index = entries.length - 1; index >= 0; index--) {
    const address = parseEntry(entries[index]!)
    if (address === null) return null
    if (!trusted.includes(address)) return address
  }
  return null
}

/**
 * The client's address for per-address limits. `trusted`: normalised proxy addresses (config.trustedProxies); empty,
 * X-Forwarded-For is never read (a client could write anything in it). From a trusted proxy without a usable header:
 * the proxy's own address.
 */
type Request = Pick<IncomingMessage, 'headers' | 'socket'>

export const clientAddress = (req: Request, trusted: readonly string[]): string => {
  const remote = req.socket.remoteAddress
  if (remote === undefined) return 'unknown' // the socket is already gone
  const peer = normaliseAddress(remote) ?? remote
  if (!trusted.includes(peer)) return peer
  return forwardedClient(req.headers['x-forwarded-for'], trusted) ?? peer
}
