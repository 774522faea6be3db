// "Renouveler l'invitation" on the invite page: explains, asks, shows progress and errors, then opens the new collective's invite page.
import { useLocation } from 'preact-iso'
import { useState } from 'preact/hooks'
import type { RenewError, SessionIdentity, SessionState } from '../../../app/api.ts'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { useServices } from '../../hooks/services.ts'
import { useStore } from '../../hooks/useStore.ts'
import { useI18n } from '../../i18n/context.tsx'
import type { MessageKey } from '../../i18n/fr.ts'
import { ConfirmAction } from '../ConfirmAction.tsx'

const ERROR_KEYS: Record<RenewError, MessageKey> = {
  offline: 'renew.error.offline',
  notSynced: 'renew.error.notSynced',
  relayRefused: 'renew.error.relayRefused',
  relayUnreachable: 'renew.error.relayUnreachable',
  storageUnavailable: 'renew.error.storageUnavailable',
}

export function RenewSection({ session }: { session: SessionState & SessionIdentity }) {
  const { t } = useI18n()
  const services = useServices()
  const announce = useAnnounce()
  const { route } = useLocation()
  const { moved } = useStore(session.status)
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'renewing' } | { kind: 'failed'; error: RenewError }>({ kind: 'idle' })

  // A moved collective is renewed already: the banner asks for the new link instead.
  if (moved) return null

  const renew = (): void => {
    setState({ kind: 'renewing' })
    void services.renewCollective(session.id).then((result) => {
      if (!result.ok) return setState({ kind: 'failed', error: result.error })
      announce(t('renew.done'))
      route(`/c/${result.value}/inviter`)
    })
  }

  return (
    <section class="card" aria-labelledby="renew-title" data-testid="renew-section">
      <h2 id="renew-title">{t('renew.title')}</h2>
      <p>{t('renew.explain')}</p>
      {state.kind === 'renewing'
        ? <p role="status" data-testid="renew-progress">{t('renew.progress')}</p>
        : <ConfirmAction label={t('renew.button')} question={t('renew.confirm')} confirmLabel={t('renew.yes')} onConfirm={renew} />}
      {state.kind === 'failed' && <p class="alert" role="alert" data-testid="renew-error">{t(ERROR_KEYS[state.error])}</p>}
    </section>
  )
}
