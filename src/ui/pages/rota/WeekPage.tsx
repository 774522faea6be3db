// "Cette semaine": "Mon prochain trajet", then per line each operating day and direction with its places (my family's
// lines first, the others folded with what they need); previous/next week by button or swipe. Compact on top, so the
// first walk shows without scrolling on a phone; "Entre familles" (coups de main, the next meeting) below the lines.
import { useLocation, useRoute } from 'preact-iso'
import { useMemo, useRef, useState } from 'preact/hooks'
import { addDays, mondayOf } from '../../../app/queries/calendar.ts'
import { defaultWeekMonday, isPastWalk, weekOf } from '../../../app/queries/rota.ts'
import { adultsById, adultsOfFamily, familyLineIds } from '../../../app/queries/rota-view.ts'
import { absentOnWalk } from '../../../app/queries/absence/absence-view.ts'
import type { LocalDate } from '../../../domain/dates.ts'
import type { Line } from '../../../domain/line.ts'
import type { DayRota, WalkRota } from '../../../domain/rota-types.ts'
import type { ComponentChildren } from 'preact'
import { PageTitle } from '../../components/PageTitle.tsx'
import { cancellationText, formatDay, formatDayTitle, parseDateParam, todayIn } from '../../components/rota/rota-format.ts'
import { weekTitle } from '../../components/rota/rota-week.ts'
import { useNow } from '../../components/rota/useRotaNow.ts'
import { CommunityHome } from '../../components/rota/CommunityHome.tsx'
import { NextWalk } from '../../components/rota/NextWalk.tsx'
import { WalkCard } from '../../components/rota/WalkCard.tsx'
import { pairsIndex, pairsOfWalk } from '../../../app/queries/pairs.ts'
import { WhoAreYou } from '../../components/rota/WhoAreYou.tsx'
import { useStore } from '../../hooks/useStore.ts'
import { commaList } from '../../i18n/formats.ts'
import { useI18n } from '../../i18n/context.tsx'
import { directionOf, pluralKey, type Language, type Translate } from '../../i18n/translate.ts'
import { RotaFrame, type RotaPageProps, type RotaScreenProps } from './RotaFrame.tsx'

export function WeekPage({ demo }: RotaPageProps) {
  return <RotaFrame demo={demo} render={(props) => <Week {...props} />} />
}

const SWIPE_MIN_PX = 80

function Week({ session, base, demo }: RotaScreenProps) {
  const { t, language } = useI18n()
  const { params } = useRoute()
  const { route } = useLocation()
  const view = useStore(session.view)
  const now = useNow()
  const today = todayIn(now)
  // From Saturday (no walk left this week), "Cette semaine" opens the coming week: titles compare with that Monday.
  const defaultMonday = defaultWeekMonday(today, view.settings.operatingWeekdays)
  const monday = mondayOf(parseDateParam(params.monday) ?? defaultMonday)
  const days = useMemo(() => weekOf(view, monday, now), [view, monday, now])
  // Per list, not per view: a sign-up leaves the adults (and so every other card) as they were.
  const adults = useMemo(() => adultsById(view), [view.adults])
  const me = useStore(session.me)
  // Once per change of the pairs: each card reads its own walk's from the index, never scanning them all.
  const pairs = useMemo(() => pairsIndex(view), [view.pairs])
  const myAdults = useMemo(() => adultsOfFamily(view, me.familyId), [view.adults, me.familyId])
  const myLines = useMemo(() => familyLineIds(view, me.familyId, days.flatMap((day) => day.walks)),
    [view.children, me.familyId, days])

  const weekHref = (date: LocalDate) => `${base}/semaine/${date}`
  const touch = useRef<{ x: number; y: number } | null>(null)
  const onTouchStart = (event: TouchEvent) => {
    const point = event.touches[0]
    touch.current = point ? { x: point.clientX, y: point.clientY } : null
  }
  const onTouchEnd = (event: TouchEvent) => {
    const start = touch.current
    const point = event.changedTouches[0]
    touch.current = null
    if (!start || !point) return
    const dx = point.clientX - start.x
    if (Math.abs(dx) < SWIPE_MIN_PX || Math.abs(dx) < 2 * Math.abs(point.clientY - start.y)) return
    // The next week lies where the text goes: to the right in French, to the left in Arabic, so the swipe mirrors too.
    const forward = directionOf(language) === 'rtl' ? dx > 0 : dx < 0
    route(weekHref(addDays(monday, forward ? 7 : -7)))
  }

  const lines = [...view.lines].sort((a, b) => a.name.localeCompare(b.name, 'fr'))
  // With a family on some lines only, the others fold: at 150 families a week is ~100 walk cards, a family's line ~8.
  // A line opened here stays where it is when I sign up on it (it would otherwise jump to my lines under my finger).
  const [opened, setOpened] = useState<{ readonly monday: LocalDate; readonly lines: ReadonlySet<string> }>({ monday, lines: new Set() })
  const openedLines = opened.monday === monday ? opened.lines : new Set<string>()
  const toggle = (lineId: string, open: boolean) => {
    const next = new Set(openedLines)
    if (open) next.add(lineId)
    else next.delete(lineId)
    setOpened({ monday, lines: next })
  }
  const isMine = (line: Line) => myLines.has(line.id) && !openedLines.has(line.id)
  const own = lines.filter(isMine)
  const others = own.length > 0 ? lines.filter((line) => !isMine(line)) : []
  const lineProps = (line: Line): LineDaysProps => ({
    line,
    days,
    language,
    printHref: demo ? undefined : `${base}/imprimer/semaine/${line.id}/${monday}`,
    render: (walk) => (
      <WalkCard
        session={session}
        walk={walk}
        adults={adults}
        myAdults={myAdults}
        absentCount={absentOnWalk(view, walk)}
        past={isPastWalk(walk, today, now)}
        pairs={pairsOfWalk(pairs, walk.key)}
        pairCommands={session}
      />
    ),
  })
  return (
    <div onTouchStart={onTouchStart} onTouchEnd={onTouchEnd}>
      <PageTitle screen={monday} name={monday === defaultMonday ? 'rota.week.title' : 'rota.week.window'}>{weekTitle(t, language, monday, defaultMonday)}</PageTitle>
      <nav class="week-nav" aria-label={t('rota.week.navLabel')}>
        <a class="button week-nav__step" href={weekHref(addDays(monday, -7))} aria-label={t('rota.week.previous')}>
          <span class="flip-rtl" aria-hidden="true">←</span>
        </a>
        <p class="week-nav__range" data-testid="week-range">
          {t('rota.week.range', { from: formatDay(monday, language), to: formatDay(addDays(monday, 6), language) })}
        </p>
        <a class="button week-nav__step" href={weekHref(addDays(monday, 7))} aria-label={t('rota.week.next')}>
          <span class="flip-rtl" aria-hidden="true">→</span>
        </a>
        {monday !== defaultMonday && <a class="week-nav__current" href={`${base}/semaine`}>{t('rota.week.current')}</a>}
      </nav>
      <NextWalk session={session} base={base} />
      <WhoAreYou session={session} compact />
      {lines.length === 0 && <p class="notice">{t('rota.week.noLines')}</p>}
      {(others.length > 0 ? own : lines).map((line) => <LineWeek key={line.id} {...lineProps(line)} />)}
      {others.length > 0 && (
        <section class="other-lines" aria-labelledby="other-lines-title" data-testid="other-lines">
          <h2 id="other-lines-title">{t('rota.week.others')}</h2>
          <p class="muted">{t('rota.week.othersHint')}</p>
          {others.map((line) => (
            <OtherLineWeek key={line.id} {...lineProps(line)} open={openedLines.has(line.id)} onToggle={(open) => toggle(line.id, open)} />
          ))}
        </section>
      )}
      {!demo && <CommunityHome session={session} />}
    </div>
  )
}

/** A day whose walks are all cancelled for the same reason (holidays, a strike) says it once. */
const sameCancellation = (t: Translate, walks: readonly WalkRota[]) => {
  const texts = new Set(walks.map((walk) => (walk.cancellation ? cancellationText(t, walk.cancellation) : null)))
  const [only] = texts
  return texts.size === 1 && only ? <p class="walk walk--cancelled" data-testid="day-cancelled"><span aria-hidden="true">✕ </span>{only}</p> : null
}

interface LineDaysProps {
  readonly line: Line
  readonly days: readonly DayRota[]
  readonly render: (walk: WalkRota) => ComponentChildren
  readonly language: Language
  /** The line's printable week (not in the demo: print views open a joined collective). */
  readonly printHref?: string | undefined
}

const walksOfLine = (days: readonly DayRota[], line: Line) => days
  .map((day) => ({ date: day.date, walks: day.walks.filter((walk) => walk.lineId === line.id) }))
  .filter((day) => day.walks.length > 0)

function LineWeek(props: LineDaysProps) {
  const { line } = props
  const titleId = `line-${line.id}`
  return (
    <section class="card" aria-labelledby={titleId} data-testid="line-week">
      <h2 id={titleId} class="line-title">
        <span class="line-swatch" style={{ background: line.colour }} aria-hidden="true" />
        {line.name}
      </h2>
      <LineDays {...props} />
    </section>
  )
}

/** Another family's line: folded, its name and what its walks need this week; its walks render once opened. */
function OtherLineWeek({ open, onToggle, ...props }: LineDaysProps & { readonly open: boolean; onToggle(open: boolean): void }) {
  const { t, language } = useI18n()
  const walks = walksOfLine(props.days, props.line).flatMap((day) => day.walks)
  const toFill = walks.filter((walk) => walk.state === 'toFill' || walk.state === 'urgent').length
  const urgent = walks.filter((walk) => walk.state === 'urgent').length
  const running = walks.filter((walk) => walk.state !== 'cancelled').length
  const status = toFill === 0
    ? t(running === 0 ? 'rota.week.line.none' : 'rota.week.line.covered')
    : commaList(language, [
      t(pluralKey(language, toFill, 'rota.week.line.toFillOne', 'rota.week.line.toFillOther'), { count: toFill }),
      ...(urgent > 0 ? [t(pluralKey(language, urgent, 'rota.week.line.urgentOne', 'rota.week.line.urgentOther'), { count: urgent })] : []),
    ])
  return (
    <details class="card other-line" data-testid="other-line" data-line={props.line.id} open={open}
      onToggle={(event) => { if (event.currentTarget.open !== open) onToggle(event.currentTarget.open) }}>
      <summary>
        <span class="line-swatch" style={{ background: props.line.colour }} aria-hidden="true" />
        <span class="other-line__name">{props.line.name}</span>
        <span class={urgent > 0 ? 'other-line__status other-line__status--urgent' : 'other-line__status'}>{status}</span>
      </summary>
      {open && <LineDays {...props} />}
    </details>
  )
}

function LineDays({ line, days, render, language, printHref }: LineDaysProps) {
  const { t } = useI18n()
  const lineDays = walksOfLine(days, line)
  return (
    <>
      {lineDays.length === 0 && <p>{t('rota.week.noWalks')}</p>}
      {lineDays.map((day) => (
        <div key={day.date} class="day" data-testid="day" data-date={day.date}>
          <h3>{formatDayTitle(day.date, language)}</h3>
          {sameCancellation(t, day.walks) ?? day.walks.map((walk) => <div key={walk.key}>{render(walk)}</div>)}
        </div>
      ))}
      {printHref && <p><a class="button no-print" href={printHref} aria-label={t('print.link.weekLabel', { line: line.name })}>{t('print.link.week')}</a></p>}
    </>
  )
}
