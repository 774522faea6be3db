// Guided set-up, step 4 (/c/:id/demarrage/inviter): the invitation to send, the stepper still shown, a first meeting
// to propose (the collective starts by meeting, issue 17), and "Terminer", which lands on the week.
import { lineSetupOf } from '../../../app/queries/collective.ts'
import type { FamilyId } from '../../../domain/ids.ts'
import { meetingsList } from '../../../app/queries/meetings.ts'
import { todayIn } from '../../../app/queries/rota.ts'
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
      <FirstMeeting base={`/c/${session.id}`} view={view} familyId={me.familyId} />
      <div class="actions">
        <a class="button button--primary" href={`/c/${session.id}/semaine`}>{t('manage.setup.finish')}</a>
      </div>
    </>
  )
}

/** "Une première rencontre": the link to propose it, or the one already planned. */
function FirstMeeting({ base, view, familyId }: { base: string; view: ScreenProps['view']; familyId: FamilyId | null }) {
  const { t } = useI18n()
  const next = meetingsList(view, todayIn(Date.now()), familyId).upcoming[0]
  return (
    <section class="card" aria-labelledby="setup-meeting-title" data-testid="setup-first-meeting">
      <h2 id="setup-meeting-title">{t('manage.setup.meetingTitle')}</h2>
      <p>{t('manage.setup.meetingIntro')}</p>
      {next === undefined
        ? <a class="button" href={`${base}/rencontres/nouvelle?premiere=1`}>{t('manage.setup.meetingLink')}</a>
        : <a href={`${base}/rencontres/${next.meeting.id}`}>{t('manage.setup.meetingPlanned')}</a>}
    </section>
  )
}
