// Opens the collective named in the address for a management screen: loading, missing, or the screen with its session and live view.
import type { ComponentType } from 'preact'
import { useRoute } from 'preact-iso'
import type { CollectiveSession, CollectiveView } from '../../../app/api.ts'
import { useSession } from '../../hooks/services.ts'
import { useStore } from '../../hooks/useStore.ts'
import { useI18n } from '../../i18n/context.tsx'
import { MissingCollective } from '../MissingCollective.tsx'

export interface ScreenProps {
  readonly session: CollectiveSession
  readonly view: CollectiveView
  readonly params: Readonly<Record<string, string>>
}
export type ManageScreen = ComponentType<ScreenProps>

export function SessionGate({ screen: Screen }: { screen: ManageScreen }) {
  const { params } = useRoute()
  const state = useSession(params.id ?? null)
  const { t } = useI18n()
  if (state.kind === 'loading') return <p role="status">{t('app.loading')}</p>
  if (state.kind === 'missing') return <MissingCollective />
  return <WithView session={state.session} screen={Screen} params={params} />
}

function WithView({ session, screen: Screen, params }: { session: CollectiveSession; screen: ManageScreen; params: Readonly<Record<string, string>> }) {
  const view = useStore(session.view)
  return <Screen session={session} view={view} params={params} />
}

/** "Retour au collectif" (or another page of the collective) at the bottom of a management screen. */
export function BackLink({ href, label }: { href: string; label: string }) {
  return (
    <p>
      <a class="button" href={href}>
        <span class="flip-rtl" aria-hidden="true">←</span>{' '}
        {label}
      </a>
    </p>
  )
}
