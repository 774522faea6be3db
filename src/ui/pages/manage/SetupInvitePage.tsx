// Guided set-up, step 4 (/c/:id/demarrage/inviter): the invitation to send, the stepper still shown, and "Terminer",
// which lands on the week.
import { lineSetupOf } from '../../../app/queries/collective.ts'
import { InviteShare } from '../../components/InviteShare.tsx'
import { SetupProgress, type SetupStep } from '../../components/manage/SetupProgress.tsx'
import { PageTitle } from '../../components/PageTitle.tsx'
import { useStore } from '../../hooks/useStore.ts'
import { useI18n } from '../../i18n/context.tsx'
import { SessionGate, type ScreenProps } from './SessionGate.tsx'

export function SetupInvitePage() {
  return <SessionGate screen={SetupInvite} />
}

function SetupInvite({ session, view }: ScreenProps) {
  const { t } = useI18n()
  const me = useStore(session.me)
  const done = new Set<SetupStep>(['school'])
  if (lineSetupOf(view).done) done.add('line')
  if (view.families.some((family) => family.id === me.familyId)) done.add('family')
  return (
    <>
      <PageTitle name="manage.setup.inviteTitle" />
      <SetupProgress collectiveId={session.id} current="invite" done={done} />
      <p>{t('manage.setup.inviteIntro')}</p>
      <p>{t('invite.intro')}</p>
      <InviteShare session={session} name={view.profile?.name} />
      <div class="actions">
        <a class="button button--primary" href={`/c/${session.id}/semaine`}>{t('manage.setup.finish')}</a>
      </div>
    </>
  )
}
