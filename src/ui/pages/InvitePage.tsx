// The invite screen: the link (with the secret in its #fragment), a QR code, copy and share; renewing the invitation.
import { useRoute } from 'preact-iso'
import type { CollectiveSession } from '../../app/api.ts'
import { PageTitle } from '../components/PageTitle.tsx'
import { QrCode } from '../components/QrCode.tsx'
import { RenewSection } from '../components/renew/RenewSection.tsx'
import { useAnnounce } from '../hooks/announcer.tsx'
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
  const announce = useAnnounce()
  const view = useStore(session.view)
  const name = view.profile?.name
  const canShare = typeof navigator.share === 'function'

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(session.inviteUrl)
      announce(t('invite.copied'))
    } catch {
      // No clipboard permission (or an old browser): select the text so a long press copies it.
      const field = document.getElementById('invite-link') as HTMLInputElement | null
      field?.focus()
      field?.select()
      announce(t('invite.copyFailed'))
    }
  }

  const share = async () => {
    try {
      await navigator.share({ title: t('invite.shareTitle'), text: t('invite.shareText'), url: session.inviteUrl })
    } catch {
      // Cancelled by the user, or refused: nothing to report.
    }
  }

  return (
    <>
      <PageTitle>{t('invite.title')}</PageTitle>
      {name && <p class="lead">{name}</p>}
      <p>{t('invite.intro')}</p>
      <div class="field">
        <label for="invite-link">{t('invite.linkLabel')}</label>
        <input id="invite-link" type="text" readOnly value={session.inviteUrl} data-testid="invite-link" onFocus={(event) => event.currentTarget.select()} />
      </div>
      <div class="actions">
        <button type="button" class="button button--primary" onClick={copy}>{t('invite.copy')}</button>
        {canShare && <button type="button" class="button" onClick={share}>{t('invite.share')}</button>}
      </div>
      <QrCode text={session.inviteUrl} label={name ? t('invite.qrAlt', { name }) : t('invite.qrAltUnnamed')} />
      <p><a class="button" href={`/c/${session.id}/plus`}>{t('invite.done')}</a></p>
      <RenewSection key={session.id} session={session} />
    </>
  )
}
