// "/": the first-run welcome when this phone holds no collective, otherwise the most recently joined one.
import { useLocation } from 'preact-iso'
import { useEffect } from 'preact/hooks'
import { useServices } from '../hooks/services.ts'
import { useStore } from '../hooks/useStore.ts'
import { WelcomePage } from './WelcomePage.tsx'

export function HomePage({ preferredId }: { preferredId: string | null }) {
  const services = useServices()
  const { route } = useLocation()
  const collectives = useStore(services.collectives)
  const target = collectives.find((c) => c.id === preferredId)
    ?? [...collectives].sort((a, b) => b.joinedAt - a.joinedAt)[0]
  useEffect(() => {
    if (target) route(`/c/${target.id}`, true)
  }, [target?.id])
  return target ? null : <WelcomePage />
}
