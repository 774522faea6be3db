// Gives components the AppServices (the only door to the use-cases) and the shared session of a collective.
import { createContext } from 'preact'
import { useContext, useEffect, useState } from 'preact/hooks'
import type { AppServices, CollectiveSession } from '../../app/api.ts'
import { parseRoomId, type RoomId } from '../../lib/credentials.ts'

export const ServicesContext = createContext<AppServices | null>(null)

export const useServices = (): AppServices => {
  const services = useContext(ServicesContext)
  if (!services) throw new Error('useServices outside ServicesContext') // a wiring bug, not a user error
  return services
}

export type SessionState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'missing' }
  | { readonly kind: 'open'; readonly session: CollectiveSession }

/**
 * The open session of collective `id`. Sessions are shared and stay open while the app runs (so
 * waiting changes keep flowing to the relay after leaving a screen); AppServices.destroy closes them.
 */
/** Another screen of this collective opened it: this one renders at once, without a "Chargement…" frame. */
const openedOrLoading = (services: AppServices, roomId: RoomId): SessionState => {
  const opened = services.openedCollective(roomId)
  return opened === null ? { kind: 'loading' } : { kind: 'open', session: opened }
}

export const useSession = (id: string | null): SessionState => {
  const services = useServices()
  const [state, setState] = useState<SessionState>(() => {
    const roomId = parseRoomId(id)
    return roomId === null ? { kind: 'loading' } : openedOrLoading(services, roomId)
  })
  useEffect(() => {
    const roomId = parseRoomId(id)
    if (!roomId) {
      setState({ kind: 'missing' })
      return
    }
    let mounted = true
    setState((previous) => (previous.kind === 'open' && previous.session.id === roomId ? previous : openedOrLoading(services, roomId)))
    services.openCollective(roomId).then(
      (session) => mounted && setState(session ? { kind: 'open', session } : { kind: 'missing' }),
      (error: unknown) => {
        console.error('openCollective failed', error instanceof Error ? error.name : 'unknown')
        if (mounted) setState({ kind: 'missing' })
      },
    )
    return () => {
      mounted = false
    }
  }, [services, id])
  return state
}

/**
 * Whether the session's stored copy has been read and shown (status.local past 'loading'): until then a screen shows
 * "Chargement…", not an empty collective it would render again at once. Once true for a session it stays true, so a
 * later rebuild of the copy never unmounts the screen.
 */
export const useStoredCopyShown = (session: CollectiveSession | null): boolean => {
  const [shownFor, setShownFor] = useState<CollectiveSession | null>(null)
  const shown = session !== null && (shownFor === session || session.status.get().local !== 'loading')
  useEffect(() => {
    if (session === null || shownFor === session) return undefined
    const check = (): void => {
      if (session.status.get().local !== 'loading') setShownFor(session)
    }
    check()
    return session.status.subscribe(check)
  }, [session, shownFor])
  return shown
}
