// After "Quitter le collectif": waits until the relay has stored the removal, then forgets the collective on this phone.
// Forgetting earlier would delete the change before it leaves the phone: the other phones and the relay would keep the family.
import { useLocation } from 'preact-iso'
import { useEffect, useRef } from 'preact/hooks'
import type { SessionIdentity, SessionState } from '../../../app/api.ts'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { useServices } from '../../hooks/services.ts'
import { useStore } from '../../hooks/useStore.ts'
import { useI18n } from '../../i18n/context.tsx'

export function LeaveProgress({ session }: { session: SessionState & SessionIdentity }) {
  const { t } = useI18n()
  const services = useServices()
  const announce = useAnnounce()
  const { route } = useLocation()
  const status = useStore(session.status)
  const forgetting = useRef(false)

  const forget = (): void => {
    if (forgetting.current) return
    forgetting.current = true
    const name = session.view.get().profile?.name ?? ''
    void services.forgetCollective(session.id).then(() => {
      announce(t('leave.done', { name }))
      route('/', true)
    })
  }

  const delivered = status.connection === 'online' && status.pending === 0
  useEffect(() => {
    if (delivered) forget()
  }, [delivered])

  return (
    <section class="card" aria-labelledby="leave-progress-title" data-testid="leave-progress">
      <h2 id="leave-progress-title">{t('leave.title')}</h2>
      <p>{t('leave.erasure')}</p>
      <p role="status">
        {status.connection === 'offline' ? t('leave.offline') : status.connection === 'refused' ? t('leave.refused') : t('leave.sending')}
      </p>
      {status.connection === 'refused' && (
        <button type="button" class="button button--danger-quiet" onClick={forget}>{t('leave.forgetAnyway')}</button>
      )}
    </section>
  )
}
