// The CORS answer of the relay's token-checked HTTP requests (renewal, archive, invitations): the app may live on
// another allowed origin (ALLOWED_ORIGINS), and a request with a custom header needs a preflight.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { isOriginAllowed } from './auth.ts'

/**
 * Null when the request may go on (its Origin allowed and echoed back); otherwise the status to answer now: 403 for
 * another origin, 204 for a preflight (`methods` and `headers` allowed for 10 minutes).
 */
export const corsAnswer = (
  req: IncomingMessage, res: ServerResponse, allowedOrigins: readonly string[] | null, methods: string, headers: string,
): 403 | 204 | null => {
  if (!isOriginAllowed(req.headers, allowedOrigins)) return 403
  const origin = req.headers.origin
  if (origin !== undefined) {
    res.setHeader('Access-Control-Allow-Origin', origin)
    res.setHeader('Vary', 'Origin')
  }
  if (req.method !== 'OPTIONS') return null
  res.setHeader('Access-Control-Allow-Methods', methods)
  res.setHeader('Access-Control-Allow-Headers', headers)
  res.setHeader('Access-Control-Max-Age', '600')
  return 204
}
