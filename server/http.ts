// Plain HTTP: /healthz (counts only), /renew/<roomId> and /archive/<roomId> (renew.ts), /invite/... (invites.ts),
// /readers/... (readers.ts), the built app
// (sirv), with SPA fallback for navigation paths only.
import { existsSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { join } from 'node:path'
import sirv from 'sirv'
import { isInvitePath } from './invites.ts'
import { isReadersPath } from './readers.ts'
import { isFreezePath } from './renew.ts'

type Handler = (req: IncomingMessage, res: ServerResponse) => void
type StaticHandler = ReturnType<typeof sirv>

const NOT_BUILT = 'Pédibus Coop: the relay is running, but the app is not built. Run `npm run build`, then reload.\n'
const LONG_CACHE = 'public, max-age=31536000, immutable'

export const createHttpHandler = (
  options: { staticDir: string; health: () => object; freeze: Handler; invites: Handler; readers: Handler },
): Handler => {
  let serveStatic: { files: StaticHandler; app: StaticHandler } | null = null

  /** Created once index.html exists: sirv lists the directory when created (a build may come after start). */
  const getStatic = () => {
    if (serveStatic) return serveStatic
    if (!existsSync(join(options.staticDir, 'index.html'))) return null
    const setHeaders = (res: ServerResponse, pathname: string) => {
      res.setHeader('Cache-Control', pathname.startsWith('/assets/') ? LONG_CACHE : 'no-cache')
    }
    // The build writes .br and .gz copies of every text file (scripts/compress-dist.ts): sent to browsers that accept them.
    const common = { dev: false, etag: true, dotfiles: false, brotli: true, gzip: true, setHeaders }
    serveStatic = {
      files: sirv(options.staticDir, { ...common, single: false }),
      app: sirv(options.staticDir, { ...common, single: true }),
    }
    return serveStatic
  }

  return (req, res) => {
    res.setHeader('Referrer-Policy', 'no-referrer')
    res.setHeader('X-Content-Type-Options', 'nosniff')
    const path = (req.url ?? '/').split('?')[0] ?? '/'
    if (isFreezePath(path)) return options.freeze(req, res)
    if (isInvitePath(path)) return options.invites(req, res)
    if (isReadersPath(path)) return options.readers(req, res)
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method Not Allowed\n')
    if (path === '/healthz') return sendJson(res, 200, options.health())
    const served = getStatic()
    if (!served) return sendText(res, 503, NOT_BUILT)
    // Source maps are never served, even if a build left some in STATIC_DIR.
    if (path.endsWith('.map')) return sendText(res, 404, 'Not Found\n')
    // A path whose last segment has an extension is a file: a missing one is a 404, never index.html.
    const isFile = /\.[^/]*$/.test(path)
    const handler = isFile ? served.files : served.app
    handler(req, res, () => sendText(res, 404, 'Not Found\n'))
  }
}

const sendText = (res: ServerResponse, status: number, text: string): void => {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache' })
  res.end(text)
}

const sendJson = (res: ServerResponse, status: number, body: object): void => {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
  res.end(JSON.stringify(body))
}
