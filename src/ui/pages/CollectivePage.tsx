// The collective's home: its profile, its families, and the records "to check".
import { useRoute } from 'preact-iso'
import type { CollectiveSession } from '../../app/api.ts'
import { CoordinatorLine } from '../components/coordination/CoordinatorLine.tsx'
import { FamiliesSection } from '../components/FamiliesSection.tsx'
import { ManageLinks } from '../components/manage/ManageLinks.tsx'
import { PageTitle } from '../components/PageTitle.tsx'
import { ProfileSection } from '../components/ProfileSection.tsx'
import { RotaNav } from '../components/rota/RotaNav.tsx'
import { SwapHome } from '../components/swaps/SwapHome.tsx'
import { WaitingNotices } from '../components/rota/WaitingNotices.tsx'
import { WalkHomeEntry } from '../components/walk/WalkHomeEntry.tsx'
import { ToCheckSection } from '../components/ToCheckSection.tsx'
import { useServices, useSession, useStoredCopyShown } from '../hooks/services.ts'
import { useStore } from '../hooks/useStore.ts'
import { useI18n } from '../i18n/context.tsx'
import { MissingCollective } from './MissingCollective.tsx'

export function CollectivePage() {
  const { params } = useRoute()
  const state = useSession(params.id ?? null)
  const shown = useStoredCopyShown(state.kind === 'open' ? state.session : null)
  const { t } = useI18n()
  if (state.kind === 'loading' || (state.kind === 'open' && !shown)) return <p role="status">{t('app.loading')}</p>
  if (state.kind === 'missing') return <MissingCollective />
  return <CollectiveHome session={state.session} />
}

function CollectiveHome({ session }: { session: CollectiveSession }) {
  const { t } = useI18n()
  const view = useStore(session.view)
  // Before the first sync a joining phone has no profile yet: show the name cached on this phone, if any.
  const cachedName = useStore(useServices().collectives).find((c) => c.id === session.id)?.name
  return (
    <>
      <PageTitle>
        <span data-testid="collective-name">{view.profile?.name || cachedName || t('collectives.unnamed')}</span>
      </PageTitle>
      <RotaNav base={`/c/${session.id}`} />
      <WalkHomeEntry session={session} base={`/c/${session.id}`} />
      <SwapHome session={session} base={`/c/${session.id}`} />
      <CoordinatorLine session={session} />
      <WaitingNotices session={session} />
      <ProfileSection session={session} profile={view.profile} />
      <ManageLinks collectiveId={session.id} />
      <FamiliesSection session={session} families={view.families} />
      <ToCheckSection session={session} records={view.toCheck} />
    </>
  )
}
