// Resolves the session a rota screen shows: a joined collective (/c/:id/...) or the in-memory demo (/demo/...), with its base address.
import { useEffect, useState } from 'preact/hooks'
import type { AppServices, CollectiveSession } from '../../../app/api.ts'
import { useServices, useSession, type SessionState } from '../../hooks/services.ts'

export interface RotaSessionState {
  readonly state: SessionState
  /** Address prefix of the rota screens: '/c/<id>' or '/demo'. */
  readonly base: string
  readonly demo: boolean
}

// One demo per app run: leaving and coming back to the example keeps what the visitor tried.
const demos = new WeakMap<AppServices, Promise<CollectiveSession>>()

export const openSharedDemo = (services: AppServices): Promise<CollectiveSession> => {
  let demo = demos.get(services)
  if (!demo) {
    demo = services.openDemo()
    demos.set(services, demo)
    demo.catch(() => demos.delete(services))
  }
  return demo
}

const useDemoSession = (enabled: boolean): SessionState => {
  const services = useServices()
  const [state, setState] = useState<SessionState>({ kind: 'loading' })
  useEffect(() => {
    if (!enabled) return
    let mounted = true
    openSharedDemo(services).then(
      (session) => mounted && setState({ kind: 'open', session }),
      (error: unknown) => {
        console.error('openDemo failed', error instanceof Error ? error.name : 'unknown')
        if (mounted) setState({ kind: 'missing' })
      },
    )
    return () => {
      mounted = false
    }
  }, [services, enabled])
  return state
}

/** `id` null and `demo` true: the demo; otherwise the collective `id`. */
export const useRotaSession = (id: string | null, demo: boolean): RotaSessionState => {
  const collective = useSession(demo ? null : id)
  const demoState = useDemoSession(demo)
  return demo ? { state: demoState, base: '/demo', demo } : { state: collective, base: `/c/${id ?? ''}`, demo }
}
