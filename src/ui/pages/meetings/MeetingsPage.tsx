// /c/:id/rencontres: why the collective meets, the meetings to come (answers, my family's) and the past or cancelled ones.
import { useMemo } from 'preact/hooks'
import { meetingsList } from '../../../app/queries/meetings.ts'
import { todayIn } from '../../../app/queries/rota.ts'
import { MeetingList } from '../../components/meetings/MeetingList.tsx'
import { PageTitle } from '../../components/PageTitle.tsx'
import { useNow } from '../../components/rota/useRotaNow.ts'
import { useStore } from '../../hooks/useStore.ts'
import { useI18n } from '../../i18n/context.tsx'
import { RotaFrame, type RotaScreenProps } from '../rota/RotaFrame.tsx'

export function MeetingsPage() {
  return <RotaFrame render={(props) => <Meetings {...props} />} />
}

function Meetings({ session, base }: RotaScreenProps) {
  const { t } = useI18n()
  const view = useStore(session.view)
  const me = useStore(session.me)
  const today = todayIn(useNow())
  const list = useMemo(() => meetingsList(view, today, me.familyId), [view, today, me.familyId])
  return (
    <>
      <PageTitle name="meetings.title" />
      <p>{t('meetings.intro')}</p>
      <p><a class="button button--primary" href={`${base}/rencontres/nouvelle`}>{t('meetings.propose')}</a></p>
      <section class="card" aria-labelledby="meetings-upcoming-title" data-testid="meetings-upcoming">
        <h2 id="meetings-upcoming-title">{t('meetings.upcoming.title')}</h2>
        {list.upcoming.length === 0
          ? <p>{t('meetings.upcoming.none')}</p>
          : <MeetingList summaries={list.upcoming} base={base} past={false} />}
      </section>
      <section class="card" aria-labelledby="meetings-past-title" data-testid="meetings-past">
        <h2 id="meetings-past-title">{t('meetings.past.title')}</h2>
        {list.past.length === 0
          ? <p>{t('meetings.past.none')}</p>
          : <MeetingList summaries={list.past} base={base} past={true} />}
      </section>
    </>
  )
}
