// The guide "Monter un pédibus" as A4 pages: cover, the steps to a first walk, a charter, insurance to check, the first
// meeting's agenda, the line posters (stops and times). Its props hold no family, adult or child record.
import type { GuideLine, GuideModel, GuidePlace } from '../../../app/queries/print/guide.ts'
import { DIRECTIONS } from '../../../app/queries/collective.ts'
import type { LocalDate } from '../../../domain/dates.ts'
import { useI18n } from '../../i18n/context.tsx'
import { PageTitle } from '../PageTitle.tsx'
import { StopsTable } from './PosterSheet.tsx'
import { formatFullDay } from './print-format.ts'
import './guide.css'

const STEPS = ['gather', 'meeting', 'lines', 'app', 'invite', 'signUp', 'firstWalk', 'afterWeek'] as const
const INSURANCE = ['families', 'school', 'association', 'schoolHead', 'commune'] as const
const PARTS = ['guide.steps.title', 'guide.charter.title', 'guide.insurance.title', 'guide.agenda.title', 'guide.posters.title'] as const

export interface GuideSheetProps {
  readonly guide: GuideModel
  readonly today: LocalDate
}

export function GuideSheet({ guide, today }: GuideSheetProps) {
  return (
    <>
      <Cover place={guide.place} today={today} />
      <Steps />
      <Charter charter={guide.charter} />
      <Insurance />
      <Agenda />
      <Posters lines={guide.lines} collective={guide.place.collective} />
    </>
  )
}

function Cover({ place, today }: { place: GuidePlace; today: LocalDate }) {
  const { t, language } = useI18n()
  return (
    <section class="guide-cover" aria-labelledby="guide-contents">
      <PageTitle name="guide.screen">{t('guide.title')}</PageTitle>
      <p class="guide-cover__for">{t('guide.cover.for', { collective: place.collective ?? t('print.unnamed') })}</p>
      {place.school !== null && place.town !== null && (
        <p class="guide-cover__for">{t('guide.cover.place', { school: place.school, town: place.town })}</p>
      )}
      <p>{t('guide.cover.intro')}</p>
      <h2 id="guide-contents">{t('guide.cover.contents')}</h2>
      <ol class="guide-list">
        {PARTS.map((key) => <li key={key}>{t(key)}</li>)}
      </ol>
      <p>{t('guide.cover.app')}</p>
      <p class="guide-strong">{t('guide.cover.private')}</p>
      <p class="guide-cover__date">{t('print.printedOn', { day: formatFullDay(today, language) })}</p>
    </section>
  )
}

function Steps() {
  const { t } = useI18n()
  return (
    <section class="guide-part" aria-labelledby="guide-steps">
      <h2 id="guide-steps">1. {t('guide.steps.title')}</h2>
      <p>{t('guide.steps.intro')}</p>
      <ol class="guide-list guide-steps">
        {STEPS.map((step) => (
          <li key={step}>
            <h3>{t(`guide.step.${step}`)}</h3>
            <p>{t(`guide.step.${step}Text`)}</p>
          </li>
        ))}
      </ol>
    </section>
  )
}

/** The collective's charter (charterOf), else the default one the settings screen offers to start from. */
function Charter({ charter }: { charter: string | null }) {
  const { t } = useI18n()
  return (
    <section class="guide-part" aria-labelledby="guide-charter">
      <h2 id="guide-charter">2. {t('guide.charter.title')}</h2>
      <p>{t('guide.charter.intro')}</p>
      <p class="guide-strong">{t(charter === null ? 'guide.charter.proposal' : 'guide.charter.own')}</p>
      <div class="guide-text guide-box" data-testid="guide-charter">{charter ?? t('charter.default')}</div>
      {/* The collective's own text may name someone ("appeler Sophie au 06…"): whoever prints it checks it. */}
      {charter !== null && <p class="no-print">{t('guide.charter.check')}</p>}
      <p class="guide-blank">{t('guide.charter.sign')}</p>
    </section>
  )
}

function Insurance() {
  const { t } = useI18n()
  return (
    <section class="guide-part" aria-labelledby="guide-insurance">
      <h2 id="guide-insurance">3. {t('guide.insurance.title')}</h2>
      <p>{t('guide.insurance.intro')}</p>
      <ul class="guide-items">
        {INSURANCE.map((item) => (
          <li key={item}>
            <h3>{t(`guide.insurance.${item}`)}</h3>
            <p>{t(`guide.insurance.${item}Text`)}</p>
          </li>
        ))}
      </ul>
    </section>
  )
}

/** The agenda the guided set-up puts in the first meeting's form (NewMeetingPage), one item a line. */
function Agenda() {
  const { t } = useI18n()
  return (
    <section class="guide-part" aria-labelledby="guide-agenda">
      <h2 id="guide-agenda">4. {t('guide.agenda.title')}</h2>
      <p>{t('guide.agenda.intro')}</p>
      <p class="guide-blank">{t('guide.agenda.when')}</p>
      <div class="guide-text guide-box" data-testid="guide-agenda">{t('meetings.first.agenda')}</div>
      <h3>{t('guide.agenda.notes')}</h3>
      <div class="guide-notes" />
    </section>
  )
}

function Posters({ lines, collective }: { lines: readonly GuideLine[]; collective: string | null }) {
  const { t } = useI18n()
  return (
    <section class="guide-part" aria-labelledby="guide-posters">
      <h2 id="guide-posters">5. {t('guide.posters.title')}</h2>
      <p>{t(lines.length === 0 ? 'guide.posters.none' : 'guide.posters.intro')}</p>
      {lines.map((entry) => <LinePoster key={entry.line.id} entry={entry} collective={collective} />)}
    </section>
  )
}

/** The poster's head and stops table for one line; the rota and the contact (names, phones) stay on the full poster. */
function LinePoster({ entry: { line, stops }, collective }: { entry: GuideLine; collective: string | null }) {
  const { t } = useI18n()
  const directions = DIRECTIONS.filter((direction) => line.directions.includes(direction))
  const headingId = `guide-line-${line.id}`
  return (
    <section class="guide-poster" aria-labelledby={headingId} data-testid="guide-poster">
      <header class="guide-poster__head" style={{ borderInlineStartColor: line.colour }}>
        <h3 id={headingId}>{line.name}</h3>
        <p class="guide-strong">{collective ?? t('print.unnamed')}</p>
        <p>{t('print.poster.stops')}</p>
      </header>
      {stops.length === 0 ? <p>{t('print.poster.noStops')}</p> : <StopsTable stops={stops} directions={directions} />}
      <p class="guide-strong">{t('print.poster.join')}</p>
    </section>
  )
}
