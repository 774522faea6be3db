// Resolves the session a rota screen shows: a joined collective (/c/:id/...) or the in-memory demo (/demo/...), with its base address.
import { useEffect, useState } from 'preact/hooks'
import type { AppServices, CollectiveSession } from '../../../app/api.ts'
import { useServices, useSession, type SessionState } from '../../hooks/services.ts'
import { useI18n } from '../../i18n/context.tsx'
import type { Language } from '../../i18n/translate.ts'

export interface RotaSessionState {
  readonly state: SessionState
  /** Address prefix of the rota screens: '/c/<id>' or '/demo'. */
  readonly base: string
  readonly demo: boolean
}

// One demo per app run and language: leaving and coming back to the example keeps what the visitor tried; switching
// the interface's language shows the demo written in that language (its free texts are written once, at opening).
const demos = new WeakMap<AppServices, Map<Language, Promise<CollectiveSession>>>()

export const openSharedDemo = (services: AppServices, language: Language): Promise<CollectiveSession> => {
  const byLanguage = demos.get(services) ?? new Map<Language, Promise<CollectiveSession>>()
  demos.set(services, byLanguage)
  let demo = byLanguage.get(language)
  if (!demo) {
    demo = services.openDemo(language)
    byLanguage.set(language, demo)
    demo.catch(() => byLanguage.delete(language))
  }
  return demo
}

const useDemoSession = (enabled: boolean): SessionState => {
  const services = useServices()
  const { language } = useI18n()
  const [state, setState] = useState<SessionState>({ kind: 'loading' })
  useEffect(() => {
    if (!enabled) return
    let mounted = true
    setState({ kind: 'loading' })
    openSharedDemo(services, language).then(
      (session) => mounted && setState({ kind: 'open', session }),
      (error: unknown) => {
        console.error('openDemo failed', error instanceof Error ? error.name : 'unknown')
        if (mounted) setState({ kind: 'missing' })
      },
    )
    return () => {
      mounted = false
    }
  }, [services, enabled, language])
  return state
}

/** `id` null and `demo` true: the demo; otherwise the collective `id`. */
export const useRotaSession = (id: string | null, demo: boolean): RotaSessionState => {
  const collective = useSession(demo ? null : id)
  const demoState = useDemoSession(demo)
  return demo ? { state: demoState, base: '/demo', demo } : { state: collective, base: `/c/${id ?? ''}`, demo }
}
