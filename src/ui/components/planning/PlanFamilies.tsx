// Each family's walks in the planned period: the target, before and after the proposal; and the largest and total gap. Family order, no ranking.
import type { CollectiveView } from '../../../app/api.ts'
import type { Plan } from '../../../domain/planning/types.ts'
import { useI18n } from '../../i18n/context.tsx'
import { formatWalks, targetText } from './planning-text.ts'

export function PlanFamilies({ view, plan }: { view: Pick<CollectiveView, 'families'>; plan: Plan }) {
  const { t, language } = useI18n()
  const names = new Map(view.families.map((family) => [family.id, family.displayName]))
  return (
    <>
      <h3>{t('planning.plan.familiesTitle')}</h3>
      <div class="planning-scroll" role="region" aria-labelledby="plan-families-caption" tabIndex={0}>
        <table class="planning-table planning-table--stack" data-testid="plan-families">
          <caption id="plan-families-caption">{t('planning.plan.familiesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('planning.fairness.family')}</th>
              <th scope="col" class="num">{t('planning.plan.target')}</th>
              <th scope="col" class="num">{t('planning.plan.before')}</th>
              <th scope="col" class="num">{t('planning.plan.after')}</th>
            </tr>
          </thead>
          <tbody>
            {plan.families.map((row) => (
              <tr key={row.familyId}>
                <th scope="row">{names.get(row.familyId) ?? ''}</th>
                <td class="num" data-label={t('planning.plan.target')}>{targetText(t, row, language)}</td>
                <td class="num" data-label={t('planning.plan.before')}>{row.before}</td>
                <td class="num" data-label={t('planning.plan.after')}>{row.after}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p data-testid="plan-gaps">
        {t('planning.plan.gaps', { largest: formatWalks(plan.largestGap, language), total: formatWalks(plan.totalGap, language) })}
      </p>
    </>
  )
}
