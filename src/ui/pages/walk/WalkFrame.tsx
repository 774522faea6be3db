// Frame of the walk-mode screens: opens the collective named in the address and shows loading or "missing"; no rota links (a focused screen).
import type { ComponentChildren } from 'preact'
import { useRoute } from 'preact-iso'
import type { CollectiveSession } from '../../../app/api.ts'
import { useSession } from '../../hooks/services.ts'
import { useI18n } from '../../i18n/context.tsx'
import { MissingCollective } from '../MissingCollective.tsx'

export interface WalkFrameProps {
  readonly render: (session: CollectiveSession, base: string, params: Readonly<Record<string, string | undefined>>) => ComponentChildren
}

export function WalkFrame({ render }: WalkFrameProps) {
  const { params } = useRoute()
  const { t } = useI18n()
  const state = useSession(params.id ?? null)
  if (state.kind === 'loading') return <p role="status">{t('app.loading')}</p>
  if (state.kind === 'missing') return <MissingCollective />
  return <>{render(state.session, `/c/${state.session.id}`, params)}</>
}
