// "/c/<id>": the landing, on what a member needs now (today's walks when on duty, else the week); and "Plus"
// ("/c/<id>/plus"): the collective's home with its profile, families, records "to check" and management links.
import type { ComponentChildren } from 'preact'
import { useLocation, useRoute } from 'preact-iso'
import { useEffect } from 'preact/hooks'
import type { CollectiveSession } from '../../app/api.ts'
import { familyOnDutyToday } from '../../app/queries/walk.ts'
import { welcomeStepOf } from '../../app/queries/welcome.ts'
import { CoordinatorLine } from '../components/coordination/CoordinatorLine.tsx'
import { FamiliesSection } from '../components/FamiliesSection.tsx'
import { ManageLinks } from '../components/manage/ManageLinks.tsx'
import { PageTitle } from '../components/PageTitle.tsx'
import { ProfileSection } from '../components/ProfileSection.tsx'
import { todayIn } from '../components/rota/rota-format.ts'
import { useNow } from '../components/rota/useRotaNow.ts'
import { SwapHome } from '../components/swaps/SwapHome.tsx'
import { CommunityHome } from '../components/rota/CommunityHome.tsx'
import { CollectiveNotices } from '../components/rota/WaitingNotices.tsx'
import { WalkHomeEntry } from '../components/walk/WalkHomeEntry.tsx'
import { WhoAreYou } from '../components/rota/WhoAreYou.tsx'
import { ToCheckSection } from '../components/ToCheckSection.tsx'
import { useServices, useSession, useStoredCopyShown } from '../hooks/services.ts'
import { useStore } from '../hooks/useStore.ts'
import { useI18n } from '../i18n/context.tsx'
import { MissingCollective } from './MissingCollective.tsx'

/** The collective's session once its stored copy is shown; the loading or missing screen until then. */
function WithSession({ render }: { render: (session: CollectiveSession) => ComponentChildren }) {
  const { params } = useRoute()
  const state = useSession(params.id ?? null)
  const shown = useStoredCopyShown(state.kind === 'open' ? state.session : null)
  const { t } = useI18n()
  if (state.kind === 'loading' || (state.kind === 'open' && !shown)) return <p role="status">{t('app.loading')}</p>
  if (state.kind === 'missing') return <MissingCollective />
  return <>{render(state.session)}</>
}

export function CollectivePage() {
  return <WithSession render={(session) => <Landing session={session} />} />
}

export function MorePage() {
  return <WithSession render={(session) => <CollectiveHome session={session} />} />
}

/**
 * Moves on (replacing the address, so "back" does not land here again) to the guided join's first unfinished step on a
 * phone that joined by link, else to today's walks or the week.
 */
function Landing({ session }: { session: CollectiveSession }) {
  const { t } = useI18n()
  const { route } = useLocation()
  const view = useStore(session.view)
  const me = useStore(session.me)
  const welcome = useStore(session.welcome)
  const now = useNow()
  const onDuty = me.familyId !== null && familyOnDutyToday(view, me.familyId, todayIn(now), now)
  const step = welcomeStepOf(welcome, me)
  const target = `/c/${session.id}/${step ? `bienvenue/${step}` : onDuty ? 'aujourdhui' : 'semaine'}`
  useEffect(() => route(target, true), [target])
  return <p role="status">{t('app.loading')}</p>
}

function CollectiveHome({ session }: { session: CollectiveSession }) {
  const { t } = useI18n()
  const view = useStore(session.view)
  // Before the first sync a joining phone has no profile yet: show the name cached on this phone, if any.
  const cachedName = useStore(useServices().collectives).find((c) => c.id === session.id)?.name
  const base = `/c/${session.id}`
  return (
    <>
      <PageTitle name="nav.more">
        <span data-testid="collective-name">{view.profile?.name || cachedName || t('collectives.unnamed')}</span>
      </PageTitle>
      <WalkHomeEntry session={session} base={base} />
      <SwapHome session={session} base={base} />
      <CommunityHome session={session} />
      <CoordinatorLine session={session} />
      <CollectiveNotices session={session} />
      <WhoAreYou session={session} />
      <ManageLinks session={session} />
      <ProfileSection session={session} profile={view.profile} />
      <FamiliesSection session={session} families={view.families} />
      <ToCheckSection session={session} records={view.toCheck} />
    </>
  )
}
