// Frame of every rota screen: opens the collective or the demo, shows loading/missing, the demo banner and the
// collective's notices (the links between screens are the app's bottom navigation).
import type { ComponentChildren } from 'preact'
import { useRoute } from 'preact-iso'
import type { CollectiveSession } from '../../../app/api.ts'
import { DemoBanner } from '../../components/rota/DemoBanner.tsx'
import { CollectiveNotices } from '../../components/rota/WaitingNotices.tsx'
import { useRotaSession } from '../../components/rota/useRotaSession.ts'
import { useStoredCopyShown } from '../../hooks/services.ts'
import { useI18n } from '../../i18n/context.tsx'
import { MissingCollective } from '../MissingCollective.tsx'

export interface RotaPageProps {
  /** Set by the /demo/... routes: the screen shows AppServices.openDemo()'s collective. */
  readonly demo?: boolean
}

export interface RotaScreenProps {
  readonly session: CollectiveSession
  /** '/c/<id>' or '/demo': where the rota screens of this collective live. */
  readonly base: string
  readonly demo: boolean
}

export function RotaFrame({ demo = false, render }: RotaPageProps & { render: (props: RotaScreenProps) => ComponentChildren }) {
  const { params } = useRoute()
  const { t } = useI18n()
  const { state, base } = useRotaSession(params.id ?? null, demo)
  const shown = useStoredCopyShown(state.kind === 'open' ? state.session : null)
  if (state.kind === 'loading' || (state.kind === 'open' && !shown)) {
    return <p role="status">{t(demo ? 'rota.demo.loading' : 'app.loading')}</p>
  }
  if (state.kind === 'missing') return <MissingCollective />
  return (
    <>
      {demo && <DemoBanner />}
      {/* Every screen of the collective tells what happened to my sign-ups and offers, not only the one concerned. */}
      <CollectiveNotices session={state.session} />
      {render({ session: state.session, base, demo })}
    </>
  )
}
