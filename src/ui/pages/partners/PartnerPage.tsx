// The partner's read-only page (issue 18), /partenaire#r=…&k=…: the link's fragment is read once and cleared from the
// address bar and this history entry; then lines, stops and times, operating days and holidays, this week's coverage.
// No collective is needed on the device; only this tab keeps the link, for a reload.
import { useEffect, useState } from 'preact/hooks'
import type { PartnerViewState } from '../../../app/api.ts'
import type { PartnerLine, PartnerSummary, PartnerWalk } from '../../../app/queries/partner-summary.ts'
import { PageTitle } from '../../components/PageTitle.tsx'
import { useServices } from '../../hooks/services.ts'
import { useStore } from '../../hooks/useStore.ts'
import { useI18n } from '../../i18n/context.tsx'
import { dateFormat } from '../../i18n/formats.ts'
import type { MessageKey } from '../../i18n/fr.ts'

const TAB_KEY = 'pedibus.partnerLink'

/**
 * The link's fragment, taken once: the address bar and this history entry keep no key. This tab keeps it (session
 * storage, gone with the tab) so a reload shows the page again; a new tab needs the link itself.
 */
const takeFragment = (): string => {
  const fragment = location.hash
  if (!fragment) return readTab()
  history.replaceState(history.state, '', location.pathname + location.search)
  try {
    sessionStorage.setItem(TAB_KEY, fragment)
  } catch {
    // Storage refused (private mode, quota): a reload asks for the link again.
  }
  return fragment
}

const readTab = (): string => {
  try {
    return sessionStorage.getItem(TAB_KEY) ?? ''
  } catch {
    return ''
  }
}

const forgetTab = (): void => {
  try {
    sessionStorage.removeItem(TAB_KEY)
  } catch {
    // Nothing kept.
  }
}

export function PartnerPage() {
  const services = useServices()
  const [view] = useState(() => services.openPartnerView(takeFragment()))
  useEffect(() => () => view.destroy(), [view])
  const state = useStore(view.state)
  useEffect(() => {
    if (state.kind === 'revoked' || state.kind === 'invalidLink') forgetTab()
  }, [state.kind])
  return (
    <>
      <PageTitle name="partnerPage.title">{state.kind === 'shown' && state.summary.collective ? state.summary.collective : undefined}</PageTitle>
      <Body state={state} />
    </>
  )
}

function Body({ state }: { state: PartnerViewState }) {
  const { t } = useI18n()
  switch (state.kind) {
    case 'loading':
      return <p role="status">{t('app.loading')}</p>
    case 'offline':
      return <p role="status" data-testid="partner-offline">{t('partnerPage.offlineNoData')}</p>
    case 'revoked':
      return (
        <div role="alert" data-testid="partner-revoked">
          <p><strong>{t('partnerPage.revoked')}</strong></p>
          <p>{t('partnerPage.revokedHint')}</p>
        </div>
      )
    case 'invalidLink':
      return <p role="alert" data-testid="partner-invalid">{t('partnerPage.invalid')}</p>
    case 'shown':
      return <Summary summary={state.summary} online={state.online} />
  }
}

function Summary({ summary, online }: { summary: PartnerSummary; online: boolean }) {
  const { t, language } = useI18n()
  const when = dateFormat(language, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' })
  return (
    <div data-testid="partner-summary">
      <p>{t('partnerPage.readOnly')}</p>
      <p role="status" data-testid="partner-updated">{t('partnerPage.updatedAt', { date: when.format(summary.publishedAt) })}</p>
      {!online && <p role="status" class="alert">{t('partnerPage.offline')}</p>}
      <Week summary={summary} />
      <h2>{t('partnerPage.linesTitle')}</h2>
      {summary.lines.map((line) => <Line key={line.name} line={line} />)}
      <Calendar summary={summary} />
    </div>
  )
}

const useDays = () => {
  const { t } = useI18n()
  return (days: readonly number[]): string => days.map((day) => t(`manage.day.${day}` as MessageKey)).join(', ')
}

function Line({ line }: { line: PartnerLine }) {
  const { t } = useI18n()
  const days = useDays()
  return (
    <section>
      <h3><span class="partner-line__swatch" style={{ background: line.colour }} aria-hidden="true" />{line.name}</h3>
      <p>{t('partnerPage.lineDays', { days: days(line.days) })}</p>
      <div class="partner-table__scroll"><table class="partner-table">
        <thead>
          <tr>
            <th scope="col">{t('partnerPage.stop')}</th>
            {line.directions.map((direction) => <th key={direction} scope="col">{t(`manage.direction.${direction}`)}</th>)}
            <th scope="col">{t('partnerPage.access')}</th>
          </tr>
        </thead>
        <tbody>
          {line.stops.map((stop, index) => (
            <tr key={index}>
              <th scope="row">{stop.name}</th>
              {line.directions.map((direction) => <td key={direction} class="num">{stop[direction] ?? '—'}</td>)}
              <td>{[
                stop.stepFree ? t('partnerPage.stepFree') : null,
                stop.dangerousCrossing ? t('partnerPage.crossing') : null,
                stop.accessNote || null,
              ].filter((part) => part !== null).join(' · ')}</td>
            </tr>
          ))}
        </tbody>
      </table></div>
    </section>
  )
}

function Calendar({ summary }: { summary: PartnerSummary }) {
  const { t, language } = useI18n()
  const days = useDays()
  const day = dateFormat(language, { day: 'numeric', month: 'long', timeZone: 'UTC' })
  const holidays = summary.nextHolidays
  return (
    <section>
      <h2>{t('partnerPage.calendarTitle')}</h2>
      <p>{t('partnerPage.operating', { days: days(summary.operatingWeekdays) })}</p>
      <p>{summary.holidayZone ? t('partnerPage.zone', { zone: summary.holidayZone }) : t('partnerPage.ownCalendar')}</p>
      {holidays && (
        <p>{t('partnerPage.nextHolidays', {
          label: holidays.label, start: day.format(Date.parse(holidays.start)), end: day.format(Date.parse(holidays.end)),
        })}</p>
      )}
    </section>
  )
}

function Week({ summary }: { summary: PartnerSummary }) {
  const { t, language } = useI18n()
  const long = dateFormat(language, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
  const short = dateFormat(language, { weekday: 'long', day: 'numeric', timeZone: 'UTC' })
  const { totals } = summary
  // One line: its name is the section's; several: each walk says its line.
  const multiline = new Set(summary.week.map((walk) => walk.line)).size > 1
  return (
    <section aria-labelledby="partner-week-title">
      <h2 id="partner-week-title">{t('partnerPage.weekTitle', { date: long.format(Date.parse(summary.weekOf)) })}</h2>
      <p data-testid="partner-totals">{t('partnerPage.totals', {
        covered: totals.covered, walks: totals.walks, toFill: totals.toFill, places: totals.placesToFill,
      })}</p>
      {summary.week.length === 0 ? <p>{t('partnerPage.noWalks')}</p> : (
        <div class="partner-table__scroll"><table class="partner-table" data-testid="partner-week">
          <thead>
            <tr>
              <th scope="col">{t('partnerPage.col.day')}</th>
              <th scope="col">{t('partnerPage.col.walk')}</th>
              <th scope="col">{t('partnerPage.col.state')}</th>
            </tr>
          </thead>
          <tbody>
            {summary.week.map((walk, index) => (
              <tr key={index} data-testid="partner-walk">
                <td>{short.format(Date.parse(walk.date))}</td>
                <td>
                  {t(`manage.direction.${walk.direction}`)} <span class="num">{walk.time ?? ''}</span>
                  {multiline && <span class="partner-table__line">{walk.line}</span>}
                </td>
                <td><WalkState walk={walk} /></td>
              </tr>
            ))}
          </tbody>
        </table></div>
      )}
    </section>
  )
}

function WalkState({ walk }: { walk: PartnerWalk }) {
  const { t } = useI18n()
  if (walk.state === 'cancelled') return <>{t('partnerPage.cancelled')}</>
  if (walk.state === 'covered') return <span class="partner-state--covered">{t('partnerPage.covered')}</span>
  return <span class="partner-state--toFill">{t('partnerPage.toFill', { count: walk.toFill })}</span>
}
