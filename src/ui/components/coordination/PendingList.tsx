// Lists shared by the coordinator's screen and the handover: walks to cover and pending requests, as plain text rows.
import type { CollectiveView } from '../../../app/api.ts'
import type { PendingItem } from '../../../domain/coordination/index.ts'
import type { WalkRota } from '../../../domain/rota-types.ts'
import { useI18n } from '../../i18n/context.tsx'
import type { Language, Translate } from '../../i18n/translate.ts'
import { directionText, formatDay, STATE_ICONS, stateText } from '../rota/rota-format.ts'
import { familyNameOf, lineNameOf } from './coordination-text.ts'

export const pendingItemText = (t: Translate, language: Language, view: Pick<CollectiveView, 'families' | 'lines'>, item: PendingItem): string => {
  const family = familyNameOf(t, view, item.familyId)
  if (item.kind === 'slotOffer' && item.walk) {
    return t('coord.duty.slotOffer', { family, line: lineNameOf(t, view, item.walk.lineId), day: formatDay(item.walk.date, language), direction: directionText(t, item.walk.direction) })
  }
  if (item.kind === 'periodOffer' && item.periodStart) return t('coord.duty.periodOffer', { family, day: formatDay(item.periodStart, language) })
  return t('coord.duty.otherRequest', { family })
}

export function WalksToCover({ view, walks, empty, testId }: { view: CollectiveView; walks: readonly WalkRota[]; empty: string; testId: string }) {
  const { t, language } = useI18n()
  if (walks.length === 0) return <p data-testid={testId}>{empty}</p>
  return (
    <ul class="list" data-testid={testId}>
      {walks.map((walk) => (
        <li key={walk.key} class="list__item">
          <span aria-hidden="true">{STATE_ICONS[walk.state]} </span>
          {t('coord.duty.walk', { line: lineNameOf(t, view, walk.lineId), day: formatDay(walk.date, language), direction: directionText(t, walk.direction), state: stateText(t, walk.state) })}
        </li>
      ))}
    </ul>
  )
}

export function PendingRequests({ view, items, empty, testId }: { view: CollectiveView; items: readonly PendingItem[]; empty: string; testId: string }) {
  const { t, language } = useI18n()
  if (items.length === 0) return <p data-testid={testId}>{empty}</p>
  return (
    <ul class="list" data-testid={testId}>
      {items.map((item) => <li key={`${item.kind}|${item.id}`} class="list__item">{pendingItemText(t, language, view, item)}</li>)}
    </ul>
  )
}
