// "Quitter le collectif" on my own family's page: says what happens, asks, removes the family, then hands over to LeaveProgress.
import type { CollectiveCommands, CollectiveView, SessionIdentity } from '../../../app/api.ts'
import { useI18n } from '../../i18n/context.tsx'
import { ConfirmAction } from '../ConfirmAction.tsx'

interface LeaveSectionProps {
  readonly session: SessionIdentity & CollectiveCommands
  readonly familyId: CollectiveView['families'][number]['id']
  readonly familyName: string
  /** Called once the family is removed here: the page then shows LeaveProgress (this section unmounts). */
  readonly onLeaving: () => void
}

export function LeaveSection({ session, familyId, familyName, onLeaving }: LeaveSectionProps) {
  const { t } = useI18n()
  return (
    <section class="card" aria-labelledby="leave-title" data-testid="leave-section">
      <h2 id="leave-title">{t('leave.title')}</h2>
      <p>{t('leave.explain')}</p>
      <p>{t('leave.erasure')}</p>
      <ConfirmAction
        label={t('leave.button')}
        question={t('leave.confirm', { name: familyName })}
        confirmLabel={t('leave.yes')}
        onConfirm={() => {
          // Removes the family with its adults, children and their sign-ups in one change (removeFamilyWithMembers).
          // 'notFound' (removed on another phone already) changes nothing: leaving goes on, the family is gone either way.
          session.removeFamily(familyId)
          void session.setMe(null, null)
          onLeaving()
        }}
      />
    </section>
  )
}
