// "Qui a donné quoi": the fairness ledger as one neutral table, families in their usual order (never ranked), no colour for people.
import type { Family } from '../../../domain/family.ts'
import type { Ledger } from '../../../domain/planning/types.ts'
import { useI18n } from '../../i18n/context.tsx'
import { formatDay } from '../rota/rota-format.ts'
import { balanceWords, formatSigned, formatWalks } from './planning-text.ts'

interface LedgerTableProps {
  readonly ledger: Ledger
  readonly families: readonly Family[]
}

export function LedgerTable({ ledger, families }: LedgerTableProps) {
  const { t, language } = useI18n()
  const names = new Map(families.map((family) => [family.id, family.displayName]))
  if (ledger.rows.length === 0) return <p class="muted">{t('planning.fairness.noFamilies')}</p>
  return (
    <div class="planning-scroll" role="region" aria-labelledby="ledger-caption" tabIndex={0}>
      <table class="planning-table planning-table--stack" data-testid="ledger">
        <caption id="ledger-caption">{t('planning.fairness.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('planning.fairness.family')}</th>
            <th scope="col" class="num">{t('planning.fairness.done')}</th>
            <th scope="col" class="num">{t('planning.fairness.planned')}</th>
            <th scope="col" class="num">{t('planning.fairness.credits')}</th>
            <th scope="col" class="num">{t('planning.fairness.share')}</th>
            <th scope="col">{t('planning.fairness.balance')}</th>
          </tr>
        </thead>
        <tbody>
          {ledger.rows.map((row) => (
            <tr key={row.familyId} data-testid="ledger-row">
              <th scope="row">
                {names.get(row.familyId) ?? ''}
                {row.reducedUntil !== null && (
                  <span class="planning-table__words">{t('planning.fairness.reducedUntil', { day: formatDay(row.reducedUntil, language) })}</span>
                )}
              </th>
              <td class="num" data-label={t('planning.fairness.done')}>{row.done}</td>
              <td class="num" data-label={t('planning.fairness.planned')}>{row.planned}</td>
              <td class="num" data-label={t('planning.fairness.credits')}>{row.credits}</td>
              <td class="num" data-label={t('planning.fairness.share')}>{formatWalks(row.share, language)}</td>
              <td data-label={t('planning.fairness.balance')}>
                <span class="num">{formatSigned(row.balance, language)}</span>
                <span class="planning-table__words">{balanceWords(t, row.balance)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
