// The next periods of the rotation with their coordinator; on my family's periods, "Je cherche un remplaçant" and "Proposer un échange".
import { useState } from 'preact/hooks'
import type { CollectiveView, CoordinationCommands, SessionState } from '../../../app/api.ts'
import type { CoordinatorPeriod, PeriodOfferOutcome } from '../../../domain/coordination/index.ts'
import type { LocalDate } from '../../../domain/dates.ts'
import type { FamilyId } from '../../../domain/ids.ts'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { useI18n } from '../../i18n/context.tsx'
import { formatDay } from '../rota/rota-format.ts'
import { SelectField } from '../manage/fields.tsx'
import { familyNameOf, periodText } from './coordination-text.ts'
import { tradeTargets } from '../../../app/queries/coordination.ts'
import { swapErrorKey } from './offer-messages.ts'
import { followPeriodOffer, periodOfferToast } from './period-toast.ts'

interface ScheduleProps {
  readonly session: SessionState & CoordinationCommands
  readonly view: CollectiveView
  readonly periods: readonly CoordinatorPeriod[]
  readonly openOffers: readonly PeriodOfferOutcome[]
  readonly myFamily: FamilyId | null
  readonly today: LocalDate
}

export function ScheduleSection(props: ScheduleProps) {
  const { t } = useI18n()
  return (
    <section class="card" aria-labelledby="coord-schedule-title">
      <h2 id="coord-schedule-title">{t('coord.schedule.title')}</h2>
      <ul class="coord-periods" data-testid="schedule">
        {props.periods.map((period) => <PeriodRow key={period.start} {...props} period={period} />)}
      </ul>
    </section>
  )
}

function PeriodRow({ session, view, period, periods, openOffers, myFamily, today }: ScheduleProps & { period: CoordinatorPeriod }) {
  const { t, language } = useI18n()
  const announce = useAnnounce()
  const [trading, setTrading] = useState(false)
  const current = period.start <= today && today <= period.end
  const offered = openOffers.some((outcome) => outcome.offer.periodStart === period.start && outcome.offer.familyId === period.coordinator)
  const mine = myFamily !== null && period.coordinator === myFamily && period.end >= today
  const day = formatDay(period.start, language)
  const offer = (target?: CoordinatorPeriod) => {
    if (myFamily === null) return
    const result = session.offerPeriod(period.start, myFamily, target && target.coordinator ? { familyId: target.coordinator, periodStart: target.start } : undefined)
    if (!result.ok) return announce(t('coord.offers.error', { reason: t(swapErrorKey(result.error)) }))
    setTrading(false)
    const text = t('coord.schedule.offered', { day })
    const values = { day, familyName: (id: FamilyId) => familyNameOf(t, session.view.get(), id) }
    // "Offre publiée" follows the synced records: the author is told here when a family takes or declines it.
    announce(text, followPeriodOffer(session.view, result.value, (now) => periodOfferToast(t, now, text, values)))
  }
  return (
    <li data-testid="period" data-start={period.start}>
      <strong>{periodText(t, language, period)}</strong>
      {current && <span class="coord-tag">{t('coord.schedule.current')}</span>}
      <br />
      <span data-testid="period-coordinator">{period.coordinator === null ? t('coord.schedule.nobody') : familyNameOf(t, view, period.coordinator)}</span>
      {period.offerId !== null && <span class="coord-tag">{t('coord.schedule.swapped')}</span>}
      {offered && <span class="coord-tag">{t('coord.schedule.offerOpen')}</span>}
      {mine && !offered && (
        <div class="coord-actions">
          <button type="button" class="button" aria-label={t('coord.schedule.offerReplacementLabel', { day })} onClick={() => offer()}>
            {t('coord.schedule.offerReplacement')}
          </button>
          <button type="button" class="button" aria-label={t('coord.schedule.offerTradeFor', { day })} aria-expanded={trading} onClick={() => setTrading(!trading)}>
            {t('coord.schedule.offerTrade')}
          </button>
        </div>
      )}
      {mine && !offered && trading && myFamily !== null && <TradeForm view={view} targets={tradeTargets(periods, myFamily, today)} idPrefix={`trade-${period.start}`} onSubmit={offer} />}
    </li>
  )
}

interface TradeFormProps {
  readonly view: CollectiveView
  readonly targets: readonly CoordinatorPeriod[]
  readonly idPrefix: string
  readonly onSubmit: (target: CoordinatorPeriod) => void
}

function TradeForm({ view, targets, idPrefix, onSubmit }: TradeFormProps) {
  const { t, language } = useI18n()
  const [choice, setChoice] = useState(targets[0]?.start ?? '')
  const submit = (event: Event) => {
    event.preventDefault()
    const target = targets.find((period) => period.start === choice)
    if (target) onSubmit(target)
  }
  if (targets.length === 0) return <p>{t('coord.schedule.noTarget')}</p>
  return (
    <form onSubmit={submit}>
      <SelectField
        id={`${idPrefix}-target`}
        label={t('coord.schedule.tradeTarget')}
        value={choice}
        onChange={setChoice}
        options={targets.map((period) => ({ value: period.start, label: `${familyNameOf(t, view, period.coordinator)} : ${formatDay(period.start, language)}` }))}
      />
      <button type="submit" class="button">{t('coord.schedule.tradeSubmit')}</button>
    </form>
  )
}
