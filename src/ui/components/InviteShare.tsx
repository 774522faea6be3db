// The invitation itself: the link (with the secret in its #fragment) to copy or share, and its QR code; shown by the
// invite screen and by the set-up's last step.
import type { CollectiveSession } from '../../app/api.ts'
import { useAnnounce } from '../hooks/announcer.tsx'
import { useI18n } from '../i18n/context.tsx'
import { QrCode } from './QrCode.tsx'

interface InviteShareProps {
  readonly session: Pick<CollectiveSession, 'inviteUrl'>
  readonly name: string | undefined
}

export function InviteShare({ session, name }: InviteShareProps) {
  const { t } = useI18n()
  const announce = useAnnounce()
  const canShare = typeof navigator !== 'undefined' && typeof navigator.share === 'function'

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
      <div class="field">
        <label for="invite-link">{t('invite.linkLabel')}</label>
        <input id="invite-link" type="text" readOnly value={session.inviteUrl} data-testid="invite-link"
          onFocus={(event) => event.currentTarget.select()} />
      </div>
      <div class="actions">
        <button type="button" class="button button--primary" onClick={copy}>{t('invite.copy')}</button>
        {canShare && <button type="button" class="button" onClick={share}>{t('invite.share')}</button>}
      </div>
      <QrCode text={session.inviteUrl} label={name ? t('invite.qrAlt', { name }) : t('invite.qrAltUnnamed')} />
    </>
  )
}
