// /c/:id/journal: the collective's history derived from the document, filterable by family and line.
import { useMemo } from 'preact/hooks'
import { CoordinationNav } from '../../components/coordination/CoordinationNav.tsx'
import { collectiveJournal } from '../../../app/queries/journal.ts'
import { JournalList } from '../../components/coordination/JournalList.tsx'
import { useCoordination } from '../../components/coordination/useCoordination.ts'
import { PageTitle } from '../../components/PageTitle.tsx'
import { useI18n } from '../../i18n/context.tsx'
import { SessionGate, type ScreenProps } from '../manage/SessionGate.tsx'

export function JournalPage() {
  return <SessionGate screen={Journal} />
}

function Journal({ session, view }: ScreenProps) {
  const { t } = useI18n()
  const { now } = useCoordination(session)
  const events = useMemo(() => collectiveJournal(view, now), [view, now])
  return (
    <>
      <PageTitle name="journal.title" />
      <CoordinationNav collectiveId={session.id} />
      <p>{t('journal.intro')}</p>
      <JournalList view={view} events={events} />
    </>
  )
}
