// One walk on the pavement: adults on duty with large call buttons, then stop by stop the time, access notes and children expected.
import type { LinesView, PeopleView } from '../../../app/api.ts'
import { childLabel } from '../../../app/queries/collective.ts'
import { heldPlaces } from '../../../app/queries/rota.ts'
import type { Child } from '../../../domain/people.ts'
import type { WalkRota } from '../../../domain/rota-types.ts'
import { commaList } from '../../i18n/formats.ts'
import { useI18n } from '../../i18n/context.tsx'
import { cancellationText, directionTitle, slotText, STATE_ICONS, stateText, telHref, todayIn } from './rota-format.ts'
import { useNow } from './useRotaNow.ts'
import { WalkModeLink } from '../walk/WalkModeLink.tsx'
import './rota.css'

export function TodayWalk({ view, walk }: { view: PeopleView & LinesView; walk: WalkRota }) {
  const { t, language } = useI18n()
  // "Aujourd'hui" shows the next day's walks when today has none: those cannot be run yet.
  const isToday = walk.date === todayIn(useNow())
  const line = view.lines.find((l) => l.id === walk.lineId)
  const lineStops = view.stops.filter((stop) => stop.lineId === walk.lineId)
  const stops = walk.direction === 'retour' ? [...lineStops].reverse() : lineStops
  const expected = walk.expectedChildIds
    .map((id) => view.children.find((child) => child.id === id))
    .filter((child): child is Child => child !== undefined)
  const atStop = (stopId: string) => expected.filter((child) => child.routes[walk.direction]?.stopId === stopId)
  const stopIds = new Set(lineStops.map((stop) => stop.id))
  const lost = expected.filter((child) => !stopIds.has(child.routes[walk.direction]?.stopId ?? ('' as never)))
  const titleId = `today-${walk.key.replace(/[^A-Za-z0-9-]/g, '-')}`

  return (
    <section class="card" aria-labelledby={titleId} data-testid="today-walk">
      <h2 id={titleId} class="line-title">
        <span class="line-swatch" style={{ background: line?.colour ?? '#767676' }} aria-hidden="true" />
        {line?.name} · {directionTitle(t, walk.direction)}
        {walk.startTime && <span class="muted"> · {walk.startTime}</span>}
      </h2>
      <p>
        <span class={`state state--${walk.state}`}>
          <span aria-hidden="true">{STATE_ICONS[walk.state]}</span>
          {stateText(t, walk.state)}
        </span>
      </p>
      {walk.cancellation ? (
        <p data-testid="cancellation">{cancellationText(t, walk.cancellation)}</p>
      ) : (
        <>
          <WalkModeLink walk={walk} lineName={line?.name ?? ''} today={isToday} />
          <h3>{t('rota.today.adults')}</h3>
          {heldPlaces(walk).length === 0 && <p class="duty-gap">{t('rota.today.noAdults')}</p>}
          {heldPlaces(walk).length > 0 && (['lead', 'tail'] as const).filter((slot) => walk[slot] === null).map((slot) => (
            <p key={slot} class="duty-gap"><span aria-hidden="true">! </span>{slotText(t, slot)} : {t('rota.slot.empty').toLowerCase()}</p>
          ))}
          {heldPlaces(walk).map(({ slot, signUp }) => {
            const adult = view.adults.find((a) => a.id === signUp.adultId)
            if (!adult) return null
            const href = telHref(adult.phone)
            const who = slotText(t, slot).toLowerCase()
            if (href === null) {
              return (
                <p key={signUp.adultId} class="call-none" data-testid="call">
                  <span>{adult.firstName} · {who}</span>
                  <span class="muted">{t('form.noPhone')}</span>
                </p>
              )
            }
            return (
              <a key={signUp.adultId} class="button button--primary call" href={href} data-testid="call">
                <span><span aria-hidden="true">☎ </span>{t('rota.today.call', { name: adult.firstName })} · {who}</span>
                <span class="call__number" dir="ltr">{adult.phone}</span>
              </a>
            )
          })}
          <h3>{t('rota.today.stops')}</h3>
          <ol class="stops">
            {stops.map((stop) => {
              const kids = atStop(stop.id)
              const time = stop.times[walk.direction]
              return (
                <li key={stop.id} class="stop" data-testid="today-stop">
                  <h4><span class="stop__time">{time ?? t('rota.today.noTime')}</span>{stop.name}</h4>
                  {(stop.access.stepFree || stop.access.dangerousCrossing) && (
                    <ul class="access">
                      {stop.access.stepFree && <li><span aria-hidden="true">♿ </span>{t('rota.today.stepFree')}</li>}
                      {stop.access.dangerousCrossing && <li class="access--danger"><span aria-hidden="true">⚠ </span>{t('rota.today.crossing')}</li>}
                    </ul>
                  )}
                  {stop.access.note && <p>{stop.access.note}</p>}
                  {kids.length === 0 ? (
                    <p class="muted">{t('rota.today.noChildren')}</p>
                  ) : (
                    <ul class="kids">
                      {kids.map((child) => (
                        <li key={child.id} data-testid="today-child">
                          <bdi>{childLabel(child)}</bdi>
                          {child.support && <span class="support">{t('rota.today.support', { text: child.support })}</span>}
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              )
            })}
          </ol>
          {lost.length > 0 && <p class="notice-waiting">{t('rota.today.missingStop', { names: commaList(language, lost.map(childLabel)) })}</p>}
        </>
      )}
    </section>
  )
}
