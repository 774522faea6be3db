// The invitation (issue 16): choose how long a new link is valid, create it with the relay, then copy, share or show its
// QR code; the links still valid, each removable. A link holds a one-off invite key, never the collective's secret.
import { useEffect, useRef, useState } from 'preact/hooks'
import {
  DEFAULT_INVITATION_DAYS, INVITATION_DAYS, type CollectiveSession, type InvitationDays, type InvitationError,
  type InvitationInfo,
} from '../../app/api.ts'
import { useAnnounce } from '../hooks/announcer.tsx'
import { useI18n } from '../i18n/context.tsx'
import { dateFormat } from '../i18n/formats.ts'
import { QrCode } from './QrCode.tsx'

interface InviteShareProps {
  readonly session: Pick<CollectiveSession, 'createInvitation' | 'listInvitations' | 'revokeInvitation'>
  readonly name: string | undefined
}

type Created = { readonly url: string; readonly expiresAt: number }
type OpenList = readonly InvitationInfo[] | 'unknown' | 'loading'

export function InviteShare({ session, name }: InviteShareProps) {
  const { t, language } = useI18n()
  const [days, setDays] = useState<InvitationDays>(DEFAULT_INVITATION_DAYS)
  const [created, setCreated] = useState<Created | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<InvitationError | null>(null)
  const [open, setOpen] = useState<OpenList>('loading')
  const format = dateFormat(language, { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' })

  // Only the latest answer counts: an older list (asked before an invitation was created) never replaces a newer one.
  const asked = useRef(0)
  const refresh = async (): Promise<void> => {
    const request = ++asked.current
    const listed = await session.listInvitations()
    if (request === asked.current) setOpen(listed.ok ? listed.value : 'unknown')
  }
  useEffect(() => {
    void refresh()
  }, [session])

  const create = async (): Promise<void> => {
    setBusy(true)
    setError(null)
    const result = await session.createInvitation(days)
    setBusy(false)
    if (!result.ok) return setError(result.error)
    setCreated({ url: result.value.url, expiresAt: result.value.invitation.expiresAt })
    // Listed at once with the link, as the relay will list it: nothing below moves when its answer comes (a tap
    // meant for a link under the list would land on what moved there).
    const invitation = result.value.invitation
    asked.current++
    setOpen((current) => [...(Array.isArray(current) ? current : []), invitation])
    void refresh()
  }

  return (
    <>
      <fieldset class="choices">
        <legend>{t('invite.validityLegend')}</legend>
        <p class="field__hint" id="invite-validity-hint">{t('invite.validityHint')}</p>
        {INVITATION_DAYS.map((choice) => (
          <label key={choice} class="choice">
            <input type="radio" name="invite-validity" value={choice} checked={days === choice}
              aria-describedby="invite-validity-hint" onChange={() => setDays(choice)} />
            {t(`invite.validity.${choice}`)}
          </label>
        ))}
      </fieldset>
      <div class="actions">
        <button type="button" class="button button--primary" onClick={create} disabled={busy} data-testid="invite-create">
          {busy ? t('invite.creating') : t('invite.create')}
        </button>
      </div>
      {error && <p role="alert" class="alert">{t(`invite.error.${error}`)}</p>}
      {created && <CreatedLink created={created} name={name} until={format.format(created.expiresAt)} />}
      <OpenInvitations open={open} format={format} session={session} onRevoked={refresh} />
    </>
  )
}

function CreatedLink({ created, name, until }: { created: Created; name: string | undefined; until: string }) {
  const { t } = useI18n()
  const announce = useAnnounce()
  const canShare = typeof navigator !== 'undefined' && typeof navigator.share === 'function'
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(created.url)
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
      await navigator.share({ title: t('invite.shareTitle'), text: t('invite.shareText'), url: created.url })
    } catch {
      // Cancelled by the user, or refused: nothing to report.
    }
  }
  return (
    <section aria-live="polite">
      <div class="field">
        <label for="invite-link">{t('invite.linkLabel')}</label>
        <input id="invite-link" type="text" readOnly value={created.url} data-testid="invite-link"
          aria-describedby="invite-until" onFocus={(event) => event.currentTarget.select()} />
        <p class="field__hint" id="invite-until">{t('invite.validUntil', { date: until })}</p>
      </div>
      <div class="actions">
        <button type="button" class="button button--primary" onClick={copy}>{t('invite.copy')}</button>
        {canShare && <button type="button" class="button" onClick={share}>{t('invite.share')}</button>}
      </div>
      <QrCode text={created.url} label={name ? t('invite.qrAlt', { name }) : t('invite.qrAltUnnamed')} />
    </section>
  )
}

interface OpenInvitationsProps {
  readonly open: OpenList
  readonly format: Intl.DateTimeFormat
  readonly session: Pick<CollectiveSession, 'revokeInvitation'>
  readonly onRevoked: () => Promise<void>
}

function OpenInvitations({ open, format, session, onRevoked }: OpenInvitationsProps) {
  const { t } = useI18n()
  const announce = useAnnounce()
  const [failed, setFailed] = useState<InvitationError | null>(null)
  const revoke = async (invitation: InvitationInfo): Promise<void> => {
    const result = await session.revokeInvitation(invitation.id)
    setFailed(result.ok ? null : result.error)
    if (result.ok) announce(t('invite.revoked'))
    await onRevoked()
  }
  if (open === 'loading') return null
  return (
    <section aria-labelledby="invite-open-title" data-testid="invite-open">
      <h2 id="invite-open-title">{t('invite.openTitle')}</h2>
      {open === 'unknown' && <p>{t('invite.openUnknown')}</p>}
      {open !== 'unknown' && open.length === 0 && <p>{t('invite.openNone')}</p>}
      {open !== 'unknown' && open.length > 0 && (
        <ul class="list">
          {open.map((invitation) => (
            <li key={invitation.id} data-testid="invite-open-item">
              <span>{t('invite.openItem', { created: format.format(invitation.createdAt), expires: format.format(invitation.expiresAt) })}</span>
              <button type="button" class="button" onClick={() => revoke(invitation)}>{t('invite.revoke')}</button>
            </li>
          ))}
        </ul>
      )}
      {failed && <p role="alert" class="alert">{t(`invite.error.${failed}`)}</p>}
    </section>
  )
}
