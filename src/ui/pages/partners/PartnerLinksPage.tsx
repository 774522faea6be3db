// "Liens partenaires" (issue 18): make a read-only link for a school, a town hall or a parents' association (a label
// naming a place, never a person), show it again with its QR code, list the active ones, withdraw one after a confirm.
import { useRoute } from 'preact-iso'
import { useEffect, useRef, useState } from 'preact/hooks'
import type { PartnerLinkError, PartnerLinkInfo, PartnerLinks } from '../../../app/api.ts'
import { PARTNER_LABEL_MAX } from '../../../app/queries/partner-summary.ts'
import { PageTitle } from '../../components/PageTitle.tsx'
import { QrCode } from '../../components/QrCode.tsx'
import { TextField } from '../../components/TextField.tsx'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { useSession } from '../../hooks/services.ts'
import { useStore } from '../../hooks/useStore.ts'
import { useI18n } from '../../i18n/context.tsx'
import { dateFormat } from '../../i18n/formats.ts'
import { MissingCollective } from '../MissingCollective.tsx'

export function PartnerLinksPage() {
  const { params } = useRoute()
  const state = useSession(params.id ?? null)
  const { t } = useI18n()
  if (state.kind === 'loading') return <p role="status">{t('app.loading')}</p>
  if (state.kind === 'missing') return <MissingCollective />
  const { partners } = state.session
  return (
    <>
      <PageTitle name="partners.title" />
      <p>{t('partners.intro')}</p>
      {partners ? <PartnerLinksScreen partners={partners} /> : <p>{t('partners.demo')}</p>}
      <p><a class="button" href={`/c/${state.session.id}/plus`}>{t('partners.back')}</a></p>
    </>
  )
}

function PartnerLinksScreen({ partners }: { partners: PartnerLinks }) {
  const { t, language } = useI18n()
  const links = useStore(partners.links)
  const publishedAt = useStore(partners.publishedAt)
  const [shown, setShown] = useState<PartnerLinkInfo | null>(null)
  const format = dateFormat(language, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' })
  return (
    <>
      <CreateForm partners={partners} onCreated={setShown} />
      {shown && <ShownLink link={shown} />}
      <p class="field__hint" role="status" data-testid="partners-updated">
        {publishedAt === null ? t('partners.notYet') : t('partners.updatedAt', { date: format.format(publishedAt) })}
      </p>
      <section aria-labelledby="partners-active-title" data-testid="partners-active">
        <h2 id="partners-active-title">{t('partners.activeTitle')}</h2>
        {links.length === 0 && <p>{t('partners.none')}</p>}
        {links.length > 0 && (
          <ul class="list">
            {links.map((link) => (
              <ActiveLink key={link.id} link={link} partners={partners} created={format.format(link.createdAt)}
                onShow={() => setShown(link)} onRevoked={() => setShown((current) => (current?.id === link.id ? null : current))} />
            ))}
          </ul>
        )}
      </section>
    </>
  )
}

function CreateForm({ partners, onCreated }: { partners: PartnerLinks; onCreated: (link: PartnerLinkInfo) => void }) {
  const { t } = useI18n()
  const [label, setLabel] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<PartnerLinkError | null>(null)
  const submit = async (event: Event): Promise<void> => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    const result = await partners.create(label)
    setBusy(false)
    if (!result.ok) return setError(result.error)
    setLabel('')
    onCreated(result.value)
  }
  return (
    <form onSubmit={submit} noValidate>
      <TextField id="partner-label" label={t('partners.labelField')} hint={t('partners.labelHint')} value={label}
        onInput={setLabel} maxLength={PARTNER_LABEL_MAX} autoComplete="off"
        error={error === 'invalidLabel' ? t('partners.error.invalidLabel') : null} />
      <div class="actions">
        <button type="submit" class="button button--primary" disabled={busy} data-testid="partner-create">
          {busy ? t('partners.creating') : t('partners.create')}
        </button>
      </div>
      {error && error !== 'invalidLabel' && <p role="alert" class="alert">{t(`partners.error.${error}`)}</p>}
    </form>
  )
}

function ShownLink({ link }: { link: PartnerLinkInfo }) {
  const { t } = useI18n()
  const announce = useAnnounce()
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(link.url)
      announce(t('partners.copied'))
    } catch {
      const field = document.getElementById('partner-link') as HTMLInputElement | null
      field?.focus()
      field?.select()
      announce(t('partners.copyFailed'))
    }
  }
  return (
    <section aria-live="polite">
      <div class="field">
        <label for="partner-link">{t('partners.linkLabel', { label: link.label })}</label>
        <input id="partner-link" type="text" readOnly value={link.url} data-testid="partner-link"
          onFocus={(event) => event.currentTarget.select()} />
      </div>
      <div class="actions">
        <button type="button" class="button button--primary" onClick={copy}>{t('partners.copy')}</button>
      </div>
      <QrCode text={link.url} label={t('partners.qrAlt', { label: link.label })} />
    </section>
  )
}

interface ActiveLinkProps {
  readonly link: PartnerLinkInfo
  readonly partners: PartnerLinks
  readonly created: string
  readonly onShow: () => void
  readonly onRevoked: () => void
}

function ActiveLink({ link, partners, created, onShow, onRevoked }: ActiveLinkProps) {
  const { t } = useI18n()
  const announce = useAnnounce()
  const [asking, setAsking] = useState(false)
  const [failed, setFailed] = useState<PartnerLinkError | null>(null)
  const yes = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (asking) yes.current?.focus()
  }, [asking])
  const revoke = async (): Promise<void> => {
    const result = await partners.revoke(link.id)
    setAsking(false)
    setFailed(result.ok ? null : result.error)
    if (!result.ok) return
    announce(t('partners.revoked'))
    onRevoked()
  }
  return (
    <li class="list__item list__item--stacked" data-testid="partner-item">
      <p><strong>{link.label}</strong> · {t('partners.item', { date: created })}</p>
      {!asking && (
        <div class="actions">
          <button type="button" class="button" onClick={onShow}>{t('partners.show')}</button>
          <button type="button" class="button" onClick={() => setAsking(true)} data-testid="partner-revoke">
            {t('partners.revoke')}
          </button>
        </div>
      )}
      {asking && (
        <div class="confirm" role="group" aria-label={t('partners.revokeConfirm', { label: link.label })}>
          <p class="confirm__question">{t('partners.revokeConfirm', { label: link.label })}</p>
          <div class="actions">
            <button type="button" class="button button--danger" ref={yes} onClick={revoke} data-testid="partner-revoke-yes">
              {t('partners.revokeYes')}
            </button>
            <button type="button" class="button" onClick={() => setAsking(false)}>{t('partners.revokeNo')}</button>
          </div>
        </div>
      )}
      {failed && <p role="alert" class="alert">{t(`partners.error.${failed}`)}</p>}
    </li>
  )
}
