// /c/:id/planifier "Planifier": a period (default: until the next holidays), the proposal of planRota, edits, publishing it as ordinary sign-ups, and proposing again when some places were skipped.
import { useRef, useState } from 'preact/hooks'
import { PLAN_MAX_DAYS } from '../../../app/queries/limits.ts'
import { editPlace, periodOf, type PeriodErrors } from '../../../app/queries/planning/plan-view.ts'
import { addPlannedPlace, defaultPlanningPeriod, planRota, summarisePlan } from '../../../app/queries/planning/rules.ts'
import type { PlanningCommands, SessionIdentity } from '../../../app/api.ts'
import type { AdultId } from '../../../domain/ids.ts'
import type { DateRange, Plan } from '../../../domain/planning/types.ts'
import type { WalkKey } from '../../../domain/signup.ts'
import { CoordinationNav } from '../../components/coordination/CoordinationNav.tsx'
import { InputField } from '../../components/manage/fields.tsx'
import { PageTitle } from '../../components/PageTitle.tsx'
import { PlanProposal } from '../../components/planning/PlanProposal.tsx'
import { PublishAction } from '../../components/planning/PublishAction.tsx'
import { planningErrorText } from '../../components/planning/planning-text.ts'
import { useNow } from '../../components/rota/useRotaNow.ts'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { useReportError, type ReportError } from '../../hooks/report-error.ts'
import { useI18n } from '../../i18n/context.tsx'
import { pluralKey, type Language, type Translate } from '../../i18n/translate.ts'
import { SessionGate, type ScreenProps } from '../manage/SessionGate.tsx'

export function PlanPage() {
  return <SessionGate screen={Planner} />
}

const periodErrorText = (t: Translate, key: PeriodErrors['from']): string | null =>
  key === undefined ? null : key === 'periodTooLong' ? t('planning.plan.rangeTooLong', { max: PLAN_MAX_DAYS }) : planningErrorText(t, key)

/**
 * The rules run on the phone: a failure on unexpected records is shown ("failed"), never a crashed
 * screen, and reported to the error channel: a bug in the rules must not pass unseen.
 */
const attempt = <T,>(report: ReportError, step: string, compute: () => T): T | null => {
  try {
    return compute()
  } catch (error) {
    report(`planning.${step}`, error)
    return null
  }
}

/** The screen itself; `initialPlan` lets the tests render a proposal. */
export function Planner({ session, view, initialPlan = null }: Pick<ScreenProps, 'view'> & {
  session: SessionIdentity & PlanningCommands
  initialPlan?: Plan | null
}) {
  const { t, language } = useI18n()
  const announce = useAnnounce()
  const now = useNow()
  const report = useReportError()
  const [range, setRange] = useState(() => {
    const period = attempt(report, 'period', () => defaultPlanningPeriod(view, now))
    return { from: period?.from ?? '', to: period?.to ?? '' }
  })
  const [errors, setErrors] = useState<PeriodErrors>({})
  const [plan, setPlan] = useState<Plan | null>(initialPlan)
  const [failed, setFailed] = useState(false)
  const [result, setResult] = useState<string | null>(null)
  /** The period just published when some places were skipped: "Proposer à nouveau" plans it again, for what still needs someone. */
  const [again, setAgain] = useState<DateRange | null>(null)
  const proposalHeading = useRef<HTMLHeadingElement>(null)

  /** Plans the period from the live view (what was published meanwhile is taken into account). */
  const run = (period: DateRange) => {
    setErrors({})
    setResult(null)
    setAgain(null)
    const proposal = attempt(report, 'plan', () => planRota(view, period, now))
    setFailed(proposal === null)
    setPlan(proposal)
    if (proposal === null) return
    const n = proposal.assignments.length
    announce(t(pluralKey(language, n, 'planning.plan.proposed.one', 'planning.plan.proposed.other'), { n }))
    requestAnimationFrame(() => proposalHeading.current?.focus())
  }

  const propose = (event: Event) => {
    event.preventDefault()
    const parsed = periodOf(range.from, range.to)
    if (!parsed.ok) {
      setErrors(parsed.errors)
      requestAnimationFrame(() => document.getElementById(parsed.errors.from ? 'plan-from' : 'plan-to')?.focus())
      return
    }
    run(parsed.period)
  }

  const edit = (index: number, adultId: AdultId | null) => {
    if (plan === null) return
    const edited = attempt(report, 'edit', () => summarisePlan(view, plan.period, editPlace(plan.assignments, index, adultId, view.adults), now))
    if (edited === null) return setFailed(true)
    setPlan(edited)
    announce(t('planning.plan.edited'))
  }

  const add = (key: WalkKey, adultId: AdultId) => {
    if (plan === null) return
    const added = attempt(report, 'add', () => addPlannedPlace(view, plan, key, adultId, now) ?? ('refused' as const))
    if (added === null) return setFailed(true)
    if (added === 'refused') return announce(t('planning.plan.addRefused'))
    setPlan(added)
    announce(t('planning.plan.added'))
  }

  /** Null when published; else why not, shown and focused by "Publier" (focus reads it out: no announcement too). */
  const publish = (): string | null => {
    if (plan === null) return null
    const outcome = session.publishPlan(plan.assignments)
    if (!outcome.ok) return planningErrorText(t, outcome.error)
    const text = publishedText(t, language, outcome.value.written, outcome.value.skipped)
    setAgain(outcome.value.skipped > 0 ? plan.period : null)
    setPlan(null)
    setResult(text)
    announce(text)
    return null
  }

  return (
    <>
      <PageTitle name="planning.plan.title" />
      <CoordinationNav collectiveId={session.id} />
      <p>{t('planning.plan.intro')}</p>
      <form class="card" aria-labelledby="plan-period-title" onSubmit={propose} noValidate data-testid="plan-period">
        <h2 id="plan-period-title" tabIndex={-1}>{t('planning.plan.periodTitle')}</h2>
        <div class="planning-period">
          <InputField id="plan-from" type="date" label={t('planning.plan.from')} value={range.from} onInput={(from) => setRange({ ...range, from })} error={periodErrorText(t, errors.from)} />
          <InputField id="plan-to" type="date" label={t('planning.plan.to')} value={range.to} onInput={(to) => setRange({ ...range, to })} error={periodErrorText(t, errors.to)} />
        </div>
        <button type="submit" class="button button--primary">{t('planning.plan.propose')}</button>
        {failed && <p class="notice" role="alert">{t('planning.plan.failed')}</p>}
        {result && <p class="notice" data-testid="plan-published">{result}</p>}
        {again && (
          <button type="button" class="button" data-testid="plan-propose-again" onClick={() => {
            setRange({ from: again.from, to: again.to })
            run(again)
          }}>
            {t('planning.plan.proposeAgain')}
          </button>
        )}
      </form>
      {plan && (
        <section class="card" aria-labelledby="plan-proposal-title" data-testid="plan-proposal">
          <h2 id="plan-proposal-title" tabIndex={-1} ref={proposalHeading}>{t('planning.plan.proposalTitle')}</h2>
          <PlanProposal view={view} plan={plan} now={now} onEdit={edit} onAdd={add} />
          <div class="actions">
            {plan.assignments.length > 0 && <PublishAction onConfirm={publish} />}
            <button type="button" class="button button--quiet" onClick={() => {
              setPlan(null)
              announce(t('planning.plan.discarded'))
              requestAnimationFrame(() => document.getElementById('plan-period-title')?.focus())
            }}>
              {t('planning.plan.discard')}
            </button>
          </div>
        </section>
      )}
    </>
  )
}

/** "12 créneaux publiés. 1 créneau n’a pas été publié : entre-temps, …" */
export const publishedText = (t: Translate, language: Language, written: number, skipped: number): string => {
  const main = t(pluralKey(language, written, 'planning.plan.published.one', 'planning.plan.published.other'), { n: written })
  return skipped === 0 ? main : `${main} ${t(pluralKey(language, skipped, 'planning.plan.skipped.one', 'planning.plan.skipped.other'), { n: skipped })}`
}
