// Fetches the document code (src/app/session-runtime.ts) once per page, for services.ts and an early start in main.tsx.
import { loadOnce } from '../lib/load-once.ts'
import type * as SessionRuntimeModule from './session-runtime.ts'

export type SessionRuntime = typeof SessionRuntimeModule

/**
 * From the service worker's cache on an installed phone; a failed fetch (an app update removed the old chunk, say) is
 * tried again by the next call. Called early by src/main.tsx when the address is a collective's, so it loads while the
 * device list is read.
 */
export const loadSessionRuntime = loadOnce(() => import('./session-runtime.ts'))
