// On a family's page: "Agir pour cette famille (à sa demande)" for a family without a smartphone, and its printed walks.
import { useLocation } from 'preact-iso'
import { useState } from 'preact/hooks'
import type { ActingError, ActingSession, SessionIdentity, SessionState } from '../../../app/api.ts'
import type { Family } from '../../../domain/family.ts'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { useStore } from '../../hooks/useStore.ts'
import { useI18n } from '../../i18n/context.tsx'

export function ActingSection({ session, family }: { session: SessionState & SessionIdentity & ActingSession; family: Family }) {
  const { t } = useI18n()
  const announce = useAnnounce()
  const { route } = useLocation()
  const acting = useStore(session.acting)
  const own = useStore(session.me)
  const [problem, setProblem] = useState<ActingError | null>(null)
  const base = `/c/${session.id}`
  const isOwn = acting === null && own.familyId === family.id
  const start = (): void => {
    const result = session.actFor(family.id)
    if (!result.ok) return setProblem(result.error)
    setProblem(null)
    announce(t('acting.started', { family: family.displayName }))
    route(`${base}/semaine`)
  }
  return (
    <section class="card" aria-labelledby="family-acting-title">
      <h2 id="family-acting-title">{t('firstSteps.acting.title')}</h2>
      {!isOwn && acting?.familyId !== family.id && (
        <>
          <p>{t('acting.startHint')}</p>
          <p><button type="button" class="button button--primary" onClick={start}>{t('acting.start')}</button></p>
          {problem !== null && <p class="notice" role="alert">{t(`acting.error.${problem}`)}</p>}
        </>
      )}
      <p><a class="button" href={`${base}/imprimer/famille/${family.id}`}>{t('familyWalks.link')}</a></p>
    </section>
  )
}
