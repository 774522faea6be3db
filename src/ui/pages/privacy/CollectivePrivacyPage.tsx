// "Vos données" of one collective (/c/:id/donnees): its association, links to this phone's family page, and back.
import { useRoute } from 'preact-iso'
import type { SessionIdentity, SessionState } from '../../../app/api.ts'
import { associationOf } from '../../../app/queries/association.ts'
import { PageTitle } from '../../components/PageTitle.tsx'
import { useSession } from '../../hooks/services.ts'
import { useStore } from '../../hooks/useStore.ts'
import { useI18n } from '../../i18n/context.tsx'
import { BackLink } from '../manage/SessionGate.tsx'
import { MissingCollective } from '../MissingCollective.tsx'
import { PrivacyContent } from './PrivacyContent.tsx'

export function CollectivePrivacyPage() {
  const { params } = useRoute()
  const state = useSession(params.id ?? null)
  const { t } = useI18n()
  if (state.kind === 'loading') return <p role="status">{t('app.loading')}</p>
  if (state.kind === 'missing') return <MissingCollective />
  return <CollectivePrivacy session={state.session} />
}

export function CollectivePrivacy({ session }: { session: SessionState & SessionIdentity }) {
  const { t } = useI18n()
  const me = useStore(session.me)
  const view = useStore(session.view)
  const base = `/c/${session.id}`
  // Without a family chosen on this phone (or one since removed), the families list is where to pick it, then leave.
  const mine = view.families.find((family) => family.id === me.familyId)
  const familyHref = mine ? `${base}/familles/${mine.id}` : `${base}/familles`
  return (
    <>
      <PageTitle name="privacy.title" />
      <PrivacyContent collective={{ base, familyHref, association: associationOf(view.settings) }} />
      <BackLink href={base} label={t('privacy.back')} />
    </>
  )
}
