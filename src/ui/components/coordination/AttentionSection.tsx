// The coordinator's screen body: walks to cover, pending requests, records "to check", families without the charter (from coordinatorAttention).
import type { CollectiveView } from '../../../app/api.ts'
import type { CoordinatorAttention } from '../../../domain/coordination/index.ts'
import { commaList } from '../../i18n/formats.ts'
import { useI18n } from '../../i18n/context.tsx'
import { pluralKey } from '../../i18n/translate.ts'
import { familyNameOf } from './coordination-text.ts'
import { PendingRequests, WalksToCover } from './PendingList.tsx'

export function AttentionSection({ view, attention, collectiveId }: { view: CollectiveView; attention: CoordinatorAttention; collectiveId: string }) {
  const { t, language } = useI18n()
  const n = attention.toCheckCount
  return (
    <>
      <section class="card" aria-labelledby="duty-walks-title">
        <h2 id="duty-walks-title">{t('coord.duty.walks')}</h2>
        <WalksToCover view={view} walks={attention.walksToCover} empty={t('coord.duty.walksNone')} testId="duty-walks" />
      </section>
      <section class="card" aria-labelledby="duty-swaps-title">
        <h2 id="duty-swaps-title">{t('coord.duty.swaps')}</h2>
        <PendingRequests view={view} items={attention.pendingSwaps} empty={t('coord.duty.swapsNone')} testId="duty-swaps" />
      </section>
      {n > 0 && (
        <p class="notice" data-testid="duty-to-check">
          {t(pluralKey(language, n, 'coord.duty.toCheck.one', 'coord.duty.toCheck.other'), { n })} <a class="list__link" href={`/c/${collectiveId}/plus`}>{t('coord.duty.toCheckLink')}</a>
        </p>
      )}
      <section class="card" aria-labelledby="duty-charter-title">
        <h2 id="duty-charter-title">{t('coord.duty.charter')}</h2>
        {attention.familiesWithoutCharter.length === 0 ? (
          <p>{t('coord.duty.charterNone')}</p>
        ) : (
          <ul class="list" data-testid="duty-charter">
            {attention.familiesWithoutCharter.map((entry) => (
              <li key={entry.familyId} class="list__item">
                <a class="list__link" href={`/c/${collectiveId}/familles/${entry.familyId}`}>
                  {t('coord.duty.charterFamily', { family: familyNameOf(t, view, entry.familyId), adults: commaList(language, entry.adults.map((adult) => adult.firstName)) })}
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  )
}
