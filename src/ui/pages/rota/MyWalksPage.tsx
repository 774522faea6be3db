// "Mes trajets": my family's coming places (held or waiting) and the coming walks my children take, each linking to its week.
import { useMemo } from 'preact/hooks'
import { mondayOf } from '../../../app/queries/calendar.ts'
import { childLabel } from '../../../app/queries/collective.ts'
import { familyChildrenWalks, familyPlaces, HORIZON_WEEKS } from '../../../app/queries/rota.ts'
import { adultName, adultsById, childrenById } from '../../../app/queries/rota-view.ts'
import type { WalkRota } from '../../../domain/rota-types.ts'
import { AgendaExport } from '../../components/agenda/AgendaExport.tsx'
import { PageTitle } from '../../components/PageTitle.tsx'
import { cancellationText, directionText, formatDay, slotText, STATE_ICONS, stateText, todayIn } from '../../components/rota/rota-format.ts'
import { useNow } from '../../components/rota/useRotaNow.ts'
import { WhoAreYou } from '../../components/rota/WhoAreYou.tsx'
import { HandOver } from '../../components/rota/HandOver.tsx'
import { SwapHome } from '../../components/swaps/SwapHome.tsx'
import { useStore } from '../../hooks/useStore.ts'
import { useI18n } from '../../i18n/context.tsx'
import { RotaFrame, type RotaPageProps, type RotaScreenProps } from './RotaFrame.tsx'

export function MyWalksPage({ demo }: RotaPageProps) {
  return <RotaFrame demo={demo} render={(props) => <MyWalks {...props} />} />
}

function MyWalks({ session, base, demo }: RotaScreenProps) {
  const { t, language } = useI18n()
  const view = useStore(session.view)
  const me = useStore(session.me)
  const now = useNow()
  const today = todayIn(now)
  const placeWalks = useMemo(() => (me.familyId ? familyPlaces(view, me.familyId, today, now) : []), [view, me.familyId, today, now])
  const childWalks = useMemo(() => (me.familyId ? familyChildrenWalks(view, me.familyId, today, now) : []), [view, me.familyId, today, now])
  const adults = useMemo(() => adultsById(view), [view])
  const children = useMemo(() => childrenById(view), [view])
  const places = placeWalks.flatMap((walk) => walk.roles.map((role) => ({ walk: walk.rota, role })))
  // "Passer le témoin": my family's adults holding a coming place.
  const leavingIds = new Set(places.filter(({ role }) => role.status !== 'waiting').map(({ role }) => role.adultId))
  const leaving = view.adults.filter((adult) => leavingIds.has(adult.id))
  const lineName = (walk: WalkRota) => view.lines.find((line) => line.id === walk.lineId)?.name ?? ''
  const stopName = (id: string) => view.stops.find((stop) => stop.id === id)?.name ?? '?'
  const walkTitle = (walk: WalkRota) => `${formatDay(walk.date, language)} · ${directionText(t, walk.direction)} · ${lineName(walk)}`
  const weekHref = (walk: WalkRota) => `${base}/semaine/${mondayOf(walk.date)}`
  const state = (walk: WalkRota) => (
    <span class={`state state--${walk.state}`}>
      <span aria-hidden="true">{STATE_ICONS[walk.state]}</span>
      {walk.cancellation ? cancellationText(t, walk.cancellation) : stateText(t, walk.state)}
    </span>
  )

  return (
    <>
      <PageTitle name="rota.mine.title" />
      <SwapHome session={session} base={base} />
      <WhoAreYou session={session} />
      <section class="card" aria-labelledby="mine-walks">
        <h2 id="mine-walks">{t('rota.mine.walks')}</h2>
        {places.length === 0 ? (
          <p>{t('rota.mine.noWalks')}</p>
        ) : (
          <ul class="list" data-testid="my-places">
            {places.map(({ walk, role }) => (
              <li key={`${walk.key}|${role.adultId}`} class="list__item list__item--stacked" data-testid="my-place">
                <a class="list__link" href={weekHref(walk)}>{walkTitle(walk)}</a>
                <span>
                  {t('rota.mine.at', { slot: slotText(t, role.slot), name: adultName(adults, role.adultId) })}
                  {role.status === 'waiting' && <strong> · <span aria-hidden="true">⏳ </span>{t('rota.mine.waiting')}</strong>}
                </span>
                {walk.cancellation && state(walk)}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section class="card" aria-labelledby="mine-children">
        <h2 id="mine-children">{t('rota.mine.children')}</h2>
        {!demo && me.familyId && (
          <p class="actions">
            <a class="button" href={`${base}/absences`}>{t('absence.declareLink')}</a>
            <a class="button" href={`${base}/disponibilites`}>{t('planning.nav.availability')}</a>
          </p>
        )}
        {childWalks.length === 0 ? (
          <p>{t('rota.mine.noChildren', { weeks: HORIZON_WEEKS })}</p>
        ) : (
          <ul class="list" data-testid="my-children-walks">
            {childWalks.map(({ rota: walk, childIds }) => (
              <li key={walk.key} class="list__item list__item--stacked">
                <a class="list__link" href={weekHref(walk)}>{walkTitle(walk)}</a>
                {state(walk)}
                <ul class="kids">
                  {childIds.map((id) => {
                    const child = children.get(id)
                    const stopId = child?.routes[walk.direction]?.stopId
                    return child ? <li key={id}>{t('rota.mine.childAt', { name: childLabel(child), stop: stopId ? stopName(stopId) : '?' })}</li> : null
                  })}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </section>
      {!demo && leaving.length > 0 && <HandOver session={session} leaving={leaving} today={today} />}
      <AgendaExport session={session} />
    </>
  )
}
