// The invite screen: new invite links (a one-off key in the #fragment), their QR code, copy and share, the links still
// valid; renewing the invitation.
import { useRoute } from 'preact-iso'
import type { CollectiveSession } from '../../app/api.ts'
import { PageTitle } from '../components/PageTitle.tsx'
import { InviteShare } from '../components/InviteShare.tsx'
import { RenewSection } from '../components/renew/RenewSection.tsx'
import { useSession } from '../hooks/services.ts'
import { useStore } from '../hooks/useStore.ts'
import { useI18n } from '../i18n/context.tsx'
import { MissingCollective } from './MissingCollective.tsx'

export function InvitePage() {
  const { params } = useRoute()
  const state = useSession(params.id ?? null)
  const { t } = useI18n()
  if (state.kind === 'loading') return <p role="status">{t('app.loading')}</p>
  if (state.kind === 'missing') return <MissingCollective />
  return <Invite session={state.session} />
}

function Invite({ session }: { session: CollectiveSession }) {
  const { t } = useI18n()
  const view = useStore(session.view)
  const name = view.profile?.name
  return (
    <>
      <PageTitle name="invite.title" />
      {name && <p class="lead">{name}</p>}
      <p>{t('invite.intro')}</p>
      <InviteShare session={session} name={name} />
      <p class="field__hint">{t('invite.legacyNote')}</p>
      <p><a class="button" href={`/c/${session.id}/plus`}>{t('invite.done')}</a></p>
      <RenewSection key={session.id} session={session} />
    </>
  )
}
