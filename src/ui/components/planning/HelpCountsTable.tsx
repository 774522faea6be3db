// "Coups de main" on the Équité page: given and received per family, in the families' order, never ranked or coloured.
import { useMemo } from 'preact/hooks'
import type { CollectiveView } from '../../../app/api.ts'
import { helpCountsOf } from '../../../app/queries/help.ts'
import { useI18n } from '../../i18n/context.tsx'

export function HelpCountsTable({ view, now }: { view: CollectiveView; now: number }) {
  const { t } = useI18n()
  const rows = useMemo(() => helpCountsOf(view, now), [view, now])
  if (rows === null) return null
  return (
    <section class="card" aria-labelledby="help-counts-title" data-testid="help-counts">
      <h2 id="help-counts-title">{t('planning.helpCounts.title')}</h2>
      <p class="muted">{t('planning.helpCounts.intro')}</p>
      {rows.length === 0 ? <p class="muted">{t('planning.fairness.noFamilies')}</p> : (
        <div class="planning-scroll" role="region" aria-labelledby="help-counts-caption" tabIndex={0}>
          <table class="planning-table">
            <caption id="help-counts-caption">{t('planning.helpCounts.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('planning.fairness.family')}</th>
                <th scope="col" class="num">{t('planning.helpCounts.given')}</th>
                <th scope="col" class="num">{t('planning.helpCounts.received')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.familyId} data-testid="help-count-row">
                  <th scope="row">{row.name}</th>
                  <td class="num">{row.given}</td>
                  <td class="num">{row.received}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
