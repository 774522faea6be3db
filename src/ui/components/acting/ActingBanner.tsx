// The banner shown on every screen of a collective while this phone acts for a family at its request (issue 18):
// which family, a way to print its walks, and "Terminer", which gives the phone its own identity back.
import type { ActingSession, SessionIdentity, SessionState } from '../../../app/api.ts'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { useSession } from '../../hooks/services.ts'
import { useStore } from '../../hooks/useStore.ts'
import { useI18n } from '../../i18n/context.tsx'
import './acting.css'

/** The banner of the collective `id` when its session is open; nothing otherwise. */
export function CurrentActing({ id }: { id: string }) {
  const state = useSession(id)
  return state.kind === 'open' ? <ActingBanner session={state.session} /> : null
}

export function ActingBanner({ session }: { session: SessionState & SessionIdentity & ActingSession }) {
  const { t } = useI18n()
  const announce = useAnnounce()
  const acting = useStore(session.acting)
  const view = useStore(session.view)
  if (acting === null) return null
  const family = view.families.find((candidate) => candidate.id === acting.familyId)?.displayName ?? t('journal.unknownFamily')
  return (
    <section class="acting-banner no-print" aria-label={t('acting.bannerLabel')} data-testid="acting-banner">
      <p class="acting-banner__text"><strong>{t('acting.banner', { family })}</strong></p>
      <div class="acting-banner__actions">
        <a class="button" href={`/c/${session.id}/imprimer/famille/${acting.familyId}`}>{t('acting.print')}</a>
        <button type="button" class="button button--primary" onClick={() => {
          session.stopActing()
          announce(t('acting.stopped'))
        }}>{t('acting.stop')}</button>
      </div>
    </section>
  )
}
