// The walk screen for the adults on duty: header and counts, stops in walking order with their children to mark, departures, arrival, additions, logbook.
import { useMemo } from 'preact/hooks'
import type { SessionIdentity, SessionState, WalkLogCommands } from '../../../app/api.ts'
import { habituesByChild } from '../../../app/queries/habitues.ts'
import { walkPairsOf } from '../../../app/queries/pairs.ts'
import { checkInsOf, hasOwnEvent, progressOf as walkProgressOf, slotOf, stopsInOrder, summaryOf, walkRotaOf } from '../../../app/queries/walk.ts'
import type { AdultId, StopId } from '../../../domain/ids.ts'
import type { Stop } from '../../../domain/line.ts'
import type { Child } from '../../../domain/people.ts'
import type { WalkRef } from '../../../domain/signup.ts'
import type { MarkedStatus, WalkEventKind } from '../../../domain/walk-log/records.ts'
import type { ChildCheckIn, WalkStopProgress } from '../../../domain/walk-log/types.ts'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { useStore } from '../../hooks/useStore.ts'
import { useWakeLock } from '../../hooks/useWakeLock.ts'
import { useI18n } from '../../i18n/context.tsx'
import { formatClock } from '../../i18n/translate.ts'
import { cancellationText } from '../rota/rota-format.ts'
import { useNow } from '../rota/useRotaNow.ts'
import { IdentityForm, WhoAreYou } from '../rota/WhoAreYou.tsx'
import { AddChild } from './AddChild.tsx'
import { ChildRow, lineName, ownStatusOf, parentsOf } from './ChildRow.tsx'
import { Logbook } from './Logbook.tsx'
import { myAdultId, useWalkActions } from './useWalkActions.ts'
import { emergencyPath } from './walk-paths.ts'
import { formatTime, markAnnouncement, walkErrorText } from './walk-text.ts'
import { walkEventIds } from './walk-focus.ts'
import { WalkEvent } from './WalkEvent.tsx'
import { WalkHeader } from './WalkHeader.tsx'
import './walk.css'

/** DOM id prefixes of the departure (a stop's, or the school's: null) and arrival controls. */
const departId = (stopId: StopId | null): string => `walk-depart-${stopId ?? 'school'}`
const ARRIVE_ID = 'walk-arrive'

interface WalkScreenProps {
  readonly session: SessionState & SessionIdentity & WalkLogCommands
  /** '/c/<id>': where this collective's screens live. */
  readonly base: string
  readonly walk: WalkRef
}

export function WalkScreen({ session, base, walk }: WalkScreenProps) {
  const { t, language } = useI18n()
  const announce = useAnnounce()
  const view = useStore(session.view)
  const me = useStore(session.me)
  const now = useNow()
  const awake = useWakeLock() === 'held'
  const actions = useWalkActions(session, view, me)
  const rota = useMemo(() => walkRotaOf(view, walk, now), [view, walk.lineId, walk.date, walk.direction, now])
  const list = useMemo(() => (rota === null ? [] : checkInsOf(view, rota)), [view, rota])
  const stops = useMemo(() => stopsInOrder(view, walk), [view, walk.lineId, walk.direction])
  const progress = useMemo(() => walkProgressOf(view, walk), [view, walk.lineId, walk.date, walk.direction])
  const children = useMemo(() => new Map<string, Child>(view.children.map((child) => [child.id, child])), [view])
  const adults = useMemo(() => new Map(view.adults.map((adult) => [adult.id, adult])), [view])
  const habitues = useMemo(() => habituesByChild(view, now), [view, now])
  const pairs = useMemo(() => (rota === null ? [] : walkPairsOf(view, rota)), [view.pairs, rota])

  if (rota === null) return <p class="notice" data-testid="walk-not-found">{t('walk.notFound')}</p>
  if (rota.cancellation !== null) {
    return (
      <div class="notice" data-testid="walk-cancelled">
        <p>{t('walk.cancelled')}</p>
        <p>{cancellationText(t, rota.cancellation)}</p>
      </div>
    )
  }

  const line = view.lines.find((candidate) => candidate.id === walk.lineId)
  const adultId: AdultId | null = myAdultId(view, me)
  const clockNow = () => formatTime(formatClock(Date.now(), language), language)
  const stopIds = new Set<string>(stops.map((stop) => stop.id))
  const others = list.filter((entry) => entry.stopId === null || !stopIds.has(entry.stopId))
  const progressOf = (stopId: StopId): WalkStopProgress | undefined => progress.stops.find((stop) => stop.stopId === stopId)
  const nextStop = stops.find((stop) => (progressOf(stop.id)?.departedAt ?? null) === null)

  const mark = (entry: ChildCheckIn, name: string, status: MarkedStatus | null) => {
    const childId = entry.subject.kind === 'child' ? entry.subject.childId : entry.subject.guestId
    // "Annuler" puts back this phone's own mark as it was in force (null: withdraw the new one), so
    // the child shows what it showed before; another adult's mark is never touched.
    const previous = ownStatusOf(entry, me.actorId)
    actions.perform({
      run: (who) => session.markChild(walk, childId, status, entry.stopId, who),
      done: markAnnouncement(t, name, status),
      undo: (who) => session.markChild(walk, childId, previous, entry.stopId, who),
    })
  }
  const undoEvent = (kind: WalkEventKind, stopId: StopId | null, label: string) => {
    const result = session.undoWalkEvent(walk, kind, stopId)
    actions.forgetLast()
    announce(result.ok ? t('walk.undone', { action: label }) : walkErrorText(t, result.error))
  }
  const depart = (stopId: StopId | null, done: string) => actions.perform({
    run: (who) => session.markDeparture(walk, stopId, who),
    done,
    undo: () => session.undoWalkEvent(walk, 'departed', stopId),
    focusAfterUndo: afterUndo(departId(stopId)),
  })

  /** After "Annuler" the event's big button is back (or its line, when another phone's mark holds). */
  const afterUndo = (id: string): string[] => [walkEventIds(id).go, walkEventIds(id).done]

  const rows = (entries: readonly ChildCheckIn[]) => (
    <ul class="kids-list">
      {entries.map((entry) => {
        const name = lineName(entry, children, t('walk.guest'), t('walk.guestErased'))
        const child = entry.subject.kind === 'child' ? children.get(entry.subject.childId) : undefined
        const known = child === undefined ? [] : (habitues.get(child.id) ?? []).flatMap((id) => adults.get(id)?.firstName ?? [])
        return (
          <ChildRow
            key={entry.id} line={entry} name={name} child={child} parents={parentsOf(view, child)} adults={adults}
            own={ownStatusOf(entry, me.actorId)} onMark={mark} habitues={known}
          />
        )
      })}
    </ul>
  )

  const stopBlock = (stop: Stop) => {
    const here = list.filter((entry) => entry.stopId === stop.id)
    const time = stop.times[walk.direction]
    const departedAt = progressOf(stop.id)?.departedAt ?? null
    return (
      <li key={stop.id} class="walk-stop" data-testid="walk-stop">
        <h3 class="walk-stop__name"><span class="walk-stop__time">{time ?? t('rota.today.noTime')}</span>{stop.name}</h3>
        {(stop.access.stepFree || stop.access.dangerousCrossing) && (
          <ul class="walk-access">
            {stop.access.stepFree && <li><span aria-hidden="true">♿ </span>{t('rota.today.stepFree')}</li>}
            {stop.access.dangerousCrossing && <li class="walk-access--danger"><span aria-hidden="true">⚠ </span>{t('rota.today.crossing')}</li>}
          </ul>
        )}
        {stop.access.note && <p class="walk-stop__note">{stop.access.note}</p>}
        {here.length === 0 ? <p>{t('walk.stop.noChildren')}</p> : rows(here)}
        <WalkEvent
          id={departId(stop.id)}
          testId="depart"
          doneAt={departedAt}
          doneText={departedAt === null ? '' : t('walk.departed', { stop: stop.name, time: formatTime(departedAt, language) })}
          actionText={t('walk.depart', { stop: stop.name })}
          undoLabel={t('walk.undoDepartLabel', { stop: stop.name })}
          canUndo={hasOwnEvent(view.walkLog, walk, 'departed', stop.id, me.actorId)}
          onDo={() => depart(stop.id, t('walk.announce.departed', { stop: stop.name, time: clockNow() }))}
          onUndo={() => undoEvent('departed', stop.id, t('walk.undoDepartLabel', { stop: stop.name }))}
        />
      </li>
    )
  }

  const arrivedAt = progress.arrivedAt
  const aller = walk.direction === 'aller'

  return (
    <div class="walk-mode">
      <WalkHeader
        walk={walk}
        line={line}
        slot={slotOf(rota, adultId)}
        summary={summaryOf(list)}
        emergencyHref={emergencyPath(base, walk)}
        awake={awake}
        pairs={pairs}
        adults={adults}
      />
      {actions.asking ? (
        <div class="walk-who">
          <p>{t('walk.who')}</p>
          <IdentityForm session={session} idPrefix="walk-me" onDone={actions.chosen} onCancel={actions.cancelAsking} />
        </div>
      ) : adultId === null && (
        <div class="walk-who">
          <p>{t('walk.who')}</p>
          <WhoAreYou session={session} />
        </div>
      )}
      {!aller && (
        <WalkEvent
          id={departId(null)}
          testId="depart-school"
          doneAt={progress.schoolDepartedAt}
          doneText={progress.schoolDepartedAt === null ? '' : t('walk.departedSchool', { time: formatTime(progress.schoolDepartedAt, language) })}
          actionText={t('walk.departSchool')}
          undoLabel={t('walk.undoDepartSchoolLabel')}
          canUndo={hasOwnEvent(view.walkLog, walk, 'departed', null, me.actorId)}
          onDo={() => depart(null, t('walk.announce.departedSchool', { time: clockNow() }))}
          onUndo={() => undoEvent('departed', null, t('walk.undoDepartSchoolLabel'))}
        />
      )}
      <h2 class="visually-hidden">{t('walk.stops')}</h2>
      <ol class="walk-stops" data-testid="checkin-list">
        {stops.map(stopBlock)}
      </ol>
      {others.length > 0 && (
        <section class="walk-section" aria-labelledby="walk-others-title">
          <h2 id="walk-others-title">{t('walk.others')}</h2>
          {rows(others)}
        </section>
      )}
      <WalkEvent
        id={ARRIVE_ID}
        testId="arrive"
        final
        doneAt={arrivedAt}
        doneText={arrivedAt === null ? '' : t(aller ? 'walk.arrived' : 'walk.ended', { time: formatTime(arrivedAt, language) })}
        actionText={t(aller ? 'walk.arrive' : 'walk.end')}
        undoLabel={t('walk.undoArriveLabel')}
        canUndo={hasOwnEvent(view.walkLog, walk, 'arrived', null, me.actorId)}
        onDo={() => actions.perform({
          run: (who) => session.markArrival(walk, who),
          done: t(aller ? 'walk.announce.arrived' : 'walk.announce.ended', { time: clockNow() }),
          undo: () => session.undoWalkEvent(walk, 'arrived', null),
          focusAfterUndo: afterUndo(ARRIVE_ID),
        })}
        onUndo={() => undoEvent('arrived', null, t('walk.undoArriveLabel'))}
      />
      <AddChild
        session={session}
        view={view}
        walk={walk}
        stops={stops}
        defaultStopId={nextStop?.id ?? null}
        listed={new Set(list.map((entry) => entry.id))}
        perform={actions.perform}
        withAdult={actions.withAdult}
      />
      <Logbook session={session} view={view} me={me} walk={walk} withAdult={actions.withAdult} />
      <nav class="walk-links" aria-label={t('walk.title')}>
        <a class="button" href={`${base}/trajet?liste`}>{t('walk.allToday')}</a>
        <a class="button" href={`${base}/aujourdhui`}>{t('walk.leave')}</a>
      </nav>
      {(actions.last !== null || actions.error !== null) && (
        <div class="walk-bar" data-testid="walk-bar">
          {actions.error !== null && <p class="walk-bar__error">{actions.error}</p>}
          {actions.last !== null && (
            <button type="button" class="walk-undo walk-undo--last" onClick={actions.undoLast} data-testid="undo-last">
              {t('walk.undoLast', { action: actions.last.label })}
            </button>
          )}
        </div>
      )}
    </div>
  )
}
