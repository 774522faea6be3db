// "Aujourd’hui": today's walks stop by stop for the adults on the pavement; with no walk today, the next day that has some.
import { useMemo } from 'preact/hooks'
import { todayRotaOf } from '../../../app/queries/rota.ts'
import { PageTitle } from '../../components/PageTitle.tsx'
import { formatDay, todayIn } from '../../components/rota/rota-format.ts'
import { TodayWalk } from '../../components/rota/TodayWalk.tsx'
import { WalkHomeEntry } from '../../components/walk/WalkHomeEntry.tsx'
import { useNow } from '../../components/rota/useRotaNow.ts'
import { useStore } from '../../hooks/useStore.ts'
import { useI18n } from '../../i18n/context.tsx'
import { RotaFrame, type RotaPageProps, type RotaScreenProps } from './RotaFrame.tsx'

export function TodayPage({ demo }: RotaPageProps) {
  return <RotaFrame demo={demo} render={(props) => <Today {...props} />} />
}

function Today({ session, base, demo }: RotaScreenProps) {
  const { t, language } = useI18n()
  const view = useStore(session.view)
  const now = useNow()
  const today = todayIn(now)
  const { todays, running, next } = useMemo(() => todayRotaOf(view, today, now), [view, today, now])

  return (
    <>
      <PageTitle name="rota.today.title" />
      <p class="muted">{t('rota.today.date', { day: formatDay(today, language) })}</p>
      <WalkHomeEntry session={session} base={base} demo={demo} />
      {running.length > 0 ? (
        todays.map((walk) => <TodayWalk key={walk.key} view={view} walk={walk} />)
      ) : (
        <>
          <p class="notice" data-testid="no-walk-today">{t('rota.today.none')}</p>
          {todays.map((walk) => <TodayWalk key={walk.key} view={view} walk={walk} />)}
          {next[0] ? (
            <>
              <p class="lead" data-testid="next-walk-day">{t('rota.today.next', { day: formatDay(next[0].date, language) })}</p>
              {next.map((walk) => <TodayWalk key={walk.key} view={view} walk={walk} />)}
            </>
          ) : (
            <p>{t('rota.today.nothingSoon')}</p>
          )}
        </>
      )}
    </>
  )
}
